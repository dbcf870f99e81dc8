import { PGlite } from '@electric-sql/pglite'
import { enterScope, type Database, type OwnerQueryable, type Queryable, type Scope, type SessionLookup } from './database.ts'

interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
  exec(sql: string): Promise<unknown>
}

const wrap = (conn: PgliteLike): OwnerQueryable => ({
  query: async <T,>(sql: string, params: readonly unknown[] = []) => (await conn.query<T>(sql, [...params])).rows,
  exec: async (sql: string) => { await conn.exec(sql) },
})

/**
 * The embedded store: PostgreSQL in WASM in a directory (or in memory for tests). One
 * connection: PGlite serializes queries and transactions itself. It connects as a superuser,
 * so every transaction switches to the application role first (enterScope).
 */
export async function openPglite(dataDir: string | null): Promise<Database> {
  const pg = await PGlite.create(dataDir ?? undefined)
  let closed = false
  return {
    kind: 'pglite',
    async transaction<T>(scope: Scope, run: (q: Queryable, session: SessionLookup | null) => Promise<T>): Promise<T> {
      return pg.transaction(async (tx) => {
        const q = wrap(tx)
        return run(q, await enterScope(q, scope))
      })
    },
    asOwner: async <T,>(run: (q: OwnerQueryable) => Promise<T>) => run(wrap(pg)),
    // One process owns the embedded store, so its own connection hears every NOTIFY.
    async listen(channel, onMessage) {
      const unlisten = await pg.listen(channel, onMessage)
      return async () => { if (!closed) await unlisten() }
    },
    async close() {
      if (closed) return
      closed = true
      await pg.query('checkpoint')
      await pg.close()
    },
  }
}

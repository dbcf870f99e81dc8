import { createHash } from 'node:crypto'
import pg from 'pg'
import { beginAndEnterSql, enterScope, type Database, type OwnerQueryable, type Queryable, type Scope, type SessionLookup } from './database.ts'

// Counts and sequence numbers as numbers (they stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))

// Each statement is prepared once per connection under a name made from its text, so PostgreSQL
// parses and plans it once instead of on every request (the statements are a fixed set).
const names = new Map<string, string>()
const nameOf = (sql: string): string => {
  let name = names.get(sql)
  if (!name) {
    name = `icw_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`
    names.set(sql, name)
  }
  return name
}

const wrap = (client: pg.PoolClient): OwnerQueryable => ({
  query: async <T,>(sql: string, params: readonly unknown[] = []) => (await client.query({ name: nameOf(sql), text: sql, values: [...params] })).rows as T[],
  exec: async (sql: string) => { await client.query(sql) },
})

export interface PostgresOptions {
  /** The server's own connection: a role that owns nothing and is no superuser. */
  url: string
  /** For migrations at start (the schema's owner); defaults to `url`. */
  ownerUrl?: string | null
  poolSize?: number
}

/** A real PostgreSQL server (15 or later) through a connection pool. */
export function openPostgres(options: PostgresOptions): Database {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 })
  const ownerPool = options.ownerUrl && options.ownerUrl !== options.url
    ? new pg.Pool({ connectionString: options.ownerUrl, max: 2 })
    : pool
  // An idle connection's error (the database restarted) must not crash the process.
  for (const p of new Set([pool, ownerPool])) p.on('error', (err) => console.error(`PostgreSQL connection error: ${err.message}`))
  return {
    kind: 'postgres',
    async transaction<T>(scope: Scope, run: (q: Queryable, session: SessionLookup | null) => Promise<T>): Promise<T> {
      const client = await pool.connect()
      try {
        const q = wrap(client)
        const combined = beginAndEnterSql(scope)
        let found: SessionLookup | null = null
        if (combined) {
          const results = (await client.query(combined)) as unknown as pg.QueryResult[]
          found = scope.lookupSession ? ((results[1]?.rows[0] as SessionLookup | undefined) ?? null) : null
        } else {
          await client.query('begin')
          found = await enterScope(q, scope)
        }
        const result = await run(q, found)
        await client.query('commit')
        return result
      } catch (err) {
        await client.query('rollback').catch(() => undefined)
        throw err
      } finally {
        client.release()
      }
    },
    async asOwner<T>(run: (q: OwnerQueryable) => Promise<T>): Promise<T> {
      const client = await ownerPool.connect()
      try {
        return await run(wrap(client))
      } finally {
        client.release()
      }
    },
    async listen(channel, onMessage, onReconnect) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`Not a channel name: ${channel}`)
      let client: pg.Client | null = null
      let stopped = false
      let retry: NodeJS.Timeout | null = null
      // A connection of its own, outside the pool, held for as long as someone listens; when it
      // drops (the database restarted), it connects again after a second and says so.
      const connect = async (again: boolean): Promise<void> => {
        const c = new pg.Client({ connectionString: options.url })
        c.on('notification', (n) => { if (n.channel === channel && n.payload !== undefined) onMessage(n.payload) })
        const lost = () => {
          if (stopped || client !== c) return
          client = null
          c.end().catch(() => undefined)
          retry = setTimeout(() => { connect(true).catch(() => undefined) }, 1000)
        }
        c.on('error', (err) => { console.error(`PostgreSQL listening connection: ${err.message}`); lost() })
        c.on('end', lost)
        client = c
        try {
          await c.connect()
          await c.query(`listen ${channel}`)
        } catch (err) {
          if (!again) { client = null; await c.end().catch(() => undefined); throw err }
          lost()
          return
        }
        if (again) onReconnect?.()
      }
      await connect(false)
      return async () => {
        stopped = true
        if (retry) clearTimeout(retry)
        const c = client
        client = null
        await c?.end().catch(() => undefined)
      }
    },
    async close() {
      await pool.end()
      if (ownerPool !== pool) await ownerPool.end()
    },
  }
}

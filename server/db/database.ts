import { readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'

/** What a query answers: rows as plain objects. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>
}

/** The owner's connection also runs scripts of several statements (migrations). */
export interface OwnerQueryable extends Queryable {
  exec(sql: string): Promise<void>
}

/**
 * Whose rows a transaction may touch. Row-level security reads these settings; an unset one
 * matches nothing. `sessionToken` and `inviteToken` are hashes, never the secret itself.
 */
export interface Scope {
  practiceId?: string | null
  userId?: string | null
  sessionToken?: string | null
  inviteToken?: string | null
}

/** The role every request runs as: it owns nothing and is no superuser, so row security binds it. */
export const APP_ROLE = 'icw_app'

export interface Database {
  readonly kind: 'pglite' | 'postgres'
  /** One transaction as the application role with the scope's settings (transaction-local). */
  transaction<T>(scope: Scope, run: (q: Queryable) => Promise<T>): Promise<T>
  /** As the connecting (owner) role, outside row security: migrations and the audit check only. */
  asOwner<T>(run: (q: OwnerQueryable) => Promise<T>): Promise<T>
  /** LISTEN is for issue 13; close ends every connection (PGlite: CHECKPOINT first). */
  close(): Promise<void>
}

const SCOPE_SQL = `select set_config('role', '${APP_ROLE}', true),
  set_config('app.practice_id', $1, true), set_config('app.user_id', $2, true),
  set_config('app.session_token', $3, true), set_config('app.invite_token', $4, true)`

/** The first statement of every application transaction. */
export async function enterScope(q: Queryable, scope: Scope): Promise<void> {
  await q.query(SCOPE_SQL, [scope.practiceId ?? '', scope.userId ?? '', scope.sessionToken ?? '', scope.inviteToken ?? ''])
}

/** Moves the transaction to another practice (after the session says which one). */
export async function setScope(q: Queryable, scope: Pick<Scope, 'practiceId' | 'userId'>): Promise<void> {
  await q.query(`select set_config('app.practice_id', $1, true), set_config('app.user_id', $2, true)`, [scope.practiceId ?? '', scope.userId ?? ''])
}

const MIGRATIONS_DIR = resolve(import.meta.dirname, 'migrations')

/** The numbered SQL files, in order. */
export function readMigrations(): { version: number; name: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(resolve(MIGRATIONS_DIR, f), 'utf8') }))
}

/** Applies the migrations not yet applied, each in its own transaction, under an advisory lock. */
export async function migrate(db: Database): Promise<number[]> {
  return db.asOwner(async (q) => {
    await q.query('select pg_advisory_lock(7340211)')
    try {
      await q.query('create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())')
      const done = new Set((await q.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version))
      const applied: number[] = []
      for (const m of readMigrations()) {
        if (done.has(m.version)) continue
        await q.query('begin')
        try {
          await q.exec(m.sql)
          await q.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name])
          await q.query('commit')
        } catch (err) {
          await q.query('rollback')
          throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`, { cause: err })
        }
        applied.push(m.version)
      }
      return applied
    } finally {
      await q.query('select pg_advisory_unlock(7340211)')
    }
  })
}


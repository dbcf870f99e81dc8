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
  /**
   * Enter through the session instead: app_session(sessionToken) switches to icw_app, scopes the
   * transaction to the session's person and practice, and answers the session with them.
   */
  lookupSession?: boolean
}

/** What app_session answers: the session, its person, and their active role in its practice. */
export interface SessionLookup {
  session_id: string
  token_hash: string
  user_id: string
  practice_id: string | null
  state: 'active' | 'two-factor' | 'enroll-two-factor'
  created_at: Date
  last_seen_at: Date
  expires_at: Date
  email: string
  name: string
  password_hash: string
  totp_secret: string | null
  totp_enabled: boolean
  totp_last_step: number | null
  practice_name: string | null
  idle_timeout_minutes: number | null
  two_factor_roles: string[] | null
  role: 'admin' | 'supervisor' | 'coder' | 'trainee' | null
}

/** The role every request runs as: it owns nothing and is no superuser, so row security binds it. */
export const APP_ROLE = 'icw_app'

export interface Database {
  readonly kind: 'pglite' | 'postgres'
  /**
   * One transaction as the application role with the scope's settings (transaction-local);
   * with `lookupSession`, `run` also gets the session (null when the token matches none).
   */
  transaction<T>(scope: Scope, run: (q: Queryable, session: SessionLookup | null) => Promise<T>): Promise<T>
  /** As the connecting (owner) role, outside row security: migrations and the audit check only. */
  asOwner<T>(run: (q: OwnerQueryable) => Promise<T>): Promise<T>
  /**
   * LISTEN on a channel: `onMessage` gets each NOTIFY payload (sent by any process, at its commit).
   * `onReconnect` runs after a lost listening connection is back (notifications may have been
   * missed meanwhile). Answers a function that stops listening.
   */
  listen(channel: string, onMessage: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>
  /** Ends every connection (PGlite: CHECKPOINT first). */
  close(): Promise<void>
}

const SCOPE_SQL = `select set_config('role', '${APP_ROLE}', true),
  set_config('app.practice_id', $1, true), set_config('app.user_id', $2, true),
  set_config('app.session_token', $3, true), set_config('app.invite_token', $4, true)`

/** The first statement of every application transaction: after it, the transaction is icw_app's. */
export async function enterScope(q: Queryable, scope: Scope): Promise<SessionLookup | null> {
  if (scope.lookupSession) return (await q.query<SessionLookup>('select * from app_session($1)', [scope.sessionToken ?? '']))[0] ?? null
  await q.query(SCOPE_SQL, [scope.practiceId ?? '', scope.userId ?? '', scope.sessionToken ?? '', scope.inviteToken ?? ''])
  return null
}

const SAFE_LITERAL = /^[0-9a-f-]*$/

/**
 * BEGIN and the scope in one round trip (PostgreSQL's simple protocol runs both statements).
 * Only for values made of hex digits and dashes (ids and token hashes), written as literals;
 * anything else returns null and the caller sends the statements one by one.
 */
export function beginAndEnterSql(scope: Scope): string | null {
  const values = [scope.practiceId ?? '', scope.userId ?? '', scope.sessionToken ?? '', scope.inviteToken ?? '']
  if (!values.every((v) => SAFE_LITERAL.test(v))) return null
  const [practice, user, session, invite] = values.map((v) => `'${v}'`)
  if (scope.lookupSession) return `begin; select * from app_session(${session})`
  return `begin; select set_config('role', '${APP_ROLE}', true), set_config('app.practice_id', ${practice}, true),
    set_config('app.user_id', ${user}, true), set_config('app.session_token', ${session}, true), set_config('app.invite_token', ${invite}, true)`
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


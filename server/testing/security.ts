import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Hono } from 'hono'
import pg from 'pg'
import type { Role } from '../../src/group-api/schemas.ts'
import { hashPassword } from '../auth/passwords.ts'
import { hashToken, newToken } from '../auth/tokens.ts'
import { newTotpSecret } from '../auth/totp.ts'
import type { OwnerQueryable, Queryable } from '../db/database.ts'
import { createApp, type AppOptions } from '../http/app.ts'
import { ORIGIN, PASSWORD, TEST_COST, type SeededUser, type TestClient, type TestServer } from './harness.ts'

/**
 * Helpers for the security suites (authorization matrix, row security, body fuzzing, HTTP
 * hardening). Everything that reads or writes "as owner" goes through `asOwner` below.
 */

const ownerPools = new WeakMap<TestServer, pg.Pool>()

/**
 * Runs as the schema owner, outside row security. PGlite: the server's own asOwner (the
 * superuser). PostgreSQL: a pool of this file's own on the test database as the superuser of
 * TEST_DATABASE_URL, with an error listener. (The server's Database keeps a second pool for its
 * owner URL without one: an idle connection of it that the harness's `drop database ... with
 * (force)` terminates becomes an unhandled 'error' event, which fails the whole run.)
 */
export async function asOwner<T>(server: TestServer, run: (q: OwnerQueryable) => Promise<T>): Promise<T> {
  if (server.kind === 'pglite') return server.db.asOwner(run)
  let pool = ownerPools.get(server)
  if (!pool) {
    const [{ name }] = await server.db.transaction({}, (q) => q.query<{ name: string }>('select current_database() as name'))
    const url = new URL(process.env.TEST_DATABASE_URL ?? '')
    url.pathname = `/${name}`
    pool = new pg.Pool({ connectionString: url.toString(), max: 2 })
    pool.on('error', () => undefined)
    pool.on('connect', (client) => client.on('error', () => undefined))
    ownerPools.set(server, pool)
  }
  const client = await pool.connect()
  try {
    return await run({
      query: async <R,>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, [...params])).rows as R[],
      exec: async (sql: string) => { await client.query(sql) },
    })
  } finally {
    client.release()
  }
}

/** Ends this file's owner pool (its connections really gone), then the test server. */
export async function closeServer(server: TestServer | undefined): Promise<void> {
  if (!server) return
  const pool = ownerPools.get(server)
  if (pool) {
    ownerPools.delete(server)
    await pool.end()
  }
  await server.close()
}

/** The example encounter (src/domain/fixtures), for a patient of the caller's choosing. */
export function exampleEncounter(patientId: string): Record<string, unknown> {
  const raw = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/domain/fixtures/issue-example.json'), 'utf8')) as { encounter: Record<string, unknown> }
  return { ...raw.encounter, patientId }
}

/** A finalize body the server accepts whatever its check finds (the reason covers errors). */
export const finalizeBodyFor = (patientId: string) => ({ encounter: exampleEncounter(patientId), reason: 'Checked against the operative note.' })

/** Adds a member to an existing practice, as the owner (seedPractice always makes a new practice). */
export async function addMember(
  server: TestServer,
  practiceId: string,
  member: { email: string; name?: string; role: Role; twoFactor?: boolean; active?: boolean },
): Promise<SeededUser> {
  const id = crypto.randomUUID()
  const name = member.name ?? member.email.split('@')[0]
  const secret = member.twoFactor ? newTotpSecret(member.email).secret : null
  const hash = await hashPassword(PASSWORD, TEST_COST)
  await asOwner(server, async (q) => {
    await q.query(`insert into users (id, email, name, password_hash, totp_secret, totp_enabled, created_at, password_changed_at) values ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [id, member.email, name, hash, secret, !!secret, server.clock.now])
    await q.query('insert into memberships (practice_id, user_id, role, active, created_at, deactivated_at) values ($1, $2, $3, $4, $5, $6)',
      [practiceId, id, member.role, member.active ?? true, server.clock.now, member.active === false ? server.clock.now : null])
  })
  return { id, email: member.email, name, role: member.role, password: PASSWORD, totpSecret: secret }
}

/** An open invitation of a practice, written as the owner: its id and the link's token. */
export async function addInvite(server: TestServer, practiceId: string, invite: { email: string; role: Role; createdBy: string }): Promise<{ id: string; token: string }> {
  const id = crypto.randomUUID()
  const token = newToken()
  await asOwner(server, (q) => q.query(
    'insert into invites (id, practice_id, email, role, token_hash, created_by, created_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7, $8)',
    [id, practiceId, invite.email, invite.role, hashToken(token), invite.createdBy, server.clock.now, new Date(server.clock.now.getTime() + 30 * 86_400_000)]))
  return { id, token }
}

/** The id of the session behind a client's cookie (read as the owner, so it touches nothing). */
export async function sessionIdOf(server: TestServer, client: TestClient): Promise<string | null> {
  if (!client.cookie) return null
  const rows = await asOwner(server, (q) => q.query<{ id: string }>('select id from sessions where token_hash = $1', [hashToken(client.cookie!)]))
  return rows[0]?.id ?? null
}

/** Every base table of schema public (the owner's view). */
export async function publicTables(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ name: string }>(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' order by 1`)
  return rows.map((r) => r.name)
}

/** Tables that hold a practice's rows: a practice_id column (plus practices itself). */
export async function practiceTables(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ name: string }>(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and (c.relname = 'practices' or exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'practice_id' and not a.attisdropped))
    order by 1`)
  return rows.map((r) => r.name)
}

/** Row counts of every table, as the owner. */
export async function tableCounts(server: TestServer): Promise<Record<string, number>> {
  return asOwner(server, async (q) => {
    const tables = await publicTables(q)
    const sql = tables.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(' union all ')
    const rows = await q.query<{ t: string; n: number }>(sql)
    return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]))
  })
}

/**
 * Everything a practice holds, as the owner, in a stable text form: its rows in every practice
 * table, its members' accounts and backup codes, their sessions and sign-in events. A session's
 * last-seen time is left out: any request with a live session may touch it.
 */
export async function practiceFingerprint(server: TestServer, practiceId: string): Promise<Record<string, string[]>> {
  return asOwner(server, async (q) => {
    const members = 'select user_id from memberships where practice_id = $1'
    const row = (t: string, where: string) => `select '${t}' as k, (to_jsonb(x) - 'last_seen_at')::text as j from "${t}" x where ${where}`
    const parts = [
      ...(await practiceTables(q)).map((t) => row(t, `${t === 'practices' ? 'id' : 'practice_id'} = $1`)),
      row('users', `id in (${members})`),
      row('backup_codes', `user_id in (${members})`),
      `select 'member sessions' as k, (to_jsonb(x) - 'last_seen_at')::text as j from sessions x where user_id in (${members})`,
      `select 'member sign-in events' as k, to_jsonb(x)::text as j from auth_events x where user_id in (${members})
        or email in (select u.email from users u where u.id in (${members}))`,
    ]
    const out: Record<string, string[]> = {}
    for (const r of await q.query<{ k: string; j: string }>(parts.join(' union all '), [practiceId])) (out[r.k] ??= []).push(r.j)
    for (const list of Object.values(out)) list.sort()
    return out
  })
}

/**
 * What must never reach another practice: the practice's id and name, its members' ids, emails
 * and names, the ids of its encounters, invitations, attempts, decisions, sessions and history
 * imports (and their file names), and its patients' ids (finalized and imported).
 */
export async function practiceSecrets(server: TestServer, practiceId: string): Promise<string[]> {
  return asOwner(server, async (q) => {
    const rows = await q.query<{ v: string | null }>(`
      select id::text as v from practices where id = $1
      union select name from practices where id = $1
      union select u.id::text from users u join memberships m on m.user_id = u.id where m.practice_id = $1
      union select u.email from users u join memberships m on m.user_id = u.id where m.practice_id = $1
      union select u.name from users u join memberships m on m.user_id = u.id where m.practice_id = $1
      union select id::text from encounters where practice_id = $1
      union select patient_id from encounters where practice_id = $1
      union select id::text from invites where practice_id = $1
      union select email from invites where practice_id = $1
      union select id::text from training_attempts where practice_id = $1
      union select id::text from practice_records where practice_id = $1
      union select id::text from review_decisions where practice_id = $1
      union select s.id::text from sessions s where s.practice_id = $1 or s.user_id in (select user_id from memberships where practice_id = $1)
      union select id::text from history_imports where practice_id = $1
      union select file_name from history_imports where practice_id = $1
      union select patient_id from history_lines where practice_id = $1`, [practiceId])
    return rows.map((r) => r.v).filter((v): v is string => !!v && v.length >= 6)
  })
}

/** The secrets of `secrets` found in `text` (case-insensitive). */
export function leaked(text: string, secrets: readonly string[]): string[] {
  const haystack = text.toLowerCase()
  return secrets.filter((s) => haystack.includes(s.toLowerCase()))
}

/**
 * Another HTTP app on the test server's database and clock, with other settings (HTTPS public
 * address, a low request limit, a small body limit) or the built app's static files.
 */
export function appOn(server: TestServer, overrides: Partial<AppOptions['config']> = {}, staticDir: string | null = null): Hono {
  return createApp({
    db: server.db,
    staticDir,
    now: () => server.clock.now,
    passwordCost: TEST_COST,
    config: {
      sessionMaxHours: 12, lockoutThreshold: 5, lockoutWindowMinutes: 15, addressFailureLimit: 50, addressRequestsPerMinute: 100_000,
      bodyLimitBytes: 256 * 1024, trustProxy: true, publicUrl: ORIGIN, ...overrides,
    },
  })
}

/** A raw request: exact body text and headers, nothing added but what is given. */
export async function rawRequest(app: Hono, method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) {
  const response = await app.request(path, { method, headers: init.headers ?? {}, ...(init.body !== undefined ? { body: init.body } : {}) })
  const text = await response.text()
  let body: any
  try { body = text ? JSON.parse(text) : null } catch { body = null }
  return { status: response.status, headers: response.headers, text, body }
}


import { randomBytes } from 'node:crypto'
import type { Hono } from 'hono'
import pg from 'pg'
import type { Role } from '../../src/group-api/schemas.ts'
import { hashPassword, type ScryptCost } from '../auth/passwords.ts'
import { totpCode } from '../auth/totp.ts'
import { migrate, type Database } from '../db/database.ts'
import { openPglite } from '../db/pglite.ts'
import { openPostgres } from '../db/postgres.ts'
import { createApp, type AppOptions } from '../http/app.ts'
import { ChangeHub } from '../services/change-hub.ts'

/**
 * The server under test, in process, on the store the run asks for: `ICW_TEST_STORE=postgres`
 * with `TEST_DATABASE_URL` (a superuser URL; each test file gets its own database, and the
 * server connects as a login role that is a member of icw_app and owns nothing), or PGlite in
 * memory (the default).
 */
export const TEST_STORE: 'pglite' | 'postgres' = process.env.ICW_TEST_STORE === 'postgres' ? 'postgres' : 'pglite'

/** Cheap scrypt for tests; the stored parameters make verification follow each hash's own. */
export const TEST_COST: ScryptCost = { N: 1024, r: 8, p: 1 }
export const ORIGIN = 'http://icw.test'
export const PASSWORD = 'amber kettle violin harbor'

export interface Clock {
  now: Date
  advance(ms: number): void
}

export interface SeededUser {
  id: string
  email: string
  name: string
  role: Role
  password: string
  totpSecret: string | null
}

export interface TestServer {
  kind: 'pglite' | 'postgres'
  app: Hono
  /** The server's own connection (as icw_app / the non-owner login role). */
  db: Database
  clock: Clock
  client(ip?: string): TestClient
  /** A practice with members, written straight to the database as its owner. */
  seedPractice(name: string, members: readonly { email: string; name?: string; role: Role; twoFactor?: boolean; active?: boolean }[]): Promise<{ practiceId: string; users: Record<string, SeededUser> }>
  /** The current code of a seeded user's authenticator. */
  code(user: SeededUser): string
  /** The process's LISTEN fan-out (event streams). */
  hub: ChangeHub
  /** Another server process on the same PostgreSQL database (its own pool and LISTEN). */
  secondInstance(): Promise<{ app: Hono; hub: ChangeHub; client(ip?: string): TestClient; close(): Promise<void> }>
  close(): Promise<void>
}

export interface CallResult {
  status: number
  body: any  
  text: string
  headers: Headers
}

/** Reads an event stream until `count` events have arrived (or it ends), then cancels it. */
export async function readEvents(response: Response, count: number, timeoutMs = 10_000): Promise<string> {
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  const deadline = setTimeout(() => { void reader.cancel() }, timeoutMs)
  try {
    while (text.split('\n\n').filter((block) => /^event: /m.test(block)).length < count) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
  } finally {
    clearTimeout(deadline)
    await reader.cancel().catch(() => undefined)
  }
  return text
}

/** A browser: one cookie jar and one address, the page's own Origin on every write. */
export class TestClient {
  cookie: string | null = null
  constructor(private readonly app: Hono, readonly ip: string) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<CallResult> {
    const init: RequestInit = {
      method,
      headers: {
        'x-forwarded-for': this.ip,
        'user-agent': 'icw-test',
        ...(method !== 'GET' ? { origin: ORIGIN } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: `icw_session=${this.cookie}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    }
    const response = await this.app.request(path, init)
    const setCookie = response.headers.get('set-cookie')
    if (setCookie) {
      const value = /icw_session=([^;]*)/.exec(setCookie)?.[1] ?? ''
      this.cookie = value || null
    }
    // An event stream never ends: read up to its first event, then hang up (as a closed tab does).
    const text = (response.headers.get('content-type') ?? '').startsWith('text/event-stream') ? await readEvents(response, 1) : await response.text()
    let parsed: unknown
    try { parsed = text ? JSON.parse(text) : null } catch { parsed = null }
    return { status: response.status, body: parsed, text, headers: response.headers }
  }

  get = (path: string) => this.call('GET', path)
  post = (path: string, body?: unknown) => this.call('POST', path, body)
  patch = (path: string, body?: unknown) => this.call('PATCH', path, body)
  delete = (path: string) => this.call('DELETE', path)

  /** Signs in with a password, and the authenticator code when the account has one. */
  async signIn(user: SeededUser, server: TestServer): Promise<CallResult> {
    const first = await this.post('/api/auth/sign-in', { email: user.email, password: user.password })
    if (first.status !== 200 || first.body.state !== 'two-factor' || !user.totpSecret) return first
    server.clock.advance(30_000) // a code works once: the next step's code
    return this.post('/api/auth/two-factor/verify', { code: server.code(user) })
  }
}

async function openTestDatabase(): Promise<{ db: Database; owner: Database; serverUrl: string | null; drop: () => Promise<void> }> {
  if (TEST_STORE === 'pglite') {
    const db = await openPglite(null)
    await migrate(db)
    return { db, owner: db, serverUrl: null, drop: () => db.close() }
  }
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) throw new Error('ICW_TEST_STORE=postgres needs TEST_DATABASE_URL (a superuser URL)')
  const name = `icw_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  const ownerUrl = withDatabase(adminUrl, name)
  const owner = openPostgres({ url: ownerUrl, poolSize: 2 })
  await migrate(owner)
  await admin.query(`do $$ begin if not exists (select from pg_roles where rolname = 'icw_server') then create role icw_server login; end if; end $$`)
  await admin.query('grant icw_app to icw_server')
  await admin.query(`grant connect on database ${name} to icw_server`)
  const serverUrl = withDatabase(adminUrl, name, 'icw_server')
  const db = openPostgres({ url: serverUrl, ownerUrl, poolSize: 10 })
  return {
    db,
    owner,
    serverUrl,
    drop: async () => {
      await db.close()
      await owner.close()
      await admin.query(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}

function withDatabase(url: string, database: string, user?: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  if (user) { u.username = user; u.password = '' }
  return u.toString()
}

export async function createTestServer(overrides: Partial<AppOptions['config']> = {}): Promise<TestServer> {
  const { db, owner, serverUrl, drop } = await openTestDatabase()
  const clock: Clock = { now: new Date('2026-12-01T15:00:00.000Z'), advance(ms) { this.now = new Date(this.now.getTime() + ms) } }
  const appOn = (database: Database, hub: ChangeHub) => createApp({
    db: database,
    hub,
    streamCheckMs: 200,
    staticDir: null,
    now: () => clock.now,
    passwordCost: TEST_COST,
    config: {
      sessionMaxHours: 12, lockoutThreshold: 5, lockoutWindowMinutes: 15, addressFailureLimit: 50, addressRequestsPerMinute: 100_000,
      bodyLimitBytes: 256 * 1024, trustProxy: true, publicUrl: ORIGIN, ...overrides,
    },
  })
  const hub = new ChangeHub(db)
  const app = appOn(db, hub)
  const others: (() => Promise<void>)[] = []
  let clients = 0
  const { newTotpSecret } = await import('../auth/totp.ts')
  return {
    kind: TEST_STORE,
    app,
    db,
    clock,
    client: (ip) => new TestClient(app, ip ?? `10.0.0.${++clients}`),
    async seedPractice(name, members) {
      const practiceId = crypto.randomUUID()
      const users: Record<string, SeededUser> = {}
      await owner.asOwner(async (q) => {
        await q.query('insert into practices (id, name, created_at) values ($1, $2, $3)', [practiceId, name, clock.now])
        for (const m of members) {
          const existing = (await q.query<{ id: string; totp_secret: string | null }>('select id, totp_secret from users where email = $1', [m.email]))[0]
          const id = existing?.id ?? crypto.randomUUID()
          const secret = existing ? existing.totp_secret : m.twoFactor ? newTotpSecret(m.email).secret : null
          if (!existing) {
            await q.query(`insert into users (id, email, name, password_hash, totp_secret, totp_enabled, created_at, password_changed_at) values ($1, $2, $3, $4, $5, $6, $7, $7)`,
              [id, m.email, m.name ?? m.email.split('@')[0], await hashPassword(PASSWORD, TEST_COST), secret, !!secret, clock.now])
          }
          await q.query('insert into memberships (practice_id, user_id, role, active, created_at) values ($1, $2, $3, $4, $5)', [practiceId, id, m.role, m.active ?? true, clock.now])
          users[m.email] = { id, email: m.email, name: m.name ?? m.email.split('@')[0], role: m.role, password: PASSWORD, totpSecret: secret }
        }
      })
      return { practiceId, users }
    },
    code: (user) => totpCode(user.totpSecret!, clock.now),
    hub,
    secondInstance() {
      if (!serverUrl) return Promise.reject(new Error('A second server process shares a PostgreSQL server only (PGlite has one process)'))
      const otherDb = openPostgres({ url: serverUrl, poolSize: 4 })
      const otherHub = new ChangeHub(otherDb)
      const otherApp = appOn(otherDb, otherHub)
      let closing: Promise<void> | null = null
      const close = () => (closing ??= (async () => { await otherHub.close(); await otherDb.close() })())
      others.push(close)
      return Promise.resolve({ app: otherApp, hub: otherHub, client: (ip?: string) => new TestClient(otherApp, ip ?? `10.1.0.${++clients}`), close })
    },
    close: async () => {
      for (const close of others) await close()
      await hub.close()
      await drop()
    },
  }
}

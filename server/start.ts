import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import type { ScryptCost } from './auth/passwords.ts'
import { newToken } from './auth/tokens.ts'
import type { ServerConfig } from './config.ts'
import { migrate, type Database } from './db/database.ts'
import { openPglite } from './db/pglite.ts'
import { openPostgres } from './db/postgres.ts'
import { createApp } from './http/app.ts'
import { lockDataDir } from './lock.ts'
import { issueSetupToken, needsSetup } from './services/accounts.ts'
import { ChangeHub } from './services/change-hub.ts'
import { schedulePruning } from './services/idempotency.ts'

export interface RunningServer {
  url: string
  db: Database
  /** The one-time setup link, when the server has no account yet. */
  setupLink: string | null
  stop(): Promise<void>
}

export interface StartOptions {
  log?: (line: string) => void
  now?: () => Date
  passwordCost?: ScryptCost
}

/** Opens the store (PGlite under DATA_DIR, or PostgreSQL), migrates it, and listens. */
export async function openDatabase(config: ServerConfig): Promise<{ db: Database; unlock: () => void }> {
  if (config.databaseUrl) return { db: openPostgres({ url: config.databaseUrl, ownerUrl: config.databaseOwnerUrl, poolSize: config.databasePoolSize }), unlock: () => undefined }
  const unlock = lockDataDir(config.dataDir)
  try {
    return { db: await openPglite(resolve(config.dataDir, 'pglite')), unlock }
  } catch (err) {
    unlock()
    throw err
  }
}

/** Says so when the server's connection could skip row security (a superuser, or the tables' owner). */
async function checkRuntimeRole(db: Database, log: (line: string) => void) {
  if (db.kind !== 'postgres') return
  const row = (await db.transaction({}, (q) => q.query<{ session_user: string; super: boolean; owner: boolean }>(
    `select session_user, (select rolsuper from pg_roles where rolname = session_user) as super,
       exists (select 1 from pg_tables where schemaname = 'public' and tableowner = session_user) as owner`)))[0]
  if (row?.super || row?.owner) {
    log(`Warning: DATABASE_URL connects as "${row.session_user}", ${row.super ? 'a superuser' : 'the owner of the tables'}. Every transaction still runs as icw_app under row security, but give the server its own role (see README, Group server).`)
  }
}

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line))
  const { db, unlock } = await openDatabase(config)
  let server: ServerType | null = null
  let stopPruning: () => void = () => undefined
  try {
    const applied = await migrate(db)
    if (applied.length > 0) log(`Database: applied migration${applied.length > 1 ? 's' : ''} ${applied.join(', ')}.`)
    await checkRuntimeRole(db, log)
    if (!existsSync(resolve(config.staticDir, 'index.html'))) log(`Warning: no built app in ${config.staticDir}: run "npm run build" (npm run server does).`)
    const hub = new ChangeHub(db)
    const app = createApp({ db, config, hub, staticDir: config.staticDir, ...(options.now ? { now: options.now } : {}), ...(options.passwordCost ? { passwordCost: options.passwordCost } : {}) })
    // At start and every hour: idempotency keys past their retention (see services/idempotency.ts).
    const pruning = schedulePruning(db, { retentionDays: config.idempotencyRetentionDays, now: options.now ?? (() => new Date()), log })
    stopPruning = pruning.stop
    await pruning.first
    const listening = await new Promise<AddressInfo>((done, failed) => {
      server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => done(info))
      server.once('error', failed)
    })
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${listening.port}`
    const origin = config.publicUrl ?? url
    const now = options.now ?? (() => new Date())
    const setupLink = await db.transaction({}, async (q) => {
      if (!(await needsSetup(q))) return null
      const token = newToken()
      await issueSetupToken(q, token, now())
      return `${origin}/#/setup/${token}`
    })
    log(`Group server on ${url} (${db.kind === 'pglite' ? `embedded store in ${config.dataDir}` : 'PostgreSQL'}).`)
    if (setupLink) log(`No account yet. Open this one-time link to create the practice and its first admin (valid 24 hours):\n  ${setupLink}`)
    let stopping: Promise<void> | null = null
    return {
      url, db, setupLink,
      stop: () => (stopping ??= (async () => {
        stopPruning()
        // Event streams end first: closing the HTTP server waits for open connections.
        await hub.close()
        await new Promise<void>((done) => (server ? server.close(() => done()) : done()))
        await db.close()
        unlock()
      })()),
    }
  } catch (err) {
    ;(server as ServerType | null)?.close()
    stopPruning()
    await db.close().catch(() => undefined)
    unlock()
    throw err
  }
}

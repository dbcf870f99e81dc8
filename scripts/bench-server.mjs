// `npm run bench:server`: the group server under load on 127.0.0.1, on PGlite and on PostgreSQL.
// It reports; it never fails on a target (exit 0), only on a crash (exit 1).
//
//   node scripts/bench-server.mjs [--store pglite|postgres|both] [--seconds 10] [--connections 50] [--quick]
//
// For each store it starts the server as its own process (node --import tsx server/main.ts; on
// PostgreSQL against a throwaway cluster, connected as a non-owner login role), creates the
// practice through the setup link, turns on the admin's authenticator, invites a coder, and then
// measures:
//   - an authenticated read: GET /api/training/attempts as the coder (the session check, then
//     one indexed query), from N keep-alive connections for S seconds: requests per second and
//     p50/p95/p99 latency from every request's own time (exact percentiles, not a histogram);
//   - a floor for comparison: GET /api/health, one transaction with `select 1` and no session;
//   - sign-ins per second (each one scrypt at N=2^15, r=8, p=3) from 4 connections.
// The load generator is this process: it shares the machine's cores with the server (and
// PostgreSQL), so the load average is printed with the figures.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import { createServer } from 'node:net'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { TOTP, Secret } from 'otpauth'
import { startCluster } from './pg-cluster.mjs'

const root = resolve(import.meta.dirname, '..')
const { values: opts } = parseArgs({
  options: {
    store: { type: 'string', default: 'both' },
    seconds: { type: 'string' },
    connections: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
})
const SECONDS = Number(opts.seconds ?? (opts.quick ? 1 : 10))
const CONNECTIONS = Number(opts.connections ?? (opts.quick ? 5 : 50))
const SIGN_IN_CONNECTIONS = opts.quick ? 2 : 4
const TARGET_P95_MS = 20
const PASSWORD = 'bench lantern orchard pebble'

const freePort = () => new Promise((done) => {
  const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => done(port)) })
})

function startServer(env) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env: { ...process.env, ...env } })
  let output = ''
  child.stdout.on('data', (d) => { output += d })
  child.stderr.on('data', (d) => { output += d })
  const exited = new Promise((done) => child.once('exit', (code) => done(code)))
  return { child, output: () => output, exited }
}

async function waitFor(check, what, ms = 60_000) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`timed out waiting for ${what}`)
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

/** One request; resolves with status, headers and body text. */
function request(base, method, path, { body, cookie } = {}) {
  return new Promise((done, fail) => {
    const data = body === undefined ? null : JSON.stringify(body)
    const req = http.request(`${base}${path}`, {
      method, agent,
      headers: { origin: base, ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}), ...(cookie ? { cookie } : {}) },
    }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c) => { text += c })
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, text }))
    })
    req.on('error', fail)
    if (data) req.write(data)
    req.end()
  })
}

const cookieOf = (res) => (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.includes('icw_session=')) ?? null

async function expectOk(res, what) {
  if (res.status < 200 || res.status > 299) throw new Error(`${what}: ${res.status} ${res.text}`)
  return res.text ? JSON.parse(res.text) : null
}

/** The practice, its admin (with an authenticator) and a coder with a few practice attempts. */
async function seed(base, setupLink) {
  const token = setupLink.split('#/setup/')[1]
  const setup = await request(base, 'POST', '/api/setup', { body: { token, practiceName: 'Bench Pain', name: 'Bea Admin', email: 'bea@bench.test', password: PASSWORD } })
  await expectOk(setup, 'setup')
  const admin = cookieOf(setup)
  const { secret } = await expectOk(await request(base, 'POST', '/api/auth/two-factor/setup', { cookie: admin }), 'two-factor setup')
  const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate()
  await expectOk(await request(base, 'POST', '/api/auth/two-factor/enable', { cookie: admin, body: { code } }), 'two-factor enable')
  const invite = await expectOk(await request(base, 'POST', '/api/admin/invites', { cookie: admin, body: { email: 'cody@bench.test', role: 'coder' } }), 'invite')
  const accept = await request(base, 'POST', '/api/invites/accept', { body: { token: invite.link.split('#/invite/')[1], name: 'Cody Coder', password: PASSWORD } })
  await expectOk(accept, 'accept invite')
  const coder = cookieOf(accept)
  for (let i = 0; i < 20; i++) {
    await expectOk(await request(base, 'POST', '/api/training/attempts', { cookie: coder, body: { caseId: `case-${i}`, scorePercent: 50 + i, lines: [{ code: '64483', modifiers: ['RT'], units: 1 }] } }), 'attempt')
  }
  return { coder }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]

/** `connections` loops, each sending its next request when the last one answered, for `seconds`. */
async function load(connections, seconds, send) {
  const latencies = []
  let errors = 0
  const end = performance.now() + seconds * 1000
  const started = performance.now()
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < end) {
      const t = performance.now()
      try {
        const res = await send()
        if (res.status !== 200) errors++
      } catch {
        errors++
      }
      latencies.push(performance.now() - t)
    }
  }))
  const elapsed = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return { n: latencies.length, rps: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors }
}

const ms = (v) => `${v.toFixed(1)} ms`
const loadAverage = () => os.loadavg().map((v) => v.toFixed(2)).join(' ')

async function benchStore(store) {
  const dir = mkdtempSync(join(os.tmpdir(), `icw-bench-${store}-`))
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  let cluster = null
  const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, STATIC_DIR: join(dir, 'no-app'), ADDRESS_REQUESTS_PER_MINUTE: '100000', ADDRESS_FAILURE_LIMIT: '10000', DATABASE_URL: '' }
  if (store === 'postgres') {
    cluster = await startCluster()
    if (!cluster) throw new Error('PostgreSQL is not installed (apt-get install postgresql)')
    const admin = new pg.Client({ connectionString: cluster.url })
    await admin.connect()
    await admin.query('create database icw_bench')
    await admin.query('create role icw_app nologin')
    await admin.query('create role icw_server login in role icw_app')
    await admin.end()
    const owner = new URL(cluster.url); owner.pathname = '/icw_bench'
    const server = new URL(owner); server.username = 'icw_server'
    Object.assign(env, { DATABASE_URL: server.toString(), DATABASE_OWNER_URL: owner.toString() })
  }
  const running = startServer(env)
  try {
    await waitFor(async () => {
      if (running.child.exitCode !== null) throw new Error(`the server exited:\n${running.output()}`)
      return /#\/setup\/\S+/.test(running.output())
    }, 'the server to start')
    const setupLink = /(\S+#\/setup\/\S+)/.exec(running.output())[1]
    const { coder } = await seed(base, setupLink)
    // Warm-up: the server's first requests compile its code paths.
    await load(Math.min(CONNECTIONS, 10), opts.quick ? 0.3 : 2, () => request(base, 'GET', '/api/training/attempts', { cookie: coder }))
    const floor = await load(CONNECTIONS, Math.max(1, SECONDS / 2), () => request(base, 'GET', '/api/health'))
    const floorLoad = loadAverage()
    const read = await load(CONNECTIONS, SECONDS, () => request(base, 'GET', '/api/training/attempts', { cookie: coder }))
    const readLoad = loadAverage()
    const signIns = await load(SIGN_IN_CONNECTIONS, SECONDS, () => request(base, 'POST', '/api/auth/sign-in', { body: { email: 'cody@bench.test', password: PASSWORD } }))
    console.log(`\n${store}:`)
    console.log(`  floor: GET /api/health (one transaction, select 1, no session), ${CONNECTIONS} connections: ${floor.rps.toFixed(0)} req/s, p50 ${ms(floor.p50)}, p95 ${ms(floor.p95)}; load average ${floorLoad}`)
    console.log(`  authenticated read (GET /api/training/attempts), ${CONNECTIONS} connections, ${SECONDS} s: ${read.n} requests, ${read.rps.toFixed(0)} req/s, p50 ${ms(read.p50)}, p95 ${ms(read.p95)}, p99 ${ms(read.p99)}, non-200 ${read.errors}; load average ${readLoad}`)
    console.log(`  sign-ins (scrypt N=2^15 r=8 p=3), ${SIGN_IN_CONNECTIONS} connections, ${SECONDS} s: ${signIns.n} sign-ins, ${signIns.rps.toFixed(1)}/s, p50 ${ms(signIns.p50)}, p95 ${ms(signIns.p95)}, non-200 ${signIns.errors}; load average ${loadAverage()}`)
    if (store === 'postgres' && !opts.quick) console.log(`  target: authenticated read p95 <= ${TARGET_P95_MS} ms on PostgreSQL: ${read.p95 <= TARGET_P95_MS ? 'met' : 'NOT met'}`)
    if (read.errors > 0 || signIns.errors > 0 || floor.errors > 0) throw new Error(`${read.errors + signIns.errors} requests failed`)
  } finally {
    running.child.kill('SIGTERM')
    await running.exited
    await cluster?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

const stores = opts.store === 'both' ? ['pglite', 'postgres'] : [opts.store]
console.log(`Group server benchmark${opts.quick ? ' (quick)' : ''}: ${os.cpus().length} cores, Node ${process.version}`)
try {
  for (const store of stores) await benchStore(store)
  agent.destroy()
} catch (err) {
  console.error(`bench:server crashed: ${err.stack ?? err}`)
  agent.destroy()
  process.exit(1)
}

// `npm run bench:server`: the group server under load on 127.0.0.1, on PGlite and on PostgreSQL.
// It reports; it never fails on a target (exit 0), only on a crash (exit 1).
//
//   node scripts/bench-server.mjs [--store pglite|postgres|both] [--seconds 10] [--connections 50] [--quick]
//                                 [--generator wrk|node] [--profile <dir>]
//
// For each store it starts the server as its own process (node --import tsx server/main.ts; on
// PostgreSQL against a throwaway cluster, connected as a non-owner login role), creates the
// practice through the setup link, turns on the admin's authenticator, invites a coder, and then
// measures:
//   - an authenticated read: GET /api/training/attempts as the coder (the session check, then
//     one indexed query), from N keep-alive connections for S seconds: requests per second and
//     p50/p95/p99 latency;
//   - a floor for comparison: GET /api/health, one transaction with `select 1` and no session;
//   - where the CPU goes per read (server process, PostgreSQL, wrk; from /proc on Linux), and the
//     request rate that CPU allows on this machine's cores;
//   - finalize with 20 coders at once (each on its own session): the worked example for one of
//     500 patients, coded again on the server with the patient's history; p50/p95/p99;
//   - sign-ins per second (each one scrypt at N=2^15, r=8, p=3) from 4 connections.
// The load generator shares the machine's cores with the server and PostgreSQL. It is wrk
// (Debian's package) when installed: C, with its own latency histogram; otherwise this Node
// process (exact percentiles from every request's own time), which takes far more CPU.
// --profile writes a V8 CPU profile of the server process into <dir> (open it in Chrome DevTools).
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
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'

const root = resolve(import.meta.dirname, '..')
const { values: opts } = parseArgs({
  options: {
    store: { type: 'string', default: 'both' },
    seconds: { type: 'string' },
    connections: { type: 'string' },
    quick: { type: 'boolean', default: false },
    generator: { type: 'string' },
    profile: { type: 'string' },
  },
})
const SECONDS = Number(opts.seconds ?? (opts.quick ? 1 : 10))
const CONNECTIONS = Number(opts.connections ?? (opts.quick ? 5 : 50))
const SIGN_IN_CONNECTIONS = opts.quick ? 2 : 4
const TARGET_P95_MS = 20
const TARGET_FINALIZE_P95_MS = 100
const FINALIZE_CODERS = opts.quick ? 3 : 20
// wrk (Debian's package `wrk`, a load generator in C) takes a fraction of the CPU a Node loop
// needs, leaving more of the 2 cores to the server and PostgreSQL. Without it, the Node loop.
const hasWrk = spawnSync('wrk', ['--version']).error === undefined
const GENERATOR = opts.generator ?? (hasWrk ? 'wrk' : 'node')
if (GENERATOR === 'wrk' && !hasWrk) throw new Error('--generator wrk: wrk is not installed (apt-get install wrk)')
const PASSWORD = 'bench lantern orchard pebble'

const freePort = () => new Promise((done) => {
  const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => done(port)) })
})

function startServer(env) {
  const profile = opts.profile ? ['--cpu-prof', '--cpu-prof-dir', resolve(opts.profile)] : []
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/main.ts'], { cwd: root, env: { ...process.env, ...env } })
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

let agent = new http.Agent({ keepAlive: true, maxSockets: 256 })
/** A fresh agent: sockets left idle while wrk ran may have been closed by the server meanwhile. */
const freshAgent = () => { agent.destroy(); agent = new http.Agent({ keepAlive: true, maxSockets: 256 }) }

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
  return { coder, admin }
}

/** `count` more coders, each signed in on their own session (cookies). */
async function addCoders(base, admin, count) {
  const cookies = []
  for (let i = 0; i < count; i++) {
    const invite = await expectOk(await request(base, 'POST', '/api/admin/invites', { cookie: admin, body: { email: `coder-${i}@bench.test`, role: 'coder' } }), 'invite')
    const accept = await request(base, 'POST', '/api/invites/accept', { body: { token: invite.link.split('#/invite/')[1], name: `Coder ${i}`, password: PASSWORD } })
    await expectOk(accept, 'accept invite')
    cookies.push(cookieOf(accept))
  }
  return cookies
}

const EXAMPLE = JSON.parse(readFileSync(join(root, 'src/domain/fixtures/issue-example.json'), 'utf8')).encounter

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

/** The same measurement through wrk: its own latency histogram (microsecond resolution). */
function wrkLoad(base, path, cookie, connections, seconds, dir) {
  const script = join(dir, 'report.lua')
  writeFileSync(script, [
    cookie ? `wrk.headers["Cookie"] = "${cookie}"` : '',
    'done = function(summary, latency, requests)',
    '  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status',
    '  io.write(string.format("ICW %d %f %f %f %f %d\\n", summary.requests, summary.duration / 1e6,',
    '    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))',
    'end',
  ].join('\n'))
  const threads = Math.min(2, connections)
  const run = spawnSync('wrk', ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '-s', script, `${base}${path}`], { encoding: 'utf8' })
  const line = /ICW (\S+) (\S+) (\S+) (\S+) (\S+) (\S+)/.exec(run.stdout ?? '')
  if (!line) throw new Error(`wrk gave no report: ${run.stdout}${run.stderr}${run.error ?? ''}`)
  const [n, elapsed, p50, p95, p99, errors] = line.slice(1).map(Number)
  return { n, rps: n / elapsed, p50, p95, p99, errors }
}

/**
 * CPU time (user + system, in clock ticks of 10 ms) of every process by name, from /proc (Linux;
 * elsewhere null): where a request's CPU goes when the cores are the limit.
 */
function cpuByName() {
  try {
    const totals = new Map()
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let stat
      try { stat = readFileSync(`/proc/${pid}/stat`, 'utf8') } catch { continue }
      const close = stat.lastIndexOf(')')
      const name = stat.slice(stat.indexOf('(') + 1, close)
      const fields = stat.slice(close + 2).split(' ')
      const ticks = Number(fields[11]) + Number(fields[12])
      totals.set(name, (totals.get(name) ?? 0) + ticks)
    }
    return totals
  } catch {
    return null
  }
}

/**
 * CPU milliseconds per request of the server, PostgreSQL and the load generator between two
 * readings. wrk has exited by the second one: its time is in this process's children's time.
 */
function cpuPerRequest(before, after, requests) {
  if (!before.names || !after.names || before.server === null || after.server === null || before.self === null || after.self === null) return null
  const per = (ticks) => (ticks * 10) / requests
  const generator = GENERATOR === 'wrk' ? after.self.children - before.self.children : after.self.own - before.self.own
  return {
    server: per(after.server - before.server),
    postgres: per((after.names.get('postgres') ?? 0) - (before.names.get('postgres') ?? 0)),
    generator: per(generator),
  }
}

/** User + system clock ticks of one process (`own`), and of its exited children (`children`). */
function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number)
    return { own: f[11] + f[12], children: f[13] + f[14] }
  } catch {
    return null
  }
}

const cpuReading = (serverPid) => ({ names: cpuByName(), server: processTicks(serverPid)?.own ?? null, self: processTicks('self') })

/** One closed loop per client (each with its own session), for `seconds`. */
async function loadPerClient(clients, seconds, send) {
  const latencies = []
  let errors = 0
  const end = performance.now() + seconds * 1000
  const started = performance.now()
  await Promise.all(clients.map(async (client) => {
    while (performance.now() < end) {
      const t = performance.now()
      try {
        const res = await send(client)
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
    const { coder, admin } = await seed(base, setupLink)
    const coders = await addCoders(base, admin, FINALIZE_CODERS)
    // Warm-up: the server's first requests compile its code paths.
    await load(Math.min(CONNECTIONS, 10), opts.quick ? 0.3 : 2, () => request(base, 'GET', '/api/training/attempts', { cookie: coder }))
    const measure = (path, cookie, seconds) => GENERATOR === 'wrk'
      ? wrkLoad(base, path, cookie, CONNECTIONS, seconds, dir)
      : load(CONNECTIONS, seconds, () => request(base, 'GET', path, { cookie }))
    const floor = await measure('/api/health', undefined, Math.max(1, SECONDS / 2))
    const floorLoad = loadAverage()
    const cpuBefore = cpuReading(running.child.pid)
    const read = await measure('/api/training/attempts', coder, SECONDS)
    const cpu = cpuPerRequest(cpuBefore, cpuReading(running.child.pid), read.n)
    const readLoad = loadAverage()
    freshAgent()
    // Finalize: each coder sends the worked example (four procedures, a drug) for one of 500
    // patients, so the server codes it again with that patient's growing history, under the
    // patient's lock, and writes the encounter, its change and its access-log entry.
    let sent = 0
    const finalizes = await loadPerClient(coders, SECONDS, (cookie) => {
      const patientId = `PT-BENCH-${(sent++ * 7919) % 500}`
      return request(base, 'POST', '/api/encounters', { cookie, body: { encounter: { ...EXAMPLE, patientId }, reason: 'Benchmark: checked against the operative note.' } })
    })
    const signIns = await load(SIGN_IN_CONNECTIONS, SECONDS, () => request(base, 'POST', '/api/auth/sign-in', { body: { email: 'cody@bench.test', password: PASSWORD } }))
    console.log(`\n${store}:`)
    console.log(`  floor: GET /api/health (one transaction, select 1, no session), ${CONNECTIONS} connections: ${floor.rps.toFixed(0)} req/s, p50 ${ms(floor.p50)}, p95 ${ms(floor.p95)}; load average ${floorLoad}`)
    console.log(`  authenticated read (GET /api/training/attempts), ${CONNECTIONS} connections, ${SECONDS} s: ${read.n} requests, ${read.rps.toFixed(0)} req/s, p50 ${ms(read.p50)}, p95 ${ms(read.p95)}, p99 ${ms(read.p99)}, non-200 ${read.errors}; load average ${readLoad}`)
    if (cpu) console.log(`  CPU per authenticated read: server ${cpu.server.toFixed(2)} ms${store === 'postgres' ? `, PostgreSQL ${cpu.postgres.toFixed(2)} ms` : ' (PGlite runs inside it)'}, load generator (${GENERATOR}) ${cpu.generator.toFixed(2)} ms (${os.cpus().length} cores: at most ${((os.cpus().length * 1000) / (cpu.server + cpu.postgres + cpu.generator)).toFixed(0)} req/s)`)
    console.log(`  finalize (the server codes the encounter again with the patient's history), ${FINALIZE_CODERS} coders at once, ${SECONDS} s: ${finalizes.n} encounters, ${finalizes.rps.toFixed(0)}/s, p50 ${ms(finalizes.p50)}, p95 ${ms(finalizes.p95)}, p99 ${ms(finalizes.p99)}, non-200 ${finalizes.errors}`)
    console.log(`  sign-ins (scrypt N=2^15 r=8 p=3), ${SIGN_IN_CONNECTIONS} connections, ${SECONDS} s: ${signIns.n} sign-ins, ${signIns.rps.toFixed(1)}/s, p50 ${ms(signIns.p50)}, p95 ${ms(signIns.p95)}, non-200 ${signIns.errors}; load average ${loadAverage()}`)
    if (store === 'postgres' && !opts.quick) {
      console.log(`  target: authenticated read p95 <= ${TARGET_P95_MS} ms on PostgreSQL: ${read.p95 <= TARGET_P95_MS ? 'met' : 'NOT met'}`)
      console.log(`  target: finalize p95 <= ${TARGET_FINALIZE_P95_MS} ms with ${FINALIZE_CODERS} coders on PostgreSQL: ${finalizes.p95 <= TARGET_FINALIZE_P95_MS ? 'met' : 'NOT met'}`)
    }
    const failed = read.errors + signIns.errors + floor.errors + finalizes.errors
    if (failed > 0) throw new Error(`${failed} requests failed`)
  } finally {
    running.child.kill('SIGTERM')
    await running.exited
    await cluster?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

const stores = opts.store === 'both' ? ['pglite', 'postgres'] : [opts.store]
console.log(`Group server benchmark${opts.quick ? ' (quick)' : ''}: ${os.cpus().length} cores, Node ${process.version}, load generator: ${GENERATOR === 'wrk' ? 'wrk' : 'this Node process'}`)
try {
  for (const store of stores) await benchStore(store)
  agent.destroy()
} catch (err) {
  console.error(`bench:server crashed: ${err.stack ?? err}`)
  agent.destroy()
  process.exit(1)
}

// `npm run bench:server`: the group server under load on 127.0.0.1, on PGlite and on PostgreSQL.
// It reports; it never fails on a target (exit 0), only on a crash (exit 1).
//
//   node scripts/bench-server.mjs [--store pglite|postgres|both] [--seconds 10] [--connections 50] [--quick]
//                                 [--generator wrk|node] [--profile <dir>] [--only history|finalize|pull]
//                                 [--app <dir of a vite build>] [--page-profile <file>] [--no-browser]
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
//   - finalize with 20 coders at once (20 connections, each sending its next encounter when the
//     last one answered, the coders' sessions in turn): the worked example for one of 500
//     patients, coded again on the server with the patient's history; p50/p95/p99 (through wrk
//     when installed, as the reads);
//   - sign-ins per second (each one scrypt at N=2^15, r=8, p=3) from 4 connections;
//   - a claim-history import over HTTP as the browser sends it (the app's own uploadHistory and
//     group client: the first rows, parts of at most 1 MB that the server checks again and
//     stages, then one commit): 1,000,000 lines on PostgreSQL (100,000 on PGlite; 5,000 with
//     --quick), timed from the start to the commit's answer;
//   - the first replica pull into Chromium (Debian's, or Playwright's own): a second history file of
//     100,000 lines (2,000 with --quick) for other patients is uploaded first; then a browser with
//     the coder's session opens the app the server serves (built once into a directory of its
//     own) and the time is taken from opening the page until this device's replica holds every
//     line of that import (the app's own sync: change feed, then the import's lines page by page
//     into IndexedDB); the lines stored are counted after the clock stops. --no-browser skips it;
//   - on PostgreSQL, one patient's counters over that ledger: the patient's history read and
//     the rule evaluation, by the code finalize runs (patientHistory + evaluate), p50/p95/p99 over
//     many patients, from this process on the server's own database role.
// The load generator shares the machine's cores with the server and PostgreSQL. It is wrk
// (Debian's package) when installed: C, with its own latency histogram; otherwise this Node
// process (exact percentiles from every request's own time), which takes far more CPU.
// --profile writes a V8 CPU profile of the server process into <dir> (open it in Chrome DevTools).
// --only pull measures the first replica pull alone (its import, then the browser); --app uses an
// app already built (vite build --outDir <dir>) instead of building one; --page-profile writes
// the page's V8 CPU profile during the pull. Each line page's wait for the server, transfer and
// size are reported (medians) beside the pull's time.
/* global indexedDB */ // used in code that runs in the page (page.evaluate)
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
    // --only history: the history import and the counters alone (no read, finalize or sign-in load).
    // --only finalize: the read and finalize loads alone (no sign-ins, imports or counters).
    // --only pull: the first replica pull alone (its 100,000-line import, then the browser).
    only: { type: 'string' },
    // Parts in flight during the history import (default: the app's own, uploadHistory's).
    'parts-in-flight': { type: 'string' },
    // PostgreSQL's shared_buffers for the throwaway cluster (its compiled default is 128MB).
    'shared-buffers': { type: 'string' },
    generator: { type: 'string' },
    profile: { type: 'string' },
    // A V8 CPU profile of the page during the replica pull, written to this file (.cpuprofile).
    'page-profile': { type: 'string' },
    // An app already built (vite build --outDir <dir>) for the replica pull: not built again, not removed.
    app: { type: 'string' },
    // No Chromium: skips the first replica pull (and the app build it needs).
    'no-browser': { type: 'boolean', default: false },
  },
})
if (opts.only !== undefined && !['history', 'finalize', 'pull'].includes(opts.only)) throw new Error(`--only ${opts.only}: history, finalize or pull`)
if (opts.only === 'pull' && opts['no-browser']) throw new Error('--only pull needs the browser (drop --no-browser)')
const SECONDS = Number(opts.seconds ?? (opts.quick ? 1 : 10))
const CONNECTIONS = Number(opts.connections ?? (opts.quick ? 5 : 50))
const SIGN_IN_CONNECTIONS = opts.quick ? 2 : 4
const TARGET_P95_MS = 20
const TARGET_FINALIZE_P95_MS = 100
const TARGET_IMPORT_SECONDS = 15
const TARGET_COUNTERS_P95_MS = 5
/** History lines imported: the issue's million on PostgreSQL; fewer on PGlite (WASM, one connection). */
const importLines = (store) => (opts.quick ? 5_000 : store === 'postgres' ? 1_000_000 : 100_000)
/** About 40 lines per patient, as a practice's year of history might hold. */
const LINES_PER_PATIENT = 40
const COUNTER_SAMPLES = opts.quick ? 50 : 1000
const FINALIZE_CODERS = opts.quick ? 3 : 20
/** Lines of the import the first replica pull brings into the browser. */
const PULL_LINES = opts.quick ? 2_000 : 100_000
const TARGET_PULL_SECONDS = 5
/** The app the server serves for the replica pull: built once per run, into a directory of its own. */
const APP_DIR = opts.app ? resolve(opts.app) : join(os.tmpdir(), `icw-bench-server-app-${process.pid}`)
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
 * Finalize through wrk: one connection per coder, each sending its next encounter when the last
 * one answered (as loadPerClient does), the coders' sessions taken in turn and the patient one of
 * 500 as there. wrk's Lua builds each request from the body's two halves around the patient id,
 * so the load takes a few microseconds of CPU a request instead of Node's HTTP client's
 * milliseconds, which the server and PostgreSQL would otherwise share their two cores with.
 */
function wrkFinalize(base, cookies, seconds, dir) {
  const marker = '"__BENCH_PATIENT__"'
  const body = JSON.stringify({ encounter: { ...EXAMPLE, patientId: '__BENCH_PATIENT__' }, reason: 'Benchmark: checked against the operative note.' })
  const [before, after] = body.split(marker)
  const lua = (text) => `[==[${text}]==]`
  const script = join(dir, 'finalize.lua')
  writeFileSync(script, [
    `local cookies = { ${cookies.map((c) => `"${c}"`).join(', ')} }`,
    `local before, after = ${lua(before)}, ${lua(after)}`,
    'local threads = 0',
    'setup = function(thread) thread:set("tid", threads); threads = threads + 1 end',
    'local sent = 0',
    'request = function()',
    '  sent = sent + 1',
    '  local n = sent * 2 + tid',
    `  local headers = { ["Content-Type"] = "application/json", ["Origin"] = "${base}", ["Cookie"] = cookies[(n % #cookies) + 1] }`,
    '  return wrk.format("POST", "/api/encounters", headers, before .. [["PT-BENCH-]] .. ((n * 7919) % 500) .. [["]] .. after)',
    'end',
    'done = function(summary, latency, requests)',
    '  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status',
    '  io.write(string.format("ICW %d %f %f %f %f %d\\n", summary.requests, summary.duration / 1e6,',
    '    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))',
    'end',
  ].join('\n'))
  const run = spawnSync('wrk', ['-t', '2', '-c', String(cookies.length), '-d', `${seconds}s`, '-s', script, `${base}/api/encounters`], { encoding: 'utf8' })
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

/** The app's TypeScript modules, loaded the way the server loads them (tsx). */
async function appModules() {
  const { tsImport } = await import('tsx/esm/api')
  const load = (path) => tsImport(resolve(root, path), import.meta.url)
  const [upload, client, practiceData, postgres, domain] = await Promise.all([
    load('src/storage/group/history-upload.ts'), load('src/storage/group/client.ts'), load('server/services/practice-data.ts'),
    load('server/db/postgres.ts'), load('src/domain/index.ts'),
  ])
  return { uploadHistory: upload.uploadHistory, createFetchGroupClient: client.createFetchGroupClient, patientHistory: practiceData.patientHistory, openPostgres: postgres.openPostgres, evaluate: domain.evaluate, createContext: domain.createContext }
}

const HISTORY_CODES = [['64483', 'RT'], ['64493', 'LT'], ['64635', 'RT'], ['20552', ''], ['62323', ''], ['64490', '50'], ['77003', '26'], ['J3301', '']]
/** `lines` distinct claim lines for lines / 40 patients, 9 days apart back from 2026-10-13 (all within a year of the example's date of service). */
function historyFile(lines, prefix = 'PT-HIST') {
  const patients = Math.max(1, Math.round(lines / LINES_PER_PATIENT))
  const day = 86_400_000
  const start = Date.UTC(2026, 9, 13)
  const out = ['Patient Account,Date of Service,CPT,Modifiers,Units,Rendering Provider']
  for (let i = 0; i < lines; i++) {
    const round = Math.floor(i / patients)
    const [code, mod] = HISTORY_CODES[(i + round) % HISTORY_CODES.length]
    const date = new Date(start - (round % 40) * 9 * day - Math.floor(round / 40) * day).toISOString().slice(0, 10)
    out.push(`${prefix}-${i % patients},${date},${code},${mod},1,NPI${1000 + (i % 13)}`)
  }
  return { text: `${out.join('\n')}\n`, patients }
}

/** A GroupClient over HTTP with a session cookie (Node's fetch; the page's Origin on writes). */
function httpGroupClient(modules, base, cookie) {
  return modules.createFetchGroupClient((url, init = {}) => fetch(`${base}${url}`, {
    method: init.method, body: init.body, signal: init.signal,
    headers: { ...init.headers, cookie, ...(init.method && init.method !== 'GET' ? { origin: base } : {}) },
  }))
}

/** CPU seconds of the server (with its worker threads), PostgreSQL and this process between two readings (Linux). */
function cpuSeconds(before, after) {
  if (!before?.names || !after?.names || before.server === null || after.server === null || !before.self || !after.self) return null
  return { server: (after.server - before.server) / 100, postgres: ((after.names.get('postgres') ?? 0) - (before.names.get('postgres') ?? 0)) / 100, client: (after.self.own - before.self.own) / 100 }
}
const cpuText = (c) => (c ? `CPU: server ${c.server.toFixed(1)} s, PostgreSQL ${c.postgres.toFixed(1)} s, client ${c.client.toFixed(1)} s` : 'CPU not read')

/** The history import: the whole upload as the browser does it, timed to the commit's answer. */
async function benchImport(modules, store, base, cookie, serverPid, { lines = importLines(store), prefix = 'PT-HIST' } = {}) {
  const { text, patients } = historyFile(lines, prefix)
  const http = httpGroupClient(modules, base, cookie)
  // The same client, noting when the commit is sent (the split: parts, then the commit).
  let committing = 0
  let cpuAtCommit = null
  const client = { ...http, request: (route, ...args) => {
    if (route === 'commitHistoryImport') { committing = performance.now(); cpuAtCommit = cpuReading(serverPid) }
    return http.request(route, ...args)
  } }
  let parts = 0
  const cpuAtStart = cpuReading(serverPid)
  const started = performance.now()
  const result = await modules.uploadHistory(client, {
    fileName: `bench-${lines}.csv`, text,
    mapping: { patient: 0, dateOfService: 1, code: 2, modifiers: [3], units: 4, provider: 5 }, dateFormat: 'YYYY-MM-DD',
  }, { onProgress: () => { parts++ }, ...(opts['parts-in-flight'] ? { concurrency: Number(opts['parts-in-flight']) } : {}) })
  const ended = performance.now()
  const cpuAtEnd = cpuReading(serverPid)
  const seconds = (ended - started) / 1000
  if (result.added !== lines) throw new Error(`history import: ${result.added} lines added of ${lines} (${result.duplicates} duplicates)`)
  return { lines, patients, seconds, cpu: { parts: cpuSeconds(cpuAtStart, cpuAtCommit), commit: cpuSeconds(cpuAtCommit, cpuAtEnd) }, partsSeconds: (committing - started) / 1000, commitSeconds: (ended - committing) / 1000, megabytes: Buffer.byteLength(text) / 1e6, parts: parts - 1, result }
}

/**
 * One patient's counters on the server over the imported ledger: a transaction as the server's
 * role in the practice's scope, the patient's history (finalized encounters and imported lines),
 * then the rule module on the worked example, as finalize does before it writes.
 */
async function benchCounters(modules, databaseUrl, practiceId, patients) {
  const db = modules.openPostgres({ url: databaseUrl, poolSize: 2 })
  try {
    const today = '2026-10-14'
    const context = modules.createContext(today)
    const [{ n: ledger }] = await db.transaction({ practiceId }, (q) => q.query('select count(*)::int as n from history_lines'))
    const times = []
    const reads = []
    const whole = []
    let lines = 0
    // Timed inside the transaction finalize already holds: the history read and the evaluation
    // (and, apart, with the transaction's own begin, scope and commit round trips).
    const once = async (k) => {
      const patientId = `PT-HIST-${(k * 7919) % patients}`
      const begun = performance.now()
      let counted = 0
      let read = 0
      await db.transaction({ practiceId }, async (q) => {
        const t = performance.now()
        const history = await modules.patientHistory(q, practiceId, patientId)
        read = performance.now() - t
        lines += history.length
        modules.evaluate({ schemaVersion: 1, encounter: { ...EXAMPLE, patientId, dateOfService: today }, history }, context)
        counted = performance.now() - t
      })
      return { counted, read, whole: performance.now() - begun }
    }
    for (let k = 0; k < 20; k++) await once(k + 100_000)
    lines = 0
    for (let k = 0; k < COUNTER_SAMPLES; k++) {
      const sample = await once(k)
      times.push(sample.counted)
      reads.push(sample.read)
      whole.push(sample.whole)
    }
    for (const list of [times, reads, whole]) list.sort((a, b) => a - b)
    return {
      ledger: Number(ledger), samples: times.length, linesPerPatient: lines / times.length, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99),
      readP95: percentile(reads, 95), wholeP95: percentile(whole, 95),
    }
  } finally {
    await db.close()
  }
}
/**
 * The first replica pull: a browser with the coder's session opens the app and the clock runs
 * until the replica (the app's own IndexedDB database for this person and practice) holds every
 * line of the import `importId`. The page is polled every 25 ms for the import's `linesComplete`
 * mark, which the app sets in the transaction that stores the last page.
 */
async function benchReplicaPull(base, cookie, session, importId, expectedLines) {
  const { chromium } = await import('@playwright/test')
  const { CHROMIUM_ARGS, chromiumExecutablePath } = await import('../chromium-flags.mjs')
  const browser = await chromium.launch({ headless: true, executablePath: chromiumExecutablePath(), args: [...CHROMIUM_ARGS] })
  try {
    const context = await browser.newContext()
    const [name, value] = cookie.split('=')
    await context.addCookies([{ name, value, url: base }])
    const page = await context.newPage()
    const problems = []
    page.on('pageerror', (e) => problems.push(e.message))
    let firstSync = null
    let historyRequests = 0
    const pages = []
    page.on('request', (r) => {
      if (firstSync === null && r.url().includes('/api/sync/changes')) firstSync = performance.now()
      if (r.url().includes('/api/history/lines')) historyRequests++
    })
    // Each line page's wait for the server's first byte, its transfer, and its size.
    page.on('requestfinished', async (r) => {
      if (!r.url().includes('/api/history/lines')) return
      const t = r.timing()
      const sizes = await r.sizes().catch(() => null)
      pages.push({ at: performance.now(), wait: t.responseStart - t.requestStart, transfer: t.responseEnd - t.responseStart, bytes: sizes?.responseBodySize ?? 0 })
    })
    const replica = `icw-replica-${session.practice.id}-${session.user.id}`
    const cdp = opts['page-profile'] ? await context.newCDPSession(page) : null
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
    }
    const started = performance.now()
    await page.goto(`${base}/`)
    await page.evaluate(async ({ replica, importId, limitMs }) => {
      const end = performance.now() + limitMs
      const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
      const request = (req) => new Promise((done, fail) => { req.onsuccess = () => done(req.result); req.onerror = () => fail(req.error) })
      while (performance.now() < end) {
        // Open only a database the app has made (with its stores): opening one that does not exist would create it empty.
        const made = (await indexedDB.databases()).some((d) => d.name === replica && d.version > 0)
        if (made) {
          const db = await request(indexedDB.open(replica))
          try {
            if (db.objectStoreNames.contains('historyImports')) {
              const row = await request(db.transaction('historyImports').objectStore('historyImports').get(importId))
              if (row?.linesComplete) return
            }
          } finally {
            db.close()
          }
        }
        await sleep(25)
      }
      throw new Error(`the replica did not hold the import's lines within ${limitMs / 1000} s`)
    }, { replica, importId, limitMs: 300_000 })
    const ended = performance.now()
    if (cdp) writeFileSync(resolve(opts['page-profile']), JSON.stringify((await cdp.send('Profiler.stop')).profile))
    const stored = await page.evaluate(async ({ replica, importId }) => {
      const request = (req) => new Promise((done, fail) => { req.onsuccess = () => done(req.result); req.onerror = () => fail(req.error) })
      const db = await request(indexedDB.open(replica))
      try {
        const chunks = await request(db.transaction('history').objectStore('history').getAll())
        const encounters = await request(db.transaction('encounters').objectStore('encounters').count())
        return { lines: chunks.filter((c) => c.importId === importId).reduce((n, c) => n + c.lines.length, 0), encounters }
      } finally {
        db.close()
      }
    }, { replica, importId })
    if (stored.lines !== expectedLines) throw new Error(`replica pull: ${stored.lines} lines stored of ${expectedLines}`)
    if (problems.length) throw new Error(`replica pull: the page failed: ${problems.join('; ')}`)
    await context.close()
    const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0
    const pageTimes = { wait: median(pages.map((p) => p.wait)), transfer: median(pages.map((p) => p.transfer)), kilobytes: median(pages.map((p) => p.bytes)) / 1024,
      firstAt: pages.length ? (pages[0].at - started) / 1000 : null }
    return { pageTimes, seconds: (ended - started) / 1000, syncSeconds: firstSync === null ? null : (ended - firstSync) / 1000, lines: stored.lines, encounters: stored.encounters, historyRequests, browser: browser.version() }
  } finally {
    await browser.close()
  }
}
const loadAverage = () => os.loadavg().map((v) => v.toFixed(2)).join(' ')

async function benchStore(store) {
  const dir = mkdtempSync(join(os.tmpdir(), `icw-bench-${store}-`))
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  let cluster = null
  const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, STATIC_DIR: opts['no-browser'] ? join(dir, 'no-app') : APP_DIR, ADDRESS_REQUESTS_PER_MINUTE: '100000', ADDRESS_FAILURE_LIMIT: '10000', DATABASE_URL: '' }
  if (store === 'postgres') {
    cluster = await startCluster({ settings: opts['shared-buffers'] ? [`shared_buffers=${opts['shared-buffers']}`] : [] })
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
    const historyOnly = opts.only === 'history'
    const pullOnly = opts.only === 'pull'
    const measured = { floor: { errors: 0 }, read: { errors: 0 }, finalizes: { errors: 0 }, signIns: { errors: 0 } }
    if (!historyOnly && !pullOnly) {
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
      const cpuBeforeFinalize = cpuReading(running.child.pid)
      const finalizes = GENERATOR === 'wrk' ? wrkFinalize(base, coders, SECONDS, dir) : await loadPerClient(coders, SECONDS, (cookie) => {
        const patientId = `PT-BENCH-${(sent++ * 7919) % 500}`
        return request(base, 'POST', '/api/encounters', { cookie, body: { encounter: { ...EXAMPLE, patientId }, reason: 'Benchmark: checked against the operative note.' } })
      })
      const finalizeCpu = cpuPerRequest(cpuBeforeFinalize, cpuReading(running.child.pid), finalizes.n)
      const finalizeLoad = loadAverage()
      const signIns = opts.only === 'finalize' ? { n: 0, rps: 0, p50: 0, p95: 0, errors: 0 } : await load(SIGN_IN_CONNECTIONS, SECONDS, () => request(base, 'POST', '/api/auth/sign-in', { body: { email: 'cody@bench.test', password: PASSWORD } }))
      console.log(`\n${store}:`)
      console.log(`  floor: GET /api/health (one transaction, select 1, no session), ${CONNECTIONS} connections: ${floor.rps.toFixed(0)} req/s, p50 ${ms(floor.p50)}, p95 ${ms(floor.p95)}; load average ${floorLoad}`)
      console.log(`  authenticated read (GET /api/training/attempts), ${CONNECTIONS} connections, ${SECONDS} s: ${read.n} requests, ${read.rps.toFixed(0)} req/s, p50 ${ms(read.p50)}, p95 ${ms(read.p95)}, p99 ${ms(read.p99)}, non-200 ${read.errors}; load average ${readLoad}`)
      if (cpu) console.log(`  CPU per authenticated read: server ${cpu.server.toFixed(2)} ms${store === 'postgres' ? `, PostgreSQL ${cpu.postgres.toFixed(2)} ms` : ' (PGlite runs inside it)'}, load generator (${GENERATOR}) ${cpu.generator.toFixed(2)} ms (${os.cpus().length} cores: at most ${((os.cpus().length * 1000) / (cpu.server + cpu.postgres + cpu.generator)).toFixed(0)} req/s)`)
      console.log(`  finalize (the server codes the encounter again with the patient's history), ${FINALIZE_CODERS} coders at once, ${SECONDS} s: ${finalizes.n} encounters, ${finalizes.rps.toFixed(0)}/s, p50 ${ms(finalizes.p50)}, p95 ${ms(finalizes.p95)}, p99 ${ms(finalizes.p99)}, non-200 ${finalizes.errors}; load average ${finalizeLoad}`)
      // CPU per finalize is steadier than its latency on a shared machine (PostgreSQL's counts every postgres process on it).
      if (finalizeCpu) console.log(`  CPU per finalize: server ${finalizeCpu.server.toFixed(2)} ms${store === 'postgres' ? `, PostgreSQL ${finalizeCpu.postgres.toFixed(2)} ms` : ''}`)
      console.log(`  sign-ins (scrypt N=2^15 r=8 p=3), ${SIGN_IN_CONNECTIONS} connections, ${SECONDS} s: ${signIns.n} sign-ins, ${signIns.rps.toFixed(1)}/s, p50 ${ms(signIns.p50)}, p95 ${ms(signIns.p95)}, non-200 ${signIns.errors}; load average ${loadAverage()}`)
      Object.assign(measured, { floor, read, finalizes, signIns })
    } else console.log(`\n${store}:`)
    if (opts.only === 'finalize') {
      const failed = measured.read.errors + measured.floor.errors + measured.finalizes.errors
      if (failed > 0) throw new Error(`${failed} requests failed`)
      return
    }
    const modules = await appModules()
    freshAgent()
    const session = await expectOk(await request(base, 'GET', '/api/auth/session', { cookie: coder }), 'session')
    let pulled = null
    if (!opts['no-browser']) {
      // Before the big import, so the browser pulls this import's lines (and the encounters finalized above), not a million.
      const forPull = await benchImport(modules, store, base, coder, running.child.pid, { lines: PULL_LINES, prefix: 'PT-PULL' })
      pulled = await benchReplicaPull(base, coder, session, forPull.result.import.id, PULL_LINES)
      console.log(`  first replica pull into Chromium ${pulled.browser} (the app, signed in as a coder, from opening the page until IndexedDB holds every line of a ${PULL_LINES.toLocaleString('en-US')}-line import, with ${pulled.encounters.toLocaleString('en-US')} finalized encounters): ${pulled.seconds.toFixed(2)} s (from its first change-feed request ${pulled.syncSeconds === null ? 'not seen' : `${pulled.syncSeconds.toFixed(2)} s`}; ${pulled.historyRequests} line pages, each a median ${ms(pulled.pageTimes.wait)} waiting for the server, ${ms(pulled.pageTimes.transfer)} in transfer, ${pulled.pageTimes.kilobytes.toFixed(0)} KB; first page in at ${pulled.pageTimes.firstAt?.toFixed(2)} s); load average ${loadAverage()}`)
    }
    if (pullOnly) {
      if (pulled && !opts.quick) console.log(`  target: first replica pull of ${PULL_LINES.toLocaleString('en-US')} lines into Chromium <= ${TARGET_PULL_SECONDS} s: ${pulled.seconds <= TARGET_PULL_SECONDS ? 'met' : 'NOT met'}`)
      return
    }
    const imported = await benchImport(modules, store, base, coder, running.child.pid)
    console.log(`  history import over HTTP (uploadHistory: first rows, ${imported.parts} parts of <= 1 MB checked again on the server, one commit): ${imported.lines.toLocaleString('en-US')} lines (${imported.megabytes.toFixed(1)} MB, ${imported.patients.toLocaleString('en-US')} patients) in ${imported.seconds.toFixed(2)} s (start and parts ${imported.partsSeconds.toFixed(2)} s, ${cpuText(imported.cpu.parts)}; commit ${imported.commitSeconds.toFixed(2)} s, ${cpuText(imported.cpu.commit)}), ${(imported.lines / imported.seconds).toFixed(0)} lines/s; load average ${loadAverage()}`)
    let counters = null
    if (store === 'postgres') {
      counters = await benchCounters(modules, env.DATABASE_URL, session.practice.id, imported.patients)
      console.log(`  one patient's counters on the server (history read + rule evaluation, as finalize runs them) over a ${counters.ledger.toLocaleString('en-US')}-line imported ledger, ${counters.samples} patients (${counters.linesPerPatient.toFixed(0)} history lines each): p50 ${ms(counters.p50)}, p95 ${ms(counters.p95)}, p99 ${ms(counters.p99)} (history read alone p95 ${ms(counters.readP95)}; with the transaction's begin and commit p95 ${ms(counters.wholeP95)}); load average ${loadAverage()}`)
    }
    if (store === 'postgres' && !opts.quick) {
      const { read, finalizes } = measured
      console.log(`  target: 1,000,000-line history import <= ${TARGET_IMPORT_SECONDS} s on PostgreSQL: ${imported.seconds <= TARGET_IMPORT_SECONDS ? 'met' : 'NOT met'}`)
      if (pulled) console.log(`  target: first replica pull of ${PULL_LINES.toLocaleString('en-US')} lines into Chromium <= ${TARGET_PULL_SECONDS} s on PostgreSQL: ${pulled.seconds <= TARGET_PULL_SECONDS ? 'met' : 'NOT met'}`)
      console.log(`  target: one patient's counters p95 <= ${TARGET_COUNTERS_P95_MS} ms over a 1,000,000-line ledger: ${counters && counters.p95 <= TARGET_COUNTERS_P95_MS ? 'met' : 'NOT met'}`)
      if (!historyOnly) console.log(`  target: authenticated read p95 <= ${TARGET_P95_MS} ms on PostgreSQL: ${read.p95 <= TARGET_P95_MS ? 'met' : 'NOT met'}`)
      if (!historyOnly) console.log(`  target: finalize p95 <= ${TARGET_FINALIZE_P95_MS} ms with ${FINALIZE_CODERS} coders on PostgreSQL: ${finalizes.p95 <= TARGET_FINALIZE_P95_MS ? 'met' : 'NOT met'}`)
    }
    const failed = measured.read.errors + measured.signIns.errors + measured.floor.errors + measured.finalizes.errors
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
  if (!opts['no-browser'] && !opts.app) {
    const { buildApp } = await import('../bench/ui/preview-server.mjs')
    const build = await buildApp(root, { outDir: APP_DIR, attempts: opts.quick ? 1 : 3 })
    console.log(`app for the replica pull: vite build --outDir ${APP_DIR} ok in ${(build.ms / 1000).toFixed(1)} s`)
  }
  for (const store of stores) await benchStore(store)
  agent.destroy()
} catch (err) {
  console.error(`bench:server crashed: ${err.stack ?? err}`)
  agent.destroy()
  process.exitCode = 1
} finally {
  if (!opts.app) rmSync(APP_DIR, { recursive: true, force: true })
}

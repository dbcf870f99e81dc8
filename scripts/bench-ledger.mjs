// `npm run bench:ledger`: the issue's two storage targets, measured in Chromium on the app's
// own code (bench/ledger/main.ts, bundled by Vite):
//   1. importing 100,000 claim-history lines (target <= 3 s): parseHistoryCsv + the import
//      page's row mapping + store.importHistory, then the same file again (all duplicates);
//   2. one patient's counters on a 1,000,000-line ledger (target <= 5 ms): store.patientHistory
//      + evaluate() of a 10-procedure encounter, over 200 patients, cold (first read after a
//      browser restart) and warm (the same patients again).
// It reports; it exits 0 when a target is missed, 1 only on a crash.
//
//   node scripts/bench-ledger.mjs [--ledger 1000000] [--import 100000] [--chunk 50000] [--patients 200]
//                                 [--seed 1] [--port 4192] [--skip-build] [--no-extra]
//   node scripts/bench-ledger.mjs --profile indexes:key,indexes:patientId+key,indexes: [--import 100000]
//     instead: the cost of plain IndexedDB adds, one record per line, by the indexes on the store
//     (bench/ledger/import-experiments.ts)
//   node scripts/bench-ledger.mjs --quick   (scripts/bench-quick.mjs, `npm test`: a 3,000-line ledger of
//     100 patients (--patient-pool; the full run has 50,000), imports of 1,000 lines, 20 patients'
//     counters; build and browser profile under reports/bench-quick/, removed at the end; report
//     reports/bench-quick/bench-ledger.json; a free port. It shows the benchmark still runs, its
//     figures mean nothing. Flags given with it still apply.)
//
// Port 4192: 4190 (sieve) is on the Fetch standard's blocked-port list. The browser runs on a
// persistent profile in reports/bench-ledger/profile (on disk, as a user's; an incognito
// context would keep IndexedDB in memory), wiped at the start and the end; the database is new
// each run and deleted at the end.
/* global window */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { build, preview } from 'vite'
import { CHROMIUM_ARGS, chromiumExecutablePath } from '../chromium-flags.mjs'
import { freePort } from '../bench/ui/preview-server.mjs'

const root = resolve(import.meta.dirname, '..')
const CONFIG = resolve(root, 'bench/ledger/vite.config.ts')
const TARGET_IMPORT_MS = 3_000
const TARGET_COUNTERS_MS = 5

const { values: opts } = parseArgs({
  options: {
    ledger: { type: 'string' },
    import: { type: 'string' },
    chunk: { type: 'string' },
    patients: { type: 'string' },
    'patient-pool': { type: 'string' },
    seed: { type: 'string', default: '1' },
    port: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    'no-extra': { type: 'boolean', default: false },
    profile: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
})
const QUICK = opts.quick
if (QUICK && opts['skip-build']) throw new Error('--skip-build does not go with --quick: a quick run builds into a directory of its own')
// A quick run keeps its build and browser profile in a directory of its own (removed at the end)
// and serves on a free port, so it never replaces or meets a full run's files and server.
const QUICK_DIR = resolve(root, `reports/bench-quick/ledger-${process.pid}`)
const OUT_DIR = QUICK ? resolve(QUICK_DIR, 'dist') : resolve(root, 'reports/bench-ledger/dist')
const PROFILE_DIR = QUICK ? resolve(QUICK_DIR, 'profile') : resolve(root, 'reports/bench-ledger/profile')
const REPORT = resolve(root, QUICK ? 'reports/bench-quick/bench-ledger.json' : 'reports/bench-ledger.json')
const LEDGER = Number(opts.ledger ?? (QUICK ? '3000' : '1000000'))
const IMPORT = Number(opts.import ?? (QUICK ? '1000' : '100000'))
const CHUNK = Number(opts.chunk ?? (QUICK ? '1000' : '50000'))
const PATIENTS = Number(opts.patients ?? (QUICK ? '20' : '200'))
// Patients the ledger's lines belong to; unset: bench/ledger/ledger-data.ts's PATIENTS (50,000).
// A small ledger needs few, or the sampled patients would have no history to read.
const POOL = opts['patient-pool'] !== undefined ? Number(opts['patient-pool']) : QUICK ? 100 : null
const SEED = Number(opts.seed)
const PORT = opts.port !== undefined ? Number(opts.port) : QUICK ? await freePort() : 4192
const EXTRA = !opts['no-extra']
if (![LEDGER, IMPORT, CHUNK, PATIENTS, SEED, PORT, POOL ?? 1].every((n) => Number.isInteger(n) && n > 0) || LEDGER < IMPORT) {
  throw new Error('--ledger, --import, --chunk, --patients, --patient-pool, --seed and --port take positive whole numbers, and --ledger >= --import')
}
// The ledger in date order: the import file first, then chunks, then (not in the ledger while
// counters are measured) one more file of the import's size, imported into the full ledger.
const rest = LEDGER - IMPORT
const SIZES = [IMPORT, ...Array.from({ length: Math.ceil(rest / CHUNK) }, (_, i) => Math.min(CHUNK, rest - i * CHUNK)), IMPORT]

/**
 * CPU time (ms) used so far by this process and its live descendants (Chromium's processes,
 * the preview server runs in this one), from /proc; null elsewhere. Beside the wall time it
 * shows how much of a phase was this benchmark's own work when other processes share the CPU.
 */
function cpuMs() {
  try {
    const children = new Map()
    const times = new Map()
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue
      let stat
      try { stat = readFileSync(`/proc/${name}/stat`, 'utf8') } catch { continue }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const pid = Number(name)
      const ppid = Number(fields[1])
      times.set(pid, (Number(fields[11]) + Number(fields[12])) * 10) // utime + stime, in 10 ms ticks
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(pid)
    }
    let total = 0
    const stack = [...(children.get(process.pid) ?? [])]
    while (stack.length) {
      const pid = stack.pop()
      total += times.get(pid) ?? 0
      stack.push(...(children.get(pid) ?? []))
    }
    const own = process.cpuUsage()
    return total + (own.user + own.system) / 1000
  } catch {
    return null
  }
}
const cpuText = (ms) => (ms === null ? '?' : `${(ms / 1000).toFixed(1)} s`)
/** Runs `fn`, adding the CPU time the benchmark's processes used meanwhile as `cpuMs`. */
async function withCpu(fn) {
  const before = cpuMs()
  const result = await fn()
  const after = cpuMs()
  return { ...result, cpuMs: before === null || after === null ? null : after - before }
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ')
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] }
}
const ms = (v, digits = 2) => `${v.toFixed(digits)} ms`
const s = (v) => `${(v / 1000).toFixed(2)} s`
const int = (n) => n.toLocaleString('en-US')
const mb = (bytes) => (bytes === null ? '?' : `${(bytes / 1_048_576).toFixed(0)} MB`)
const pad = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')
function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)))
  console.log(pad(header, widths))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of rows) console.log(pad(r, widths))
}
const verdict = (value, target) => (value <= target ? 'target met' : 'target missed')

async function launch(baseUrl) {
  const context = await chromium.launchPersistentContext(PROFILE_DIR, {
    headless: true,
    executablePath: chromiumExecutablePath(),
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1280, height: 800 },
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const problems = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`) })
  await page.goto(baseUrl)
  await page.waitForSelector('#status[data-ready="true"]', { timeout: 30_000 })
  return { context, page, problems }
}

function importRow(label, r) {
  return [label, int(r.lines), s(r.parseMs + r.rowsMs), s(r.writeMs), s(r.totalMs), cpuText(r.cpuMs), int(r.added), int(r.duplicates), r.loadAfter]
}

async function main() {
  const startedAt = new Date().toISOString()
  const report = { startedAt, node: process.version, cores: os.cpus().length, load: { before: load() }, options: { QUICK, LEDGER, IMPORT, CHUNK, PATIENTS, POOL, SEED, SIZES } }
  console.log(`bench:ledger — node ${process.version}, ${chromiumExecutablePath() ?? "Playwright's Chromium"}, ${os.cpus().length} cores, load average ${load()} (1/5/15 min) at start`)
  if (QUICK) console.log(`quick mode (--quick): a ${int(LEDGER)}-line ledger of ${int(POOL ?? 50_000)} patients, its own build and a free port; it checks that the benchmark runs, its figures mean nothing`)

  const relative = (path) => path.replace(`${root}/`, '')
  if (opts['skip-build']) console.log(`build: skipped (--skip-build), serving ${OUT_DIR}`)
  else {
    const t0 = performance.now()
    await build({ configFile: CONFIG, logLevel: 'warn', build: { outDir: OUT_DIR } })
    console.log(`build: bench/ledger -> ${relative(OUT_DIR)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }
  const server = await preview({ configFile: CONFIG, logLevel: 'warn', build: { outDir: OUT_DIR }, preview: { port: PORT, strictPort: true, host: '127.0.0.1', open: false } })
  const baseUrl = `http://127.0.0.1:${PORT}/`
  rmSync(PROFILE_DIR, { recursive: true, force: true })
  mkdirSync(PROFILE_DIR, { recursive: true })
  const dbName = `bench-ledger-${Date.now()}`
  let browser = null
  const problems = []
  try {
    browser = await launch(baseUrl)
    const info = await browser.page.evaluate(() => window.ledgerBench.info())
    report.browser = { version: browser.context.browser()?.version() ?? null, ...info }
    console.log(`Chromium ${report.browser.version ?? '?'} headless, persistent profile ${relative(PROFILE_DIR)}; crossOriginIsolated ${info.crossOriginIsolated} (timer ${info.crossOriginIsolated ? '5 µs' : '100 µs'}); IndexedDB quota ${mb(info.quota)}`)
    const bench = (fn, ...args) => browser.page.evaluate(fn, ...args)
    if (opts.profile) {
      await bench(([sizes, seed, pool]) => window.ledgerBench.prepare(sizes, 0, seed, false, pool ?? undefined), [SIZES, SEED, POOL])
      const rows = []
      for (const variant of opts.profile.split(',')) {
        if (variant.startsWith('indexes:')) {
          const list = variant.slice('indexes:'.length).split('+').filter(Boolean)
          const r = await withCpu(() => bench(([name, l]) => window.ledgerBench.importWithIndexes(name, l, 1000), [`${dbName}-idx`, list]))
          rows.push([`pipelined adds, indexes ${r.indexes}`, 'empty store', s(r.totalMs), cpuText(r.cpuMs), s(r.issueMs), s(r.totalMs - r.issueMs - r.commitMs), s(r.commitMs), int(IMPORT), '0', load()])
          continue
        }
        throw new Error(`--profile takes indexes:<name+name...> entries (patientId, patientDate, importId, key); got ${variant}`)
      }
      console.log(`\nBulk-write variants, ${int(IMPORT)} rows, steps of 1,000 (issue = main thread issuing requests, wait = awaiting them, commit = last request to complete)`)
      printTable(['variant', 'pass', 'total', 'CPU used', 'issue', 'wait', 'commit', 'added', 'duplicates', 'load avg'], rows)
      report.profile = rows
      return
    }
    await browser.page.evaluate((name) => window.ledgerBench.open(name, true), dbName)

    // ---- 1. import of the CSV file into an empty ledger, then again (all duplicates)
    const file = await bench(([sizes, seed, pool]) => window.ledgerBench.prepare(sizes, 0, seed, true, pool ?? undefined), [SIZES, SEED, POOL])
    console.log(`\nImport file: ${int(file.lines)} lines, ${(file.chars / 1_048_576).toFixed(1)} MB of CSV (Kareo-like columns, MM/DD/YYYY), dates ${file.firstDate}..${file.lastDate}; generated in ${ms(file.ms, 0)} (not timed)`)
    const first = { ...(await withCpu(() => bench(() => window.ledgerBench.importCsv('history-1.csv')))), loadAfter: load() }
    const again = { ...(await withCpu(() => bench(() => window.ledgerBench.importCsv('history-1.csv')))), loadAfter: load() }
    report.import = { file, first, again }

    // ---- build the rest of the ledger
    const chunks = []
    const buildStart = performance.now()
    for (let i = 1; i < SIZES.length - 1; i++) {
      await bench(([sizes, index, seed, pool]) => window.ledgerBench.prepare(sizes, index, seed, false, pool ?? undefined), [SIZES, i, SEED, POOL])
      const r = await bench((n) => window.ledgerBench.importRows(`ledger-${n}.csv`), i)
      chunks.push({ ...r, ledgerAfter: IMPORT + chunks.reduce((a, c) => a + c.added, 0) + r.added })
      process.stdout.write(`\rbuilding the ledger: ${int(chunks.at(-1).ledgerAfter)} lines, last import of ${int(r.lines)} in ${s(r.writeMs)}   `)
    }
    const ledgerLines = first.added + chunks.reduce((a, c) => a + c.added, 0)
    const usage = await bench(() => window.ledgerBench.estimate())
    report.ledger = { lines: ledgerLines, buildMs: performance.now() - buildStart, chunks: chunks.map((c) => ({ lines: c.lines, added: c.added, writeMs: c.writeMs, ledgerAfter: c.ledgerAfter })), usage }
    process.stdout.write('\n')
    const chunkTimes = stats(chunks.map((c) => c.writeMs))
    console.log(`ledger: ${int(ledgerLines)} lines in ${int(1 + chunks.length)} imports, ${((performance.now() - buildStart) / 1000).toFixed(0)} s; ${int(CHUNK)}-line imports took ${s(chunks[0]?.writeMs ?? 0)} (first) .. ${s(chunks.at(-1)?.writeMs ?? 0)} (last), median ${s(chunkTimes.p50 ?? 0)}; IndexedDB usage ${mb(usage.usage)} of ${mb(usage.quota)}; load average ${load()}`)

    // ---- 2. counters: restart the browser so the first read of each patient is cold
    await bench(() => window.ledgerBench.close())
    problems.push(...browser.problems)
    await browser.context.close()
    browser = await launch(baseUrl)
    await bench((name) => window.ledgerBench.open(name, false), dbName)
    await bench(() => window.ledgerBench.warmUpEvaluate(200))
    const patients = await bench(([n, seed, pool]) => window.ledgerBench.samplePatients(n, seed, pool ?? undefined), [PATIENTS, SEED + 17, POOL])
    const passCpu = async (label) => {
      const t0 = performance.now()
      const { samples, cpuMs: used } = await withCpu(async () => ({ samples: await bench((ids) => window.ledgerBench.counters(ids), patients) }))
      return { samples, wallMs: performance.now() - t0, cpuMs: used, label }
    }
    const coldPass = await passCpu('cold')
    const cold = coldPass.samples
    const loadCold = load()
    const warmPass = await passCpu('warm')
    const warm = warmPass.samples
    const loadWarm = load()
    const repeat = await bench((id) => window.ledgerBench.evaluateRepeat(id, 200), patients[0])
    report.counters = { patients: patients.length, cold, warm, repeat, loadCold, loadWarm, coldPass: { wallMs: coldPass.wallMs, cpuMs: coldPass.cpuMs }, warmPass: { wallMs: warmPass.wallMs, cpuMs: warmPass.cpuMs } }

    // ---- extra: the import file's size again, new lines, into the full ledger
    if (EXTRA) {
      await bench(([sizes, seed, pool]) => window.ledgerBench.prepare(sizes, sizes.length - 1, seed, true, pool ?? undefined), [SIZES, SEED, POOL])
      report.import.intoLedger = { ...(await withCpu(() => bench(() => window.ledgerBench.importCsv('history-2.csv')))), loadAfter: load() }
    }
    await bench((name) => window.ledgerBench.deleteDatabase(name), dbName)
    problems.push(...browser.problems)

    // ---- report
    console.log('')
    console.log(`1. Import of ${int(IMPORT)} claim-history lines (parse = parseHistoryCsv + the page's row mapping; write = store.importHistory, one transaction)`)
    const importRows = [importRow('empty ledger', first), importRow('same file again (all duplicates)', again)]
    if (report.import.intoLedger) importRows.push(importRow(`new lines into the ${int(ledgerLines)}-line ledger`, report.import.intoLedger))
    printTable(['case', 'lines', 'parse', 'write', 'total', 'CPU used', 'added', 'duplicates', 'load avg after'], importRows)
    console.log('   CPU used = CPU time of Chromium\'s processes and this script during the import (all cores; wall time well above it means waiting for the CPU or the disk)')
    console.log(`   parse detail, empty ledger: parseHistoryCsv ${ms(first.parseMs, 0)}, rows + keys ${ms(first.rowsMs, 0)}; progress callbacks: ${first.progressCalls}`)

    const lines = stats(cold.map((c) => c.lines))
    console.log('')
    console.log(`2. One patient's counters on the ${int(ledgerLines)}-line ledger: store.patientHistory(patient) + evaluate() of a 10-procedure encounter (${cold[0]?.counters ?? '?'} counters)`)
    console.log(`   ${patients.length} patients; lines per patient p50 ${lines.p50}, p95 ${lines.p95}, max ${lines.max} (min ${Math.min(...cold.map((c) => c.lines))}); cold = first read after a browser restart, warm = the same patients again`)
    const row = (label, values, loadAfter) => { const st = stats(values); return [label, ms(st.p50), ms(st.p95), ms(st.p99), ms(st.max), loadAfter] }
    printTable(['measure', 'p50', 'p95', 'p99', 'max', 'load avg after'], [
      row('cold: patientHistory', cold.map((c) => c.readMs), loadCold),
      row('cold: evaluate', cold.map((c) => c.evaluateMs), loadCold),
      row('cold: total', cold.map((c) => c.totalMs), loadCold),
      row('warm: patientHistory', warm.map((c) => c.readMs), loadWarm),
      row('warm: evaluate', warm.map((c) => c.evaluateMs), loadWarm),
      row('warm: total', warm.map((c) => c.totalMs), loadWarm),
      row('evaluate again, same history array', repeat, loadWarm),
    ])
    console.log(`   whole passes of ${patients.length} patients (with page.evaluate's round trip): cold ${s(coldPass.wallMs)} wall, ${cpuText(coldPass.cpuMs)} CPU; warm ${s(warmPass.wallMs)} wall, ${cpuText(warmPass.cpuMs)} CPU`)

    const allProblems = [...new Set(problems)]
    if (allProblems.length) console.log(`\npage errors during the run:\n  ${allProblems.join('\n  ')}`)
    const coldTotal = stats(cold.map((c) => c.totalMs))
    const warmTotal = stats(warm.map((c) => c.totalMs))
    console.log('')
    console.log(`import of ${int(IMPORT)} lines into an empty ledger: ${s(first.totalMs)} (parse ${s(first.parseMs + first.rowsMs)} + write ${s(first.writeMs)}; target <= ${s(TARGET_IMPORT_MS)}): ${verdict(first.totalMs, TARGET_IMPORT_MS)}`)
    console.log(`re-import of the same ${int(IMPORT)} lines (all duplicates): ${s(again.totalMs)} (target <= ${s(TARGET_IMPORT_MS)}): ${verdict(again.totalMs, TARGET_IMPORT_MS)}`)
    if (report.import.intoLedger) console.log(`import of ${int(IMPORT)} new lines into the ${int(ledgerLines)}-line ledger: ${s(report.import.intoLedger.totalMs)} (information; same target: ${verdict(report.import.intoLedger.totalMs, TARGET_IMPORT_MS)})`)
    console.log(`one patient's counters, cold, p95 ${ms(coldTotal.p95)} / p99 ${ms(coldTotal.p99)} / max ${ms(coldTotal.max)} (target <= ${TARGET_COUNTERS_MS} ms, read at p95): ${verdict(coldTotal.p95, TARGET_COUNTERS_MS)}`)
    console.log(`one patient's counters, warm, p95 ${ms(warmTotal.p95)} / p99 ${ms(warmTotal.p99)} / max ${ms(warmTotal.max)}: ${verdict(warmTotal.p95, TARGET_COUNTERS_MS)}`)
    report.load.after = load()
    const busiest = Math.max(Number(report.load.before.split(' ')[0]), os.loadavg()[0])
    if (busiest > os.cpus().length) console.log(`note: load average up to ${busiest.toFixed(1)} on ${os.cpus().length} cores: other processes took CPU; the figures are inflated`)
    console.log(`load average ${report.load.before} at start, ${report.load.after} at the end`)
    report.problems = allProblems
  } finally {
    if (browser) await browser.context.close().catch(() => undefined)
    // Chromium leaves a deleted database's files behind until it compacts them (~250 MB here).
    rmSync(PROFILE_DIR, { recursive: true, force: true })
    await server.close()
    if (QUICK) rmSync(QUICK_DIR, { recursive: true, force: true })
    mkdirSync(dirname(REPORT), { recursive: true })
    writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`)
  }
  console.log(`report: ${relative(REPORT)}`)
}

main().then(
  () => { process.exitCode = 0 },
  (error) => { console.error(`bench:ledger crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`); process.exitCode = 1 },
)

/**
 * `npx tsx bench/review-queue.bench.ts [--quick]`: the review queue's filter + sort + facet counts
 * (queueView) on 100,000 claim lines, the work the queue redoes on every filter, sort or
 * search change. Deterministic data (seeded PRNG). Target: p95 <= 100 ms per view.
 *
 * --quick (scripts/bench-quick.mjs, `npm test`): the same cases on 5,000 lines with a few
 * iterations each, to show the benchmark still runs; its figures mean nothing.
 */
import { loadavg, cpus } from 'node:os'
import { parseArgs } from 'node:util'
import {
  lineStatuses, queueRows, queueView, withStatuses, type QueueFilters, type QueueRow, type ReviewStatus, type SortRule,
} from '../src/features/review/model/index.ts'
import { buildReviewEncounters, REVIEW_BENCH_SEED } from './review-fixture.ts'

const { values: opts } = parseArgs({ options: { quick: { type: 'boolean', default: false } } })
const QUICK = opts.quick
const ROWS = QUICK ? 5_000 : 100_000
const SEED = REVIEW_BENCH_SEED
const WARM_UP = QUICK ? 1 : 5
const ITERATIONS = QUICK ? 5 : 40
const COLD_ITERATIONS = QUICK ? 3 : 15
const TARGET_MS = 100

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN

interface Result { name: string; iterations: number; p50: number; p95: number; max: number; cpuP50: number; note: string }

function summarize(name: string, times: number[], cpu: number[], note: string): Result {
  const sorted = [...times].sort((a, b) => a - b)
  const cpuSorted = [...cpu].sort((a, b) => a - b)
  return {
    name, iterations: times.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN,
    cpuP50: percentile(cpuSorted, 50), note,
  }
}

/** Wall time and this process's CPU time (ms) of one call: on a loaded machine the two differ. */
function timed(fn: () => void, times: number[], cpu: number[]): void {
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  fn()
  times.push(performance.now() - start)
  const used = process.cpuUsage(cpuStart)
  cpu.push((used.user + used.system) / 1000)
}

function measureView(name: string, rows: readonly QueueRow[], filters: QueueFilters, sorting: readonly SortRule[]): Result {
  let shown = 0
  for (let i = 0; i < WARM_UP; i++) shown = queueView(rows, filters, sorting).rows.length
  const times: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < ITERATIONS; i++) timed(() => { shown = queueView(rows, filters, sorting).rows.length }, times, cpu)
  return summarize(name, times, cpu, `${shown.toLocaleString('en-US')} rows shown`)
}

/**
 * The first view of a rows array it has not seen (after the data changed): it builds the
 * array's index, and the search texts and sort ranks the view needs, once.
 */
function measureCold(name: string, rows: readonly QueueRow[], filters: QueueFilters, sorting: readonly SortRule[]): Result {
  const times: number[] = []
  const cpu: number[] = []
  let shown = 0
  for (let i = 0; i < COLD_ITERATIONS; i++) {
    const fresh = rows.map((r) => ({ ...r }))
    timed(() => { shown = queueView(fresh, filters, sorting).rows.length }, times, cpu)
  }
  return summarize(name, times, cpu, `${shown.toLocaleString('en-US')} rows shown, new rows array each time`)
}

function printTable(results: readonly Result[]): void {
  const header = ['case', 'iterations', 'p50 ms', 'p95 ms', 'max ms', 'CPU p50 ms', 'result']
  const body = results.map((r) => [r.name, String(r.iterations), r.p50.toFixed(1), r.p95.toFixed(1), r.max.toFixed(1), r.cpuP50.toFixed(1), r.note])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]?.length ?? 0)))
  const format = (cells: readonly string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  console.log(format(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of body) console.log(format(row))
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ')
if (QUICK) console.log('quick mode (--quick): small sizes, few iterations; it checks that the benchmark runs, its figures mean nothing')
console.log(`Node ${process.version}, ${cpus().length} cores, load average at start ${load()}; seed ${SEED}`)

const { encounters, users, log } = buildReviewEncounters(ROWS, SEED)
const once: number[] = []
const onceCpu: number[] = []
let statuses = new Map<string, ReviewStatus>()
timed(() => { statuses = lineStatuses(log) }, once, onceCpu)
let rows: QueueRow[] = []
timed(() => { rows = queueRows(encounters, { users, statuses, includeAllLines: true }) }, once, onceCpu)
console.log(`${encounters.length.toLocaleString('en-US')} encounters, ${rows.length.toLocaleString('en-US')} lines, audit log ${log.length.toLocaleString('en-US')} entries`)
console.log(`Once per data change: lineStatuses(log) ${once[0]?.toFixed(1)} ms (CPU ${onceCpu[0]?.toFixed(1)}), queueRows(all lines) ${once[1]?.toFixed(1)} ms (CPU ${onceCpu[1]?.toFixed(1)})\n`)

const byDate: SortRule[] = [{ id: 'dateOfService', desc: true }]
const results = [
  measureView('(a) no filter, sort by date desc', rows, {}, byDate),
  measureView('(b) default queue: status pending+returned, severity desc then date', rows, { status: ['pending', 'returned'] }, [{ id: 'severity', desc: true }, { id: 'dateOfService', desc: false }]),
  measureView('(c) severity+category+payer+date range, sort by coder', rows, { severity: ['error', 'warning'], category: ['modifier', 'coverage', 'imaging'], payer: ['medicare', 'aetna-custom'], dateFrom: '2026-03-01', dateTo: '2026-09-30' }, [{ id: 'coderName', desc: false }]),
  measureView('(d) rule+provider+coder, sort by patient then code', rows, { rule: ['DX-SUPPORT', 'KX-MISSING'], provider: ['DR-A', 'DR-C'], coder: ['u1', 'u2', 'u3'] }, [{ id: 'patientId', desc: false }, { id: 'code', desc: false }]),
  measureView('(e) global search "kx", sort by status', rows, { search: 'kx' }, [{ id: 'status', desc: false }]),
  measureView('(f) global search "PT-12", sort by date desc', rows, { search: 'PT-12' }, byDate),
]
/** A decision changes one line's status: withStatuses carries the index over, then the view is redone. */
function measureDecision(name: string, rows: readonly QueueRow[], filters: QueueFilters, sorting: readonly SortRule[]): Result {
  queueView(rows, filters, sorting)
  const times: number[] = []
  const cpu: number[] = []
  let current = rows
  let shown = 0
  for (let i = 0; i < ITERATIONS; i++) {
    const target = current[(i * 7919) % current.length]
    const status = target.status === 'approved' ? 'returned' : 'approved'
    timed(() => {
      current = withStatuses(current, new Map([[target.rowId, status]]))
      shown = queueView(current, filters, sorting).rows.length
    }, times, cpu)
  }
  return summarize(name, times, cpu, `${shown.toLocaleString('en-US')} rows shown`)
}

results.push(measureDecision('(i) after a decision: withStatuses(1 line) + default queue view', rows, { status: ['pending', 'returned'] }, [{ id: 'severity', desc: true }, { id: 'dateOfService', desc: false }]))

const cold = [
  measureCold('(g) first view after a data change: no filter, sort by date desc', rows, {}, byDate),
  measureCold('(h) first view after a data change: search "bundled", sort by severity', rows, { search: 'bundled' }, [{ id: 'severity', desc: true }]),
]
printTable([...results, ...cold])
console.log(`\nload average at end ${load()}`)
const worst = Math.max(...results.map((r) => r.p95))
console.log(`Target p95 <= ${TARGET_MS} ms per view, (a)-(f) and (i) (filter + sort + facet counts on ${ROWS.toLocaleString('en-US')} lines): ${worst <= TARGET_MS ? 'MET' : 'NOT MET'} (worst p95 ${worst.toFixed(1)} ms)`)

/**
 * `npx tsx bench/review-queue.bench.ts`: the review queue's filter + sort + facet counts
 * (queueView) on 100,000 claim lines, the work the queue redoes on every filter, sort or
 * search change. Deterministic data (seeded PRNG). Target: p95 <= 100 ms per view.
 */
import { loadavg, cpus } from 'node:os'
import type { Category, Finding, Severity } from '../src/domain/index.ts'
import {
  lineStatuses, queueRows, queueView, stampEntry, decide, finalizeEntry, withStatuses,
  type AuditEntry, type QueueFilters, type QueueRow, type ReviewEncounter, type ReviewStatus, type SortRule, type UserProfile,
} from '../src/features/review/model/index.ts'
import { exampleInput, line } from '../src/features/review/model/test-fixtures.ts'
import { createRandom } from './history-fixture.ts'

const ROWS = 100_000
const SEED = 20_261_126
const WARM_UP = 5
const ITERATIONS = 40
const COLD_ITERATIONS = 15
const TARGET_MS = 100

const RULES: readonly { ruleId: string; severity: Severity; category: Category; message: string }[] = [
  { ruleId: 'IMG-BUNDLED', severity: 'error', category: 'imaging', message: '77003 (imaging guidance) is bundled into the facet and epidural codes' },
  { ruleId: 'FACET-BILATERAL', severity: 'error', category: 'modifier', message: 'Bilateral facet injection needs modifier 50 on one line' },
  { ruleId: 'ESI-FREQUENCY', severity: 'error', category: 'frequency', message: 'More epidural sessions in 12 months than the payer allows' },
  { ruleId: 'RFA-DIAGNOSTIC-BLOCKS', severity: 'warning', category: 'coverage', message: 'Two diagnostic medial branch blocks are not on file' },
  { ruleId: 'TPI-WITH-OTHER-BLOCK', severity: 'warning', category: 'coverage', message: 'Trigger point injections billed the same day as another block' },
  { ruleId: 'DX-SUPPORT', severity: 'warning', category: 'diagnosis', message: 'None of the diagnoses supports the procedure' },
  { ruleId: 'DOC-FACET-LEVELS', severity: 'warning', category: 'documentation', message: 'Not yet confirmed in the note: spinal levels and sides' },
  { ruleId: 'KX-MISSING', severity: 'warning', category: 'modifier', message: 'KX is needed when the documentation supports it' },
  { ruleId: 'PA-REQUIRED', severity: 'warning', category: 'prior-authorization', message: 'The payer requires prior authorization' },
  { ruleId: 'DRUG-UNITS', severity: 'warning', category: 'drug', message: 'Drug units do not match the dose' },
  { ruleId: 'NCCI-NOT-LOADED', severity: 'info', category: 'units', message: 'No NCCI MUE table is loaded, so unit caps were not checked' },
  { ruleId: 'JW-JZ', severity: 'info', category: 'drug', message: 'Single-dose vial: JZ when nothing was discarded' },
]
const CODES = ['64493', '64494', '64495', '64635', '64636', '64483', '64484', '62323', '20552', '20553', 'J3301', 'J1030', '77003']
const MODIFIERS = ['', '50', 'RT', 'LT', '50 KX', 'RT KX', '59', 'JZ']
const PAYERS = ['medicare', 'evicore-commercial', 'aetna-custom', 'bcbs-custom']

function buildEncounters(): { encounters: ReviewEncounter[]; users: UserProfile[]; log: AuditEntry[] } {
  const random = createRandom(SEED)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  const encounter = exampleInput().encounter
  const users: UserProfile[] = Array.from({ length: 12 }, (_, i) => ({
    id: `u${i}`, name: `Coder ${String.fromCharCode(65 + i)}`, role: i < 9 ? 'coder' : 'supervisor', createdAt: '2026-01-01T00:00:00.000Z',
  }))
  const supervisor = users[11]
  const encounters: ReviewEncounter[] = []
  const log: AuditEntry[] = []
  let lines = 0
  for (let e = 0; lines < ROWS; e++) {
    const count = Math.min(ROWS - lines, 1 + Math.floor(random() * 6))
    const day = 1 + Math.floor(random() * 365)
    const date = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10)
    const claimLines = Array.from({ length: count }, (_, i) => line({
      code: pick(CODES), modifiers: pick(MODIFIERS).split(' ').filter(Boolean), units: 1 + Math.floor(random() * 4), procedureIndex: i,
    }))
    const findings: Finding[] = []
    for (let i = 0; i < count; i++) {
      const n = random() < 0.35 ? 0 : 1 + Math.floor(random() * 3)
      for (let k = 0; k < n; k++) {
        const rule = pick(RULES)
        findings.push({ ...rule, fix: 'fix', source: 'source', effectiveFrom: null, effectiveTo: null, trace: [], lineIndexes: [i] })
      }
    }
    if (random() < 0.5) findings.push({ ...RULES[10], fix: '', source: '', effectiveFrom: null, effectiveTo: null, trace: [] })
    const counts = { error: 0, warning: 0, info: 0 }
    for (const f of findings) counts[f.severity] += 1
    const id = `enc-${e}`
    const record: ReviewEncounter = {
      id, finalizedAt: `${date}T12:00:00.000Z`, patientId: `PT-${10_000 + Math.floor(random() * 20_000)}`,
      providerId: `DR-${pick(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])}`, dateOfService: date, payerProfile: pick(PAYERS), encounter,
      lines: claimLines, findings, counts, review: counts.error + counts.warning > 0 ? 'pending' : 'not-needed', finalizeReason: null,
      finalizedBy: pick(users.slice(0, 9)).id,
    }
    encounters.push(record)
    log.push(stampEntry(finalizeEntry(record, users[0]), `a${log.length}`, record.finalizedAt))
    for (let i = 0; i < count; i++) {
      if (random() < 0.7) continue
      const result = decide('pending', pick(['approve', 'return', 'override'] as const), {
        user: supervisor, target: { encounterId: id, lineIndex: i, coderId: record.finalizedBy ?? null, hasError: true },
        reason: 'Documentation supports the service', note: 'Checked.',
      })
      if (result.ok) log.push(stampEntry(result.entry, `a${log.length}`, record.finalizedAt))
    }
    lines += count
  }
  return { encounters, users, log }
}

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
console.log(`Node ${process.version}, ${cpus().length} cores, load average at start ${load()}; seed ${SEED}`)

const { encounters, users, log } = buildEncounters()
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

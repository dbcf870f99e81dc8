/**
 * The ledger benchmark page. scripts/bench-ledger.mjs opens it in Chromium and calls the
 * functions on `window.ledgerBench` with page.evaluate; each returns plain figures. Everything
 * timed here is the app's own code: parseHistoryCsv, createIdbStore().importHistory,
 * patientHistory and evaluate, the way the import page and the worksheet call them.
 */
import { createContext, evaluate, parseEvaluationInput, type EvaluationInput, type HistoryLine } from '../../src/domain/index.ts'
import { parseHistoryCsv, toImportRow } from '../../src/features/ledger/history-import/index.ts'
import { createIdbStore, deleteStore } from '../../src/storage/idb-store.ts'
import type { HistoryImportRow } from '../../src/storage/types.ts'
import { buildHistory, tenProcedureEncounter } from '../history-fixture.ts'
import { importWithIndexes } from './import-experiments.ts'
import { ledgerChunk, patientId, PATIENTS, TODAY, LAST_DATE, toCsv } from './ledger-data.ts'

type Store = ReturnType<typeof createIdbStore>

let store: Store | null = null
let storeName = ''
let prepared: { rows: HistoryImportRow[]; csv: string | null } | null = null
let importCount = 0

const now = () => performance.now()
const openStore = (): Store => {
  if (!store) throw new Error('no store open: call open(name) first')
  return store
}

const meta = (fileName: string) => ({ importId: `bench-import-${++importCount}-${Date.now()}`, fileName, importedAt: new Date().toISOString() })

/** The worksheet's input for a patient: the encounter parsed once (the form's job), the stored history passed through as is. */
const encounterInput: EvaluationInput = (() => {
  const parsed = parseEvaluationInput({ schemaVersion: 1, encounter: { ...tenProcedureEncounter(TODAY), patientId: 'P000000' }, history: [] })
  if (!parsed.ok) throw new Error(`bench encounter is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
  return parsed.input
})()
const context = createContext(TODAY)
const inputFor = (patient: string, history: HistoryLine[]): EvaluationInput => ({ ...encounterInput, encounter: { ...encounterInput.encounter, patientId: patient }, history })

const api = {
  async info() {
    const estimate = await navigator.storage.estimate()
    return { userAgent: navigator.userAgent, crossOriginIsolated, quota: estimate.quota ?? null, usage: estimate.usage ?? null }
  },
  async estimate() {
    const estimate = await navigator.storage.estimate()
    return { quota: estimate.quota ?? null, usage: estimate.usage ?? null }
  },
  /** Opens (creating) the benchmark's database; `fresh` deletes any database of that name first. */
  async open(name: string, fresh: boolean) {
    if (store) await store.close()
    if (fresh) await deleteStore(name)
    storeName = name
    store = createIdbStore(name)
    // Opens the connection (and runs the upgrade) outside any timing.
    await store.listImports()
    return name
  },
  async close() {
    if (store) await store.close()
    store = null
  },
  async deleteDatabase(name: string) {
    if (store && storeName === name) await api.close()
    await deleteStore(name)
  },
  /** Generates one chunk of the ledger (not timed by the caller's figures); as CSV text when `csv`. */
  prepare(sizes: number[], index: number, seed: number, csv: boolean, patients: number = PATIENTS) {
    const started = now()
    const chunk = ledgerChunk(sizes, index, seed, patients)
    prepared = { rows: chunk.rows, csv: csv ? toCsv(chunk.rows) : null }
    return { lines: chunk.rows.length, chars: prepared.csv?.length ?? 0, firstDate: chunk.firstDate, lastDate: chunk.lastDate, ms: now() - started }
  },
  /** The import page's path on the prepared CSV: parse (at file pick), rows (at the Import click), importHistory. */
  async importCsv(fileName: string) {
    const text = prepared?.csv
    if (!text) throw new Error('no CSV prepared')
    const t0 = now()
    const result = parseHistoryCsv(text)
    const t1 = now()
    if (!result.ok) throw new Error(`parse failed: ${result.errors.slice(0, 3).map((e) => `${e.row}: ${e.message}`).join('; ')}`)
    const rows = result.rows.map(toImportRow)
    const t2 = now()
    let progressCalls = 0
    const outcome = await openStore().importHistory(rows, meta(fileName), () => { progressCalls++ })
    const t3 = now()
    return { parseMs: t1 - t0, rowsMs: t2 - t1, writeMs: t3 - t2, totalMs: t3 - t0, ...outcome, lines: rows.length, warnings: result.warnings, progressCalls }
  },
  /** importHistory alone on the prepared rows (building the ledger). */
  async importRows(fileName: string) {
    if (!prepared) throw new Error('nothing prepared')
    const rows = prepared.rows
    const t0 = now()
    const outcome = await openStore().importHistory(rows, meta(fileName), () => undefined)
    return { writeMs: now() - t0, ...outcome, lines: rows.length }
  },
  /** `count` distinct patients among the ledger's `patients`, from a seeded sequence. */
  samplePatients(count: number, seed: number, patients: number = PATIENTS) {
    let a = seed >>> 0
    const random = () => {
      a = (a + 0x6d2b79f5) >>> 0
      let t = Math.imul(a ^ (a >>> 15), a | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
    }
    const picked = new Set<string>()
    while (picked.size < Math.min(count, patients)) picked.add(patientId(1 + Math.floor(random() * patients)))
    return [...picked]
  },
  /** JIT warm-up of evaluate() on fixture data (the worksheet has evaluated the form before a patient is typed). */
  warmUpEvaluate(times: number) {
    const history = buildHistory({ dateOfService: LAST_DATE, size: 30, seed: 7 })
    const parsed = parseEvaluationInput({ schemaVersion: 1, encounter: encounterInput.encounter, history })
    if (!parsed.ok) throw new Error('warm-up input invalid')
    let sink = 0
    for (let i = 0; i < times; i++) sink += evaluate({ ...parsed.input, history: [...parsed.input.history] }, context).counters.length
    return sink
  },
  /**
   * The worksheet's path for each patient in turn: patientHistory (index reads of encounters
   * and history), then evaluate() of the encounter with that history -> counters.
   */
  async counters(patients: string[]) {
    const s = openStore()
    const out: { readMs: number; evaluateMs: number; totalMs: number; lines: number; counters: number; used: number }[] = []
    for (const p of patients) {
      const t0 = now()
      const history = await s.patientHistory(p)
      const t1 = now()
      const result = evaluate(inputFor(p, history), context)
      const t2 = now()
      out.push({ readMs: t1 - t0, evaluateMs: t2 - t1, totalMs: t2 - t0, lines: history.length, counters: result.counters.length, used: result.counters.reduce((n, c) => n + c.used, 0) })
    }
    return out
  },
  /** The prepared rows into a database whose history store has only `indexes` (see import-experiments.ts). */
  async importWithIndexes(name: string, indexes: string[], step: number) {
    if (!prepared) throw new Error('nothing prepared')
    return importWithIndexes(name, prepared.rows, indexes, step)
  },
  /** evaluate() again on the same history array (the coder typing: the rule module's per-history cache holds). */
  async evaluateRepeat(patient: string, times: number) {
    const history = await openStore().patientHistory(patient)
    const input = inputFor(patient, history)
    evaluate(input, context)
    const out: number[] = []
    for (let i = 0; i < times; i++) {
      const t0 = now()
      evaluate(input, context)
      out.push(now() - t0)
    }
    return out
  },
}

export type LedgerBench = typeof api
declare global {
  interface Window { ledgerBench: LedgerBench }
}
window.ledgerBench = api
document.getElementById('status')?.setAttribute('data-ready', 'true')

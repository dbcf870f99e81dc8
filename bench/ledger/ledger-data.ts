/**
 * Deterministic claim-history data for the ledger benchmark: ~50,000 patients, visits spread
 * over three years, lines from the spine-injection catalog with RT/LT/50 modifiers. The ledger
 * is cut into date ranges, one per import (as a practice exports a period at a time), so each
 * chunk can be generated on its own and no line repeats across chunks.
 */
import { historyRowKey } from '../../src/features/ledger/history-import/index.ts'
import type { HistoryImportRow } from '../../src/storage/types.ts'
import { createRandom } from '../history-fixture.ts'

export const PATIENTS = 50_000
export const PROVIDERS = ['DR-A', 'DR-B', 'DR-C', 'DR-D', 'DR-E', 'DR-F'] as const
/** First and last date of service in the ledger (three years). */
export const FIRST_DATE = '2023-11-21'
export const LAST_DATE = '2026-11-20'
export const TODAY = '2026-11-26'

const MS_PER_DAY = 86_400_000
const SPAN_DAYS = Math.round((Date.parse(`${LAST_DATE}T00:00:00Z`) - Date.parse(`${FIRST_DATE}T00:00:00Z`)) / MS_PER_DAY) + 1
const isoDay = (day: number): string => new Date(Date.parse(`${FIRST_DATE}T00:00:00Z`) + day * MS_PER_DAY).toISOString().slice(0, 10)

export const patientId = (n: number): string => `P${String(n).padStart(6, '0')}`

type Line = { code: string; modifiers: string[]; units: number }
type Pick = <T>(xs: readonly T[]) => T

const side = (pick: Pick): string[] => [pick(['RT', 'LT', '50'])]
/** What one visit puts on the claim: the primary code and, often, its add-on codes. */
const VISITS: readonly { weight: number; lines: (pick: Pick, random: () => number) => Line[] }[] = [
  { weight: 3, lines: (pick, random) => { const m = side(pick); return [{ code: '64483', modifiers: m, units: 1 }, ...(random() < 0.5 ? [{ code: '64484', modifiers: m, units: 1 }] : [])] } },
  {
    weight: 3,
    lines: (pick, random) => {
      const lumbar = random() < 0.7
      const m = side(pick)
      const out: Line[] = [{ code: lumbar ? '64493' : '64490', modifiers: m, units: 1 }]
      if (random() < 0.5) out.push({ code: lumbar ? '64494' : '64491', modifiers: m, units: 1 })
      if (random() < 0.15) out.push({ code: lumbar ? '64495' : '64492', modifiers: m, units: 1 })
      return out
    },
  },
  {
    weight: 2,
    lines: (pick, random) => {
      const lumbar = random() < 0.6
      const m = side(pick)
      return [{ code: lumbar ? '64635' : '64633', modifiers: m, units: 1 }, ...(random() < 0.5 ? [{ code: lumbar ? '64636' : '64634', modifiers: m, units: pick([1, 2]) }] : [])]
    },
  },
  { weight: 3, lines: (pick) => [{ code: pick(['20552', '20553']), modifiers: [], units: 1 }] },
  { weight: 2, lines: (pick) => [{ code: pick(['62321', '62323']), modifiers: [], units: 1 }] },
]
const TOTAL_WEIGHT = VISITS.reduce((s, v) => s + v.weight, 0)

export interface LedgerChunk {
  rows: HistoryImportRow[]
  firstDate: string
  lastDate: string
}

/**
 * The lines of one date range of the ledger: `sizes` are the line counts of every chunk in
 * order (the whole ledger), `index` the chunk wanted. Each chunk has exactly its size in
 * distinct lines, dated within its own share of the three years. The lines belong to
 * `patients` patients (P000001 ...): fewer in a small quick run, so each still has a history.
 */
export function ledgerChunk(sizes: readonly number[], index: number, seed: number, patients: number = PATIENTS): LedgerChunk {
  const total = sizes.reduce((a, b) => a + b, 0)
  const before = sizes.slice(0, index).reduce((a, b) => a + b, 0)
  const size = sizes[index] ?? 0
  const fromDay = Math.round((before / total) * SPAN_DAYS)
  const toDay = Math.max(fromDay + 1, Math.round(((before + size) / total) * SPAN_DAYS))
  const random = createRandom(seed * 1_000 + index)
  const pick: Pick = (xs) => xs[Math.floor(random() * xs.length)]
  const rows: HistoryImportRow[] = []
  const keys = new Set<string>()
  while (rows.length < size) {
    const patient = patientId(1 + Math.floor(random() * patients))
    const dateOfService = isoDay(fromDay + Math.floor(random() * (toDay - fromDay)))
    const providerId = pick(PROVIDERS)
    let roll = random() * TOTAL_WEIGHT
    const visit = VISITS.find((v) => (roll -= v.weight) < 0) ?? VISITS[0]
    for (const line of visit?.lines(pick, random) ?? []) {
      if (rows.length >= size) break
      const row = { patientId: patient, dateOfService, code: line.code, modifiers: line.modifiers, units: line.units, providerId }
      const key = historyRowKey(row)
      if (keys.has(key)) continue
      keys.add(key)
      rows.push({ ...row, key })
    }
  }
  return { rows, firstDate: isoDay(fromDay), lastDate: isoDay(toDay - 1) }
}

const usDate = (iso: string): string => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`

/** The chunk as a practice-management CSV export (Kareo-like columns, MM/DD/YYYY dates, CRLF). */
export function toCsv(rows: readonly HistoryImportRow[]): string {
  const out = ['Patient ID,Service Date,Procedure Code,Mod 1,Mod 2,Units,Rendering Provider']
  for (const r of rows) out.push(`${r.patientId},${usDate(r.dateOfService)},${r.code},${r.modifiers[0] ?? ''},${r.modifiers[1] ?? ''},${r.units},${r.providerId ?? ''}`)
  return `${out.join('\r\n')}\r\n`
}

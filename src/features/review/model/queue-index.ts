import { SEVERITY_RANK } from './queue-rows.ts'
import type { SortColumn } from './filters.ts'
import type { QueueRow, ReviewStatus } from './types.ts'

/**
 * A column-wise index of a rows array, built once per array (WeakMap by identity): each
 * facet's values as small integer codes, the rules as a flat list per row, the dates as ranks,
 * and (on first use) the search texts and each sort column's ranks. Filtering and sorting then
 * compare integers instead of strings.
 */

export const SINGLE_FACETS = ['severity', 'category', 'provider', 'coder', 'payer', 'status'] as const
export type SingleFacet = (typeof SINGLE_FACETS)[number]

/** Workflow order for sorting by status: what needs attention first. */
export const STATUS_SORT_ORDER: readonly ReviewStatus[] = ['pending', 'returned', 'overridden', 'approved', 'no-findings']

export interface Column {
  /** Distinct values in order of first appearance; a code is an index into it. */
  dict: string[]
  /** Per row, its value's code, or -1 for none. */
  codes: Int32Array
}

export interface QueueIndex {
  n: number
  rows: readonly QueueRow[]
  single: Record<SingleFacet, Column>
  /** Rules per row: codes[start[i] .. start[i + 1]) index into dict. */
  rules: { dict: string[]; start: Int32Array; codes: Int32Array }
  /** Distinct dates of service, sorted; ranks[i] is row i's date's index in values. */
  dates: { values: string[]; ranks: Int32Array }
  search: string[] | null
  positions: Map<string, number> | null
  sortRanks: Map<SortColumn, { ranks: Int32Array; cardinality: number }>
}

const indexes = new WeakMap<readonly QueueRow[], QueueIndex>()

function singleValue(row: QueueRow, facet: SingleFacet): string | null {
  switch (facet) {
    case 'severity': return row.severity
    case 'category': return row.category
    case 'provider': return row.providerId
    case 'coder': return row.coderId ?? ''
    case 'payer': return row.payer
    case 'status': return row.status
  }
}

function buildColumn(rows: readonly QueueRow[], value: (row: QueueRow) => string | null): Column {
  const dict: string[] = []
  const codeOf = new Map<string, number>()
  const codes = new Int32Array(rows.length)
  rows.forEach((row, i) => {
    const v = value(row)
    if (v === null) { codes[i] = -1; return }
    let code = codeOf.get(v)
    if (code === undefined) {
      code = dict.length
      dict.push(v)
      codeOf.set(v, code)
    }
    codes[i] = code
  })
  return { dict, codes }
}

function build(rows: readonly QueueRow[]): QueueIndex {
  const n = rows.length
  const single = {} as Record<SingleFacet, Column>
  for (const facet of SINGLE_FACETS) single[facet] = buildColumn(rows, (row) => singleValue(row, facet))

  const ruleDict: string[] = []
  const ruleCodeOf = new Map<string, number>()
  const start = new Int32Array(n + 1)
  const ruleCodes: number[] = []
  rows.forEach((row, i) => {
    start[i] = ruleCodes.length
    for (const id of row.ruleIds) {
      let code = ruleCodeOf.get(id)
      if (code === undefined) {
        code = ruleDict.length
        ruleDict.push(id)
        ruleCodeOf.set(id, code)
      }
      ruleCodes.push(code)
    }
  })
  start[n] = ruleCodes.length

  const dateColumn = buildColumn(rows, (row) => row.dateOfService)
  const order = dateColumn.dict.map((_, code) => code).sort((a, b) => {
    const x = dateColumn.dict[a]
    const y = dateColumn.dict[b]
    return x < y ? -1 : x > y ? 1 : 0
  })
  const rankOfCode = new Int32Array(order.length)
  order.forEach((code, rank) => { rankOfCode[code] = rank })
  const dateRanks = dateColumn.codes.map((code) => rankOfCode[code])

  return {
    n, rows, single,
    rules: { dict: ruleDict, start, codes: Int32Array.from(ruleCodes) },
    dates: { values: order.map((code) => dateColumn.dict[code]), ranks: dateRanks },
    search: null, positions: null, sortRanks: new Map(),
  }
}

/** The index of `rows`, built on first use. */
export function queueIndexOf(rows: readonly QueueRow[]): QueueIndex {
  let index = indexes.get(rows)
  if (index === undefined || index.n !== rows.length) {
    index = build(rows)
    indexes.set(rows, index)
  }
  return index
}

/** Per row, the lower-cased text global search looks in, fields apart so a match never spans two. */
export function searchTextsOf(index: QueueIndex): string[] {
  index.search ??= index.rows.map((row) =>
    [row.patientId, row.code, ...row.ruleIds, row.topFinding?.message ?? ''].join('\u0000').toLowerCase())
  return index.search
}

const statusOrder = new Map(STATUS_SORT_ORDER.map((s, i) => [s, i]))

function sortKey(row: QueueRow, column: SortColumn): string | number {
  switch (column) {
    case 'units': return row.units
    case 'severity': return row.severity === null ? 0 : SEVERITY_RANK[row.severity]
    case 'status': return statusOrder.get(row.status) ?? STATUS_SORT_ORDER.length
    case 'topFinding': return row.topFinding?.ruleId ?? ''
    case 'category': return row.category ?? ''
    case 'coderName': return row.coderName.toLowerCase()
    default: return row[column]
  }
}

/** Per row, the rank of its value in `column` (equal values, equal ranks), built on first use. */
export function sortRanksOf(index: QueueIndex, column: SortColumn): { ranks: Int32Array; cardinality: number } {
  let entry = index.sortRanks.get(column)
  if (entry === undefined) {
    const keys = index.rows.map((row) => sortKey(row, column))
    const distinct = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    const rankOf = new Map(distinct.map((key, rank) => [key, rank]))
    entry = { ranks: Int32Array.from(keys, (key) => rankOf.get(key) ?? 0), cardinality: distinct.length }
    index.sortRanks.set(column, entry)
  }
  return entry
}

/** Per row id, its position in the rows, built on first use. */
export function positionsOf(index: QueueIndex): Map<string, number> {
  index.positions ??= new Map(index.rows.map((row, i) => [row.rowId, i]))
  return index.positions
}

/**
 * Gives `next` (a copy of `previous` in which only the rows at `changed` have another status)
 * an index derived from `previous`'s: the status codes are patched and the status sort ranks
 * dropped, everything else is shared.
 */
export function carryIndex(previous: QueueIndex, next: readonly QueueRow[], changed: readonly number[]): void {
  const dict = [...previous.single.status.dict]
  const codes = previous.single.status.codes.slice()
  for (const i of changed) {
    const status = next[i].status
    let code = dict.indexOf(status)
    if (code < 0) code = dict.push(status) - 1
    codes[i] = code
  }
  const sortRanks = new Map(previous.sortRanks)
  sortRanks.delete('status')
  indexes.set(next, { ...previous, rows: next, sortRanks, single: { ...previous.single, status: { dict, codes } } })
}

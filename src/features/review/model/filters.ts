import type { Category, Severity } from '../../../domain/index.ts'
import { queueIndexOf, searchTextsOf, sortRanksOf, SINGLE_FACETS, type QueueIndex } from './queue-index.ts'
import type { QueueRow, ReviewStatus } from './types.ts'

export { STATUS_SORT_ORDER } from './queue-index.ts'

/**
 * The queue's filtering, global search, sorting and facet counts, as plain functions over
 * QueueRow[]: what the TanStack table's filtered, sorted and faceted row models do. Facets
 * follow TanStack's rule: a facet's counts apply every other filter but its own, so a dropdown
 * keeps offering the other values after one is picked.
 *
 * The first call on a rows array builds an index of it (value codes per column, kept in a
 * WeakMap by array identity); later calls on the same array reuse it. Treat the rows as
 * immutable: pass a new array when the data changes, as React state does.
 */

export const FACETS = ['severity', 'category', 'rule', 'provider', 'coder', 'payer', 'status'] as const
export type FacetKey = (typeof FACETS)[number]

/** The facet value of a line whose coder is not recorded. */
export const UNKNOWN_CODER = ''

export interface QueueFilters {
  severity?: readonly Severity[]
  category?: readonly Category[]
  /** A line matches when any of its rules is picked. */
  rule?: readonly string[]
  provider?: readonly string[]
  /** Coder ids; UNKNOWN_CODER for lines without one. */
  coder?: readonly string[]
  payer?: readonly string[]
  status?: readonly ReviewStatus[]
  /** Inclusive ISO dates of service; null or '' for open. */
  dateFrom?: string | null
  dateTo?: string | null
  /** Case-insensitive text in the patient, code, rule ids or top finding's message. */
  search?: string
}

export const SORT_COLUMNS = [
  'dateOfService', 'patientId', 'providerId', 'coderName', 'payer', 'code', 'modifiers', 'units', 'topFinding',
  'severity', 'category', 'status',
] as const
export type SortColumn = (typeof SORT_COLUMNS)[number]

/** One sort key, as TanStack's SortingState has it ({ id, desc }). Earlier keys win. */
export interface SortRule {
  id: SortColumn
  desc: boolean
}

/** Per facet, how many lines each value has once the other filters apply. */
export type FacetCounts = Record<FacetKey, Map<string, number>>

/** A facet filter turned into a lookup by value code. */
interface ActiveFacet {
  facet: FacetKey
  allowed: Uint8Array
  /** The column's codes for a single-valued facet; null for 'rule'. */
  codes: Int32Array | null
}

interface Compiled {
  active: ActiveFacet[]
  dateLo: number
  dateHi: number
  needle: string
}

function allowedOf(dict: readonly string[], picked: readonly string[]): Uint8Array {
  const set = new Set(picked)
  const allowed = new Uint8Array(dict.length)
  dict.forEach((value, code) => { if (set.has(value)) allowed[code] = 1 })
  return allowed
}

/** The first index in sorted `values` whose value is >= `bound` (values.length when none). */
function lowerBound(values: readonly string[], bound: string): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid] < bound) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The first index in sorted `values` whose value is > `bound`. */
function upperBound(values: readonly string[], bound: string): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid] <= bound) lo = mid + 1
    else hi = mid
  }
  return lo
}

function compile(index: QueueIndex, filters: QueueFilters): Compiled {
  const active: ActiveFacet[] = []
  for (const facet of FACETS) {
    const picked = filters[facet]
    if (!picked || picked.length === 0) continue
    if (facet === 'rule') active.push({ facet, allowed: allowedOf(index.rules.dict, picked), codes: null })
    else active.push({ facet, allowed: allowedOf(index.single[facet].dict, picked), codes: index.single[facet].codes })
  }
  const from = filters.dateFrom ?? ''
  const to = filters.dateTo ?? ''
  return {
    active,
    dateLo: from === '' ? 0 : lowerBound(index.dates.values, from),
    dateHi: to === '' ? index.dates.values.length - 1 : upperBound(index.dates.values, to) - 1,
    needle: (filters.search ?? '').trim().toLowerCase(),
  }
}

interface Pass {
  /** Positions in the rows array of the lines that pass, in input order. */
  kept: Int32Array
  counts: Record<FacetKey, Int32Array> | null
}

/**
 * One pass over the lines. A line failing only facet F's filter counts in F alone; a line
 * passing everything counts in every facet and is kept.
 */
function run(index: QueueIndex, filters: QueueFilters, withCounts: boolean): Pass {
  const c = compile(index, filters)
  const { n, dates, rules } = index
  const search = c.needle === '' ? null : searchTextsOf(index)
  const counts = withCounts ? emptyCounts(index) : null
  const singles = counts === null ? [] : SINGLE_FACETS.map((facet) => ({ codes: index.single[facet].codes, into: counts[facet] }))
  const ruleCounts = counts?.rule ?? null
  const kept = new Int32Array(n)
  let keptCount = 0
  const active = c.active
  for (let i = 0; i < n; i++) {
    const d = dates.ranks[i]
    if (d < c.dateLo || d > c.dateHi) continue
    if (search !== null && !search[i].includes(c.needle)) continue
    let failures = 0
    let failed = -1
    for (let k = 0; k < active.length; k++) {
      const { allowed, codes } = active[k]
      let pass = false
      if (codes !== null) {
        const code = codes[i]
        pass = code >= 0 && allowed[code] === 1
      } else {
        for (let r = rules.start[i], end = rules.start[i + 1]; r < end && !pass; r++) pass = allowed[rules.codes[r]] === 1
      }
      if (!pass) {
        failed = k
        if (++failures > 1) break
      }
    }
    if (failures === 0) {
      kept[keptCount++] = i
      if (ruleCounts === null) continue
      for (const { codes, into } of singles) {
        const code = codes[i]
        if (code >= 0) into[code]++
      }
      for (let r = rules.start[i], end = rules.start[i + 1]; r < end; r++) ruleCounts[rules.codes[r]]++
    } else if (failures === 1 && counts !== null) {
      countRow(index, counts, active[failed].facet, i)
    }
  }
  return { kept: kept.subarray(0, keptCount), counts }
}

function emptyCounts(index: QueueIndex): Record<FacetKey, Int32Array> {
  const counts = { rule: new Int32Array(index.rules.dict.length) } as Record<FacetKey, Int32Array>
  for (const facet of SINGLE_FACETS) counts[facet] = new Int32Array(index.single[facet].dict.length)
  return counts
}

function countRow(index: QueueIndex, counts: Record<FacetKey, Int32Array>, facet: FacetKey, i: number): void {
  const into = counts[facet]
  if (facet === 'rule') {
    const { start, codes } = index.rules
    for (let r = start[i], end = start[i + 1]; r < end; r++) into[codes[r]]++
    return
  }
  const code = index.single[facet].codes[i]
  if (code >= 0) into[code]++
}

function toFacetCounts(index: QueueIndex, counts: Record<FacetKey, Int32Array>): FacetCounts {
  const out = {} as FacetCounts
  for (const facet of FACETS) {
    const dict = facet === 'rule' ? index.rules.dict : index.single[facet].dict
    const map = new Map<string, number>()
    counts[facet].forEach((count, code) => { if (count > 0) map.set(dict[code], count) })
    out[facet] = map
  }
  return out
}

function rowsAt(rows: readonly QueueRow[], positions: ArrayLike<number>): QueueRow[] {
  const out = new Array<QueueRow>(positions.length)
  for (let j = 0; j < positions.length; j++) out[j] = rows[positions[j]]
  return out
}

/** The lines that pass every filter, in their order. */
export function filterQueue(rows: readonly QueueRow[], filters: QueueFilters): QueueRow[] {
  return rowsAt(rows, run(queueIndexOf(rows), filters, false).kept)
}

/** Per facet, the value counts a filter dropdown shows: every other filter applies, its own does not. */
export function facetCounts(rows: readonly QueueRow[], filters: QueueFilters): FacetCounts {
  const index = queueIndexOf(rows)
  return toFacetCounts(index, run(index, filters, true).counts ?? emptyCounts(index))
}

/**
 * Sorts positions of `index`'s rows by the rules, ties in position order. Each column is a
 * rank (its values sorted once per index), so a key is a small integer; when the ranks and the
 * position fit in one double the whole sort is a native numeric sort.
 */
function sortPositions(index: QueueIndex, positions: Int32Array, sorting: readonly SortRule[]): ArrayLike<number> {
  if (sorting.length === 0) return positions
  const columns = sorting.map(({ id, desc }) => ({ ...sortRanksOf(index, id), desc }))
  const n = Math.max(index.n, 1)
  const span = columns.reduce((product, c) => product * Math.max(c.cardinality, 1), n)
  if (span <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(positions.length)
    for (let j = 0; j < positions.length; j++) {
      const p = positions[j]
      let key = 0
      for (const { ranks, cardinality, desc } of columns) {
        const r = ranks[p]
        key = key * cardinality + (desc ? cardinality - 1 - r : r)
      }
      keys[j] = key * n + p
    }
    keys.sort()
    const sorted = new Int32Array(keys.length)
    for (let j = 0; j < keys.length; j++) sorted[j] = keys[j] % n
    return sorted
  }
  return Int32Array.from(positions).sort((a, b) => {
    for (const { ranks, desc } of columns) {
      const d = ranks[a] - ranks[b]
      if (d !== 0) return desc ? -d : d
    }
    return a - b
  })
}

/**
 * The lines sorted by the rules, earlier rules first; ties keep the input order. Strings
 * compare by code unit (ids, codes and ISO dates are ASCII), coder names without case;
 * severity ascending is info before error, status follows STATUS_SORT_ORDER.
 */
export function sortQueue(rows: readonly QueueRow[], sorting: readonly SortRule[]): QueueRow[] {
  const index = queueIndexOf(rows)
  const all = new Int32Array(rows.length)
  for (let i = 0; i < all.length; i++) all[i] = i
  return rowsAt(rows, sortPositions(index, all, sorting))
}

export interface QueueView {
  rows: QueueRow[]
  facets: FacetCounts
  /** Lines before filtering. */
  total: number
}

/** What the queue shows: the filtered and sorted lines, and the facet counts for the filter dropdowns. */
export function queueView(rows: readonly QueueRow[], filters: QueueFilters, sorting: readonly SortRule[]): QueueView {
  const index = queueIndexOf(rows)
  const { kept, counts } = run(index, filters, true)
  return {
    rows: rowsAt(rows, sortPositions(index, kept, sorting)),
    facets: toFacetCounts(index, counts ?? emptyCounts(index)),
    total: rows.length,
  }
}

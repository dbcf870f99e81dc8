import { FACETS, type QueueFilters, type SortColumn, type SortRule } from '../model/filters.ts'
import type { QueueRow } from '../model/types.ts'
import { FACET_TITLES } from './facet-options.ts'

/** The queue's order when the user has not picked one: most severe first, then oldest service first. */
export const DEFAULT_SORT: readonly SortRule[] = [{ id: 'severity', desc: true }, { id: 'dateOfService', desc: false }]

const sameSorting = (a: readonly SortRule[], b: readonly SortRule[]) => a.length === b.length && a.every((s, i) => s.id === b[i]?.id && s.desc === b[i].desc)

/**
 * The order after a header click: a plain click sorts by that column alone (flipping it when it
 * already leads); Shift adds it as a further key, flips it, then removes it. The default order is
 * stored as [] so that the URL stays short.
 */
export function nextSorting(current: readonly SortRule[], id: SortColumn, additive: boolean): SortRule[] {
  const effective = current.length > 0 ? current : DEFAULT_SORT
  const at = effective.findIndex((s) => s.id === id)
  let next: SortRule[]
  if (!additive) next = [{ id, desc: at === 0 ? !effective[0].desc : false }]
  else if (at < 0) next = [...effective, { id, desc: false }]
  else if (!effective[at].desc) next = effective.map((s, i) => (i === at ? { id, desc: true } : s))
  else next = effective.filter((_, i) => i !== at)
  return next.length === 0 || sameSorting(next, DEFAULT_SORT) ? [] : next
}

/** Only the drill-down's rows, when there is one. */
export function onlyRows(rows: readonly QueueRow[], rowIds: readonly string[] | null): readonly QueueRow[] {
  if (rowIds === null) return rows
  const wanted = new Set(rowIds)
  return rows.filter((r) => wanted.has(r.rowId))
}

/** The filters in words, for the printout: "Filters: Severity error, warning; Service from 2026-10-01." */
export function describeFilters(filters: QueueFilters): string {
  const parts: string[] = []
  for (const facet of FACETS) {
    const values = filters[facet] ?? []
    if (values.length > 0) parts.push(`${FACET_TITLES[facet]} ${values.map((v) => (v === '' ? 'not recorded' : v)).join(', ')}`)
  }
  if (filters.dateFrom) parts.push(`Service from ${filters.dateFrom}`)
  if (filters.dateTo) parts.push(`Service to ${filters.dateTo}`)
  if (filters.search?.trim()) parts.push(`Search “${filters.search.trim()}”`)
  return parts.length === 0 ? 'No filters.' : `Filters: ${parts.join('; ')}.`
}

/** Today's date on this computer as YYYY-MM-DD (export file names, the printout). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

import type { Category } from '../../../domain/index.ts'
import type { QueueQuery } from '../model/queue-query.ts'
import type { DateRange } from './date-range.ts'
import { monthInRange } from './date-range.ts'
import type { InsightBar, InsightChart, InsightLine } from './insights-types.ts'

/** A link longer than this many rows is replaced by the queue's own filters. */
export const MAX_LINKED_ROWS = 500

export type QueueLink =
  | { kind: 'query'; query: Partial<QueueQuery>; rows: number }
  | { kind: 'none'; reason: string }

/** The queue rows of a bar's lines, each once, in the bar's order. */
export function rowIdsOfBar(bar: InsightBar, lines: ReadonlyMap<string, InsightLine>): string[] {
  const ids = new Set<string>()
  for (const id of bar.lineIds) for (const rowId of lines.get(id)?.rowIds ?? []) ids.add(rowId)
  return [...ids]
}

/**
 * The flag bars' lines as the queue's filters: the flagged lines (the queue's default) of the
 * range with the bar's value. The same lines as the row ids, except that by rule the queue also
 * matches a flagged line on which the rule gave only an info finding.
 */
function flagFilters(chart: InsightChart, bar: InsightBar, range: DateRange): Partial<QueueQuery> | null {
  const dates = chart.dimension === 'month' ? monthInRange(bar.key, range) : range
  const filters = {
    ...(dates.from === null ? {} : { dateFrom: dates.from }),
    ...(dates.to === null ? {} : { dateTo: dates.to }),
  }
  switch (chart.dimension) {
    case 'category': return { filters: { ...filters, category: [bar.key as Category] }, includeAllLines: false }
    case 'rule': return { filters: { ...filters, rule: [bar.key] }, includeAllLines: false }
    case 'provider': return { filters: { ...filters, provider: [bar.key] }, includeAllLines: false }
    case 'payer': return { filters: { ...filters, payer: [bar.key] }, includeAllLines: false }
    case 'month': return { filters, includeAllLines: false }
    default: return null
  }
}

/**
 * What "Open these lines in the review queue" opens for a bar: its rows by id, or, past
 * MAX_LINKED_ROWS, the equivalent filters where the queue has them (the flag charts). Denials
 * not matched to an encounter have no row in the queue.
 */
export function queueLinkOf(chart: InsightChart, bar: InsightBar, lines: ReadonlyMap<string, InsightLine>, range: DateRange): QueueLink {
  const rowIds = rowIdsOfBar(bar, lines)
  if (rowIds.length === 0) {
    return { kind: 'none', reason: bar.count === 0 ? 'No lines to open.' : 'These denials are not matched to an encounter, so the review queue has no lines for them.' }
  }
  if (rowIds.length <= MAX_LINKED_ROWS) return { kind: 'query', query: { rowIds, includeAllLines: true }, rows: rowIds.length }
  const query = chart.kind === 'flags' ? flagFilters(chart, bar, range) : null
  if (query === null) {
    return { kind: 'none', reason: `These are ${rowIds.length.toLocaleString('en-US')} lines, more than the ${MAX_LINKED_ROWS} a link can carry: narrow the date range to open them in the review queue.` }
  }
  return { kind: 'query', query, rows: rowIds.length }
}

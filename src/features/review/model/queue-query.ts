import { CATEGORIES, SEVERITIES } from '../../../domain/types.ts'
import { QUEUE_COLUMNS, type QueueColumnId } from './export.ts'
import { SORT_COLUMNS, type QueueFilters, type SortColumn, type SortRule } from './filters.ts'
import { REVIEW_STATUSES } from './types.ts'

/**
 * The review queue's view state as URL search parameters, so a reload, a bookmark or the
 * insights drill-down opens the queue exactly as it was. Parsing is forgiving (a hand-edited or
 * stale link drops what it does not understand rather than failing); formatting is canonical
 * (fixed parameter order, defaults omitted) so equal views give equal URLs.
 */
export interface QueueQuery {
  filters: QueueFilters
  /** [] means the page's default order. */
  sorting: SortRule[]
  hidden: QueueColumnId[]
  /** Show lines without findings too. */
  includeAllLines: boolean
  /** Only these `${encounterId}:${lineIndex}` rows (a drill-down from insights); null for all. */
  rowIds: string[] | null
}

export const DEFAULT_QUEUE_QUERY: QueueQuery = Object.freeze({
  filters: Object.freeze({}) as QueueFilters,
  sorting: Object.freeze([]) as unknown as SortRule[],
  hidden: Object.freeze([]) as unknown as QueueColumnId[],
  includeAllLines: false,
  rowIds: null,
})

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ROW_ID = /^[^,]+:\d+$/
const COLUMN_IDS: readonly string[] = QUEUE_COLUMNS.map((c) => c.id)

/** The multi-valued filters, in the order format writes them. */
const LIST_PARAMS = ['severity', 'category', 'rule', 'provider', 'coder', 'payer', 'status'] as const
type ListParam = (typeof LIST_PARAMS)[number]

/** Which values each list filter accepts; null accepts any text (ids from the data). */
const ALLOWED: Record<ListParam, readonly string[] | null> = {
  severity: SEVERITIES,
  category: CATEGORIES,
  rule: null,
  provider: null,
  coder: null,
  payer: null,
  status: REVIEW_STATUSES,
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)]
}

function listOf(params: URLSearchParams, name: ListParam): string[] {
  const allowed = ALLOWED[name]
  // The coder facet has a legitimate empty value (lines whose coder is not recorded).
  const values = params.getAll(name).filter((v) => (allowed === null ? name === 'coder' || v !== '' : allowed.includes(v)))
  return unique(values)
}

function commaList(params: URLSearchParams, name: string): string[] | null {
  const raw = params.get(name)
  if (raw === null) return null
  return raw === '' ? [] : raw.split(',')
}

function parseSorting(params: URLSearchParams): SortRule[] {
  const seen = new Set<string>()
  const sorting: SortRule[] = []
  for (const part of commaList(params, 'sort') ?? []) {
    const dot = part.lastIndexOf('.')
    const id = part.slice(0, dot)
    const dir = part.slice(dot + 1)
    if (dot < 0 || (dir !== 'asc' && dir !== 'desc')) continue
    if (!(SORT_COLUMNS as readonly string[]).includes(id) || seen.has(id)) continue
    seen.add(id)
    sorting.push({ id: id as SortColumn, desc: dir === 'desc' })
  }
  return sorting
}

function dateOf(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)
  return value !== null && ISO_DATE.test(value) ? value : null
}

/** The queue view a query string describes; unknown or malformed values are ignored. Never throws. */
export function parseQueueQuery(query: string): QueueQuery {
  let params: URLSearchParams
  try {
    params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query)
  } catch {
    return DEFAULT_QUEUE_QUERY
  }
  const filters: QueueFilters = {}
  const mutable = filters as Record<string, unknown>
  for (const name of LIST_PARAMS) {
    const values = listOf(params, name)
    if (values.length > 0) mutable[name] = values
  }
  const from = dateOf(params, 'from')
  const to = dateOf(params, 'to')
  if (from !== null) filters.dateFrom = from
  if (to !== null) filters.dateTo = to
  const search = params.get('q')
  if (search !== null && search !== '') filters.search = search
  const rows = commaList(params, 'rows')
  return {
    filters,
    sorting: parseSorting(params),
    hidden: unique((commaList(params, 'hide') ?? []).filter((id) => COLUMN_IDS.includes(id))) as QueueColumnId[],
    includeAllLines: params.get('all') === '1',
    rowIds: rows === null ? null : unique(rows.filter((id) => ROW_ID.test(id))),
  }
}

/** The canonical query string of a queue view (no leading '?'); '' for the defaults. */
export function formatQueueQuery(q: Partial<QueueQuery>): string {
  const params = new URLSearchParams()
  const filters = q.filters ?? {}
  for (const name of LIST_PARAMS) {
    const values: readonly string[] = (filters[name]) ?? []
    for (const value of unique(values)) params.append(name, value)
  }
  if (filters.dateFrom) params.set('from', filters.dateFrom)
  if (filters.dateTo) params.set('to', filters.dateTo)
  if (filters.search) params.set('q', filters.search)
  if (q.sorting && q.sorting.length > 0) params.set('sort', q.sorting.map((s) => `${s.id}.${s.desc ? 'desc' : 'asc'}`).join(','))
  if (q.hidden && q.hidden.length > 0) params.set('hide', unique(q.hidden).join(','))
  if (q.includeAllLines) params.set('all', '1')
  if (q.rowIds) params.set('rows', unique(q.rowIds).join(','))
  return params.toString()
}

/** True when any filter narrows the lines (the drill-down's row list is separate). */
export function hasActiveFilters(filters: QueueFilters): boolean {
  return LIST_PARAMS.some((name) => (filters[name]?.length ?? 0) > 0)
    || Boolean(filters.dateFrom) || Boolean(filters.dateTo) || Boolean(filters.search)
}

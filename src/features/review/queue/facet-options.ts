import { CATEGORIES, SEVERITIES } from '../../../domain/types.ts'
import { UNKNOWN_CODER, type FacetCounts, type FacetKey, type QueueFilters } from '../model/filters.ts'
import { categoryLabel } from '../../../domain/index.ts'
import { REVIEW_STATUSES, STATUS_LABELS, type ReviewStatus, type UserProfile } from '../model/types.ts'
import type { FacetOption } from './facet-filter.tsx'

export const FACET_TITLES: Record<FacetKey, string> = {
  severity: 'Severity', category: 'Category', rule: 'Rule', provider: 'Provider', coder: 'Coder', payer: 'Payer', status: 'Status',
}

const SEVERITY_WORDS: Record<string, string> = { error: 'Error', warning: 'Warning', info: 'Info' }

/** Facets whose values have a natural order (most severe first, the review's own order) rather than A to Z. */
const FIXED_ORDER: Partial<Record<FacetKey, readonly string[]>> = { severity: SEVERITIES, status: REVIEW_STATUSES, category: CATEGORIES }

function labelOf(facet: FacetKey, value: string, coderNames: ReadonlyMap<string, string>): string {
  switch (facet) {
    case 'severity': return SEVERITY_WORDS[value] ?? value
    case 'status': return STATUS_LABELS[value as ReviewStatus] ?? value
    case 'category': return categoryLabel(value)
    case 'coder': return value === UNKNOWN_CODER ? 'Not recorded' : coderNames.get(value) ?? value
    default: return value
  }
}

/**
 * A facet's choices: every value some line has once the other filters apply, with its count,
 * plus the values already picked (at 0 when nothing matches them any more, so they can be unpicked).
 */
export function facetOptions(facet: FacetKey, facets: FacetCounts, filters: QueueFilters, users: readonly Pick<UserProfile, 'id' | 'name'>[]): FacetOption[] {
  const counts = facets[facet]
  const values = new Set<string>(counts.keys())
  for (const picked of filters[facet] ?? []) values.add(picked)
  const names = new Map(users.map((u) => [u.id, u.name]))
  const options = [...values].map((value) => ({ value, label: labelOf(facet, value, names), count: counts.get(value) ?? 0 }))
  const order = FIXED_ORDER[facet]
  if (order) return options.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value))
  return options.sort((a, b) => a.label.localeCompare(b.label, 'en-US', { numeric: true }))
}

import { useId } from 'react'
import { Button } from '../../../components/button.tsx'
import { inputClass } from '../../../components/field.tsx'
import { FACETS, type FacetCounts, type FacetKey, type QueueFilters } from '../model/filters.ts'
import type { UserProfile } from '../model/types.ts'
import { FacetFilter } from './facet-filter.tsx'
import { FACET_TITLES, facetOptions } from './facet-options.ts'
import { SearchBox } from './search-box.tsx'

interface FiltersBarProps {
  filters: QueueFilters
  facets: FacetCounts
  users: readonly UserProfile[]
  includeAllLines: boolean
  canClear: boolean
  onFilters: (filters: QueueFilters) => void
  onIncludeAllLines: (on: boolean) => void
  onClear: () => void
}

/** Facets, date range, search and "Show all lines": everything that narrows the queue. */
export function FiltersBar({ filters, facets, users, includeAllLines, canClear, onFilters, onIncludeAllLines, onClear }: FiltersBarProps) {
  const id = useId()
  const set = (patch: QueueFilters) => onFilters({ ...filters, ...patch })
  const setFacet = (facet: FacetKey, values: string[]) => set({ [facet]: values })
  return (
    <div role="search" aria-label="Filter the review queue" className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-3" data-print="hide">
      <div className="flex flex-wrap items-end gap-3">
        <SearchBox id={`${id}-search`} value={filters.search ?? ''} onChange={(search) => set({ search })} />
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-from`} className="text-sm font-medium text-slate-800">Service from</label>
          <input id={`${id}-from`} type="date" value={filters.dateFrom ?? ''} max={filters.dateTo ?? undefined}
            onChange={(e) => set({ dateFrom: e.target.value || null })} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-to`} className="text-sm font-medium text-slate-800">Service to</label>
          <input id={`${id}-to`} type="date" value={filters.dateTo ?? ''} min={filters.dateFrom ?? undefined}
            onChange={(e) => set({ dateTo: e.target.value || null })} className={inputClass} />
        </div>
        <label className="flex items-center gap-2 pb-1 text-sm font-medium text-slate-800">
          <input type="checkbox" className="size-4 accent-brand-700" checked={includeAllLines} onChange={(e) => onIncludeAllLines(e.target.checked)} />
          Show all lines (also those without findings)
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium text-slate-800">Filter by</span>
        {FACETS.map((facet) => (
          <FacetFilter key={facet} title={FACET_TITLES[facet]} options={facetOptions(facet, facets, filters, users)}
            selected={filters[facet] ?? []} onChange={(values) => setFacet(facet, values)} />
        ))}
        {canClear ? <Button size="sm" variant="ghost" onClick={onClear}>Clear filters</Button> : null}
      </div>
    </div>
  )
}

import { useId } from 'react'
import { inputClass } from '../../../components/field.tsx'
import { SEVERITIES } from '../../../domain/index.ts'
import { categoryLabel } from '../../../domain/index.ts'
import { CATEGORY_ORDER, kindLabels, SCOPE_ORDER, scopeLabels, severityLabels } from './labels.ts'
import { countBy, isFiltered, NO_FILTERS, type RuleEntry, type RuleFilters } from './rule-library-model.ts'

interface RuleFiltersFormProps {
  entries: readonly RuleEntry[]
  filters: RuleFilters
  onChange: (filters: RuleFilters) => void
}

const selectClass = `${inputClass} w-full`

/** The search box and the four filters; each choice shows how many rules of the whole library it holds. */
export function RuleFiltersForm({ entries, filters, onChange }: RuleFiltersFormProps) {
  const id = useId()
  const scopes = countBy(entries, (r) => r.scope)
  const categories = countBy(entries, (r) => r.category)
  const severities = countBy(entries, (r) => r.severity)
  const kinds = countBy(entries, (r) => r.kind)
  const set = <K extends keyof RuleFilters>(key: K, value: RuleFilters[K]) => onChange({ ...filters, [key]: value })
  const withCount = (label: string, n: number | undefined) => `${label} (${(n ?? 0).toLocaleString('en-US')})`

  return (
    <form role="search" aria-label="Rules" onSubmit={(e) => e.preventDefault()} className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-query`} className="text-sm font-medium text-slate-800">Search rules</label>
        <input id={`${id}-query`} type="search" className={inputClass} value={filters.query} autoComplete="off" spellCheck={false}
          aria-describedby={`${id}-query-hint`} onChange={(e) => set('query', e.target.value)} />
        <p id={`${id}-query-hint`} className="text-xs text-slate-600">Rule id, words of its title or explanation, or a code such as 64493 or J3301.</p>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-scope`} className="text-sm font-medium text-slate-800">Applies to</label>
          <select id={`${id}-scope`} className={selectClass} value={filters.scope} onChange={(e) => set('scope', e.target.value as RuleFilters['scope'])}>
            <option value="">Everything</option>
            {SCOPE_ORDER.map((s) => <option key={s} value={s}>{withCount(scopeLabels[s], scopes.get(s))}</option>)}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-category`} className="text-sm font-medium text-slate-800">Category</label>
          <select id={`${id}-category`} className={selectClass} value={filters.category} onChange={(e) => set('category', e.target.value as RuleFilters['category'])}>
            <option value="">All categories</option>
            {CATEGORY_ORDER.filter((c) => categories.has(c)).map((c) => <option key={c} value={c}>{withCount(categoryLabel(c), categories.get(c))}</option>)}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-severity`} className="text-sm font-medium text-slate-800">Severity</label>
          <select id={`${id}-severity`} className={selectClass} value={filters.severity} onChange={(e) => set('severity', e.target.value as RuleFilters['severity'])}>
            <option value="">All severities</option>
            {SEVERITIES.map((s) => <option key={s} value={s}>{withCount(severityLabels[s], severities.get(s))}</option>)}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-kind`} className="text-sm font-medium text-slate-800">Kind</label>
          <select id={`${id}-kind`} className={selectClass} value={filters.kind} onChange={(e) => set('kind', e.target.value as RuleFilters['kind'])}>
            <option value="">Both kinds</option>
            <option value="coding">{withCount(`${kindLabels.coding}s: decide lines`, kinds.get('coding'))}</option>
            <option value="check">{withCount(`${kindLabels.check}s: report findings`, kinds.get('check'))}</option>
          </select>
        </div>
      </div>
      {isFiltered(filters) ? (
        <p>
          <button type="button" onClick={() => onChange(NO_FILTERS)}
            className="text-sm font-medium text-brand-700 underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus">
            Clear search and filters
          </button>
        </p>
      ) : null}
    </form>
  )
}

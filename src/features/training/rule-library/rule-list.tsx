import { SeverityBadge } from '../../../components/severity-badge.tsx'
import { categoryLabel } from '../../../domain/index.ts'
import type { ScopeGroup } from './rule-library-model.ts'
import { followsInApp } from '../../../lib/links.ts'
import { ruleHref, ruleLinkId } from './links.ts'

interface RuleListProps {
  groups: readonly ScopeGroup[]
  selectedId: string | null
  onSelect: (ruleId: string) => void
}

/** The matching rules, grouped by what they apply to; each opens its detail. */
export function RuleList({ groups, selectedId, onSelect }: RuleListProps) {
  return (
    <div className="flex flex-col gap-4">
      {groups.map((group) => (
        <section key={group.scope} aria-labelledby={`rule-group-${group.scope}`} className="flex flex-col gap-1">
          <h3 id={`rule-group-${group.scope}`} className="text-base font-semibold text-slate-900">
            {group.label} <span className="font-normal text-slate-700">({group.entries.length.toLocaleString('en-US')})</span>
          </h3>
          <ul className="flex flex-col divide-y divide-slate-200 rounded border border-slate-300 bg-white">
            {group.entries.map(({ rule }) => {
              const selected = rule.id === selectedId
              return (
                <li key={rule.id}>
                  <a id={ruleLinkId(rule.id)} href={ruleHref(rule.id)} aria-current={selected ? 'true' : undefined}
                    onClick={(e) => { if (followsInApp(e)) { e.preventDefault(); onSelect(rule.id) } }}
                    className={`flex flex-col gap-1 px-3 py-2 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-focus ${selected ? 'bg-brand-50' : 'hover:bg-slate-50'}`}>
                    <span className="flex flex-wrap items-baseline gap-x-2">
                      <code className="font-mono text-xs font-semibold break-all text-slate-800">{rule.id}</code>
                      <span className="font-medium text-brand-700 underline">{rule.title}</span>
                    </span>
                    <span className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
                      <SeverityBadge severity={rule.severity} />
                      <span>{categoryLabel(rule.category)}</span>
                      <span aria-hidden="true">·</span>
                      <span>{rule.kind === 'coding' ? 'Coding rule' : 'Check'}</span>
                      {selected ? <span className="font-semibold text-brand-800">(shown)</span> : null}
                    </span>
                  </a>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </div>
  )
}

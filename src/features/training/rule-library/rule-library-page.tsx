import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { allRules, type EvaluationInput } from '../../../domain/index.ts'
import { ruleExamples, rulesWithoutExamples } from '../../../domain/training/examples/index.ts'
import { followsInApp } from '../../../lib/links.ts'
import { ruleLibraryHref, ruleLinkId } from './links.ts'
import { RuleDetail } from './rule-detail.tsx'
import { RuleFiltersForm } from './rule-filters.tsx'
import { buildRuleLibrary, filterRules, groupByScope, isFiltered, NO_FILTERS, type RuleEntry, type RuleFilters } from './rule-library-model.ts'
import { RuleList } from './rule-list.tsx'

export interface RuleLibraryPageProps {
  /** The rule shown in detail (from the URL, #/training/rules/<id>), or null for the list only. */
  ruleId: string | null
  /** Selects a rule (null closes the detail); the app puts it in the URL. */
  onSelectRule: (ruleId: string | null) => void
  /** Opens an example as a new worksheet draft (the app creates the draft and navigates to it). */
  onOpenExample: (input: EvaluationInput, title: string) => void
}

let built: RuleEntry[] | null = null

/** Evaluating every example takes a moment: do it once per page load, not on each visit to the library. */
function ruleLibrary(): RuleEntry[] {
  built ??= buildRuleLibrary({ rules: allRules, examples: ruleExamples, withoutExamples: rulesWithoutExamples })
  return built
}

function countText(shown: number, total: number, filtered: boolean): string {
  const rules = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'rule' : 'rules'}`
  if (!filtered) return rules(total)
  if (shown === 0) return `No rule matches, of ${rules(total)}.`
  return `${rules(shown)} of ${total.toLocaleString('en-US')} match`
}

/** Every rule of the rule module, searchable and filterable, each with its explanation, sources and examples. */
export function RuleLibraryPage({ ruleId, onSelectRule, onOpenExample }: RuleLibraryPageProps) {
  const id = useId()
  const library = ruleLibrary()
  const [filters, setFilters] = useState<RuleFilters>(NO_FILTERS)
  const shown = useMemo(() => filterRules(library, filters), [library, filters])
  const groups = useMemo(() => groupByScope(shown), [shown])
  const selected = ruleId === null ? null : library.find((e) => e.rule.id === ruleId) ?? null
  const headingRef = useRef<HTMLHeadingElement>(null)
  const missingRef = useRef<HTMLHeadingElement>(null)
  const pageHeadingRef = useRef<HTMLHeadingElement>(null)
  const previous = useRef<string | null>(null)

  // Picking a rule (or going back/forward to one) takes focus to its heading; closing it returns focus to its link,
  // or to the page heading when the search hides that link.
  useEffect(() => {
    const before = previous.current
    previous.current = ruleId
    if (ruleId !== null) (headingRef.current ?? missingRef.current)?.focus()
    else if (before !== null) (document.getElementById(ruleLinkId(before)) ?? pageHeadingRef.current)?.focus()
  }, [ruleId])

  const filtered = isFiltered(filters)
  const detailOpen = ruleId !== null

  return (
    <section aria-labelledby={`${id}-heading`} className="flex min-w-0 flex-col gap-4">
      <div className={`flex flex-col gap-2 ${detailOpen ? 'max-lg:hidden' : ''}`}>
        <h2 id={`${id}-heading`} ref={pageHeadingRef} tabIndex={-1} className="text-lg font-semibold text-brand-800 focus:outline-none focus-visible:outline focus-visible:outline-2 focus-visible:outline-focus">Rule library</h2>
        <p className="text-sm text-slate-700">
          Every rule the worksheet checks a claim with: why it exists, how serious a finding is, where the fact comes from
          and when it applies. Most rules have an example where the rule fires and a near miss where it does not; open
          either in the worksheet to try it.
        </p>
      </div>
      <div className="grid min-w-0 grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className={`flex min-w-0 flex-col gap-3 ${detailOpen ? 'max-lg:hidden' : ''}`}>
          <RuleFiltersForm entries={library} filters={filters} onChange={setFilters} />
          <p role="status" className="text-sm font-medium text-slate-800">{countText(shown.length, library.length, filtered)}</p>
          {shown.length === 0 ? (
            <p className="rounded border border-slate-300 bg-white p-3 text-sm text-slate-800">
              Try fewer words, another code, or{' '}
              <button type="button" onClick={() => setFilters(NO_FILTERS)} className="font-medium text-brand-700 underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus">
                clear the search and filters
              </button>.
            </p>
          ) : <RuleList groups={groups} selectedId={ruleId} onSelect={onSelectRule} />}
        </div>
        <div className="min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          {selected ? (
            <section aria-labelledby={`${id}-detail`}>
              <RuleDetail entry={selected} headingRef={headingRef} headingId={`${id}-detail`} onClose={() => onSelectRule(null)} onOpenExample={onOpenExample} />
            </section>
          ) : ruleId !== null ? (
            <section aria-labelledby={`${id}-missing`} className="flex flex-col gap-2 rounded border border-slate-300 bg-white p-3 text-sm">
              <h3 id={`${id}-missing`} ref={missingRef} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none focus-visible:outline focus-visible:outline-2 focus-visible:outline-focus">
                No rule “{ruleId}”
              </h3>
              <p className="text-slate-800">The rule module has no rule with this id; it may have been renamed or the link mistyped.</p>
              <p>
                <a href={ruleLibraryHref} className="font-medium text-brand-700 underline"
                  onClick={(e) => { if (followsInApp(e)) { e.preventDefault(); onSelectRule(null) } }}>
                  All rules
                </a>
              </p>
            </section>
          ) : (
            <p className="rounded border border-dashed border-slate-400 p-3 text-sm text-slate-700 max-lg:hidden">
              Pick a rule to read its explanation, sources, dates, codes and examples.
            </p>
          )}
        </div>
      </div>
    </section>
  )
}

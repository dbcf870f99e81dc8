import type { ReactNode, Ref } from 'react'
import { SeverityBadge } from '../../../components/severity-badge.tsx'
import type { EvaluationInput } from '../../../domain/index.ts'
import { kindLabels, kindMeanings, scopeLabels, severityMeanings } from './labels.ts'
import { followsInApp } from '../../../lib/links.ts'
import { ruleLibraryHref } from './links.ts'
import { RuleExampleCard } from './rule-example-card.tsx'
import { categoryLabel } from '../../../domain/index.ts'
import { effectiveDatesText, type RuleEntry } from './rule-library-model.ts'
import { RuleSources } from './rule-sources.tsx'
import { rationaleOf } from '../../../domain/rules/rationales.ts'

interface RuleDetailProps {
  entry: RuleEntry
  headingRef: Ref<HTMLHeadingElement>
  headingId: string
  onClose: () => void
  onOpenExample: (input: EvaluationInput, title: string) => void
}

function Codes({ codes }: { codes: readonly string[] }) {
  return (
    <ul className="flex flex-wrap gap-1">
      {codes.map((c) => <li key={c}><code className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-900">{c}</code></li>)}
    </ul>
  )
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd className="min-w-0 text-slate-900">{children}</dd>
    </div>
  )
}

/** Everything about one rule: why it exists, how serious it is, where it comes from, its codes and its examples. */
export function RuleDetail({ entry, headingRef, headingId, onClose, onOpenExample }: RuleDetailProps) {
  const { rule } = entry
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <p>
        <a href={ruleLibraryHref} className="text-sm font-medium text-brand-700 underline"
          onClick={(e) => { if (followsInApp(e)) { e.preventDefault(); onClose() } }}>
          All rules
        </a>
      </p>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold break-words text-brand-800 focus:outline-none focus-visible:outline focus-visible:outline-2 focus-visible:outline-focus">
        {rule.id} — {rule.title}
      </h3>
      <p className="text-base text-slate-900">{rationaleOf(rule.id)}</p>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
        <Row term="Applies to">{scopeLabels[rule.scope] ?? rule.scope}</Row>
        <Row term="Kind">{kindLabels[rule.kind]}: {kindMeanings[rule.kind]}</Row>
        <Row term="Severity">
          <span className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={rule.severity} />
            <span>{rule.kind === 'coding' ? 'Nominal: a coding rule reports no finding.' : severityMeanings[rule.severity]}</span>
          </span>
        </Row>
        <Row term="Category">{categoryLabel(rule.category)}</Row>
        <Row term="Effective dates">{effectiveDatesText(rule.effectiveFrom, rule.effectiveTo)}</Row>
        <Row term="Codes">
          {entry.codes.length === 0 ? (
            <span>None: neither its examples&apos; claim lines nor its explanation name a code.</span>
          ) : (
            <span className="flex flex-col gap-1">
              <Codes codes={entry.codes} />
              <span className="text-xs text-slate-700">
                {entry.exampleCodes.length > 0 ? `On the claim lines of its example where it fires: ${entry.exampleCodes.join(', ')}. ` : 'None on the claim lines of its examples. '}
                {entry.textCodes.length > 0 ? `Named in its explanation: ${entry.textCodes.join(', ')}.` : 'None named in its explanation.'}
                {' '}Codes come from the examples and the rule&apos;s own words; the rule may concern others.
              </span>
            </span>
          )}
        </Row>
      </dl>
      <section aria-labelledby={`${headingId}-sources`} className="flex flex-col gap-2">
        <h4 id={`${headingId}-sources`} className="text-base font-semibold text-slate-900">{entry.sources.length === 1 ? 'Source' : 'Sources'}</h4>
        <RuleSources sources={entry.sources} />
      </section>
      <section aria-labelledby={`${headingId}-examples`} className="flex flex-col gap-2">
        <h4 id={`${headingId}-examples`} className="text-base font-semibold text-slate-900">Examples</h4>
        {entry.examples.length === 0 ? (
          <p className="rounded border border-slate-300 bg-white p-3 text-sm text-slate-800">
            {entry.withoutExamplesReason ?? 'No example has been written for this rule yet.'}
          </p>
        ) : entry.examples.map((e, i) => <RuleExampleCard key={i} rule={rule} entry={e} onOpen={onOpenExample} />)}
      </section>
    </div>
  )
}

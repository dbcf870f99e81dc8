import { useId } from 'react'
import { Button } from '../../../components/button.tsx'
import type { EvaluationInput, RuleDefinition } from '../../../domain/index.ts'
import { summarizeEncounter } from './encounter-summary.ts'
import { lineText } from './example-outcome.ts'
import type { ExampleEntry } from './rule-library-model.ts'

interface RuleExampleCardProps {
  rule: RuleDefinition
  entry: ExampleEntry
  onOpen: (input: EvaluationInput, title: string) => void
}

function OutcomeText({ rule, entry }: { rule: RuleDefinition; entry: ExampleEntry }) {
  const { outcome } = entry
  if (!outcome.ok) return null
  if (!outcome.fires) return <p className="text-sm font-medium text-slate-900">{rule.id} does not fire.</p>
  if (rule.kind === 'coding') {
    const n = outcome.ruleLineIndexes.length
    return <p className="text-sm font-medium text-slate-900">{rule.id} fires: it decides {n === 1 ? 'the marked line' : `the ${n.toLocaleString('en-US')} marked lines`}.</p>
  }
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p className="font-medium text-slate-900">{rule.id} fires:</p>
      <ul className="list-disc pl-5 text-slate-800">
        {outcome.ruleFindings.map((f, i) => <li key={i}>{f.message} <span className="text-slate-700">Fix: {f.fix}</span></li>)}
      </ul>
    </div>
  )
}

/** One example of a rule: the encounter in short, what the rule module makes of it, and a way to open it. */
export function RuleExampleCard({ rule, entry, onOpen }: RuleExampleCardProps) {
  const id = useId()
  const { example, outcome } = entry
  const kindText = example.kind === 'fires' ? 'Where it fires' : 'Near miss'
  const others = outcome.ok ? outcome.findingCount - outcome.ruleFindings.length : 0

  return (
    <article aria-labelledby={`${id}-title`} className="flex min-w-0 flex-col gap-3 rounded border border-slate-300 bg-white p-3">
      <h5 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        <span className={example.kind === 'fires' ? 'text-red-800' : 'text-emerald-800'}>{kindText}:</span> {example.title}
      </h5>
      <p className="text-sm text-slate-800">{example.explanation}</p>
      {outcome.ok ? (
        <>
          <dl className="grid grid-cols-1 gap-x-3 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
            {summarizeEncounter(outcome.input).map((row, i) => (
              <div key={i} className="contents">
                <dt className="font-medium text-slate-700">{row.term}</dt>
                <dd className="break-words text-slate-900">{row.description}</dd>
              </div>
            ))}
          </dl>
          <div className="flex flex-col gap-1">
            <h6 className="text-sm font-semibold text-slate-900">Outcome by the rule module, as of {example.today}</h6>
            {outcome.lines.length === 0 ? <p className="text-sm text-slate-800">No claim lines.</p> : (
              <ul aria-label="Claim lines" className="flex flex-wrap gap-2 text-sm">
                {outcome.lines.map((line, i) => {
                  const marked = outcome.ruleLineIndexes.includes(i)
                  return (
                    <li key={i} className={`rounded border px-2 py-0.5 font-mono ${marked ? 'border-brand-700 bg-brand-50 font-semibold text-brand-800' : 'border-slate-300 text-slate-800'}`}>
                      {lineText(line)}{marked ? <span className="font-sans"> (this rule)</span> : null}
                    </li>
                  )
                })}
              </ul>
            )}
            <OutcomeText rule={rule} entry={entry} />
            {others > 0 ? <p className="text-xs text-slate-700">{others.toLocaleString('en-US')} other {others === 1 ? 'finding' : 'findings'} of other rules on this example.</p> : null}
          </div>
          <div>
            <Button variant="primary" size="sm" onClick={() => onOpen(outcome.input, `${example.title} (${example.ruleId})`)}>
              Open in worksheet<span className="sr-only">: {example.title}</span>
            </Button>
          </div>
        </>
      ) : (
        <div className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          <p className="font-medium">This example cannot open: its encounter does not pass the worksheet&apos;s checks.</p>
          <ul className="list-disc pl-5">
            {outcome.issues.map((issue, i) => <li key={i}><code>{issue.path}</code>: {issue.message}</li>)}
          </ul>
        </div>
      )}
    </article>
  )
}

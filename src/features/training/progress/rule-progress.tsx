import { trainingHref } from '../routes.ts'
import { accuracyText, countText, ruleTitle } from './progress-format.ts'
import type { RuleProgress } from './progress-model.ts'

const cell = 'px-2 py-1.5 align-top'
const focusRing = 'focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus'

function RuleLink({ ruleId }: { ruleId: string }) {
  const title = ruleTitle(ruleId)
  return (
    <a href={trainingHref({ view: 'rules', ruleId })} className={`text-brand-700 underline ${focusRing}`}>
      <span className="font-mono">{ruleId}</span>{title && ` — ${title}`}
    </a>
  )
}

/** The rules missed most, each with how often it was missed of how often a key asked for it. */
export function MostMissedRules({ rules }: { rules: readonly RuleProgress[] }) {
  if (rules.length === 0) return <p className="text-sm text-slate-800">No denial risk missed so far.</p>
  return (
    <ol aria-label="Rules missed most" className="flex list-decimal flex-col gap-1 pl-6 text-sm">
      {rules.map((r) => (
        <li key={r.ruleId}>
          <RuleLink ruleId={r.ruleId} />
          <span className="text-slate-800">: missed {r.missed} of {countText(r.inKey, 'time')} in a key ({accuracyText(r.accuracy)} caught)</span>
        </li>
      ))}
    </ol>
  )
}

/** Every rule met in a key or flagged wrongly, in a disclosure so the page stays short. */
export function RuleTable({ rules }: { rules: readonly RuleProgress[] }) {
  if (rules.length === 0) return null
  return (
    <details className="rounded border border-slate-300 bg-white">
      <summary className={`cursor-pointer px-2 py-2 text-sm font-medium text-slate-900 ${focusRing}`}>Every rule met ({rules.length})</summary>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] border-collapse text-sm">
          <caption className="px-2 pb-2 text-left text-slate-800">
            Accuracy is caught ÷ (caught + missed) over the attempts whose answer key had the rule. Flagging a rule the key did not have counts apart.
          </caption>
          <thead className="bg-slate-100 text-left text-slate-900">
            <tr>
              <th scope="col" className={cell}>Rule</th>
              <th scope="col" className={`${cell} text-right`}>In a key</th>
              <th scope="col" className={`${cell} text-right`}>Caught</th>
              <th scope="col" className={`${cell} text-right`}>Missed</th>
              <th scope="col" className={`${cell} text-right`}>Accuracy</th>
              <th scope="col" className={`${cell} text-right`}>Flagged wrongly</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.ruleId} className="border-t border-slate-200">
                <th scope="row" className={`${cell} text-left font-normal`}><RuleLink ruleId={r.ruleId} /></th>
                <td className={`${cell} text-right tabular-nums`}>{r.inKey}</td>
                <td className={`${cell} text-right tabular-nums`}>{r.caught}</td>
                <td className={`${cell} text-right tabular-nums`}>{r.missed}</td>
                <td className={`${cell} text-right tabular-nums`}>{accuracyText(r.accuracy)}</td>
                <td className={`${cell} text-right tabular-nums`}>{r.falseFlags}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}

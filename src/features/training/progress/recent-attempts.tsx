import type { TrainingAttemptRecord } from '../../../storage/types.ts'
import type { CaseCatalog } from '../catalog.ts'
import { trainingHref } from '../routes.ts'
import { localDateOf } from './local-date.ts'
import { levelLabels } from '../level-labels.ts'

const cell = 'px-2 py-1.5 align-top'
const focusRing = 'focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus'

/** The latest attempts, newest first: when, which case (linked while the catalog still has it), the score and the rules missed. */
export function RecentAttempts({ attempts, total, catalog }: { attempts: readonly TrainingAttemptRecord[]; total: number; catalog: CaseCatalog }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-300 bg-white">
      <table className="w-full min-w-[36rem] border-collapse text-sm">
        <caption className="px-2 py-2 text-left font-medium text-slate-800">
          {attempts.length === total ? `All ${total} attempts, newest first` : `The latest ${attempts.length} of ${total} attempts, newest first`}
        </caption>
        <thead className="bg-slate-100 text-left text-slate-900">
          <tr>
            <th scope="col" className={cell}>Date</th>
            <th scope="col" className={cell}>Case</th>
            <th scope="col" className={cell}>Level</th>
            <th scope="col" className={`${cell} text-right`}>Score</th>
            <th scope="col" className={cell}>Missed rules</th>
            <th scope="col" className={cell}>Graded answer</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.id} className="border-t border-slate-200">
              <td className={`${cell} whitespace-nowrap tabular-nums`}>{localDateOf(a.submittedAt) ?? a.submittedAt}</td>
              <th scope="row" className={`${cell} text-left font-normal`}>
                {catalog.byId(a.caseId)
                  ? <a href={trainingHref({ view: 'case', caseId: a.caseId })} className={`text-brand-700 underline ${focusRing}`}>{a.caseTitle}</a>
                  : <>{a.caseTitle} <span className="text-xs text-slate-700">(no longer offered)</span></>}
              </th>
              <td className={cell}>{levelLabels[a.caseLevel] ?? a.caseLevel}</td>
              <td className={`${cell} text-right tabular-nums`}>{a.percent}%</td>
              <td className={cell}>
                {a.missedRules.length === 0 ? <span className="text-slate-700">none</span> : (
                  <ul className="flex flex-wrap gap-x-2">
                    {[...new Set(a.missedRules)].map((id) => (
                      <li key={id}><a href={trainingHref({ view: 'rules', ruleId: id })} className={`font-mono text-brand-700 underline ${focusRing}`}>{id}</a></li>
                    ))}
                  </ul>
                )}
              </td>
              <td className={cell}>
                <a href={trainingHref({ view: 'attempt', userId: a.userId, attemptId: a.id })} className={`whitespace-nowrap text-brand-700 underline ${focusRing}`}
                  aria-label={`Open the graded answer of ${localDateOf(a.submittedAt) ?? a.submittedAt} for ${a.caseTitle}`}>Open</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

import { confidenceLabels } from '../../../domain/data/confidence-labels.ts'
import type { SourceEntry } from './rule-library-model.ts'

/** Where the rule's fact comes from: each citation with how sure we are of it. */
export function RuleSources({ sources }: { sources: readonly SourceEntry[] }) {
  return (
    <ul className="flex flex-col gap-2 text-sm">
      {sources.map((s) => {
        if (s.kind === 'payer-profile') {
          return (
            <li key="payer-profile" className="text-slate-800">
              The payer profile in use: the value, and its own citation, come from the profile the worksheet checks against.{' '}
              <a href="#/settings" className="font-medium text-brand-700 underline">See the payer profiles in Settings</a>
            </li>
          )
        }
        if (s.kind === 'ncci-table') {
          return (
            <li key="ncci-table" className="text-slate-800">
              The CMS NCCI quarterly tables (MUE and PTP) as loaded in this app.{' '}
              <a href="#/reference/ncci" className="font-medium text-brand-700 underline">See the loaded NCCI tables</a>
            </li>
          )
        }
        return (
          <li key={s.id} className="flex flex-col gap-0.5 rounded border border-slate-200 bg-slate-50 p-2">
            <span className="text-slate-900">{s.citation}</span>
            <span className="text-xs text-slate-700">
              <code className="font-mono">{s.id}</code> · {confidenceLabels[s.confidence]} (<code className="font-mono">{s.confidence}</code>)
            </span>
          </li>
        )
      })}
    </ul>
  )
}

import { DENIAL_CATEGORY_LABELS, type DeniedLine, type EncounterForMatching } from '../../domain/remittance/index.ts'
import { CodeList } from './code-list.tsx'
import { deniedCodeLabel, formatCents, matchedLineLabel, plural, reasonCodesOf } from './model.ts'

/** Most denied lines drawn in the preview; every one is stored. */
const SHOWN_LINES = 200

interface DeniedLinesTableProps {
  denials: readonly DeniedLine[]
  encounters: ReadonlyMap<string, EncounterForMatching>
}

/** The denied lines of a file: what was denied, why, and which encounter line it belongs to. */
export function DeniedLinesTable({ denials, encounters }: DeniedLinesTableProps) {
  if (denials.length === 0) return <p>No line of this file was denied.</p>
  const shown = denials.slice(0, SHOWN_LINES)
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="p-2 text-left font-medium text-slate-800">
          {denials.length > shown.length ? `Denied lines: the first ${shown.length} of ${plural(denials.length, 'line')} (all are stored)` : `Denied lines (${denials.length.toLocaleString('en-US')})`}
        </caption>
        <thead>
          <tr className="border-b border-slate-300 text-left align-bottom">
            <th scope="col" className="p-2">Date of service</th>
            <th scope="col" className="p-2">Claim number (CLP01)</th>
            <th scope="col" className="p-2">Code and modifiers</th>
            <th scope="col" className="p-2 text-right">Amount denied</th>
            <th scope="col" className="p-2">Category</th>
            <th scope="col" className="p-2">Reason codes</th>
            <th scope="col" className="p-2">Remark codes</th>
            <th scope="col" className="p-2">Encounter line</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((d, i) => {
            const matched = matchedLineLabel(d, encounters)
            return (
              <tr key={i} className="border-b border-slate-200 align-top">
                <td className="p-2 whitespace-nowrap">{d.dateOfService ?? '—'}</td>
                <td className="p-2 font-mono break-all">{d.patientControlNumber}</td>
                <td className="p-2 font-mono whitespace-nowrap">{deniedCodeLabel(d)}</td>
                <td className="p-2 text-right tabular-nums whitespace-nowrap">
                  {formatCents(d.amount)}
                  <span className="block text-xs text-slate-600">{d.full ? 'nothing paid' : 'partly paid'}</span>
                </td>
                <td className="p-2">{DENIAL_CATEGORY_LABELS[d.category]}</td>
                <td className="p-2"><CodeList kind="carc" codes={reasonCodesOf(d)} /></td>
                <td className="p-2"><CodeList kind="rarc" codes={d.rarcCodes.map((code) => ({ code, label: code }))} /></td>
                <td className="p-2">{matched ?? <span className="font-medium text-amber-800">not matched</span>}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

import { SeverityBadge } from '../../../components/severity-badge.tsx'
import { categoryLabel } from '../../../domain/index.ts'
import type { LineFinding } from './line-findings.ts'

/** Every finding that applies to the line, with the rule, the fix and where the rule comes from. */
export function LineFindingsList({ findings }: { findings: readonly LineFinding[] }) {
  if (findings.length === 0) return <p className="text-sm text-slate-700">No finding applies to this line.</p>
  return (
    <ul aria-label="Findings on this line" className="flex flex-col gap-2">
      {findings.map(({ finding, scope }, i) => (
        <li key={`${finding.ruleId}-${i}`} className="rounded border border-slate-300 p-2 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={finding.severity} />
            <span className="font-mono text-xs">{finding.ruleId}</span>
            <span className="text-slate-700">{categoryLabel(finding.category)}</span>
            {scope === 'encounter' ? <span className="text-xs text-slate-600">(applies to the whole encounter)</span> : null}
          </p>
          <p className="mt-1">{finding.message}</p>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-slate-800">
            <dt className="font-medium">Fix</dt>
            <dd>{finding.fix}</dd>
            {finding.source ? <><dt className="font-medium">Source</dt><dd>{finding.source}</dd></> : null}
            {finding.interpretation ? <><dt className="font-medium">Interpretation</dt><dd>{finding.interpretation}</dd></> : null}
          </dl>
        </li>
      ))}
    </ul>
  )
}

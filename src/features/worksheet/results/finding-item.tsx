import { useId, useMemo, useState } from 'react'
import { Button } from '../../../components/button.tsx'
import { SeverityBadge } from '../../../components/severity-badge.tsx'
import { familyLabels, type ClaimLine, type Finding } from '../../../domain/index.ts'
import type { WorksheetValues } from '../model/index.ts'
import { fixActionsFor } from './fixes.ts'
import { describeLine, formatFactValue } from './summarize.ts'

export interface FindingItemProps {
  finding: Finding
  lines: readonly ClaimLine[]
  values: WorksheetValues
  onApplyFix: (next: WorksheetValues, label: string) => void
  /** Documentation items repeat one fix; the list shows it once. */
  compact?: boolean
}

function Why({ finding, lines, values }: Pick<FindingItemProps, 'finding' | 'lines' | 'values'>) {
  const concerned = (finding.lineIndexes ?? []).flatMap((i) => {
    const line = lines[i]
    return line ? [describeLine(line)] : []
  })
  const procedure = finding.procedureIndex === undefined ? undefined : values.procedures[finding.procedureIndex]
  return (
    <div className="mt-1 rounded bg-slate-50 p-2 text-sm text-slate-800">
      {finding.trace.length > 0 ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
          {finding.trace.map((t, i) => (
            <div key={`${i}-${t.fact}`} className="contents">
              <dt className="font-medium text-slate-700">{t.fact}:</dt>
              <dd className="break-words">{formatFactValue(t.value)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>No facts recorded for this check.</p>
      )}
      {procedure && finding.procedureIndex !== undefined ? (
        <p className="mt-1">Procedure {finding.procedureIndex + 1}: {familyLabels[procedure.type]}</p>
      ) : null}
      <p className="mt-1">
        {concerned.length > 0 ? <>Lines: <span className="font-mono">{concerned.join(', ')}</span></> : 'Not tied to a claim line.'}
      </p>
      {finding.effectiveFrom || finding.effectiveTo ? (
        <p className="mt-1 text-xs text-slate-600">
          Rule in force {finding.effectiveFrom ? `from ${finding.effectiveFrom}` : ''}{finding.effectiveTo ? ` to ${finding.effectiveTo}` : ''}
        </p>
      ) : null}
    </div>
  )
}

export function FindingItem({ finding, lines, values, onApplyFix, compact = false }: FindingItemProps) {
  const [open, setOpen] = useState(false)
  const messageId = useId()
  const whyId = useId()
  const actions = useMemo(() => fixActionsFor(finding, values), [finding, values])
  return (
    <li className="flex flex-col gap-1 rounded border border-slate-200 bg-white p-2.5">
      <div className="flex items-start gap-2">
        <SeverityBadge severity={finding.severity} />
        <p id={messageId} className="text-sm font-medium text-slate-900">{finding.message}</p>
      </div>
      {finding.interpretation ? (
        <p className="text-sm text-slate-800"><span className="font-semibold">Interpretation:</span> {finding.interpretation}</p>
      ) : null}
      {compact ? null : <p className="text-sm text-slate-800"><span className="font-semibold">Fix:</span> {finding.fix}</p>}
      {actions.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {actions.map((a) => (
            <Button key={a.label} size="sm" variant="primary" aria-describedby={messageId} onClick={() => onApplyFix(a.apply(values), a.label)}>
              {a.label}
            </Button>
          ))}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
        <span>Source: {finding.source}</span>{' '}
        <span>Rule <code className="font-mono text-slate-800">{finding.ruleId}</code></span>{' '}
        <button
          type="button"
          aria-expanded={open}
          aria-controls={whyId}
          onClick={() => setOpen((o) => !o)}
          className="rounded text-sm font-medium text-brand-700 underline hover:text-brand-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
        >
          Why?<span className="sr-only"> ({finding.ruleId})</span>
        </button>
      </div>
      <div id={whyId} hidden={!open}>
        {open ? <Why finding={finding} lines={lines} values={values} /> : null}
      </div>
    </li>
  )
}

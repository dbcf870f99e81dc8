import { useId, useMemo } from 'react'
import { SeverityBadge } from '../../../components/severity-badge.tsx'
import type { HistoryLine, NdcListEntry, PayerProfile } from '../../../domain/index.ts'
import type { WorksheetValues } from '../model/index.ts'
import { comparePayers, type PayerColumn } from './compare.ts'

export interface PayerComparisonProps {
  values: WorksheetValues
  history: readonly HistoryLine[]
  today: string
  profiles: readonly PayerProfile[]
  /** The practice's NDC list: a drug line's default NDC, so each payer's NDC findings are its own. */
  ndcList?: readonly NdcListEntry[]
}

function Column({ column }: { column: PayerColumn }) {
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-2 rounded border border-slate-300 bg-white p-3">
      <h4 id={headingId} className="font-semibold text-slate-900">{column.profile.name}</h4>
      <p className="flex flex-wrap gap-1.5">
        <SeverityBadge severity="error" count={column.errors} />
        <SeverityBadge severity="warning" count={column.warnings} />
      </p>
      {column.lines.length === 0 ? <p className="text-sm text-slate-700">No lines.</p> : (
        <ul aria-label={`Claim lines for ${column.profile.name}`} className="flex flex-col gap-1 text-sm">
          {column.lines.map((line, i) => (
            <li
              key={`${i}-${line.text}`}
              className={`flex flex-wrap items-center justify-between gap-2 rounded px-1.5 py-0.5 ${line.differs ? 'border-l-4 border-amber-500 bg-amber-50' : ''}`}
            >
              <span className="font-mono text-slate-900">{line.text}</span>{' '}
              {line.differs ? <span className="text-xs font-semibold text-amber-900">Differs</span> : null}
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-slate-800">{column.bilateral}</p>
    </section>
  )
}

/** The encounter coded under each payer profile side by side; the page mounts it on demand, so it evaluates only while shown. */
export function PayerComparison({ values, history, today, profiles, ndcList }: PayerComparisonProps) {
  const headingId = useId()
  const columns = useMemo(() => comparePayers(values, history, today, profiles, ndcList), [values, history, today, profiles, ndcList])
  const anyDiffers = columns.some((c) => c.lines.some((l) => l.differs))
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-2">
      <h3 id={headingId} className="text-base font-semibold text-slate-900">Payer comparison</h3>
      <p className="text-sm text-slate-700">
        {anyDiffers ? 'Lines marked “Differs” are not on every payer\'s claim.' : 'The lines are the same for every payer.'}
      </p>
      <div className="grid grid-cols-[repeat(auto-fit,minmax(15rem,1fr))] gap-3">
        {columns.map((c) => <Column key={c.profile.id} column={c} />)}
      </div>
    </section>
  )
}

import { useId } from 'react'
import { Button } from '../../../components/button.tsx'
import { formatQueueQuery } from '../model/queue-query.ts'
import { STATUS_LABELS } from '../model/types.ts'
import type { DateRange } from './date-range.ts'
import { DENIAL_CATEGORY_LABELS } from '../../../domain/remittance/index.ts'
import { formatCents, UNKNOWN_PROVIDER_LABEL } from './insight-labels.ts'
import type { InsightBar, InsightChart, InsightLine } from './insights-types.ts'
import { barName } from './chart-words.ts'
import { queueLinkOf } from './queue-link.ts'

/** Lines listed at most; the rest are one click away in the review queue. */
export const DRILL_DOWN_ROWS = 100

interface DrillDownProps {
  chart: InsightChart
  bar: InsightBar
  lines: ReadonlyMap<string, InsightLine>
  range: DateRange
  onOpenQueue: (query: string) => void
  onClose: () => void
}

function codeText(line: InsightLine): string {
  return line.modifiers === '' ? line.code : `${line.code} ${line.modifiers}`
}

function DenialCells({ line }: { line: InsightLine }) {
  const d = line.denial
  if (d === null) return <><td className="p-2" /><td className="p-2" /><td className="p-2" /></>
  const codes = [...d.carcCodes.map((c) => `CARC ${c}`), ...d.rarcCodes.map((c) => `RARC ${c}`)].join(', ')
  return (
    <>
      <td className="p-2">{DENIAL_CATEGORY_LABELS[d.category]}{d.full ? '' : ' (partly paid)'}</td>
      <td className="p-2">{codes === '' ? '—' : codes}</td>
      <td className="p-2 text-right tabular-nums">{formatCents(d.amount)}</td>
    </>
  )
}

function OverrideCell({ line }: { line: InsightLine }) {
  const o = line.override
  if (o === null) return <td className="p-2" />
  return (
    <td className="p-2">
      {o.reason ?? 'No reason recorded'}{o.note ? `: ${o.note}` : ''}
      <span className="block text-xs text-slate-700">by {o.supervisorName} on {o.at.slice(0, 10)}</span>
    </td>
  )
}

/** The lines behind one bar, and the way to open them in the review queue. */
export function DrillDown({ chart, bar, lines, range, onOpenQueue, onClose }: DrillDownProps) {
  const id = useId()
  const rows = bar.lineIds.slice(0, DRILL_DOWN_ROWS).map((l) => lines.get(l)).filter((l): l is InsightLine => l !== undefined)
  const link = queueLinkOf(chart, bar, lines, range)
  const denials = chart.kind !== 'flags'
  const overrides = chart.kind === 'overridden'
  const title = `${chart.title}: ${barName(chart.kind, bar)}`
  return (
    <section aria-labelledby={`${id}-title`} className="mt-3 flex flex-col gap-2 rounded border border-slate-300 bg-slate-50 p-3">
      <h5 id={`${id}-title`} className="font-semibold text-slate-900">{title}</h5>
      <div className="flex flex-wrap items-center gap-2">
        {link.kind === 'query'
          ? <Button variant="primary" size="sm" onClick={() => onOpenQueue(formatQueueQuery(link.query))}>Open these lines in the review queue</Button>
          : <p className="text-sm text-slate-800">{link.reason}</p>}
        <Button variant="secondary" size="sm" onClick={onClose}>Close the lines</Button>
      </div>
      {bar.count > rows.length ? (
        <p className="text-sm text-slate-800">Showing the first {rows.length.toLocaleString('en-US')} of {bar.count.toLocaleString('en-US')} lines.</p>
      ) : null}
      {rows.length === 0 ? <p className="text-sm text-slate-800">No lines in this bar for these dates.</p> : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">Lines of {title}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-2">Date of service</th>
                <th scope="col" className="p-2">Patient</th>
                <th scope="col" className="p-2">Provider</th>
                <th scope="col" className="p-2">Coder</th>
                <th scope="col" className="p-2">Payer</th>
                <th scope="col" className="p-2">Code</th>
                <th scope="col" className="p-2">Rules</th>
                <th scope="col" className="p-2">Status</th>
                {denials ? <th scope="col" className="p-2">Denial</th> : null}
                {denials ? <th scope="col" className="p-2">Reason codes</th> : null}
                {denials ? <th scope="col" className="p-2 text-right">Amount</th> : null}
                {overrides ? <th scope="col" className="p-2">Override</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((line) => (
                <tr key={line.id} className="border-b border-slate-200 align-top">
                  <td className="p-2 whitespace-nowrap tabular-nums">{line.dateOfService ?? '—'}</td>
                  <th scope="row" className="p-2 text-left font-normal break-all">{line.patientId}</th>
                  <td className="p-2">{line.providerId === '' ? UNKNOWN_PROVIDER_LABEL : line.providerId}</td>
                  <td className="p-2">{line.coderName === '' ? '—' : line.coderName}</td>
                  <td className="p-2">{line.payer === '' ? '—' : line.payer}</td>
                  <td className="p-2 whitespace-nowrap">
                    {line.code === '' ? 'Whole claim' : codeText(line)}
                    {line.lineNumber === null ? null : <span className="block text-xs text-slate-700">Line {line.lineNumber}</span>}
                  </td>
                  <td className="p-2">{line.ruleIds.length === 0 ? 'None' : line.ruleIds.join(', ')}</td>
                  <td className="p-2">{line.status === null ? (line.rowIds.length === 0 ? 'Not matched' : 'Whole claim') : STATUS_LABELS[line.status]}</td>
                  {denials ? <DenialCells line={line} /> : null}
                  {overrides ? <OverrideCell line={line} /> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

import { formatCents } from './insight-labels.ts'
import type { InsightChart } from './insights-types.ts'
import { UNIT } from './chart-words.ts'

/** A chart's numbers as a table, for reading exact values and for screen readers. */
export function ChartTable({ chart }: { chart: InsightChart }) {
  const flags = chart.kind === 'flags'
  const cell = 'p-2 text-right tabular-nums'
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="sr-only">{chart.title}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="p-2">{DIMENSION_HEADERS[chart.dimension]}</th>
            <th scope="col" className="p-2 text-right">{UNIT[chart.kind] === 'flag' ? 'Flags' : 'Denials'}</th>
            {flags ? <th scope="col" className="p-2 text-right">Errors</th> : null}
            {flags ? <th scope="col" className="p-2 text-right">Warnings</th> : null}
            {flags ? null : <th scope="col" className="p-2 text-right">Amount denied</th>}
          </tr>
        </thead>
        <tbody>
          {chart.bars.map((bar) => (
            <tr key={bar.key} className="border-b border-slate-200">
              <th scope="row" className="p-2 text-left font-normal">{bar.label}</th>
              <td className={cell}>{bar.count.toLocaleString('en-US')}</td>
              {bar.severity ? <td className={cell}>{bar.severity.error.toLocaleString('en-US')}</td> : null}
              {bar.severity ? <td className={cell}>{bar.severity.warning.toLocaleString('en-US')}</td> : null}
              {bar.amount === null ? null : <td className={cell}>{formatCents(bar.amount)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const DIMENSION_HEADERS: Record<InsightChart['dimension'], string> = {
  category: 'Category', rule: 'Rule', provider: 'Provider', payer: 'Payer', month: 'Month of service', coder: 'Coder', supervisor: 'Supervisor',
}

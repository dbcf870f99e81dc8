import { useId, useRef, useState } from 'react'
import { Button } from '../../../components/button.tsx'
import type { DateRange } from './date-range.ts'
import { countOf } from './insight-labels.ts'
import type { InsightBar, InsightChart, InsightLine } from './insights-types.ts'
import { BarList, WARNING_FILL } from './bar-list.tsx'
import { ChartTable } from './chart-table.tsx'
import { DrillDown } from './drill-down.tsx'

/** Bars shown before "Show all"; months always show in full. */
const SHOWN_BARS = 12

interface BarChartProps {
  chart: InsightChart
  lines: ReadonlyMap<string, InsightLine>
  range: DateRange
  /** What the chart is for, under its title. */
  description: string
  /** Said when the chart has no bar in these dates. */
  emptyText: string
  onOpenQueue: (query: string) => void
}

function SeverityLegend() {
  return (
    <p className="flex flex-wrap gap-3 text-xs text-slate-700">
      <span className="inline-flex items-center gap-1"><span aria-hidden="true" className="inline-block h-3 w-5 bg-red-700" />Errors (solid)</span>
      <span className="inline-flex items-center gap-1"><span aria-hidden="true" className={`inline-block h-3 w-5 ${WARNING_FILL}`} />Warnings (striped)</span>
    </p>
  )
}

/** One chart: a captioned figure of bar buttons (or its table), and the drill-down of the pressed bar. */
export function BarChart({ chart, lines, range, description, emptyText, onOpenQueue }: BarChartProps) {
  const id = useId()
  const [asTable, setAsTable] = useState(false)
  const [showAll, setShowAll] = useState(false)
  const [selectedKey, setSelectedKey] = useState<string | null>(null)
  const selected = chart.bars.find((b) => b.key === selectedKey) ?? null
  const cut = chart.dimension !== 'month' && !showAll && chart.bars.length > SHOWN_BARS
  const shown = cut ? chart.bars.slice(0, SHOWN_BARS) : chart.bars
  const max = chart.bars.reduce((m, b) => Math.max(m, b.count), 0)
  const figureRef = useRef<HTMLElement>(null)
  const select = (bar: InsightBar) => setSelectedKey(bar.key === selectedKey ? null : bar.key)
  const close = () => {
    // The close button goes away with the lines: focus goes back to the bar they came from.
    figureRef.current?.querySelector<HTMLButtonElement>('button[aria-pressed="true"][aria-label]')?.focus()
    setSelectedKey(null)
  }

  return (
    <figure ref={figureRef} aria-labelledby={`${id}-title`} className="m-0 flex min-w-0 flex-col gap-2 rounded border border-slate-300 bg-white p-3">
      <figcaption className="flex flex-wrap items-start justify-between gap-2">
        <span className="flex flex-col">
          <h4 id={`${id}-title`} className="font-semibold text-slate-900">{chart.title}</h4>
          <span className="text-sm text-slate-700">{description}</span>
        </span>
        {chart.bars.length > 0 ? (
          <Button size="sm" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>Show as table</Button>
        ) : null}
      </figcaption>
      {chart.bars.length === 0 ? <p className="text-sm text-slate-800">{emptyText}</p> : asTable ? <ChartTable chart={chart} /> : (
        <>
          {chart.kind === 'flags' ? <SeverityLegend /> : null}
          <BarList kind={chart.kind} bars={shown} max={max} selectedKey={selectedKey} onSelect={select}
            label={`${chart.title}: press a bar to list its lines`} />
          {chart.bars.length > SHOWN_BARS && chart.dimension !== 'month' ? (
            <Button size="sm" variant="ghost" className="self-start" onClick={() => setShowAll(!showAll)}>
              {showAll ? `Show the top ${SHOWN_BARS} only` : `Show all ${countOf(chart.bars.length, 'bar')}`}
            </Button>
          ) : null}
        </>
      )}
      {selected && !asTable ? (
        <DrillDown chart={chart} bar={selected} lines={lines} range={range} onOpenQueue={onOpenQueue} onClose={close} />
      ) : null}
      <p role="status" className="sr-only">{selected && !asTable ? `${countOf(selected.count, 'line')} of ${selected.label} listed below the chart.` : ''}</p>
    </figure>
  )
}

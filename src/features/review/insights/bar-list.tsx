import type { ChartKind, InsightBar } from './insights-types.ts'
import { barCount, barDetail, barName } from './chart-words.ts'

const FILL: Record<ChartKind, string> = { flags: 'bg-red-700', denials: 'bg-brand-700', overridden: 'bg-purple-800' }
/** Warnings are striped as well as lighter, so errors and warnings differ without colour. */
export const WARNING_FILL = 'bg-[repeating-linear-gradient(135deg,#b45309_0_4px,#f59e0b_4px_8px)]'

function Fill({ kind, bar, max }: { kind: ChartKind; bar: InsightBar; max: number }) {
  const width = (n: number) => `${max === 0 ? 0 : (n / max) * 100}%`
  return (
    <span aria-hidden="true" className="flex h-4 min-w-0 flex-1 overflow-hidden rounded-sm bg-slate-100">
      {bar.severity ? (
        <>
          <span className={FILL.flags} style={{ width: width(bar.severity.error) }} />
          <span className={WARNING_FILL} style={{ width: width(bar.severity.warning) }} />
        </>
      ) : <span className={bar.special ? 'bg-[repeating-linear-gradient(135deg,#92400e_0_4px,#b45309_4px_8px)]' : FILL[kind]} style={{ width: width(bar.count) }} />}
    </span>
  )
}

interface BarListProps {
  kind: ChartKind
  bars: readonly InsightBar[]
  /** The longest bar's count in the whole chart, so that a shortened list keeps the scale. */
  max: number
  selectedKey: string | null
  onSelect: (bar: InsightBar) => void
  label: string
}

/** A horizontal bar chart whose bars are buttons named "Modifier: 12 flags"; a pressed bar is the one drilled into. */
export function BarList({ kind, bars, max, selectedKey, onSelect, label }: BarListProps) {
  return (
    <ul aria-label={label} className="flex flex-col gap-1">
      {bars.map((bar) => {
        const selected = bar.key === selectedKey
        return (
          <li key={bar.key} className="grid grid-cols-[minmax(0,1fr)_9.5rem] items-center gap-2">
            <button type="button" aria-pressed={selected} aria-label={barName(kind, bar)} onClick={() => onSelect(bar)}
              className={`flex min-w-0 items-center gap-2 rounded border px-2 py-1 text-left text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus ${selected ? 'border-brand-700 bg-brand-50 font-semibold' : 'border-transparent hover:bg-slate-100'}`}>
              <span className={`w-44 shrink-0 truncate sm:w-64 ${bar.special ? 'font-semibold text-amber-900' : 'text-slate-900'}`} title={bar.label}>{bar.label}</span>
              <Fill kind={kind} bar={bar} max={max} />
              <span className="w-24 shrink-0 text-right tabular-nums text-slate-900">{barCount(kind, bar)}</span>
            </button>
            <span className="text-xs tabular-nums text-slate-700">{barDetail(bar)}</span>
          </li>
        )
      })}
    </ul>
  )
}

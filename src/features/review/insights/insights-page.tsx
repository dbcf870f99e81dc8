import { useId, useMemo, useState } from 'react'
import { describeRange, resolveRange, type DateRange } from './date-range.ts'
import { DenialsSection, FlagsSection, OverriddenSection } from './insight-sections.tsx'
import { localToday } from './local-today.ts'
import { RangePicker, type RangeChoice } from './range-picker.tsx'
import { SummaryTiles } from './summary-tiles.tsx'
import { useInsights } from './use-insights-data.ts'

export interface InsightsPageProps {
  /** Opens the review queue filtered to a bar's lines; `query` is the queue's URL search parameters. */
  onOpenQueue: (query: string) => void
}

const ALL_DATES: DateRange = { from: null, to: null }

/** Where flags and denials cluster, and which overridden lines the payers denied anyway. */
export function InsightsPage({ onOpenQueue }: InsightsPageProps) {
  const id = useId()
  const today = useMemo(() => localToday(), [])
  const [choice, setChoice] = useState<RangeChoice>({ preset: 'all', from: '', to: '' })
  const [range, setRange] = useState<DateRange>(ALL_DATES)
  const [error, setError] = useState<string | null>(null)
  const insights = useInsights(range)

  const choose = (next: RangeChoice) => {
    setChoice(next)
    const resolved = resolveRange(next, today)
    setError(resolved.error)
    // Half-typed custom dates keep the last good range on screen.
    if (resolved.error === null && (resolved.range.from !== range.from || resolved.range.to !== range.to)) setRange(resolved.range)
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="flex min-w-0 flex-col gap-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-brand-800">Denial and flag insights</h2>
      <p className="text-sm text-slate-700">
        Where the review&apos;s flags and the payers&apos; denials cluster. Press a bar to list its lines and open them in the review queue.
      </p>
      <RangePicker value={choice} onChange={choose} summary={describeRange(range)} error={error} />
      {insights === undefined ? <p role="status" className="text-sm text-slate-800">Loading insights…</p> : (
        <>
          <SummaryTiles totals={insights.totals} />
          <FlagsSection insights={insights} onOpenQueue={onOpenQueue} />
          <DenialsSection insights={insights} onOpenQueue={onOpenQueue} />
          <OverriddenSection insights={insights} onOpenQueue={onOpenQueue} />
        </>
      )}
    </section>
  )
}

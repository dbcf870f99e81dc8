import { formatCents } from './insight-labels.ts'
import type { InsightTotals } from './insights-types.ts'

function Tile({ term, value, note }: { term: string; value: string; note?: string }) {
  return (
    <div className="flex flex-col gap-0.5 rounded border border-slate-300 bg-white p-3">
      <dt className="text-sm text-slate-700">{term}</dt>
      <dd className="m-0 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
      {note ? <dd className="m-0 text-xs text-slate-700">{note}</dd> : null}
    </div>
  )
}

/** The range's headline numbers. */
export function SummaryTiles({ totals }: { totals: InsightTotals }) {
  const n = (value: number) => value.toLocaleString('en-US')
  return (
    <dl aria-label="Totals for these dates" className="grid grid-cols-2 gap-2 md:grid-cols-5">
      <Tile term="Lines flagged" value={n(totals.flaggedLines)} note={`in ${n(totals.encounters)} finalized ${totals.encounters === 1 ? 'encounter' : 'encounters'}`} />
      <Tile term="Overridden" value={n(totals.overriddenLines)} note="flagged lines a supervisor let through" />
      <Tile term="Denied lines" value={n(totals.deniedLines)} note={`from ${n(totals.remittanceFiles)} imported ${totals.remittanceFiles === 1 ? 'file' : 'files'}`} />
      <Tile term="Denied amount" value={formatCents(totals.deniedAmount)} />
      <Tile term="Overridden then denied" value={n(totals.overriddenThenDenied)} note={`${formatCents(totals.overriddenThenDeniedAmount)} denied`} />
    </dl>
  )
}

import { SeverityBadge } from '../../components/severity-badge.tsx'
import { familyLabels, type FrequencyLimit } from '../../domain/index.ts'
import { limitChanges } from './profile-copy.ts'
import { describeInterval, describePurposes } from './profile-labels.ts'

export function EditedMarker({ was }: { was: readonly string[] }) {
  return (
    <div className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-950">
      <strong>Edited by the practice.</strong> Original value{was.length === 1 ? '' : 's'}: {was.join('; ')}.
    </div>
  )
}

/** One frequency limit with every value and its source; `original` is the copied limit, to mark edits. */
export function LimitView({ limit, original }: { limit: FrequencyLimit; original: FrequencyLimit | undefined }) {
  const changes = original ? limitChanges(limit, original) : []
  const rows: [string, string][] = [
    ['Counts', describePurposes(limit.purposes)],
    ['Limit', `${limit.limit} session${limit.limit === 1 ? '' : 's'} in a rolling ${describeInterval(limit.window)}`],
    ['Scope', limit.scope === 'per-region' ? 'Per spinal region' : 'All regions combined'],
    ['Minimum interval', describeInterval(limit.minInterval)],
    ['Effective', `${limit.effectiveFrom ?? 'no start date'} to ${limit.effectiveTo ?? 'no end date'}`],
  ]
  if (limit.interpretation) rows.push(['Interpretation', limit.interpretation])
  if (limit.note) rows.push(['Note', limit.note])
  rows.push(['Source', limit.source])
  return (
    <li className="flex min-w-0 flex-col gap-2 rounded border border-slate-300 p-3">
      <h6 className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
        {familyLabels[limit.family]} <span className="font-mono text-xs font-normal text-slate-700 [overflow-wrap:anywhere]">{limit.id}</span>
        <SeverityBadge severity={limit.severity} />
        {original === undefined ? null : changes.length > 0 ? <span className="rounded border border-amber-400 bg-amber-100 px-1.5 text-xs font-semibold text-amber-950">Edited</span> : null}
      </h6>
      {changes.length > 0 ? <EditedMarker was={changes} /> : null}
      <dl className="grid grid-cols-1 gap-x-3 gap-y-1 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-700">{term}</dt>
            <dd className="min-w-0 text-slate-900 [overflow-wrap:anywhere]">{value}</dd>
          </div>
        ))}
      </dl>
    </li>
  )
}

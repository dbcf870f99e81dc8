import { PROCEDURE_TYPES, familyLabels, regionLabels } from '../../domain/index.ts'
import type { TimelineRow } from '../../domain/patient-overview.ts'
import { describeRow, describeSessionLines, plural, purposeText } from './describe.ts'

const DAY_MS = 86_400_000
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS

interface Axis { from: string; to: string; start: number; span: number }

/** One axis for every row, from the first session to the later of the last session and the as-of date. */
function axisOf(rows: readonly TimelineRow[], asOf: string | null): Axis {
  const dates = rows.flatMap((r) => r.sessions.map((s) => s.dateOfService)).concat(asOf ?? []).sort()
  const from = dates[0] ?? ''
  const to = dates[dates.length - 1] ?? ''
  const start = dayOf(from)
  return { from, to, start, span: Math.max(1, dayOf(to) - start) }
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

const at = (axis: Axis, iso: string): string => `${(((dayOf(iso) - axis.start) / axis.span) * 100).toFixed(2)}%`

/** The row's sessions as marks on the shared date axis; hidden from screen readers, which read the list below. */
function Lane({ row, axis, asOf }: { row: TimelineRow; axis: Axis; asOf: string | null }) {
  return (
    <div aria-hidden="true" className="px-2">
      <div className="relative h-6">
        <div className="absolute inset-x-0 top-1/2 h-px bg-slate-400" />
        {asOf ? <div className="absolute top-0 h-6 w-0.5 -translate-x-1/2 bg-brand-700" style={{ left: at(axis, asOf) }} /> : null}
        {row.sessions.map((s, i) => (
          <div key={`${s.dateOfService}-${i}`} style={{ left: at(axis, s.dateOfService) }}
            className={`absolute top-1/2 h-3 w-3 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-slate-900 ${s.purpose === 'diagnostic' || s.purpose === 'diagnostic-nerve-root-block' ? 'bg-white' : 'bg-slate-900'}`} />
        ))}
      </div>
    </div>
  )
}

function RegionRow({ row, axis, asOf }: { row: TimelineRow; axis: Axis; asOf: string | null }) {
  const name = describeRow(row)
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <h5 className="text-sm font-semibold text-slate-900">
        {row.region ? capitalize(regionLabels[row.region]) : 'No spinal region'} <span className="font-normal text-slate-700">({plural(row.sessions.length, 'session')})</span>
      </h5>
      <Lane row={row} axis={axis} asOf={asOf} />
      <ol aria-label={`${name} sessions, oldest first`} className="flex flex-col gap-0.5 pl-3 text-sm text-slate-800">
        {row.sessions.map((s, i) => {
          const purpose = purposeText(s)
          return (
            <li key={`${s.dateOfService}-${i}`} className="break-words">
              <span className="font-medium tabular-nums">{s.dateOfService}</span> {describeSessionLines(s)}{purpose ? ` · ${purpose}` : ''}
            </li>
          )
        })}
      </ol>
    </div>
  )
}

/** Every session of the patient, by family and region, in date order. */
export function PatientTimeline({ rows, asOf, headingId }: { rows: readonly TimelineRow[]; asOf: string | null; headingId: string }) {
  const axis = axisOf(rows, asOf)
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-3">
      <h3 id={headingId} className="text-base font-semibold text-slate-900">Sessions</h3>
      {rows.length === 0 ? <p className="text-sm text-slate-800">None of the lines on file is a trigger point, facet, RFA or epidural injection.</p> : <p className="text-sm text-slate-700">
        One date is one session per family and region. On each line, hollow marks are diagnostic sessions, filled marks all others
        {asOf ? <>; the upright bar is {asOf}</> : null}; the axis runs from {axis.from} to {axis.to}.
      </p>}
      {PROCEDURE_TYPES.map((family) => {
        const mine = rows.filter((r) => r.family === family)
        if (mine.length === 0) return null
        return (
          <div key={family} className="flex min-w-0 flex-col gap-2 rounded border border-slate-300 bg-white p-2.5">
            <h4 className="font-semibold text-brand-800">{familyLabels[family]}</h4>
            {mine.map((row) => <RegionRow key={row.region ?? 'none'} row={row} axis={axis} asOf={asOf} />)}
            <div aria-hidden="true" className="flex justify-between gap-2 px-2 text-xs text-slate-600 tabular-nums">
              <span>{axis.from}</span><span>{axis.to}</span>
            </div>
          </div>
        )
      })}
    </section>
  )
}

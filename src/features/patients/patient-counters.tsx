import { SeverityBadge } from '../../components/severity-badge.tsx'
import type { PatientCounter } from '../../domain/patient-overview.ts'
import { describeCounterTitle, describeSessionLines, describeStanding, describeUse, purposeText } from './describe.ts'

const frames: Record<PatientCounter['standing'], string> = {
  open: 'border-slate-200 bg-white',
  'too-soon': 'border-amber-300 bg-amber-50',
  'at-limit': 'border-amber-300 bg-amber-50',
  over: 'border-red-300 bg-red-50',
}

const pills: Record<PatientCounter['standing'], string> = {
  open: 'border-green-300 bg-green-50 text-green-900',
  'too-soon': 'border-amber-300 bg-amber-100 text-amber-900',
  'at-limit': 'border-amber-300 bg-amber-100 text-amber-900',
  over: 'border-red-300 bg-red-100 text-red-900',
}

function CounterCard({ counter, asOf }: { counter: PatientCounter; asOf: string }) {
  const title = describeCounterTitle(counter)
  const standing = describeStanding(counter, asOf)
  return (
    <li className={`flex min-w-0 flex-col gap-1 rounded border p-2.5 text-sm ${frames[counter.standing]}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h4 className="font-semibold text-slate-900">{title}</h4>
        <span className={`rounded border px-1.5 py-0.5 text-xs font-semibold ${pills[counter.standing]}`}>{standing.label}</span>
        {counter.standing === 'open' ? null : <SeverityBadge severity={counter.severity} />}
        {counter.interpretation ? (
          <span className="rounded border border-brand-200 bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-800">Interpretation</span>
        ) : null}
      </div>
      <p className="text-slate-900">
        <span className="font-semibold tabular-nums">{describeUse(counter)}</span>{' '}
        <span className="text-slate-700">(window {counter.window.from} to {counter.window.to})</span>
      </p>
      <p className="text-slate-800">{standing.detail}</p>
      {counter.interpretation ? <p className="text-slate-800">Reading: {counter.interpretation}</p> : null}
      {counter.sessions.length > 0 ? (
        <>
          <p className="text-slate-700">Sessions counted:</p>
          <ul aria-label={`Sessions counted for ${title} in a rolling ${counter.window.amount} ${counter.window.unit}`} className="flex flex-col gap-0.5 pl-3">
            {counter.sessions.map((s, i) => {
              const purpose = purposeText(s)
              return (
                <li key={`${s.dateOfService}-${i}`} className="break-words">
                  <span className="tabular-nums">{s.dateOfService}</span> {describeSessionLines(s)}{purpose ? ` (${purpose})` : ''}
                </li>
              )
            })}
          </ul>
        </>
      ) : null}
      <p className="text-slate-800">
        Next eligible date: <span className="font-semibold tabular-nums">{counter.nextAllowedDate}</span>
      </p>
      {counter.note ? <p className="text-xs text-slate-700">{counter.note}</p> : null}
      <p className="text-xs text-slate-600">Source: {counter.source}</p>
    </li>
  )
}

/** The rolling-window counters a new session on the as-of date would face. */
export function PatientCounters({ counters, asOf, profileName, headingId }: { counters: readonly PatientCounter[]; asOf: string; profileName: string; headingId: string }) {
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-2">
      <h3 id={headingId} className="text-base font-semibold text-slate-900">Frequency limits on {asOf}</h3>
      <p className="text-sm text-slate-700">
        Under {profileName}: what a new session on {asOf} would face, counting every provider&apos;s sessions.
      </p>
      {counters.length === 0 ? (
        <p className="text-sm text-slate-800">No frequency limit of this payer counts any of this patient&apos;s sessions on {asOf}.</p>
      ) : (
        <ul className="grid gap-2 lg:grid-cols-2">
          {counters.map((c) => <CounterCard key={`${c.limitId}-${c.region ?? 'all'}`} counter={c} asOf={asOf} />)}
        </ul>
      )}
    </section>
  )
}

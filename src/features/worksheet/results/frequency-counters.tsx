import type { FrequencyCounter } from '../../../domain/index.ts'
import { describeCounter, describeCounterUse } from './summarize.ts'

function CounterItem({ counter }: { counter: FrequencyCounter }) {
  const frame = counter.exceeded ? 'border-red-300 bg-red-50' : 'border-slate-200 bg-white'
  return (
    <li className={`flex flex-col gap-1 rounded border p-2.5 text-sm ${frame}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h4 className="font-semibold text-slate-900">{describeCounter(counter)}</h4>
        {counter.exceeded ? (
          <span className="rounded border border-red-300 bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-900">
            Over the limit{counter.severity === 'warning' ? ' (warning)' : ''}
          </span>
        ) : (
          <span className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-800">Within the limit</span>
        )}
        {counter.interpretation ? (
          <span className="rounded border border-brand-200 bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-800">Interpretation</span>
        ) : null}
      </div>
      <p className="text-slate-900">
        <span className="font-semibold tabular-nums">{describeCounterUse(counter)}</span>{' '}
        <span className="text-slate-700">({counter.window.from} to {counter.window.to})</span>
      </p>
      {counter.interpretation ? <p className="text-slate-800">Reading: {counter.interpretation}</p> : null}
      {counter.sessions.length > 0 ? (
        <>
        <p className="text-slate-700">Sessions counted:</p>
        <ul aria-label={`Sessions counted for ${describeCounter(counter)}`} className="flex flex-col gap-0.5 pl-3">
          {counter.sessions.map((s, i) => (
            <li key={`${s.dateOfService}-${i}`}>
              <span className="tabular-nums">{s.dateOfService}</span>{' '}
              <span className="font-mono">{s.codes.join(' ')}</span>
              {s.providers.length > 0 ? ` by ${s.providers.join(', ')}` : ''}
              {s.source === 'current' ? <>{' '}<span className="font-semibold text-brand-800">(this encounter)</span></> : null}
            </li>
          ))}
        </ul>
        </>
      ) : null}
      <p className="text-slate-800">Next session allowed on or after <span className="font-semibold tabular-nums">{counter.nextAllowedDate}</span></p>
      {counter.note ? <p className="text-xs text-slate-700">{counter.note}</p> : null}
      <p className="text-xs text-slate-600">Source: {counter.source}</p>
    </li>
  )
}

export function FrequencyCounters({ counters, patientId = '' }: { counters: readonly FrequencyCounter[]; patientId?: string }) {
  const patient = patientId.trim()
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-base font-semibold text-slate-900">Frequency limits</h3>
        {patient ? <a href={`#/patients/${encodeURIComponent(patient)}`} className="text-sm font-medium text-brand-700 underline">Patient history</a> : null}
      </div>
      {counters.length === 0 ? (
        <p className="text-sm text-slate-700">No frequency limit of this payer applies to the procedures entered.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {counters.map((c) => <CounterItem key={`${c.limitId}-${c.region ?? 'all'}`} counter={c} />)}
        </ul>
      )}
    </div>
  )
}

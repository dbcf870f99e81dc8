import { useId, useMemo, useState } from 'react'
import { inputClass } from '../../components/field.tsx'
import { DEFAULT_PAYER_PROFILE_ID, isIsoDateText, medicareProfile } from '../../domain/index.ts'
import { patientOverview, patientTimeline } from '../../domain/patient-overview.ts'
import { usePayerProfiles, useStoreQuery } from '../../storage/index.ts'
import { followsInApp } from '../../lib/links.ts'
import { localToday } from './local-today.ts'
import { PatientCounters } from './patient-counters.tsx'
import { PatientTimeline } from './patient-timeline.tsx'

interface PatientPageProps {
  patientId: string
  onBack: () => void
  /** The as-of date to start from; the local date by default. */
  today?: string
}

/** One patient's ledger: sessions on a timeline and each frequency counter of the chosen payer profile. */
export function PatientPage({ patientId, onBack, today }: PatientPageProps) {
  const id = useId()
  const [initialAsOf] = useState(() => today ?? localToday())
  const [asOf, setAsOf] = useState(initialAsOf)
  const [profileId, setProfileId] = useState(DEFAULT_PAYER_PROFILE_ID)
  const { profiles } = usePayerProfiles()
  const history = useStoreQuery((s) => s.patientHistory(patientId), ['encounters', 'history'], [patientId])
  const profile = profiles.find((p) => p.id === profileId) ?? profiles.find((p) => p.id === DEFAULT_PAYER_PROFILE_ID) ?? medicareProfile
  const validAsOf = isIsoDateText(asOf)
  const counters = useMemo(() => (history && validAsOf ? patientOverview(history, profile, asOf).counters : null), [history, profile, asOf, validAsOf])
  const timeline = useMemo(() => (history ? patientTimeline(history) : []), [history])

  return (
    <section aria-labelledby={`${id}-heading`} className="flex min-w-0 flex-col gap-4">
      <p>
        <a href="#/patients" className="text-sm font-medium text-brand-700 underline"
          onClick={(e) => { if (followsInApp(e)) { e.preventDefault(); onBack() } }}>
          All patients
        </a>
      </p>
      <h2 id={`${id}-heading`} className="text-lg font-semibold break-all text-brand-800">Patient {patientId}</h2>
      <div className="flex flex-wrap items-start gap-4">
        <div className="flex max-w-full min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-profile`} className="text-sm font-medium text-slate-800">Payer profile</label>
          <select id={`${id}-profile`} className={`${inputClass} max-w-full`} value={profile.id} onChange={(e) => setProfileId(e.target.value)}>
            {profiles.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-as-of`} className="text-sm font-medium text-slate-800">As of</label>
          <input id={`${id}-as-of`} type="date" className={inputClass} value={asOf} required
            aria-invalid={validAsOf ? undefined : true} aria-describedby={validAsOf ? undefined : `${id}-as-of-error`}
            onChange={(e) => setAsOf(e.target.value)} />
          {validAsOf ? null : <p id={`${id}-as-of-error`} className="text-xs font-medium text-red-700">Enter a date to count the limits on.</p>}
        </div>
      </div>
      {history === undefined ? <p role="status">Loading the patient&apos;s history…</p> : history.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-3 text-sm text-slate-800">
          No finalized encounter or imported claim line is on file for {patientId}.{' '}
          <a href="#/history/import" className="font-medium text-brand-700 underline">Import claim history</a>
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {history.length} claim {history.length === 1 ? 'line' : 'lines'} on file, from finalized encounters and imported history, every provider.
          </p>
          {counters ? <PatientCounters counters={counters} asOf={asOf} profileName={profile.name} headingId={`${id}-counters`} /> : null}
          <PatientTimeline rows={timeline} asOf={validAsOf ? asOf : null} headingId={`${id}-timeline`} />
        </>
      )}
    </section>
  )
}

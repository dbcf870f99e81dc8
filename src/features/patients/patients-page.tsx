import { useEffect, useId, useState } from 'react'
import { inputClass } from '../../components/field.tsx'
import { useStoreQuery, type PatientSummary } from '../../storage/index.ts'
import { followsInApp } from '../../lib/links.ts'
import { patientHref } from './links.ts'

/** Rows shown at most; one more is asked for to know that more patients match. */
const PATIENT_ROWS = 50
const DEBOUNCE_MS = 200

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

function statusText(prefix: string, found: readonly PatientSummary[]): string {
  if (found.length === 0) return prefix === '' ? 'No patient is on file yet.' : `No patient account starts with “${prefix}”.`
  if (found.length > PATIENT_ROWS) return `Showing the first ${PATIENT_ROWS} patients; type more of the account to narrow the list.`
  return `${found.length} ${found.length === 1 ? 'patient' : 'patients'}${prefix === '' ? '' : ` whose account starts with “${prefix}”`}`
}

function EmptyState() {
  return (
    <p className="rounded border border-slate-300 bg-white p-3 text-sm text-slate-800">
      Patients appear here once a worksheet is finalized for them or their prior claims are imported.{' '}
      <a href="#/history/import" className="font-medium text-brand-700 underline">Import claim history</a>
    </p>
  )
}

function PatientsTable({ rows, onOpenPatient }: { rows: readonly PatientSummary[]; onOpenPatient: (patientId: string) => void }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="sr-only">Matching patients, by account</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="p-2">Patient account</th>
            <th scope="col" className="p-2 text-right">Finalized encounters</th>
            <th scope="col" className="p-2 text-right">Imported claim lines</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.patientId} className="border-b border-slate-200">
              <th scope="row" className="p-2 text-left font-normal break-all">
                <a href={patientHref(p.patientId)} className="font-medium text-brand-700 underline"
                  onClick={(e) => { if (followsInApp(e)) { e.preventDefault(); onOpenPatient(p.patientId) } }}>
                  {p.patientId}
                </a>
              </th>
              <td className="p-2 text-right tabular-nums">{p.encounters}</td>
              <td className="p-2 text-right tabular-nums">{p.historyLines}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Finds patients of the ledger by the start of their account and opens one. */
export function PatientsPage({ onOpenPatient }: { onOpenPatient: (patientId: string) => void }) {
  const id = useId()
  const [text, setText] = useState('')
  const prefix = useDebounced(text.trim(), DEBOUNCE_MS)
  // The answer names its prefix: while a new one is looked up, the last list stays and still says what it matched.
  const answer = useStoreQuery(async (s) => ({ prefix, found: await s.findPatients(prefix, PATIENT_ROWS + 1) }), ['encounters', 'history'], [prefix])
  const rows = answer?.found.slice(0, PATIENT_ROWS)

  return (
    <section aria-labelledby={`${id}-heading`} className="flex min-w-0 flex-col gap-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-brand-800">Patients</h2>
      <p className="text-sm text-slate-700">
        Every patient of the ledger: finalized encounters and imported prior claim lines, across all providers.
        Open one to see their sessions and where they stand against each payer&apos;s frequency limits.
      </p>
      <form role="search" aria-label="Patients" onSubmit={(e) => e.preventDefault()} className="flex flex-col gap-1">
        <label htmlFor={`${id}-search`} className="text-sm font-medium text-slate-800">Patient account starts with</label>
        <input id={`${id}-search`} type="search" className={`${inputClass} max-w-xs`} value={text} autoComplete="off" spellCheck={false}
          aria-describedby={`${id}-hint`} onChange={(e) => setText(e.target.value)} />
        <p id={`${id}-hint`} className="text-xs text-slate-600">Upper and lower case differ, as in the account number.</p>
      </form>
      <p role="status" className="text-sm font-medium text-slate-800">{answer ? statusText(answer.prefix, answer.found) : 'Looking up patients…'}</p>
      {rows === undefined ? null : rows.length === 0 ? <EmptyState /> : <PatientsTable rows={rows} onOpenPatient={onOpenPatient} />}
    </section>
  )
}

import { useId } from 'react'
import { Button } from '../../components/button.tsx'
import { inputClass } from '../../components/field.tsx'
import { CHARGE_FIELDS, chargeFieldLabels, type ChargeField } from '../../domain/charges/index.ts'
import { DEFAULT_CHARGE_SETTINGS, type ChargeSettings } from './export-file.ts'

const NAMES = [
  ['sendingApplication', 'Sending application (MSH-3)'], ['sendingFacility', 'Sending facility (MSH-4)'],
  ['receivingApplication', 'Receiving application (MSH-5)'], ['receivingFacility', 'Receiving facility (MSH-6)'],
] as const

interface Props {
  settings: ChargeSettings
  onChange: (next: ChargeSettings) => void
  problems: readonly string[]
  /** Why the signed-in person may not change the settings (shown, read-only), or null. */
  refusal: string | null
  /** A save that failed, or null. */
  error: string | null
}

/** The practice's MSH names and CSV column mapping; changes are saved as they are made. */
export function ChargeSettingsPanel({ settings, onChange, problems, refusal, error }: Props) {
  const id = useId()
  const columns = settings.columns
  const setColumns = (next: ChargeSettings['columns']) => onChange({ ...settings, columns: next })
  const move = (i: number, by: number) => {
    const next = [...columns]
    const [moved] = next.splice(i, 1)
    if (moved) next.splice(i + by, 0, moved)
    setColumns(next)
  }
  return (
    <details className="mt-6 rounded border border-slate-300 p-3">
      <summary className="cursor-pointer font-semibold">File settings</summary>
      <p className="mt-2 text-sm">The practice's settings: every desk's charge files use them.</p>
      {refusal ? <p role="note" className="mt-2 rounded border border-slate-300 bg-slate-50 p-2 text-sm text-slate-800">{refusal}</p> : null}
      {error ? <p role="alert" className="mt-2 text-sm text-red-800">{error}</p> : null}
      <fieldset className="mt-3 grid gap-2 sm:grid-cols-2">
        <legend className="font-medium">HL7 message header</legend>
        {NAMES.map(([key, label]) => (
          <label key={key} className="flex flex-col text-sm">{label}
            <input className={inputClass} value={settings[key]} readOnly={refusal !== null} onChange={(e) => onChange({ ...settings, [key]: e.target.value })} />
          </label>
        ))}
      </fieldset>
      <fieldset className="mt-4">
        <legend className="font-medium">CSV columns</legend>
        <ol className="mt-2 space-y-2">
          {columns.map((c, i) => (
            <li key={i} className="flex flex-wrap items-center gap-2 text-sm">
              <label htmlFor={`${id}-h${i}`}>Column {i + 1} header</label>
              <input id={`${id}-h${i}`} className={inputClass} value={c.header} readOnly={refusal !== null}
                onChange={(e) => setColumns(columns.map((x, k) => (k === i ? { ...x, header: e.target.value } : x)))} />
              <label htmlFor={`${id}-f${i}`}>field</label>
              <select id={`${id}-f${i}`} className={inputClass} value={c.field} disabled={refusal !== null}
                onChange={(e) => setColumns(columns.map((x, k) => (k === i ? { ...x, field: e.target.value as ChargeField } : x)))}>
                {CHARGE_FIELDS.map((f) => <option key={f} value={f}>{chargeFieldLabels[f]}</option>)}
              </select>
              {refusal ? null : (
                <>
                  <Button size="sm" aria-label={`Move column ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>Up</Button>
                  <Button size="sm" aria-label={`Move column ${i + 1} down`} disabled={i === columns.length - 1} onClick={() => move(i, 1)}>Down</Button>
                  <Button size="sm" aria-label={`Remove column ${i + 1}`} onClick={() => setColumns(columns.filter((_, k) => k !== i))}>Remove</Button>
                </>
              )}
            </li>
          ))}
        </ol>
        {refusal ? null : (
          <div className="mt-2 flex gap-2">
            <Button size="sm" onClick={() => setColumns([...columns, { header: chargeFieldLabels.code, field: 'code' }])}>Add column</Button>
            <Button size="sm" onClick={() => setColumns(DEFAULT_CHARGE_SETTINGS.columns.map((c) => ({ ...c })))}>Back to default columns</Button>
          </div>
        )}
        {problems.length > 0 ? <ul className="mt-2 text-sm text-red-800">{problems.map((p) => <li key={p}>{p}</li>)}</ul> : null}
      </fieldset>
    </details>
  )
}

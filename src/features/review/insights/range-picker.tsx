import { useId } from 'react'
import { inputClass } from '../../../components/field.tsx'
import { RANGE_PRESET_LABELS, RANGE_PRESETS, type RangePreset } from './date-range.ts'

export interface RangeChoice {
  preset: RangePreset
  /** The custom dates as typed ('' when empty). */
  from: string
  to: string
}

interface RangePickerProps {
  value: RangeChoice
  onChange: (value: RangeChoice) => void
  /** What the chosen range covers, in words ("2026-08-28 to 2026-11-27"). */
  summary: string
  error: string | null
}

/** The dates of service the insights cover: every date, a preset counted back from today, or custom dates. */
export function RangePicker({ value, onChange, summary, error }: RangePickerProps) {
  const id = useId()
  const custom = value.preset === 'custom'
  return (
    <fieldset className="flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
      <legend className="px-1 text-sm font-semibold text-slate-900">Dates of service</legend>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-preset`} className="text-sm font-medium text-slate-800">Show</label>
        <select id={`${id}-preset`} className={inputClass} value={value.preset}
          onChange={(e) => onChange({ ...value, preset: e.target.value as RangePreset })}>
          {RANGE_PRESETS.map((p) => <option key={p} value={p}>{RANGE_PRESET_LABELS[p]}</option>)}
        </select>
      </div>
      {custom ? (
        <>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-from`} className="text-sm font-medium text-slate-800">From date</label>
            <input id={`${id}-from`} type="date" className={inputClass} value={value.from} aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange({ ...value, from: e.target.value })} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-to`} className="text-sm font-medium text-slate-800">To date</label>
            <input id={`${id}-to`} type="date" className={inputClass} value={value.to} aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange({ ...value, to: e.target.value })} />
          </div>
        </>
      ) : null}
      <p className="basis-full text-sm text-slate-800" aria-live="polite">{summary}</p>
      {error ? <p id={`${id}-error`} className="basis-full text-sm font-medium text-red-700">{error}</p> : null}
    </fieldset>
  )
}

import { useId, type RefObject } from 'react'
import { inputClass } from '../../../components/field.tsx'
import { MAX_NOTE_LENGTH } from '../model/transitions.ts'
import { OVERRIDE_REASONS } from '../model/types.ts'

interface ReasonFieldProps {
  value: string | null
  onChange: (reason: string) => void
  error: string | undefined
  firstRef: RefObject<HTMLInputElement | null>
  disabled: boolean
}

/** The override reasons as a radio group, with its error under it. */
export function ReasonField({ value, onChange, error, firstRef, disabled }: ReasonFieldProps) {
  const id = useId()
  return (
    <fieldset
      role="radiogroup"
      aria-labelledby={`${id}-legend`}
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
      aria-required
      className="flex flex-col gap-1"
    >
      <legend id={`${id}-legend`} className="mb-1 text-sm font-medium text-slate-800">Override reason</legend>
      {OVERRIDE_REASONS.map((reason, i) => (
        <label key={reason} className="flex items-center gap-2 text-sm">
          <input
            ref={i === 0 ? firstRef : undefined}
            type="radio"
            name={`${id}-reason`}
            value={reason}
            checked={value === reason}
            disabled={disabled}
            onChange={() => onChange(reason)}
            className="h-4 w-4 accent-brand-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
          />
          {reason}
        </label>
      ))}
      {error ? <p id={`${id}-error`} className="text-xs font-medium text-red-700">{error}</p> : null}
    </fieldset>
  )
}

interface NoteFieldProps {
  label: string
  value: string
  onChange: (note: string) => void
  required: boolean
  hint: string
  error: string | undefined
  noteRef: RefObject<HTMLTextAreaElement | null>
  disabled: boolean
}

/** The free-text note with whether it is required, its character count and its error. */
export function NoteField({ label, value, onChange, required, hint, error, noteRef, disabled }: NoteFieldProps) {
  const id = useId()
  const over = value.trim().length > MAX_NOTE_LENGTH
  const describedBy = [`${id}-hint`, `${id}-count`, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">{label}</label>
      <textarea
        ref={noteRef}
        id={id}
        rows={4}
        value={value}
        required={required}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        className={inputClass}
      />
      <div className="flex flex-wrap justify-between gap-2 text-xs">
        <p id={`${id}-hint`} className={required ? 'font-medium text-slate-800' : 'text-slate-600'}>{hint}</p>
        <p id={`${id}-count`} className={over ? 'font-medium text-red-700' : 'text-slate-600'}>
          {value.length.toLocaleString('en-US')} of {MAX_NOTE_LENGTH.toLocaleString('en-US')} characters
        </p>
      </div>
      {error ? <p id={`${id}-error`} className="text-xs font-medium text-red-700">{error}</p> : null}
    </div>
  )
}

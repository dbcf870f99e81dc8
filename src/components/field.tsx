import { useId, type ReactElement, type ReactNode } from 'react'
import { cloneElement, isValidElement } from 'react'

interface FieldProps {
  label: ReactNode
  /** Shown under the control; also read by screen readers through aria-describedby. */
  hint?: ReactNode
  error?: string | undefined
  children: ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }>
  className?: string
}

/** A labelled form control with its hint and error, wired for assistive technology. */
export function Field({ label, hint, error, children, className = '' }: FieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  const control = isValidElement(children)
    ? cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })
    : children
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">{label}</label>
      {control}
      {hint ? <p id={hintId} className="text-xs text-slate-600">{hint}</p> : null}
      {error ? <p id={errorId} className="text-xs font-medium text-red-700">{error}</p> : null}
    </div>
  )
}

export const inputClass = 'rounded border border-slate-400 bg-white px-2 py-1 text-slate-900 focus:border-brand-700 focus:outline focus:outline-2 focus:outline-focus aria-[invalid=true]:border-red-700'

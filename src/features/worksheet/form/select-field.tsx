import type { ReactNode } from 'react'
import { useFormContext, type Path } from 'react-hook-form'
import { Field, inputClass } from '../../../components/field.tsx'
import type { WorksheetValues } from '../model/index.ts'

export interface SelectFieldProps<T extends string> {
  label: ReactNode
  name: Path<WorksheetValues>
  options: readonly T[]
  labels: Readonly<Record<T, string>>
  hint?: ReactNode
  error?: string | undefined
  className?: string
}

/** A select bound to one form path, offering a closed vocabulary with its labels. */
export function SelectField<T extends string>({ label, name, options, labels, hint, error, className }: SelectFieldProps<T>) {
  const { register } = useFormContext<WorksheetValues>()
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      <select className={inputClass} {...register(name)}>
        {options.map((o) => <option key={o} value={o}>{labels[o]}</option>)}
      </select>
    </Field>
  )
}

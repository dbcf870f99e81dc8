import { useId } from 'react'
import { useFieldArray, useFormContext } from 'react-hook-form'
import { Button } from '../../../components/button.tsx'
import { Field, inputClass } from '../../../components/field.tsx'
import type { FormIssue, WorksheetValues } from '../model/index.ts'
import { issueFor, issueUnder } from './issue-for.ts'

export interface OtherLinesSectionProps {
  issues?: readonly FormIssue[]
}

export function OtherLinesSection({ issues = [] }: OtherLinesSectionProps) {
  const { control, register } = useFormContext<WorksheetValues>()
  const { fields, append, remove } = useFieldArray({ control, name: 'otherLines' })
  const id = useId()
  return (
    <section aria-labelledby={`${id}-heading`} className="flex min-w-0 flex-col gap-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-brand-800">Other claim lines</h2>
      <p className="text-sm text-slate-700">Imaging, evaluation and management visits and any other line billed on this date.</p>
      {fields.length === 0 ? <p className="text-sm text-slate-700">No other line.</p> : null}
      <ol className="flex flex-col gap-3">
        {fields.map((field, i) => {
          const n = i + 1
          const path = `otherLines.${i}` as const
          return (
            <li key={field.id} className="grid grid-cols-2 items-start gap-2 sm:grid-cols-[8rem_minmax(0,1fr)_6rem_auto]">
              <Field label={`Line ${n} code`} error={issueFor(issues, `${path}.code`)}>
                <input className={`${inputClass} uppercase`} autoComplete="off" spellCheck={false} placeholder="99213" {...register(`${path}.code`)} />
              </Field>
              <Field label={`Line ${n} modifiers`} hint="Separated by spaces, e.g. 25 59" error={issueUnder(issues, `${path}.modifiers`)}>
                <input className={`${inputClass} uppercase`} autoComplete="off" spellCheck={false} {...register(`${path}.modifiers`)} />
              </Field>
              <Field label={`Line ${n} units`} error={issueFor(issues, `${path}.units`)}>
                <input className={inputClass} type="number" inputMode="numeric" min={1} max={999} step={1} {...register(`${path}.units`, { valueAsNumber: true })} />
              </Field>
              <Button size="sm" variant="ghost" className="min-h-8 justify-self-start sm:mt-6" onClick={() => remove(i)} aria-label={`Remove line ${n}`}>Remove</Button>
            </li>
          )
        })}
      </ol>
      <div>
        <Button className="min-h-8" onClick={() => append({ code: '', modifiers: '', units: 1 })}>Add line</Button>
      </div>
    </section>
  )
}

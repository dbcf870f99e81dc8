import { useId } from 'react'
import { useFieldArray, useFormContext } from 'react-hook-form'
import { drugCatalog } from '../../../domain/index.ts'
import { Button } from '../../../components/button.tsx'
import type { FormIssue, WorksheetValues } from '../model/index.ts'
import { drugOptionLabel } from './drug-preview.ts'
import { DrugRow } from './drug-row.tsx'

export interface DrugsSectionProps {
  issues?: readonly FormIssue[]
}

const catalogOptions = [...drugCatalog.values()].map((d) => ({ code: d.code, label: drugOptionLabel(d) }))

export function DrugsSection({ issues = [] }: DrugsSectionProps) {
  const { control } = useFormContext<WorksheetValues>()
  const { fields, append, remove } = useFieldArray({ control, name: 'drugs' })
  const id = useId()
  return (
    <section aria-labelledby={`${id}-heading`} className="flex min-w-0 flex-col gap-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-brand-800">Drugs</h2>
      <datalist id={`${id}-codes`}>
        {catalogOptions.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </datalist>
      {fields.length === 0 ? <p className="text-sm text-slate-700">No drug yet.</p> : null}
      <ol className="flex flex-col gap-3">
        {fields.map((field, index) => (
          <DrugRow key={field.id} index={index} issues={issues} listId={`${id}-codes`} onRemove={() => remove(index)} />
        ))}
      </ol>
      <div>
        <Button className="min-h-8" onClick={() => append({ code: '', name: '', dose: Number.NaN, unit: 'mg', category: 'steroid' })}>Add drug</Button>
      </div>
    </section>
  )
}

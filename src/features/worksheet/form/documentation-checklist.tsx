import { useId } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import type { WorksheetValues } from '../model/index.ts'
import { applicableChecklist } from './checklist.ts'

export function DocumentationChecklist() {
  const { control, register } = useFormContext<WorksheetValues>()
  const [procedures, documentation] = useWatch({ control, name: ['procedures', 'documentation'] })
  const groups = applicableChecklist(procedures)
  const items = groups.flatMap((g) => g.items)
  const confirmed = items.filter((item) => documentation[item.id] === true).length
  const id = useId()
  return (
    <section aria-labelledby={`${id}-heading`} className="flex min-w-0 flex-col gap-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-brand-800">Documentation</h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-700">No checklist yet: it follows the procedures on the worksheet.</p>
      ) : (
        <p className="text-sm font-medium text-slate-900" aria-live="polite">{confirmed} of {items.length} confirmed in the note</p>
      )}
      {groups.map((g) => (
        <fieldset key={g.family} className="flex min-w-0 flex-col gap-1 rounded border border-slate-300 p-3">
          <legend className="px-1"><h3 className="text-sm font-semibold text-slate-800">{g.label}</h3></legend>
          {g.items.map((item) => (
            <label key={item.id} className="flex min-h-8 cursor-pointer items-start gap-2 py-1 text-sm text-slate-900">
              <input type="checkbox" className="mt-0.5 size-6 shrink-0 accent-brand-700" {...register(`documentation.${item.id}`)} />
              <span>{item.label}</span>
            </label>
          ))}
        </fieldset>
      ))}
    </section>
  )
}

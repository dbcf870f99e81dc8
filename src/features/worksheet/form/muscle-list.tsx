import { useId } from 'react'
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form'
import { SIDES } from '../../../domain/index.ts'
import { Button } from '../../../components/button.tsx'
import { Field, inputClass } from '../../../components/field.tsx'
import type { FormIssue, WorksheetValues } from '../model/index.ts'
import { commonMuscles } from './common-muscles.ts'
import { issueFor, issueUnder } from './issue-for.ts'
import { sideLabels } from './labels.ts'
import { describeMuscleCount, distinctMuscleKeys } from './muscle-count.ts'

export interface MuscleListProps {
  procedureIndex: number
  issues: readonly FormIssue[]
}

function MuscleCount({ procedureIndex }: { procedureIndex: number }) {
  const { control } = useFormContext<WorksheetValues>()
  const procedures = useWatch({ control, name: 'procedures' })
  const own = procedures[procedureIndex]
  if (!own) return null
  if (own.technique !== 'injection') {
    const n = distinctMuscleKeys(own.muscles).length
    return <>{n} distinct {n === 1 ? 'muscle' : 'muscles'}: {own.technique === 'dry-needling' ? 'dry needling' : 'acupuncture'} is not billed as 20552/20553.</>
  }
  const injected = procedures.filter((p) => p.type === 'trigger-point' && p.technique === 'injection')
  const count = distinctMuscleKeys(injected.flatMap((p) => p.muscles)).length
  return (
    <>
      {describeMuscleCount(count)}
      {injected.length > 1 ? ' (all trigger point injection entries together: one line for the date)' : ''}
    </>
  )
}

export function MuscleList({ procedureIndex, issues }: MuscleListProps) {
  const { control, register } = useFormContext<WorksheetValues>()
  const name = `procedures.${procedureIndex}.muscles` as const
  const { fields, append, remove } = useFieldArray({ control, name })
  const listId = useId()
  return (
    <fieldset className="flex min-w-0 flex-col gap-2 rounded border border-slate-300 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">Muscles</legend>
      <datalist id={listId}>
        {commonMuscles.map((m) => <option key={m} value={m} />)}
      </datalist>
      {fields.length === 0 ? <p className="text-sm text-slate-700">No muscle yet.</p> : null}
      <ol className="flex flex-col gap-3">
        {fields.map((field, mi) => {
          const n = mi + 1
          const path = `${name}.${mi}` as const
          return (
            <li key={field.id} className="grid grid-cols-2 items-start gap-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_9rem_auto]">
              <Field label={`Muscle ${n}`} error={issueUnder(issues, `${path}.muscle`)} className="col-span-2 sm:col-span-1">
                <input className={inputClass} list={listId} autoComplete="off" spellCheck={false} {...register(`${path}.muscle`)} />
              </Field>
              <Field label={`Side, muscle ${n}`} error={issueFor(issues, `${path}.side`)}>
                <select className={inputClass} {...register(`${path}.side`)}>
                  {(['', ...SIDES] as const).map((s) => <option key={s} value={s}>{sideLabels[s]}</option>)}
                </select>
              </Field>
              <Field label={`Injections, muscle ${n}`} error={issueFor(issues, `${path}.injections`)}>
                <input className={inputClass} type="number" inputMode="numeric" min={1} max={99} step={1} {...register(`${path}.injections`, { valueAsNumber: true })} />
              </Field>
              <Button size="sm" variant="ghost" className="col-span-2 min-h-8 justify-self-start sm:col-span-1 sm:mt-6" onClick={() => remove(mi)} aria-label={`Remove muscle ${n}`}>
                Remove
              </Button>
            </li>
          )
        })}
      </ol>
      <div>
        <Button size="sm" className="min-h-8" onClick={() => append({ muscle: '', side: '', injections: 1 })}>Add muscle</Button>
      </div>
      <p className="text-sm font-medium text-slate-900" aria-live="polite">
        <MuscleCount procedureIndex={procedureIndex} />
      </p>
    </fieldset>
  )
}

import { useId } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { GUIDANCE, PROCEDURE_TYPES, TECHNIQUES, familyLabels } from '../../../domain/index.ts'
import { Button } from '../../../components/button.tsx'
import type { FormIssue, WorksheetValues } from '../model/index.ts'
import { issueFor } from './issue-for.ts'
import { guidanceLabels, techniqueLabels } from './labels.ts'
import { MuscleList } from './muscle-list.tsx'
import { SelectField } from './select-field.tsx'
import { EpiduralFields, FacetInjectionFields, FacetRfaFields } from './spinal-fields.tsx'

export interface ProcedureCardProps {
  index: number
  /** Number of procedures in the list, to know the last one. */
  count: number
  issues: readonly FormIssue[]
  onRemove: () => void
  onMoveUp: () => void
  onMoveDown: () => void
  /** Prefix for the ids of the card's buttons, so focus can follow a moved card. */
  idPrefix: string
}

function TriggerPointFields({ index, issues }: { index: number; issues: readonly FormIssue[] }) {
  const { control } = useFormContext<WorksheetValues>()
  const technique = useWatch({ control, name: `procedures.${index}.technique` })
  return (
    <>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField
          label="Technique"
          name={`procedures.${index}.technique`}
          options={TECHNIQUES}
          labels={techniqueLabels}
          hint={technique === 'injection' ? undefined : 'Dry needling and acupuncture are not trigger point injections: no 20552/20553 line.'}
          error={issueFor(issues, `procedures.${index}.technique`)}
        />
        <SelectField label="Guidance" name={`procedures.${index}.guidance`} options={GUIDANCE} labels={guidanceLabels} error={issueFor(issues, `procedures.${index}.guidance`)} />
      </div>
      <MuscleList procedureIndex={index} issues={issues} />
    </>
  )
}

export function ProcedureCard({ index, count, issues, onRemove, onMoveUp, onMoveDown, idPrefix }: ProcedureCardProps) {
  const { control } = useFormContext<WorksheetValues>()
  const type = useWatch({ control, name: `procedures.${index}.type` })
  const headingId = useId()
  const n = index + 1
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-300 bg-white p-3 sm:p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-base font-semibold text-brand-800">
          Procedure {n}: {familyLabels[type]}
        </h3>
        <div className="flex flex-wrap gap-1">
          <Button id={`${idPrefix}-up`} size="sm" className="min-h-8" disabled={index === 0} onClick={onMoveUp} aria-label={`Move procedure ${n} up`}>
            Up
          </Button>
          <Button id={`${idPrefix}-down`} size="sm" className="min-h-8" disabled={index === count - 1} onClick={onMoveDown} aria-label={`Move procedure ${n} down`}>
            Down
          </Button>
          <Button size="sm" variant="ghost" className="min-h-8" onClick={onRemove} aria-label={`Remove procedure ${n}`}>
            Remove
          </Button>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField
          label="Procedure type"
          name={`procedures.${index}.type`}
          options={PROCEDURE_TYPES}
          labels={familyLabels}
          hint="Changing the type keeps the answers of the other types."
          error={issueFor(issues, `procedures.${index}.type`)}
        />
      </div>
      {type === 'trigger-point' ? <TriggerPointFields index={index} issues={issues} /> : null}
      {type === 'facet-injection' ? <FacetInjectionFields index={index} issues={issues} /> : null}
      {type === 'facet-rfa' ? <FacetRfaFields index={index} issues={issues} /> : null}
      {type === 'epidural' ? <EpiduralFields index={index} issues={issues} /> : null}
      {issueFor(issues, `procedures.${index}`) ? <p className="text-xs font-medium text-red-700">{issueFor(issues, `procedures.${index}`)}</p> : null}
    </section>
  )
}

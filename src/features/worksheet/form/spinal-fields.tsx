import { Controller, useFormContext, useWatch } from 'react-hook-form'
import {
  EPIDURAL_APPROACHES, EPIDURAL_PURPOSES, FACET_PURPOSES, GUIDANCE, SPINAL_REGIONS, regionLabels,
} from '../../../domain/index.ts'
import type { FormIssue, WorksheetValues } from '../model/index.ts'
import { issueFor, issueUnder } from './issue-for.ts'
import { approachLabels, epiduralPurposeLabels, facetPurposeLabels, guidanceLabels } from './labels.ts'
import { SelectField } from './select-field.tsx'
import { SpineLevelPicker } from './spine-level-picker.tsx'

export interface FamilyFieldsProps {
  index: number
  issues: readonly FormIssue[]
}

const regionOptionLabels = { '': 'Not stated', ...Object.fromEntries(SPINAL_REGIONS.map((r) => [r, regionLabels[r]])) } as Readonly<Record<(typeof SPINAL_REGIONS)[number] | '', string>>

function LevelsField({ index, issues, legend, hint, single = false, allowNoSide = false }: FamilyFieldsProps & { legend: string; hint: string; single?: boolean; allowNoSide?: boolean }) {
  const { control } = useFormContext<WorksheetValues>()
  return (
    <Controller
      control={control}
      name={`procedures.${index}.levels`}
      render={({ field }) => (
        <SpineLevelPicker
          legend={legend}
          hint={hint}
          value={field.value ?? []}
          onChange={field.onChange}
          single={single}
          allowNoSide={allowNoSide}
          error={issueUnder(issues, `procedures.${index}.levels`)}
        />
      )}
    />
  )
}

function GuidanceField({ index, issues }: FamilyFieldsProps) {
  return <SelectField label="Guidance" name={`procedures.${index}.guidance`} options={GUIDANCE} labels={guidanceLabels} error={issueFor(issues, `procedures.${index}.guidance`)} />
}

export function FacetInjectionFields({ index, issues }: FamilyFieldsProps) {
  return (
    <>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField label="Purpose" name={`procedures.${index}.facetPurpose`} options={FACET_PURPOSES} labels={facetPurposeLabels} error={issueFor(issues, `procedures.${index}.facetPurpose`)} />
        <GuidanceField index={index} issues={issues} />
      </div>
      <LevelsField index={index} issues={issues} legend="Levels" hint="Each facet level injected and its side. Both sides of one level: pick Both." />
    </>
  )
}

export function FacetRfaFields({ index, issues }: FamilyFieldsProps) {
  return (
    <>
      <LevelsField index={index} issues={issues} legend="Joints" hint="Each joint ablated and its side. Both sides of one joint: pick Both." />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <GuidanceField index={index} issues={issues} />
      </div>
    </>
  )
}

export function EpiduralFields({ index, issues }: FamilyFieldsProps) {
  const { control } = useFormContext<WorksheetValues>()
  const [approach, watchedLevels] = useWatch({ control, name: [`procedures.${index}.approach`, `procedures.${index}.levels`] })
  const levels = watchedLevels ?? []
  const showRegion = approach === 'caudal' || levels.length === 0
  return (
    <>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField label="Approach" name={`procedures.${index}.approach`} options={EPIDURAL_APPROACHES} labels={approachLabels} error={issueFor(issues, `procedures.${index}.approach`)} />
        <SelectField label="Purpose" name={`procedures.${index}.epiduralPurpose`} options={EPIDURAL_PURPOSES} labels={epiduralPurposeLabels} error={issueFor(issues, `procedures.${index}.epiduralPurpose`)} />
        <GuidanceField index={index} issues={issues} />
        {showRegion ? (
          <SelectField
            label="Region"
            name={`procedures.${index}.region`}
            options={['', ...SPINAL_REGIONS] as const}
            labels={regionOptionLabels}
            hint={approach === 'caudal' ? 'A caudal injection has no level: the region decides the code.' : 'Used while no level is picked.'}
            error={issueFor(issues, `procedures.${index}.region`)}
          />
        ) : null}
      </div>
      {approach === 'caudal' ? (
        <p className="text-sm text-slate-700">Caudal: no level to pick.</p>
      ) : approach === 'interlaminar' ? (
        <LevelsField
          index={index}
          issues={issues}
          legend="Level"
          single
          allowNoSide
          hint={`The one interspace entered (e.g. L4-L5); the side is optional.${levels.length > 1 ? ` ${levels.length} levels are set from another approach: pick the one entered.` : ''}`}
        />
      ) : (
        <LevelsField index={index} issues={issues} legend="Levels" hint="Each foramen injected and its side. Both sides of one level: pick Both." />
      )}
    </>
  )
}

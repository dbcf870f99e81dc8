import type { ChangeEvent } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { DOSE_UNITS, DRUG_CATEGORIES, drugCatalog, formatNdc11, NDC_UNITS, ndcUnitLabels, readNdc } from '../../../domain/index.ts'
import { Button } from '../../../components/button.tsx'
import { Field, inputClass } from '../../../components/field.tsx'
import type { DrugValues, FormIssue, WorksheetValues } from '../model/index.ts'
import { box19Preview, codeDateWarning, previewDrugUnits, unitBasisText, type UnitsPreview } from './drug-preview.ts'
import { issueFor } from './issue-for.ts'
import { doseUnitLabels, drugCategoryLabels } from './labels.ts'

export interface DrugRowProps {
  index: number
  issues: readonly FormIssue[]
  /** id of the catalog's <datalist>. */
  listId: string
  onRemove: () => void
}

const emptyDrug: DrugValues = { code: '', name: '', dose: Number.NaN, unit: 'mg', category: 'other' }
const catalogNames = new Set([...drugCatalog.values()].map((d) => d.name))

function unitsText(preview: UnitsPreview): string {
  switch (preview.kind) {
    case 'units': return `${preview.units} ${preview.units === 1 ? 'unit' : 'units'} (${preview.basis})`
    case 'needs-dose': return 'Units: enter the dose'
    case 'needs-unit': return `Units: ${preview.message}`
    case 'payer-profile': return 'Units per payer profile'
    case 'narrative': return '1 unit (unclassified code)'
    case 'unknown-code': return 'Units: pick a code from the catalog'
  }
}

export function DrugRow({ index, issues, listId, onRemove }: DrugRowProps) {
  const { control, register, getValues, setValue } = useFormContext<WorksheetValues>()
  const path = `drugs.${index}` as const
  const [watched, dateOfService] = useWatch({ control, name: [path, 'dateOfService'] })
  const drug = watched ?? emptyDrug
  const info = drugCatalog.get(drug.code.trim().toUpperCase())
  const n = index + 1

  const prefill = (e: ChangeEvent<HTMLInputElement>) => {
    const found = drugCatalog.get(e.target.value.trim().toUpperCase())
    if (!found) return
    const name = getValues(`${path}.name`).trim()
    if (name === '' || catalogNames.has(name)) setValue(`${path}.name`, found.unclassified ? '' : found.name, { shouldDirty: true })
    setValue(`${path}.category`, found.category, { shouldDirty: true })
    const unit = getValues(`${path}.unit`)
    if (found.unit.kind === 'mL' && unit !== 'mL') setValue(`${path}.unit`, 'mL', { shouldDirty: true })
    if (found.unit.kind === 'mg' && unit === 'mL') setValue(`${path}.unit`, 'mg', { shouldDirty: true })
  }

  const nameMissing = info?.unclassified === true && drug.name.trim() === ''
  const ndcText = (drug.ndc ?? '').trim()
  const ndcReading = ndcText === '' ? null : readNdc(ndcText)
  const dateWarning = info ? codeDateWarning(info, dateOfService) : null
  return (
    <li className="flex min-w-0 flex-col gap-2 rounded border border-slate-300 p-3">
      <div className="grid grid-cols-2 items-start gap-2 lg:grid-cols-4">
        <Field
          label={`Drug ${n} code`}
          hint={drug.code.trim() === '' ? undefined : info ? `${info.name}, ${unitBasisText(info)}` : 'Not in the drug catalog'}
          error={issueFor(issues, `${path}.code`)}
          className="col-span-2 lg:col-span-1"
        >
          <input className={`${inputClass} uppercase`} list={listId} autoComplete="off" spellCheck={false} placeholder="J3301" {...register(`${path}.code`, { onChange: prefill })} />
        </Field>
        <Field
          label={`Drug ${n} name`}
          hint={info?.unclassified ? 'Required for an unclassified code: it goes in Box 19.' : undefined}
          error={nameMissing ? 'Enter the drug name for Box 19' : issueFor(issues, `${path}.name`)}
          className="col-span-2 lg:col-span-3"
        >
          <input className={inputClass} autoComplete="off" {...register(`${path}.name`)} />
        </Field>
        <Field label={`Drug ${n} dose`} error={issueFor(issues, `${path}.dose`)}>
          <input className={inputClass} type="number" inputMode="decimal" min={0} step="any" {...register(`${path}.dose`, { valueAsNumber: true })} />
        </Field>
        <Field label={`Drug ${n} dose unit`} error={issueFor(issues, `${path}.unit`)}>
          <select className={inputClass} {...register(`${path}.unit`)}>
            {DOSE_UNITS.map((u) => <option key={u} value={u}>{doseUnitLabels[u]}</option>)}
          </select>
        </Field>
        <Field label={`Drug ${n} category`} error={issueFor(issues, `${path}.category`)}>
          <select className={inputClass} {...register(`${path}.category`)}>
            {DRUG_CATEGORIES.map((c) => <option key={c} value={c}>{drugCategoryLabels[c]}</option>)}
          </select>
        </Field>
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium text-slate-800">Billing units</span>
          <output aria-label={`Drug ${n} billing units`} aria-live="polite" className="py-1 text-sm font-semibold text-slate-900">
            {unitsText(previewDrugUnits(drug.dose, drug.unit, info))}
          </output>
        </div>
      </div>
      <div className="grid grid-cols-2 items-start gap-2 lg:grid-cols-4">
        <Field
          label={`Drug ${n} NDC`}
          hint={ndcReading?.ok ? `On the claim: ${formatNdc11(ndcReading.ndc11)}` : ndcText === '' ? 'As on the package; blank uses the practice\'s NDC list.' : undefined}
          error={ndcReading && !ndcReading.ok ? ndcReading.message : issueFor(issues, `${path}.ndc`)}
          className="col-span-2"
        >
          <input className={`${inputClass} font-mono`} autoComplete="off" spellCheck={false} placeholder="12345-6789-01" {...register(`${path}.ndc`)} />
        </Field>
        <Field label={`Drug ${n} NDC quantity`} error={issueFor(issues, `${path}.ndcQuantity`)}>
          <input className={inputClass} type="number" inputMode="decimal" min={0} step="any" {...register(`${path}.ndcQuantity`, { setValueAs: (v: unknown) => (v === '' || v === undefined || v === null ? undefined : Number(v)) })} />
        </Field>
        <Field label={`Drug ${n} NDC unit`} error={issueFor(issues, `${path}.ndcUnit`)}>
          <select className={inputClass} {...register(`${path}.ndcUnit`)}>
            <option value="">Not given</option>
            {NDC_UNITS.map((u) => <option key={u} value={u}>{ndcUnitLabels[u]}</option>)}
          </select>
        </Field>
      </div>
      {info?.unclassified ? (
        <p className="text-sm text-slate-900" aria-live="polite">
          Box 19 text: <span className="font-mono">{box19Preview(drug.name, drug.dose, drug.unit, ndcReading?.ok ? ndcReading.ndc11 : null)}</span>
        </p>
      ) : null}
      {dateWarning ? <p className="text-sm font-medium text-amber-900"><span aria-hidden="true">⚠ </span>Warning: {dateWarning}</p> : null}
      <div>
        <Button size="sm" variant="ghost" className="min-h-8" onClick={onRemove} aria-label={`Remove drug ${n}`}>Remove</Button>
      </div>
    </li>
  )
}

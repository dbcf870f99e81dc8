import { useFormContext, useWatch } from 'react-hook-form'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import { familyLabels, PROCEDURE_TYPES } from '../../domain/index.ts'
import { purposeLabels, purposesOfFamily } from './profile-labels.ts'
import type { LimitFormValues, ProfileFormValues } from './profile-form-model.ts'

interface LimitFieldsProps {
  index: number
  /** The values the limit started with: a select shows its value from the first paint. */
  defaults: LimitFormValues
  onRemove: () => void
}

/** The editable values of one frequency limit. */
export function LimitFields({ index, defaults, onRemove }: LimitFieldsProps) {
  const { register, control, formState: { errors } } = useFormContext<ProfileFormValues>()
  const at = `frequencyLimits.${index}` as const
  const [id, family, purposes, minIntervalUnit] = useWatch({ control, name: [`${at}.id`, `${at}.family`, `${at}.purposes`, `${at}.minIntervalUnit`] })
  const e = errors.frequencyLimits?.[index]
  const purposeOptions = ['all', ...purposesOfFamily[family]]
  if (!purposeOptions.includes(purposes)) purposeOptions.push(purposes)
  const legend = `Limit ${index + 1}: ${familyLabels[family]} (${id})`
  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded border border-slate-300 p-3">
      <legend className="px-1 font-semibold text-slate-900 [overflow-wrap:anywhere]">{legend}</legend>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Field label="Procedure family">
          <select className={inputClass} defaultValue={defaults.family} {...register(`${at}.family`)}>
            {PROCEDURE_TYPES.map((f) => <option key={f} value={f}>{familyLabels[f]}</option>)}
          </select>
        </Field>
        <Field label="Counts">
          <select className={inputClass} defaultValue={defaults.purposes} {...register(`${at}.purposes`)}>
            {purposeOptions.map((p) => <option key={p} value={p}>{p === 'all' ? 'Every session' : `${p.split(',').map((x) => purposeLabels[x] ?? x).join(' and ')} sessions`}</option>)}
          </select>
        </Field>
        <Field label="Sessions allowed" error={e?.limit?.message}>
          <input type="number" inputMode="numeric" className={inputClass} {...register(`${at}.limit`, { valueAsNumber: true })} />
        </Field>
        <Field label="Window length" error={e?.windowAmount?.message}>
          <input type="number" inputMode="numeric" className={inputClass} {...register(`${at}.windowAmount`, { valueAsNumber: true })} />
        </Field>
        <Field label="Window unit" error={e?.windowUnit?.message}>
          <select className={inputClass} defaultValue={defaults.windowUnit} {...register(`${at}.windowUnit`)}>
            <option value="months">months (rolling)</option>
            <option value="days">days (rolling)</option>
          </select>
        </Field>
        <Field label="Scope">
          <select className={inputClass} defaultValue={defaults.scope} {...register(`${at}.scope`)}>
            <option value="per-region">Per spinal region</option>
            <option value="all-regions">All regions combined</option>
          </select>
        </Field>
        <Field label="Minimum interval" hint="Time that must pass between two sessions">
          <select className={inputClass} defaultValue={defaults.minIntervalUnit} {...register(`${at}.minIntervalUnit`)}>
            <option value="none">None</option>
            <option value="days">In days</option>
            <option value="months">In months</option>
          </select>
        </Field>
        {minIntervalUnit === 'none' ? null : (
          <Field label={`Minimum interval (${minIntervalUnit})`} error={e?.minIntervalAmount?.message}>
            <input type="number" inputMode="numeric" className={inputClass} {...register(`${at}.minIntervalAmount`, { valueAsNumber: true })} />
          </Field>
        )}
        <Field label="Severity when exceeded">
          <select className={inputClass} defaultValue={defaults.severity} {...register(`${at}.severity`)}>
            <option value="error">Error</option>
            <option value="warning">Warning</option>
          </select>
        </Field>
        <Field label="Effective from" hint="Empty: no start date" error={e?.effectiveFrom?.message}>
          <input type="date" className={inputClass} {...register(`${at}.effectiveFrom`)} />
        </Field>
        <Field label="Effective to" hint="Empty: no end date" error={e?.effectiveTo?.message}>
          <input type="date" className={inputClass} {...register(`${at}.effectiveTo`)} />
        </Field>
      </div>
      <Field label="Interpretation" hint="Only for a named reading of the rule, e.g. a billing guide's" error={e?.interpretation?.message}>
        <input className={inputClass} {...register(`${at}.interpretation`)} />
      </Field>
      <Field label="Note" error={e?.note?.message}>
        <textarea rows={2} className={inputClass} {...register(`${at}.note`)} />
      </Field>
      <Field label="Source" hint="Where this limit comes from: the payer policy, contract or letter. A changed value keeps no payer source silently." error={e?.source?.message}>
        <textarea rows={2} className={inputClass} {...register(`${at}.source`)} />
      </Field>
      <div>
        <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove limit ${index + 1} (${id})`}>Remove this limit</Button>
      </div>
    </fieldset>
  )
}

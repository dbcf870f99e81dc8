import { useFormContext, useWatch } from 'react-hook-form'
import { Field, inputClass } from '../../components/field.tsx'
import { DISTINGUISHING_MODIFIERS, NDC_REQUIREMENTS, REPEATED_LINE_FORMATS } from '../../domain/index.ts'
import type { ProfileFormValues } from './profile-form-model.ts'
import { distinguishingModifierLabels, ndcRequirementLabels, repeatedLineFormatLabels } from './profile-labels.ts'

/** How the payer takes two lines of one code with the same modifiers, and when it wants the NDC on drug lines. */
export function ClaimLineFields() {
  const { register, control, formState: { errors, defaultValues } } = useFormContext<ProfileFormValues>()
  const format = useWatch({ control, name: 'repeatedLines.format' })
  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded border border-slate-300 p-3">
      <legend className="px-1 font-semibold text-slate-900">Claim lines</legend>
      <div className="grid grid-cols-1 gap-2 border-b border-slate-200 pb-3 sm:grid-cols-2">
        <Field className="min-w-0" label="Repeated lines: same code and modifiers" hint="Three RFA joints on one side, or a third transforaminal level" error={errors.repeatedLines?.format?.message}>
          <select className={`${inputClass} w-full min-w-0`} defaultValue={defaultValues?.repeatedLines?.format} {...register('repeatedLines.format')}>
            {REPEATED_LINE_FORMATS.map((f) => <option key={f} value={f}>{repeatedLineFormatLabels[f]}</option>)}
          </select>
        </Field>
        {format === 'line-per-level' ? (
          <Field className="min-w-0" label="Repeated lines: modifier on the later lines" error={errors.repeatedLines?.modifier?.message}>
            <select className={`${inputClass} w-full min-w-0`} defaultValue={defaultValues?.repeatedLines?.modifier} {...register('repeatedLines.modifier')}>
              <option value="">Pick the payer&apos;s modifier</option>
              {DISTINGUISHING_MODIFIERS.map((m) => <option key={m} value={m}>{distinguishingModifierLabels[m]}</option>)}
            </select>
          </Field>
        ) : null}
        <Field className="min-w-0 sm:col-span-2" label="Repeated lines: source" error={errors.repeatedLines?.source?.message}>
          <textarea rows={2} className={inputClass} {...register('repeatedLines.source')} />
        </Field>
      </div>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <Field className="min-w-0" label="NDC on drug lines" hint="Blank NDCs are filled from the practice's NDC list (Settings)" error={errors.ndc?.required?.message}>
          <select className={`${inputClass} w-full min-w-0`} defaultValue={defaultValues?.ndc?.required} {...register('ndc.required')}>
            {NDC_REQUIREMENTS.map((r) => <option key={r} value={r}>{ndcRequirementLabels[r]}</option>)}
          </select>
        </Field>
        <Field className="min-w-0 sm:col-span-2" label="NDC on drug lines: source" error={errors.ndc?.source?.message}>
          <textarea rows={2} className={inputClass} {...register('ndc.source')} />
        </Field>
      </div>
    </fieldset>
  )
}

import { useId, useMemo, useState, type Ref } from 'react'
import { FormProvider, useFieldArray, useForm } from 'react-hook-form'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import type { PayerProfile } from '../../domain/index.ts'
import type { CustomPayerProfileRecord } from '../../storage/index.ts'
import { BilateralFields } from './bilateral-fields.tsx'
import { ClaimLineFields } from './claim-line-fields.tsx'
import { LimitFields } from './limit-fields.tsx'
import { markEditedSources } from './profile-copy.ts'
import { newLimitValues, profileFormResolver, profileToFormValues, validateProfileForm, type ProfileFormValues } from './profile-form-model.ts'

interface ProfileFormProps {
  record: CustomPayerProfileRecord
  /** The profile it was copied from, to mark edited values. */
  original: PayerProfile | undefined
  isNew: boolean
  onSave: (record: CustomPayerProfileRecord) => Promise<void>
  onCancel: () => void
  headingRef?: Ref<HTMLHeadingElement>
}

/** Edits a custom payer profile; the domain's payerProfileSchema says what a valid value is. */
export function ProfileForm({ record, original, isNew, onSave, onCancel, headingRef }: ProfileFormProps) {
  const base = record.profile
  const resolver = useMemo(() => profileFormResolver(base), [base])
  const methods = useForm<ProfileFormValues>({ defaultValues: profileToFormValues(base), resolver, mode: 'onChange' })
  const { register, control, handleSubmit, getValues, formState: { errors, isSubmitting } } = methods
  const limits = useFieldArray({ control, name: 'frequencyLimits', keyName: 'key' })
  const [failed, setFailed] = useState<string | null>(null)
  const headingId = useId()

  const save = async (values: ProfileFormValues) => {
    const { profile } = validateProfileForm(values, base)
    if (!profile) return
    setFailed(null)
    try {
      await onSave({ ...record, profile: markEditedSources(profile, original), updatedAt: new Date().toISOString() })
    } catch (error) {
      setFailed(`The profile was not saved: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const errorCount = Object.keys(errors).length

  return (
    <FormProvider {...methods}>
      <form aria-labelledby={headingId} noValidate className="flex min-w-0 flex-col gap-4" onSubmit={(e) => void handleSubmit(save, () => setFailed(null))(e)}>
        <h4 id={headingId} ref={headingRef} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none">{isNew ? 'New custom profile' : 'Edit custom profile'}: {base.id}</h4>
        <p className="text-sm text-slate-700">
          Profile id <span className="font-mono">{base.id}</span>{original ? <>, copied from {original.name}</> : null}. Coverage values, the betamethasone unit size and OPD prior authorization are kept as copied.
        </p>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="Profile name" error={errors.name?.message}>
            <input className={inputClass} autoComplete="off" {...register('name')} />
          </Field>
          <Field className="sm:col-span-2" label="Description" error={errors.description?.message}>
            <textarea rows={3} className={inputClass} {...register('description')} />
          </Field>
        </div>
        <BilateralFields />
        <ClaimLineFields />
        <section aria-label="Frequency limits" className="flex min-w-0 flex-col gap-3">
          <h5 className="font-semibold text-slate-900">Frequency limits</h5>
          {limits.fields.length === 0 ? <p className="text-sm">No frequency limit: the worksheet counts no sessions for this payer.</p> : null}
          {limits.fields.map((f, i) => <LimitFields key={f.key} index={i} defaults={f} onRemove={() => limits.remove(i)} />)}
          <div>
            <Button onClick={() => limits.append(newLimitValues(base.id, getValues('frequencyLimits')))}>Add a frequency limit</Button>
          </div>
        </section>
        {errorCount > 0 && methods.formState.isSubmitted ? <p role="alert" className="text-sm font-medium text-red-700">Fix the values marked in red, then save again.</p> : null}
        {failed ? <p role="alert" className="text-sm font-medium text-red-700">{failed}</p> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="primary" disabled={isSubmitting}>Save profile</Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </FormProvider>
  )
}

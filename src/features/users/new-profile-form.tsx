import { useId } from 'react'
import { useForm, type Resolver } from 'react-hook-form'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import { DEFAULT_PROFILE_VALUES, MAX_NAME, profileFormSchema, ROLE_LABELS, ROLES, type ProfileFormValues } from './model.ts'

interface NewProfileFormProps {
  /** Names already on this machine (a new profile needs its own). */
  takenNames: readonly string[]
  submitLabel: string
  onCreate: (values: ProfileFormValues) => Promise<void>
}

function resolverFor(takenNames: readonly string[]): Resolver<ProfileFormValues> {
  return (values) => {
    const parsed = profileFormSchema(takenNames).safeParse(values)
    if (parsed.success) return { values: parsed.data, errors: {} }
    const errors: Record<string, { type: string; message: string }> = {}
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'name')
      errors[key] ??= { type: issue.code, message: issue.message }
    }
    return { values: {}, errors }
  }
}

export function NewProfileForm({ takenNames, submitLabel, onCreate }: NewProfileFormProps) {
  const roleHint = useId()
  const { register, handleSubmit, formState: { errors, isSubmitting }, setError } = useForm<ProfileFormValues>({
    defaultValues: DEFAULT_PROFILE_VALUES,
    resolver: resolverFor(takenNames),
  })
  const submit = handleSubmit(async (values) => {
    try {
      await onCreate(values)
    } catch (e) {
      setError('root', { message: `The profile was not saved: ${e instanceof Error ? e.message : String(e)}` })
    }
  })
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3">
      <Field label="Name" hint={`As colleagues know you; up to ${MAX_NAME} characters.`} error={errors.name?.message}>
        <input type="text" autoComplete="name" className={inputClass} {...register('name')} />
      </Field>
      <fieldset className="flex flex-col gap-1" aria-describedby={roleHint}>
        <legend className="text-sm font-medium text-slate-800">Role</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {ROLES.map((role) => (
            <label key={role} className="inline-flex min-h-6 items-center gap-2 text-sm">
              <input type="radio" value={role} {...register('role')} />
              {ROLE_LABELS[role]}
            </label>
          ))}
        </div>
        <p id={roleHint} className="text-xs text-slate-600">Supervisors review finalized encounters; trainees practise.</p>
      </fieldset>
      {errors.root?.message ? <p role="alert" className="text-sm font-medium text-red-700">{errors.root.message}</p> : null}
      <div>
        <Button type="submit" variant="primary" disabled={isSubmitting}>{submitLabel}</Button>
      </div>
    </form>
  )
}

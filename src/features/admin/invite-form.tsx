import { useForm } from 'react-hook-form'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import { INVITE_DAYS_MAX, ROLE_LABELS, ROLES } from '../../group-api/index.ts'
import { zodMiniResolver } from '../../lib/zod-resolver.ts'
import { INVITE_DEFAULTS, inviteFormSchema, type InviteFormValues } from './admin-model.ts'

type InviteOutput = { email: string; role: InviteFormValues['role']; expiresInDays: number }

/** Who to invite, as what, and for how long the link works. */
export function InviteForm({ onCreate }: { onCreate: (values: InviteOutput) => Promise<boolean> }) {
  const { register, handleSubmit, reset, formState: { errors, isSubmitting } } = useForm<InviteFormValues, unknown, InviteOutput>({
    defaultValues: INVITE_DEFAULTS, resolver: zodMiniResolver(inviteFormSchema),
  })
  const submit = handleSubmit(async (values) => {
    if (await onCreate(values)) reset(INVITE_DEFAULTS)
  })
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-wrap items-start gap-3 rounded border border-brand-200 bg-white p-4">
      <Field label="Email" error={errors.email?.message} className="min-w-64 flex-1">
        <input type="email" autoComplete="off" className={inputClass} {...register('email')} />
      </Field>
      <Field label="Role" error={errors.role?.message}>
        <select className={inputClass} {...register('role')}>
          {ROLES.map((role) => <option key={role} value={role}>{ROLE_LABELS[role]}</option>)}
        </select>
      </Field>
      <Field label="Link valid for (days)" hint={`1 to ${INVITE_DAYS_MAX}`} error={errors.expiresInDays?.message}>
        <input type="number" min={1} max={INVITE_DAYS_MAX} step={1} className={`${inputClass} w-28`} {...register('expiresInDays', { valueAsNumber: true })} />
      </Field>
      <div className="self-end pb-5">
        <Button type="submit" variant="primary" disabled={isSubmitting}>Create invitation</Button>
      </div>
    </form>
  )
}

import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import { zodMiniResolver } from '../../lib/zod-resolver.ts'
import { useGroupClient } from '../../storage/group/index.ts'
import { FormError } from './auth-card.tsx'
import { changePasswordSchema, type ChangePasswordValues } from './forms.ts'
import { passwordPolicyText } from './password-policy.ts'
import { useServerError } from './use-server-error.ts'

const DEFAULTS: ChangePasswordValues = { currentPassword: '', newPassword: '', confirm: '' }

/** A new password; the server ends the account's other sessions. */
export function ChangePasswordSection({ onChanged }: { onChanged: () => void }) {
  const client = useGroupClient()
  const headingId = useId()
  const server = useServerError()
  const [done, setDone] = useState<string | null>(null)
  const { register, handleSubmit, reset, formState: { errors, isSubmitting } } = useForm<ChangePasswordValues, unknown, ChangePasswordValues>({
    defaultValues: DEFAULTS, resolver: zodMiniResolver(changePasswordSchema),
  })
  const submit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setDone(null)
    const ok = await server.run(async () => { await client.request('changePassword', { body: { currentPassword, newPassword } }); return true })
    if (!ok) return
    reset(DEFAULTS)
    setDone('Your password was changed. Your sessions on other devices were ended.')
    onChanged()
  })
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded border border-brand-200 bg-white p-4">
      <h3 id={headingId} className="text-lg font-semibold">Change password</h3>
      <form noValidate onSubmit={(e) => void submit(e)} className="flex max-w-md flex-col gap-3">
        <Field label="Current password" error={errors.currentPassword?.message}>
          <input type="password" autoComplete="current-password" className={inputClass} {...register('currentPassword')} />
        </Field>
        <Field label="New password" hint={passwordPolicyText()} error={errors.newPassword?.message}>
          <input type="password" autoComplete="new-password" className={inputClass} {...register('newPassword')} />
        </Field>
        <Field label="Confirm new password" error={errors.confirm?.message}>
          <input type="password" autoComplete="new-password" className={inputClass} {...register('confirm')} />
        </Field>
        <FormError message={server.message} />
        <p role="status" className="text-sm">{done}</p>
        <div><Button type="submit" variant="primary" disabled={isSubmitting}>Change password</Button></div>
      </form>
    </section>
  )
}

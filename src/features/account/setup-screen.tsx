import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import type { SessionInfo } from '../../group-api/index.ts'
import { zodMiniResolver } from '../../lib/zod-resolver.ts'
import { describeError, useGroupClient } from '../../storage/group/index.ts'
import { AuthCard, FormError } from './auth-card.tsx'
import { setupFormSchema, type SetupFormValues } from './forms.ts'
import { passwordPolicyText } from './password-policy.ts'
import { useServerError } from './use-server-error.ts'

const DEFAULTS: SetupFormValues = { practiceName: '', name: '', email: '', password: '', confirm: '' }

interface SetupScreenProps {
  /** The one-time token of the setup link the server printed. */
  token: string
  onDone: (session: SessionInfo) => void
  /** Leaves the setup link for the sign-in screen. */
  onSignIn: () => void
  focusHeading?: boolean
}

type Status = { state: 'checking' } | { state: 'needed' } | { state: 'done' } | { state: 'failed'; message: string }

/** First run: the practice and its first admin, with the link the server printed on its console. */
export function SetupScreen({ token, onDone, onSignIn, focusHeading = false }: SetupScreenProps) {
  const client = useGroupClient()
  const [status, setStatus] = useState<Status>({ state: 'checking' })
  const server = useServerError()
  const { register, handleSubmit, formState: { errors, isSubmitting } } = useForm<SetupFormValues, unknown, SetupFormValues>({
    defaultValues: DEFAULTS,
    resolver: zodMiniResolver(setupFormSchema),
  })

  useEffect(() => {
    let current = true
    client.request('setupStatus').then(
      ({ needed }) => { if (current) setStatus({ state: needed ? 'needed' : 'done' }) },
      (error: unknown) => { if (current) setStatus({ state: 'failed', message: describeError(error) }) },
    )
    return () => { current = false }
  }, [client])

  const submit = handleSubmit(async ({ practiceName, name, email, password }) => {
    const session = await server.run(() => client.request('setup', { body: { token, practiceName, name, email, password } }))
    if (session) onDone(session)
  })

  if (status.state === 'checking') {
    return <AuthCard title="Set up the group server" focusHeading={focusHeading}><p role="status">Checking the server…</p></AuthCard>
  }
  if (status.state === 'failed') {
    return <AuthCard title="Set up the group server" focusHeading={focusHeading}><FormError message={status.message} /></AuthCard>
  }
  if (status.state === 'done') {
    return (
      <AuthCard title="This server is already set up" focusHeading={focusHeading}>
        <p>The practice and its first admin exist, so this setup link no longer works. Sign in with your account, or ask the admin for an invitation.</p>
        <div><Button variant="primary" onClick={onSignIn}>Go to sign in</Button></div>
      </AuthCard>
    )
  }
  return (
    <AuthCard title="Set up the group server" focusHeading={focusHeading}>
      <p className="text-sm">Create your practice and your own account. You will be its admin: you invite the others and choose who must use two-factor authentication.</p>
      <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3">
        <Field label="Practice name" error={errors.practiceName?.message}>
          <input type="text" autoComplete="organization" className={inputClass} {...register('practiceName')} />
        </Field>
        <Field label="Your name" error={errors.name?.message}>
          <input type="text" autoComplete="name" className={inputClass} {...register('name')} />
        </Field>
        <Field label="Email" hint="You sign in with it." error={errors.email?.message}>
          <input type="email" autoComplete="username" className={inputClass} {...register('email')} />
        </Field>
        <Field label="Password" hint={passwordPolicyText()} error={errors.password?.message}>
          <input type="password" autoComplete="new-password" className={inputClass} {...register('password')} />
        </Field>
        <Field label="Confirm password" error={errors.confirm?.message}>
          <input type="password" autoComplete="new-password" className={inputClass} {...register('confirm')} />
        </Field>
        <FormError message={server.message} />
        <div>
          <Button type="submit" variant="primary" disabled={isSubmitting}>{isSubmitting ? 'Creating…' : 'Create the practice'}</Button>
        </div>
      </form>
    </AuthCard>
  )
}

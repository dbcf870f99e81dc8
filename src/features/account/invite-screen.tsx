import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import { ROLE_LABELS, type SessionInfo } from '../../group-api/index.ts'
import { zodMiniResolver } from '../../lib/zod-resolver.ts'
import { ApiError, describeError, useGroupClient } from '../../storage/group/index.ts'
import { AuthCard, FormError } from './auth-card.tsx'
import { existingAccountInviteSchema, newAccountInviteSchema, type ExistingAccountInviteValues, type NewAccountInviteValues } from './forms.ts'
import { formatDateTime } from '../../lib/date-time.ts'
import { passwordPolicyText } from './password-policy.ts'
import { useServerError } from './use-server-error.ts'

interface InviteScreenProps {
  token: string
  onJoined: (session: SessionInfo) => void
  onSignIn: () => void
  focusHeading?: boolean
}

type Preview = { practiceName: string; role: SessionInfo['practices'][number]['role']; email: string; expiresAt: string; existingAccount: boolean }
type Status = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; preview: Preview }

const NEW_DEFAULTS: NewAccountInviteValues = { name: '', password: '', confirm: '' }
const EXISTING_DEFAULTS: ExistingAccountInviteValues = { password: '' }

function NewAccountForm({ onAccept }: { onAccept: (name: string, password: string) => Promise<SessionInfo | undefined> }) {
  const { register, handleSubmit, formState: { errors, isSubmitting } } = useForm<NewAccountInviteValues, unknown, NewAccountInviteValues>({
    defaultValues: NEW_DEFAULTS, resolver: zodMiniResolver(newAccountInviteSchema),
  })
  return (
    <form noValidate onSubmit={(e) => void handleSubmit(async (v) => { await onAccept(v.name, v.password) })(e)} className="flex flex-col gap-3">
      <Field label="Your name" hint="As colleagues know you." error={errors.name?.message}>
        <input type="text" autoComplete="name" className={inputClass} {...register('name')} />
      </Field>
      <Field label="Password" hint={passwordPolicyText()} error={errors.password?.message}>
        <input type="password" autoComplete="new-password" className={inputClass} {...register('password')} />
      </Field>
      <Field label="Confirm password" error={errors.confirm?.message}>
        <input type="password" autoComplete="new-password" className={inputClass} {...register('confirm')} />
      </Field>
      <div><Button type="submit" variant="primary" disabled={isSubmitting}>Create account and join</Button></div>
    </form>
  )
}

function ExistingAccountForm({ onAccept }: { onAccept: (password: string) => Promise<SessionInfo | undefined> }) {
  const { register, handleSubmit, formState: { errors, isSubmitting } } = useForm<ExistingAccountInviteValues, unknown, ExistingAccountInviteValues>({
    defaultValues: EXISTING_DEFAULTS, resolver: zodMiniResolver(existingAccountInviteSchema),
  })
  return (
    <form noValidate onSubmit={(e) => void handleSubmit(async (v) => { await onAccept(v.password) })(e)} className="flex flex-col gap-3">
      <Field label="Password" hint="The password of your existing account." error={errors.password?.message}>
        <input type="password" autoComplete="current-password" className={inputClass} {...register('password')} />
      </Field>
      <div><Button type="submit" variant="primary" disabled={isSubmitting}>Join the practice</Button></div>
    </form>
  )
}

/** An invitation link: what it is for, then a new account or the existing account's password. */
export function InviteScreen({ token, onJoined, onSignIn, focusHeading = false }: InviteScreenProps) {
  const client = useGroupClient()
  const [status, setStatus] = useState<Status>({ state: 'loading' })
  const server = useServerError()

  useEffect(() => {
    let current = true
    client.request('invitePreview', { params: { token } }).then(
      (preview) => { if (current) setStatus({ state: 'ready', preview }) },
      (error: unknown) => {
        if (!current) return
        const malformed = error instanceof ApiError && error.error === 'invalid-request'
        setStatus({ state: 'failed', message: malformed ? 'This invitation link is not complete. Copy the whole link from the invitation and open it again.' : describeError(error) })
      },
    )
    return () => { current = false }
  }, [client, token])

  const accept = async (name: string, password: string) => {
    const session = await server.run(() => client.request('acceptInvite', { body: { token, name, password } }))
    if (session) onJoined(session)
    return session
  }

  if (status.state === 'loading') return <AuthCard title="Invitation" focusHeading={focusHeading}><p role="status">Opening the invitation…</p></AuthCard>
  if (status.state === 'failed') {
    return (
      <AuthCard title="This invitation cannot be used" focusHeading={focusHeading}>
        <FormError message={status.message} />
        <div><Button onClick={onSignIn}>Go to sign in</Button></div>
      </AuthCard>
    )
  }
  const { preview } = status
  return (
    <AuthCard title={`Join ${preview.practiceName}`} focusHeading={focusHeading}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Practice</dt><dd>{preview.practiceName}</dd>
        <dt className="font-medium">Role</dt><dd>{ROLE_LABELS[preview.role]}</dd>
        <dt className="font-medium">Email</dt><dd>{preview.email}</dd>
        <dt className="font-medium">Link expires</dt><dd>{formatDateTime(preview.expiresAt)}</dd>
      </dl>
      {preview.existingAccount ? (
        <>
          <p className="text-sm">You already have an account with {preview.email}. Enter its password to join {preview.practiceName}.</p>
          {/* The contract asks for a name with every acceptance; for an existing account the server keeps the account's own name. */}
          <ExistingAccountForm onAccept={(password) => accept(preview.email.slice(0, 80), password)} />
        </>
      ) : (
        <>
          <p className="text-sm">Create your account: you will sign in with {preview.email}.</p>
          <NewAccountForm onAccept={accept} />
        </>
      )}
      <FormError message={server.message} />
    </AuthCard>
  )
}

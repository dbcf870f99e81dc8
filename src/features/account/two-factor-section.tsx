import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import type { SessionInfo } from '../../group-api/index.ts'
import { zodMiniResolver } from '../../lib/zod-resolver.ts'
import { useGroupClient } from '../../storage/group/index.ts'
import { FormError } from './auth-card.tsx'
import { BackupCodes } from './backup-codes.tsx'
import { CodeForm } from './code-form.tsx'
import { passwordFormSchema, type PasswordFormValues } from './forms.ts'
import { TwoFactorEnrollment } from './two-factor-enrollment.tsx'
import { useServerError } from './use-server-error.ts'

type Mode = { kind: 'idle' } | { kind: 'enrol' } | { kind: 'new-codes' } | { kind: 'codes'; codes: string[] } | { kind: 'turn-off' }

function TurnOffForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const client = useGroupClient()
  const server = useServerError()
  const { register, handleSubmit, formState: { errors, isSubmitting } } = useForm<PasswordFormValues, unknown, PasswordFormValues>({
    defaultValues: { password: '' }, resolver: zodMiniResolver(passwordFormSchema),
  })
  const submit = handleSubmit(async ({ password }) => {
    const ok = await server.run(async () => { await client.request('twoFactorDisable', { body: { password } }); return true })
    if (ok) onDone()
  })
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="flex max-w-md flex-col gap-3">
      <p className="text-sm">Signing in will then ask for your password only. Your authenticator and backup codes stop working.</p>
      <Field label="Password" hint="Your password, to confirm." error={errors.password?.message}>
        <input type="password" autoComplete="current-password" className={inputClass} {...register('password')} />
      </Field>
      <FormError message={server.message} />
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={isSubmitting}>Turn off two-factor</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  )
}

interface TwoFactorSectionProps {
  session: SessionInfo
  /** Two-factor was turned on or off: read the session again. */
  onChanged: () => Promise<void>
}

/** Two-factor authentication: set it up, get new backup codes, or turn it off where not required. */
export function TwoFactorSection({ session, onChanged }: TwoFactorSectionProps) {
  const client = useGroupClient()
  const headingId = useId()
  const [mode, setMode] = useState<Mode>({ kind: 'idle' })
  const [status, setStatus] = useState<string | null>(null)
  const idle = () => setMode({ kind: 'idle' })
  const practice = session.practice?.name ?? null

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded border border-brand-200 bg-white p-4">
      <h3 id={headingId} className="text-lg font-semibold">Two-factor authentication</h3>
      <p className="text-sm">
        {session.twoFactorEnabled ? 'On: signing in asks for a code from your authenticator app after your password.' : 'Off: signing in asks for your password only.'}
        {session.twoFactorRequired ? ` ${practice ?? 'Your practice'} requires it for your role.` : ''}
      </p>
      <p role="status" className="text-sm">{status}</p>
      {mode.kind === 'idle' ? (
        <div className="flex flex-wrap gap-2">
          {session.twoFactorEnabled ? (
            <>
              <Button onClick={() => { setStatus(null); setMode({ kind: 'new-codes' }) }}>New backup codes</Button>
              {session.twoFactorRequired ? null : <Button onClick={() => { setStatus(null); setMode({ kind: 'turn-off' }) }}>Turn off two-factor</Button>}
            </>
          ) : (
            <Button variant="primary" onClick={() => { setStatus(null); setMode({ kind: 'enrol' }) }}>Set up two-factor</Button>
          )}
        </div>
      ) : null}
      {mode.kind === 'enrol' ? (
        <TwoFactorEnrollment account={session.user.email} practice={practice} onCancel={idle}
          onDone={() => void onChanged().then(() => { idle(); setStatus('Two-factor authentication is on.') })} />
      ) : null}
      {mode.kind === 'new-codes' ? (
        <CodeForm submitLabel="Create new backup codes" allowBackupCode hint="A code from your authenticator app (or a backup code), to confirm. The old backup codes stop working."
          onSubmit={async (code) => {
            const { backupCodes } = await client.request('backupCodes', { body: { code } })
            setMode({ kind: 'codes', codes: backupCodes })
          }}>
          <Button onClick={idle}>Cancel</Button>
        </CodeForm>
      ) : null}
      {mode.kind === 'codes' ? (
        <BackupCodes codes={mode.codes} account={session.user.email} practice={practice} continueLabel="Done" onContinue={() => { idle(); setStatus('New backup codes were created; the old ones no longer work.') }} />
      ) : null}
      {mode.kind === 'turn-off' ? (
        <TurnOffForm onCancel={idle} onDone={() => void onChanged().then(() => { idle(); setStatus('Two-factor authentication is off.') })} />
      ) : null}
    </section>
  )
}

import { useEffect, useRef, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { CopyButton } from '../../components/copy-button.tsx'
import { describeError, useGroupClient } from '../../storage/group/index.ts'
import { FormError } from './auth-card.tsx'
import { BackupCodes } from './backup-codes.tsx'
import { CodeForm } from './code-form.tsx'
import { QrCode } from './qr-code.tsx'
import { groupSecret } from './two-factor-format.ts'

type Phase =
  | { step: 'starting' }
  | { step: 'failed'; message: string }
  | { step: 'scan'; secret: string; uri: string }
  | { step: 'codes'; codes: string[] }

interface TwoFactorEnrollmentProps {
  /** The account's email, written on the backup codes file. */
  account: string
  practice: string | null
  /** After the backup codes were shown and the person chose to go on. */
  onDone: () => void
  onCancel?: () => void
  cancelLabel?: string
}

/**
 * Sets up an authenticator: a new secret as a QR code (drawn in the page) and as text, a first
 * code to prove it works, then the backup codes, shown once.
 */
export function TwoFactorEnrollment({ account, practice, onDone, onCancel, cancelLabel = 'Cancel' }: TwoFactorEnrollmentProps) {
  const client = useGroupClient()
  const [phase, setPhase] = useState<Phase>({ step: 'starting' })
  const [attempt, setAttempt] = useState(0)
  const codesHeading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    let current = true
    client.request('twoFactorSetup').then(
      (setup) => { if (current) setPhase({ step: 'scan', ...setup }) },
      (error: unknown) => { if (current) setPhase({ step: 'failed', message: describeError(error) }) },
    )
    return () => { current = false }
  }, [client, attempt])

  useEffect(() => { if (phase.step === 'codes') codesHeading.current?.focus() }, [phase.step])

  const cancel = onCancel ? <Button onClick={onCancel}>{cancelLabel}</Button> : null

  if (phase.step === 'starting') return <p role="status">Preparing a new authenticator key…</p>
  if (phase.step === 'failed') {
    return (
      <div className="flex flex-col gap-3">
        <FormError message={phase.message} />
        <div className="flex gap-2">
          <Button variant="primary" onClick={() => { setPhase({ step: 'starting' }); setAttempt((n) => n + 1) }}>Try again</Button>
          {cancel}
        </div>
      </div>
    )
  }
  if (phase.step === 'codes') {
    return (
      <div className="flex flex-col gap-3">
        <h3 ref={codesHeading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">Two-factor authentication is on: save your backup codes</h3>
        <BackupCodes codes={phase.codes} account={account} practice={practice} onContinue={onDone} />
      </div>
    )
  }
  return (
    <div className="flex flex-col gap-4">
      <ol className="flex list-decimal flex-col gap-4 pl-5">
        <li>
          <p>Open an authenticator app on your phone (any app for time-based one-time codes) and scan this QR code.</p>
          <div className="mt-2">
            <QrCode text={phase.uri} label="QR code to add this account to an authenticator app" />
          </div>
          <div className="mt-2 flex flex-col gap-1 text-sm">
            <p>Cannot scan it? Enter this setup key in the app instead (time-based, 6 digits):</p>
            <div className="flex flex-wrap items-center gap-2">
              <span>Setup key: <code className="rounded bg-slate-100 px-2 py-1 font-mono text-base tracking-wider">{groupSecret(phase.secret)}</code></span>
              <CopyButton text={phase.secret} label="Copy key" copiedMessage="Setup key copied." />
            </div>
          </div>
        </li>
        <li>
          <p className="mb-2">Enter the code the app now shows, to check that it works.</p>
          <CodeForm
            submitLabel="Turn on two-factor"
            hint="6 digits; a new code appears every 30 seconds."
            onSubmit={async (code) => {
              const { backupCodes } = await client.request('twoFactorEnable', { body: { code } })
              setPhase({ step: 'codes', codes: backupCodes })
            }}
          >
            {cancel}
          </CodeForm>
        </li>
      </ol>
    </div>
  )
}

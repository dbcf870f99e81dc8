import type { SessionInfo } from '../../group-api/index.ts'
import { Button } from '../../components/button.tsx'
import { useGroupClient } from '../../storage/group/index.ts'
import { AuthCard } from './auth-card.tsx'
import { CodeForm } from './code-form.tsx'

interface TwoFactorScreenProps {
  session: SessionInfo
  onVerified: (session: SessionInfo) => void
  onCancel: () => void
  focusHeading?: boolean
}

/** The second step of a sign-in: a code from the authenticator app, or a backup code. */
export function TwoFactorScreen({ session, onVerified, onCancel, focusHeading = false }: TwoFactorScreenProps) {
  const client = useGroupClient()
  return (
    <AuthCard title="Two-factor authentication" focusHeading={focusHeading}>
      <p className="text-sm">Signing in as <span className="font-semibold">{session.user.email}</span>. Open your authenticator app and enter the code it shows for the Injection Coding Worksheet.</p>
      <CodeForm
        submitLabel="Verify"
        allowBackupCode
        hint="The 6-digit code from your authenticator app. Without your phone, enter one of your backup codes instead: each works once."
        onSubmit={async (code) => onVerified(await client.request('verifyTwoFactor', { body: { code } }))}
      >
        <Button onClick={onCancel}>Cancel and sign out</Button>
      </CodeForm>
    </AuthCard>
  )
}

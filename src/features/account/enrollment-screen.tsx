import type { SessionInfo } from '../../group-api/index.ts'
import { ROLE_LABELS } from '../../group-api/index.ts'
import { AuthCard } from './auth-card.tsx'
import { TwoFactorEnrollment } from './two-factor-enrollment.tsx'

interface EnrollmentScreenProps {
  session: SessionInfo
  /** Two-factor is on and the backup codes were shown: load the session again. */
  onDone: () => void
  onSignOut: () => void
  focusHeading?: boolean
}

/** The practice requires two-factor for this role and the account has none: set it up to go on. */
export function EnrollmentScreen({ session, onDone, onSignOut, focusHeading = false }: EnrollmentScreenProps) {
  const practice = session.practice?.name ?? null
  const role = session.role ? ROLE_LABELS[session.role].toLowerCase() : null
  return (
    <AuthCard title="Set up two-factor authentication" focusHeading={focusHeading} wide>
      <p className="text-sm">
        {practice ?? 'Your practice'} requires two-factor authentication{role ? ` for the ${role} role` : ''}. Besides your password,
        signing in will ask for a code from an authenticator app on your phone. Set it up once now to continue.
      </p>
      <TwoFactorEnrollment account={session.user.email} practice={practice} onDone={onDone} onCancel={onSignOut} cancelLabel="Cancel and sign out" />
    </AuthCard>
  )
}

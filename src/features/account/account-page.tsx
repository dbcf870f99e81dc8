import { useEffect, useId, useRef, useState } from 'react'
import { ROLE_LABELS, type SessionInfo } from '../../group-api/index.ts'
import { useGroupClient } from '../../storage/group/index.ts'
import { ChangePasswordSection } from './change-password-section.tsx'
import { PracticeSwitcher } from './practice-switcher.tsx'
import { SessionsSection } from './sessions-section.tsx'
import { TwoFactorSection } from './two-factor-section.tsx'

interface AccountPageProps {
  session: SessionInfo
  onSessionChange: (session: SessionInfo) => void
  /** Every session ended (sign out everywhere): back to sign-in with this notice. */
  onSignedOut: (notice: string) => void
}

/** The signed-in person's own account: sessions, password, two-factor, practice. */
export function AccountPage({ session, onSessionChange, onSignedOut }: AccountPageProps) {
  const client = useGroupClient()
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const [sessionsKey, setSessionsKey] = useState(0)

  useEffect(() => { heading.current?.focus() }, [])

  const reloadSession = async () => {
    try {
      onSessionChange(await client.request('session'))
    } catch {
      // A 401 signs the app out (the client's listener); anything else leaves the page as it is.
    }
  }

  return (
    <section aria-labelledby={headingId} className="mx-auto flex max-w-4xl flex-col gap-4">
      <h2 id={headingId} ref={heading} tabIndex={-1} className="text-xl font-semibold focus:outline-none">Your account</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 rounded border border-brand-200 bg-white p-4 text-sm">
        <dt className="font-medium">Name</dt><dd>{session.user.name}</dd>
        <dt className="font-medium">Email</dt><dd>{session.user.email}</dd>
        <dt className="font-medium">Practice</dt><dd>{session.practice?.name ?? '—'}</dd>
        <dt className="font-medium">Role</dt><dd>{session.role ? ROLE_LABELS[session.role] : '—'}</dd>
        <dt className="font-medium">Automatic sign-out</dt><dd>After {session.idleTimeoutMinutes} minutes without activity</dd>
      </dl>
      {session.practices.length > 1 ? (
        <div className="rounded border border-brand-200 bg-white p-4">
          <PracticeSwitcher session={session} onSwitched={onSessionChange} />
        </div>
      ) : null}
      <SessionsSection reloadKey={sessionsKey} onSignedOutEverywhere={() => onSignedOut('You signed out everywhere. Sign in again to continue.')} />
      <ChangePasswordSection onChanged={() => setSessionsKey((n) => n + 1)} />
      <TwoFactorSection session={session} onChanged={reloadSession} />
    </section>
  )
}

import { useRef } from 'react'
import { Button } from '../../components/button.tsx'
import { Dialog } from '../../components/dialog.tsx'
import type { SessionInfo } from '../../group-api/index.ts'
import { countdownMilestone, formatCountdown } from './idle-timing.ts'
import { useIdleLogoff } from './use-idle-logoff.ts'

interface IdleLogoffProps {
  session: SessionInfo
  onSession: (session: SessionInfo) => void
  /** The idle time ran out: sign out and say why. */
  onExpired: () => void
  onSignOut: () => void
}

/** Keeps the session alive while the person works, and warns before the automatic logoff. */
export function IdleLogoff({ session, onSession, onExpired, onSignOut }: IdleLogoffProps) {
  const stay = useRef<HTMLButtonElement>(null)
  const { warning, remainingMs, error, staySignedIn, dismiss } = useIdleLogoff({ session, onSession, onExpired })
  return (
    <Dialog
      open={warning}
      role="alertdialog"
      title="Are you still there?"
      onClose={dismiss}
      initialFocus={stay}
      actions={(
        <>
          <Button onClick={onSignOut}>Sign out</Button>
          <Button ref={stay} variant="primary" onClick={() => void staySignedIn()}>Stay signed in</Button>
        </>
      )}
    >
      <p>
        There has been no activity for a while. To protect patient data you will be signed out in{' '}
        <strong className="tabular-nums">{formatCountdown(remainingMs)}</strong>.
      </p>
      <p role="status" className="sr-only">{warning ? countdownMilestone(remainingMs) : null}</p>
      {error ? <p role="alert" className="mt-2 text-sm font-medium text-red-800">{error}</p> : null}
    </Dialog>
  )
}

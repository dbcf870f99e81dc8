import { ROLE_LABELS, type SessionInfo } from '../../group-api/index.ts'
import { PracticeSwitcher } from './practice-switcher.tsx'

interface SessionHeaderProps {
  session: SessionInfo
  /** The account page is showing (marks its link as the current page). */
  onAccountPage: boolean
  onSignOut: () => void
  onSwitched: (session: SessionInfo) => void
}

const headerControl = 'rounded border border-white/70 px-2 py-1 font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white'
const idle = 'text-white hover:bg-brand-700'
const active = 'bg-white text-brand-800'

/** Who is signed in, in which practice and role; the account page; sign out. */
export function SessionHeader({ session, onAccountPage, onSignOut, onSwitched }: SessionHeaderProps) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <p>
        Signed in as <span className="font-semibold">{session.user.name}</span>
        {session.role ? <span className="text-brand-100"> · {ROLE_LABELS[session.role]}</span> : null}
        {session.practice ? <span className="text-brand-100"> · {session.practice.name}</span> : null}
      </p>
      <PracticeSwitcher session={session} onSwitched={onSwitched} tone="header" />
      <a href="#/account" aria-current={onAccountPage ? 'page' : undefined} className={`${headerControl} ${onAccountPage ? active : idle}`}>Account</a>
      <button type="button" onClick={onSignOut} className={`${headerControl} ${idle}`}>Sign out</button>
    </div>
  )
}

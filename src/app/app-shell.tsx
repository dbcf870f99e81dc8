import type { ReactNode } from 'react'
import type { UserRecord } from '../storage/types.ts'

export const PRODUCT_NAME = 'Injection Coding Worksheet'

export type NavItem = 'worksheet' | 'drafts' | 'patients' | 'review' | 'insights' | 'remittances' | 'charges' | 'training' | 'history-import' | 'ncci-tables' | 'diagnosis-lists' | 'settings' | 'data' | 'admin' | 'account'

interface AppShellProps {
  children: ReactNode
  current: NavItem
  onNewWorksheet: () => void
  /** The current user; without one (the chooser is showing) the navigation is hidden. */
  user?: UserRecord | null
  /** Shown with the user's name when given. */
  roleLabel?: string
  onSwitchUser?: () => void
  /** The main navigation's links (the group server limits them by role); all but Admin by default. */
  navItems?: readonly NavItem[]
  /** Offers "New worksheet" first in the navigation (not to trainees on the group server). */
  showNewWorksheet?: boolean
  /** Replaces the user's name and "Switch user" (the group server's signed-in person and "Sign out"). */
  userArea?: ReactNode
  footer?: ReactNode
}

/** The main navigation after "New worksheet" (which opens a new draft rather than a route). */
const NAV_LINKS: readonly (readonly [NavItem, string, string])[] = [
  ['drafts', '#/drafts', 'Drafts'],
  ['patients', '#/patients', 'Patients'],
  ['review', '#/review', 'Review'],
  ['insights', '#/review/insights', 'Insights'],
  ['remittances', '#/review/remittances', 'Remittances'],
  ['charges', '#/charges', 'Charge export'],
  ['training', '#/training', 'Training'],
  ['history-import', '#/history/import', 'Import history'],
  ['ncci-tables', '#/reference/ncci', 'NCCI tables'],
  ['diagnosis-lists', '#/reference/diagnoses', 'Diagnosis lists'],
  ['settings', '#/settings', 'Settings'],
  ['data', '#/data', 'Backup'],
  ['admin', '#/admin', 'Admin'],
]

const STANDARD_NAV: readonly NavItem[] = NAV_LINKS.map(([item]) => item).filter((item) => item !== 'admin')
/** Trainees do not bill: no charge export for them. */
const TRAINEE_NAV: readonly NavItem[] = STANDARD_NAV.filter((item) => item !== 'charges')

const navLink = (active: boolean) =>
  `rounded px-2 py-1 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white ${active ? 'bg-white text-brand-800' : 'text-white hover:bg-brand-700'}`

export function AppShell({ children, current, onNewWorksheet, user = null, roleLabel, onSwitchUser, navItems = user?.role === 'trainee' ? TRAINEE_NAV : STANDARD_NAV, showNewWorksheet = true, userArea, footer }: AppShellProps) {
  return (
    <div className="flex min-h-screen flex-col bg-brand-50 text-slate-900">
      <a
        href="#main"
        onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus() }}
        className="sr-only rounded bg-white px-4 py-2 font-medium text-brand-800 focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:outline-3 focus:outline-focus"
      >
        Skip to main content
      </a>
      <header className="bg-brand-800 text-white" data-print="hide">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3 sm:px-6">
          <h1 className="text-xl font-semibold tracking-tight">{PRODUCT_NAME}</h1>
          {user ? <nav aria-label="Main" className="flex flex-wrap gap-2">
            {showNewWorksheet ? <a href="#/" aria-current={current === 'worksheet' ? 'page' : undefined} className={navLink(current === 'worksheet')}
              onClick={(e) => { e.preventDefault(); onNewWorksheet() }}>New worksheet</a> : null}
            {NAV_LINKS.filter(([item]) => navItems.includes(item)).map(([item, href, label]) => (
              <a key={item} href={href} aria-current={current === item ? 'page' : undefined} className={navLink(current === item)}>{label}</a>
            ))}
          </nav> : null}
          {user && userArea ? <div className="sm:ml-auto">{userArea}</div> : null}
          {user && !userArea ? (
            <div className="flex flex-wrap items-center gap-2 text-sm sm:ml-auto">
              <p><span className="sr-only">Current user: </span><span className="font-semibold">{user.name}</span>{roleLabel ? <span className="text-brand-100"> · {roleLabel}</span> : null}</p>
              {onSwitchUser ? (
                <button type="button" onClick={onSwitchUser}
                  className="rounded border border-white/70 px-2 py-1 font-medium text-white hover:bg-brand-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white">
                  Switch user
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-4 focus:outline-none sm:px-6">
        {children}
      </main>
      <footer className="border-t border-brand-200 bg-white" data-print="hide">
        <p className="mx-auto max-w-7xl px-4 py-3 text-sm text-slate-700 sm:px-6">
          {footer ?? 'Runs entirely in your browser. Patient data stays on this machine unless you export it.'}
        </p>
      </footer>
    </div>
  )
}

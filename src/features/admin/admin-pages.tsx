import { useId } from 'react'
import type { WorksheetStore } from '../../storage/types.ts'
import { ADMIN_PAGES, adminPageOf } from './admin-model.ts'
import { AccessLogPage } from './access-log-page.tsx'
import { InvitationsPage } from './invitations-page.tsx'
import { MembersPage } from './members-page.tsx'
import { MoveInPage } from './move-in-page.tsx'
import { SignInHistoryPage } from './sign-in-history-page.tsx'
import { SignInSettingsPage } from './sign-in-settings-page.tsx'

interface AdminPagesProps {
  /** What follows #/admin in the address ('' opens Members). */
  path: string
  /** The signed-in admin (their own row cannot be deactivated or demoted). */
  currentUserId: string
  practiceName: string
  /** The practice's name or sign-in settings changed: the session shows them. */
  onSettingsSaved: () => void
  /** This browser's own store: the standalone app's data a move-in brings to the practice. */
  localData: Pick<WorksheetStore, 'exportBackup'>
}

const subNavLink = (active: boolean) =>
  `rounded px-3 py-1.5 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus ${active ? 'bg-brand-700 text-white' : 'text-brand-800 hover:bg-brand-100'}`

/** The admin's pages (role admin only; the server refuses everyone else too), with their own navigation. */
export function AdminPages({ path, currentUserId, practiceName, onSettingsSaved, localData }: AdminPagesProps) {
  const headingId = useId()
  const page = adminPageOf(path)
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <h2 id={headingId} className="text-xl font-semibold">Admin: {practiceName}</h2>
      <nav aria-label="Admin" className="flex flex-wrap gap-1 border-b border-brand-200 pb-2">
        {ADMIN_PAGES.map((p) => (
          <a key={p.path} href={`#/admin${p.path}`} aria-current={page === p.path ? 'page' : undefined} className={subNavLink(page === p.path)}>{p.label}</a>
        ))}
      </nav>
      {page === '/members' ? <MembersPage currentUserId={currentUserId} practiceName={practiceName} /> : null}
      {page === '/invitations' ? <InvitationsPage /> : null}
      {page === '/sign-in-settings' ? <SignInSettingsPage onSaved={onSettingsSaved} /> : null}
      {page === '/sign-in-history' ? <SignInHistoryPage /> : null}
      {page === '/access-log' ? <AccessLogPage /> : null}
      {page === '/move-in' ? <MoveInPage localData={localData} /> : null}
    </section>
  )
}

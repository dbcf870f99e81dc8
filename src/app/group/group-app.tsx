import { useEffect, useMemo, type ReactNode } from 'react'
import { AccountPage, EnrollmentScreen, IdleLogoff, idleSignOutNotice, InviteScreen, SessionHeader, SetupScreen, SignInScreen, TwoFactorScreen } from '../../features/account/index.ts'
import { AdminPages } from '../../features/admin/index.ts'
import type { SessionInfo } from '../../group-api/index.ts'
import { Button } from '../../components/button.tsx'
import { CurrentUserContext, type CurrentUser } from '../../lib/current-user.tsx'
import { createFetchGroupClient, GroupClientProvider, type GroupClient } from '../../storage/group/index.ts'
import type { WorksheetStore } from '../../storage/index.ts'
import { AppShell, type NavItem } from '../app-shell.tsx'
import type { Route } from '../use-hash-route.ts'
import { allowsRoute, navItemsFor } from './access.ts'
import { useLocalUser } from './local-user.ts'
import { SIGNED_OUT_NOTICE, useGroupSession, type GroupSession } from './use-group-session.ts'

type Navigate = (route: Route, options?: { replace?: boolean }) => void

export interface GroupAppProps {
  /** The browser's fetch client unless given (tests give a fake one). */
  client?: GroupClient
  store: WorksheetStore
  route: Route
  navigate: Navigate
  /** The app's screens for the route (the same as the standalone app's). */
  screens: ReactNode
  current: NavItem
  onNewWorksheet: () => void
  /** The route of a new worksheet draft (where "#/" leads all but trainees). */
  newWorksheetRoute: () => Route
}

const FOOTER = 'Accounts, sign-ins and the access log are kept on your practice\'s group server. Drafts and coding work stay in this browser.'

function SignedIn({ session, gate, props }: { session: SessionInfo; gate: GroupSession; props: GroupAppProps }) {
  const { signOut } = gate
  const { store, route, navigate, screens, current, onNewWorksheet, newWorksheetRoute } = props
  const role = session.role
  const user = useLocalUser(store, session)
  const currentUser = useMemo<CurrentUser>(() => ({
    user,
    setUser: (next) => { if (next === null) signOut(SIGNED_OUT_NOTICE) },
  }), [user, signOut])
  const allowed = role !== null && allowsRoute(role, route)

  useEffect(() => {
    if (role === null) return
    if (route.name === 'new') navigate(role === 'trainee' ? { name: 'training', path: '' } : newWorksheetRoute(), { replace: true })
    else if (!allowsRoute(role, route)) navigate(role === 'trainee' ? { name: 'training', path: '' } : { name: 'new' }, { replace: true })
  }, [role, route, navigate, newWorksheetRoute])

  let content: ReactNode
  if (!user) content = <p role="status">Loading…</p>
  else if (route.name === 'account') content = <AccountPage session={session} onSessionChange={gate.setSession} onSignedOut={gate.signedOut} />
  else if (role === null || session.practice === null) {
    content = (
      <section className="mx-auto flex max-w-xl flex-col gap-2 rounded border border-brand-200 bg-white p-4">
        <h2 className="text-lg font-semibold">No practice to work in</h2>
        <p>Your account is not an active member of any practice. Ask your practice&apos;s admin to reactivate you or to send you an invitation.</p>
      </section>
    )
  } else if (!allowed) content = null
  else if (route.name === 'admin') {
    content = <AdminPages path={route.path} currentUserId={session.user.id} practiceName={session.practice.name} onSettingsSaved={() => void gate.reload()} />
  } else content = screens

  return (
    <CurrentUserContext value={currentUser}>
      <AppShell
        current={route.name === 'account' ? 'account' : current}
        onNewWorksheet={onNewWorksheet}
        user={user}
        navItems={role ? navItemsFor(role) : []}
        showNewWorksheet={role !== null && role !== 'trainee'}
        userArea={<SessionHeader session={session} onAccountPage={route.name === 'account'} onSignOut={() => gate.signOut(SIGNED_OUT_NOTICE)} onSwitched={gate.setSession} />}
        footer={FOOTER}
      >
        {content}
      </AppShell>
      <IdleLogoff session={session} onSession={gate.setSession}
        onExpired={() => gate.signOut(idleSignOutNotice(session.idleTimeoutMinutes))} onSignOut={() => gate.signOut(SIGNED_OUT_NOTICE)} />
    </CurrentUserContext>
  )
}

function Gate(props: GroupAppProps & { client: GroupClient }) {
  const { client, route, navigate } = props
  const gate = useGroupSession(client)
  const { state, interacted } = gate
  const toApp = (session: SessionInfo) => {
    gate.setSession(session)
    navigate({ name: 'new' }, { replace: true })
  }
  const toSignIn = () => navigate({ name: 'new' }, { replace: true })
  const outside = (screen: ReactNode) => (
    <AppShell current="worksheet" onNewWorksheet={() => undefined} footer={FOOTER}>{screen}</AppShell>
  )

  if (route.name === 'setup') return outside(<SetupScreen token={route.token} onDone={toApp} onSignIn={toSignIn} focusHeading={interacted} />)
  if (route.name === 'invite') return outside(<InviteScreen token={route.token} onJoined={toApp} onSignIn={toSignIn} focusHeading={interacted} />)
  if (state.status === 'loading') return outside(<p role="status">Checking your sign-in…</p>)
  if (state.status === 'unreachable') {
    return outside(
      <section className="mx-auto flex max-w-md flex-col gap-3 rounded-lg border border-red-300 bg-white p-6">
        <h2 className="text-xl font-semibold">The group server does not answer</h2>
        <p role="alert">{state.message}</p>
        <div><Button variant="primary" onClick={() => void gate.reload()}>Try again</Button></div>
      </section>,
    )
  }
  if (state.status === 'signed-out') return outside(<SignInScreen onSignedIn={gate.setSession} notice={state.notice} focusHeading={interacted} />)
  const { session } = state
  if (session.state === 'two-factor') {
    return outside(<TwoFactorScreen session={session} onVerified={gate.setSession} onCancel={() => gate.signOut(null)} focusHeading={interacted} />)
  }
  if (session.state === 'enroll-two-factor') {
    return outside(<EnrollmentScreen session={session} onDone={() => void gate.reload()} onSignOut={() => gate.signOut(null)} focusHeading={interacted} />)
  }
  return <SignedIn session={session} gate={gate} props={props} />
}

/**
 * The app as served by the group server: sign-in first (setup and invitation links, the
 * two-factor step, the enrolment the practice requires), then the app under the signed-in
 * person, with the account and admin pages, the header's sign-out and the automatic logoff.
 */
export function GroupApp(props: GroupAppProps) {
  const given = props.client
  const client = useMemo(() => given ?? createFetchGroupClient(), [given])
  return (
    <GroupClientProvider client={client}>
      <Gate {...props} client={client} />
    </GroupClientProvider>
  )
}

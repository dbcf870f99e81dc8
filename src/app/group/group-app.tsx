import { useEffect, useMemo, type ReactNode } from 'react'
import { AccountPage, EnrollmentScreen, IdleLogoff, idleSignOutNotice, InviteScreen, SessionHeader, SetupScreen, SignInScreen, TwoFactorScreen } from '../../features/account/index.ts'
import { AdminPages } from '../../features/admin/index.ts'
// Part of the group app's own chunk: the changes waiting are looked at when offline, when no other chunk can load.
import { ChangesWaitingPage, TrustedDeviceSection } from '../../features/sync/index.ts'
import { draftFromInput } from '../../features/worksheet/index.ts'
import type { SessionInfo } from '../../group-api/index.ts'
import { Button } from '../../components/button.tsx'
import { ChangeRightsContext } from '../../lib/change-rights.ts'
import { CurrentUserContext, type CurrentUser } from '../../lib/current-user.tsx'
import { createFetchGroupClient, GroupClientProvider, type GroupClient } from '../../storage/group/index.ts'
import type { DraftOf } from '../../storage/group/group-mapping.ts'
import { uploadHistory } from '../../storage/group/history-upload.ts'
import { createSyncStatusStore, isTrustedDevice, SyncActionsContext, SyncStatusBadge, SyncStatusProvider, type SyncStatusStore } from '../../storage/group/sync/index.ts'
import { StoreProvider, type WorksheetStore } from '../../storage/index.ts'
import { AppShell, type NavItem } from '../app-shell.tsx'
import type { Route } from '../use-hash-route.ts'
import { allowsRoute, changeRefusalFor, navItemsFor } from './access.ts'
import { useLocalUser } from './local-user.ts'
import { SIGNED_OUT_NOTICE, useGroupSession, type GroupSession } from './use-group-session.ts'
import { startBrowserSync, useGroupSync, type GroupSyncState, type StartSync } from './use-group-sync.ts'

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
  /** Opens a draft in the worksheet with a one-time notice. */
  onOpenDraft: (draftId: string, notice: string) => void
  /** Starts sync for the signed-in person (tests give a fake server's); the browser's by default. */
  startSync?: StartSync
}

const FOOTER = 'Finalized encounters, review decisions, claim history, training attempts, the practice\'s settings and your drafts are kept on your practice\'s group server.'

const draftOfEncounter: DraftOf = (encounter, id, now) => draftFromInput(id, { schemaVersion: 1, encounter, history: [] }, now)
const uploadWith = (client: GroupClient) => (input: Parameters<typeof uploadHistory>[1], onProgress?: (done: number, total: number) => void) =>
  uploadHistory(client, input, onProgress ? { onProgress } : {})

/** Until sync has started: what the header shows meanwhile. */
const STARTING_STATUS: SyncStatusStore = createSyncStatusStore()

/** Before signing out with changes the server has not saved: what happens to them. */
function confirmSignOut(pending: number): boolean {
  if (pending === 0) return true
  const what = `${pending} ${pending === 1 ? 'change has' : 'changes have'} not reached the group server yet.`
  const then = isTrustedDevice()
    ? 'They stay on this computer and are sent when you sign in here again.'
    : 'Finalized worksheets among them go back to your drafts on this computer; review decisions and training attempts among them are lost.'
  return window.confirm(`${what} ${then} Sign out anyway?`)
}

function SyncProblem({ sync }: { sync: GroupSyncState }) {
  if (sync.status === 'failed') {
    return (
      <section className="mx-auto flex max-w-xl flex-col gap-2 rounded border border-red-300 bg-white p-4">
        <h2 className="text-lg font-semibold">The practice's data could not be opened on this computer</h2>
        <p role="alert">{sync.message}</p>
        <p>Reload the page to try again. If it keeps failing, the browser may be out of storage space.</p>
      </section>
    )
  }
  return <p role="status">Opening the practice&apos;s data…</p>
}

function SignedIn({ session, gate, props, sync }: { session: SessionInfo; gate: GroupSession; props: GroupAppProps; sync: GroupSyncState }) {
  const { signOut } = gate
  const { store, route, navigate, screens, current, onNewWorksheet, newWorksheetRoute, onOpenDraft } = props
  const role = session.role
  const user = useLocalUser(store, session)
  const running = sync.status === 'running' ? sync.sync : null
  const status = running?.engine.status ?? STARTING_STATUS
  const signOutHere = () => {
    const { pending, needsAttention } = status.get()
    if (confirmSignOut(pending + needsAttention)) signOut(SIGNED_OUT_NOTICE)
  }
  const currentUser = useMemo<CurrentUser>(() => ({
    user,
    setUser: (next) => { if (next === null) signOut(SIGNED_OUT_NOTICE) },
  }), [user, signOut])
  const allowed = role !== null && allowsRoute(role, route)
  const refusal = useMemo(() => changeRefusalFor(role ?? 'trainee'), [role])
  const { reload } = gate

  // The event stream says the session ended: ask the server, whose 401 takes the app to sign-in.
  useEffect(() => {
    if (!running) return
    const { status: syncStatus } = running.engine
    return syncStatus.subscribe(() => { if (syncStatus.get().signedOut) void reload() })
  }, [running, reload])

  useEffect(() => {
    if (role === null) return
    if (route.name === 'new') navigate(role === 'trainee' ? { name: 'training', path: '' } : newWorksheetRoute(), { replace: true })
    else if (!allowsRoute(role, route)) navigate(role === 'trainee' ? { name: 'training', path: '' } : { name: 'new' }, { replace: true })
  }, [role, route, navigate, newWorksheetRoute])

  let content: ReactNode
  if (!user) content = <p role="status">Loading…</p>
  else if (route.name === 'account') {
    content = (
      <>
        <AccountPage session={session} onSessionChange={gate.setSession} onSignedOut={gate.signedOut} />
        <TrustedDeviceSection role={role} />
      </>
    )
  } else if (role === null || session.practice === null) {
    content = (
      <section className="mx-auto flex max-w-xl flex-col gap-2 rounded border border-brand-200 bg-white p-4">
        <h2 className="text-lg font-semibold">No practice to work in</h2>
        <p>Your account is not an active member of any practice. Ask your practice&apos;s admin to reactivate you or to send you an invitation.</p>
      </section>
    )
  } else if (!allowed) content = null
  else if (route.name === 'admin') {
    content = <AdminPages path={route.path} currentUserId={session.user.id} practiceName={session.practice.name} onSettingsSaved={() => void gate.reload()} localData={store} />
  } else if (!running) content = <SyncProblem sync={sync} />
  else {
    content = (
      <StoreProvider store={running.store}>
        <SyncActionsContext value={running.store}>
          <ChangeRightsContext value={refusal}>
            {route.name === 'sync' ? <ChangesWaitingPage onOpenDraft={onOpenDraft} /> : screens}
          </ChangeRightsContext>
        </SyncActionsContext>
      </StoreProvider>
    )
  }

  const header = (
    <div className="flex flex-wrap items-center gap-3">
      {running ? <SyncStatusBadge changesHref="#/sync" /> : null}
      <SessionHeader session={session} onAccountPage={route.name === 'account'} onSignOut={signOutHere} onSwitched={gate.setSession} />
    </div>
  )

  return (
    <CurrentUserContext value={currentUser}>
      <SyncStatusProvider status={status}>
        <AppShell
          current={route.name === 'account' ? 'account' : current}
          onNewWorksheet={onNewWorksheet}
          user={user}
          navItems={role ? navItemsFor(role) : []}
          showNewWorksheet={role !== null && role !== 'trainee'}
          userArea={header}
          footer={FOOTER}
        >
          {content}
        </AppShell>
      </SyncStatusProvider>
      <IdleLogoff session={session} onSession={gate.setSession}
        onExpired={() => gate.signOut(idleSignOutNotice(session.idleTimeoutMinutes))} onSignOut={signOutHere} />
    </CurrentUserContext>
  )
}

function Gate(props: GroupAppProps & { client: GroupClient }) {
  const { client, route, navigate, store, startSync = startBrowserSync } = props
  const gate = useGroupSession(client)
  const { state, interacted } = gate
  // Sync follows the session: it starts once signed in to a practice and ends (wiping this
  // device's copy unless trusted) however the session ends.
  const sync = useGroupSync({
    client, local: store, session: state.status === 'session' ? state.session : null, startSync,
    draftOf: draftOfEncounter, uploadHistory: uploadWith,
  })
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
  return <SignedIn session={session} gate={gate} props={props} sync={sync} />
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

// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Role, SessionInfo } from '../../group-api/index.ts'
import { ApiError } from '../../storage/group/index.ts'
import { createFakeGroupClient, type FakeGroupClient } from '../../storage/group/fake-client.ts'
import { IDS, LINK_TOKEN, sessionInfo } from '../../storage/group/test-fixtures.ts'
import { createIdbStore, deleteStore, type WorksheetStore } from '../../storage/index.ts'
import { createSyncEngine, type SyncEngine } from '../../storage/group/sync/engine.ts'
import { createFakeSyncServer, encounterInput, fakeNetwork, manualTimers } from '../../storage/group/sync/fake-sync-server.ts'
import { deleteReplica, openReplica, replicaName } from '../../storage/group/sync/replica.ts'
import { TRUSTED_DEVICE_KEY } from '../../storage/group/sync/sign-out.ts'
import { App } from '../App.tsx'
import { allowsRoute, changeRefusalFor, navItemsFor } from './access.ts'
import { localRoleOf } from './local-user.ts'
import type { StartSync } from './use-group-sync.ts'

// The first screen of each test waits for the app's lazy chunks: on a busy machine that takes more than findBy's default
// second, and a whole sign-in journey more than a test's default five.
configure({ asyncUtilTimeout: 4000 })
vi.setConfig({ testTimeout: 15_000 })

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
/** Replicas the app opened in a test (deleted after it). */
const replicas: { practiceId: string; userId: string }[] = []
/** Sync against an in-memory server (the group server's sync has its own tests). */
const fakeSync: StartSync = async ({ practiceId, userId }) => {
  replicas.push({ practiceId, userId })
  const server = createFakeSyncServer()
  const engine = createSyncEngine({ client: server.client, replica: await openReplica(practiceId, userId), openEvents: server.openEvents, network: fakeNetwork(), timers: manualTimers() })
  engine.start()
  return engine
}
beforeEach(() => { name = `group-app-${++n}`; store = createIdbStore(name); window.location.hash = ''; sessionStorage.clear(); localStorage.clear() })
afterEach(async () => {
  cleanup()
  vi.useRealTimers()
  await store.close()
  await deleteStore(name)
  for (const r of replicas.splice(0)) await deleteReplica(r.practiceId, r.userId)
})

const unauthenticated = () => { throw new ApiError(401, 'unauthenticated', 'Sign in to continue.') }

/** A server with no session yet: GET session answers 401. */
function signedOutServer(): FakeGroupClient {
  return createFakeGroupClient().on('session', unauthenticated).on('signOut', () => null).on('refresh', unauthenticated)
}

function startApp(client: FakeGroupClient) {
  render(<App store={store} groupMode groupClient={client} groupSync={fakeSync} />)
}

async function signIn(email = 'ada@north.example', password = 'correct horse battery') {
  const user = userEvent.setup()
  await user.type(await screen.findByLabelText('Email'), email)
  await user.type(screen.getByLabelText('Password'), password)
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
  return user
}

const banner = () => screen.getByRole('banner')
/** The header's sign-out button: the app is showing under the signed-in person (the first render loads the lazy chunks). */
const signedIn = () => screen.findByRole('button', { name: 'Sign out' }, { timeout: 4000 })
const navLinks = () => within(within(banner()).getByRole('navigation', { name: 'Main' })).getAllByRole('link').map((a) => a.textContent)

describe('the app without the group server', () => {
  it('asks no server anything and keeps the profile chooser', async () => {
    const client = createFakeGroupClient()
    render(<App store={store} groupClient={client} />)
    expect(await screen.findByRole('heading', { name: 'Create your profile' })).toBeDefined()
    expect(client.calls).toHaveLength(0)
    expect(client.unexpected).toHaveLength(0)
  })

  it('opens a new worksheet for a group-only address', async () => {
    sessionStorage.setItem('injection-coding-worksheet:session-user', JSON.stringify({ id: 'u1', name: 'Test Coder', role: 'coder', createdAt: '2026-11-01T09:00:00.000Z' }))
    window.location.hash = '#/admin/members'
    render(<App store={store} />)
    expect(await screen.findByRole('heading', { name: 'Claim and checks' })).toBeDefined()
    expect(window.location.hash).toMatch(/^#\/worksheet\//)
  })
})

describe('signing in to the group server', () => {
  it('goes from sign-in through the two-factor step into the app, with who is signed in in the header', async () => {
    const twoFactor = sessionInfo({ state: 'two-factor' })
    const active = sessionInfo()
    const client = signedOutServer().on('signIn', () => twoFactor)
      .on('verifyTwoFactor', ({ body }) => {
        if (body.code !== '246810') throw new ApiError(401, 'two-factor-failed', 'That code is not right.')
        return active
      })
    startApp(client)
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeDefined()
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull()

    const user = await signIn()
    const heading = await screen.findByRole('heading', { name: 'Two-factor authentication' })
    expect(document.activeElement).toBe(heading)
    await user.type(screen.getByLabelText('Authentication code'), '000000')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    expect((await screen.findByRole('alert')).textContent).toBe('That code is not right.')
    await user.type(screen.getByLabelText('Authentication code'), '246810')
    await user.click(screen.getByRole('button', { name: 'Verify' }))

    expect(await screen.findByRole('heading', { name: 'Claim and checks' })).toBeDefined()
    expect(window.location.hash).toMatch(/^#\/worksheet\/.+/)
    expect(banner().textContent).toMatch(/Signed in as Ada Admin · Admin · North Clinic/)
    expect(within(banner()).getByRole('link', { name: 'Account' }).getAttribute('href')).toBe('#/account')
    expect(within(banner()).getByRole('button', { name: 'Sign out' })).toBeDefined()
    expect(within(banner()).queryByRole('button', { name: 'Switch user' })).toBeNull()
    expect(navLinks()).toContain('Admin')
    // The signed-in admin is the app's current user: a supervisor for the local features, under the server's id.
    await waitFor(async () => expect(await store.listUsers()).toEqual([expect.objectContaining({ id: IDS.ada, name: 'Ada Admin', role: 'supervisor' })]))
  })

  it('sets up the required authenticator when the practice demands it, then loads the session', async () => {
    const enroll = sessionInfo({ state: 'enroll-two-factor', role: 'supervisor', twoFactorRequired: true })
    const codes = Array.from({ length: 10 }, (_, i) => `bkup${i}-abcde`)
    const client = signedOutServer().on('signIn', () => enroll)
      .on('twoFactorSetup', () => ({ secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/ICW:ada?secret=JBSWY3DPEHPK3PXP&issuer=ICW' }))
      .on('twoFactorEnable', () => ({ backupCodes: codes }))
    startApp(client)
    const user = await signIn()
    expect(await screen.findByRole('heading', { name: 'Set up two-factor authentication' })).toBeDefined()
    expect(screen.getByText(/North Clinic requires two-factor authentication for the supervisor role/)).toBeDefined()
    expect(await screen.findByRole('img', { name: /QR code/ })).toBeDefined()
    await user.type(screen.getByLabelText('Authentication code'), '135790')
    await user.click(screen.getByRole('button', { name: 'Turn on two-factor' }))
    expect(within(await screen.findByRole('list', { name: 'Backup codes' })).getAllByRole('listitem')).toHaveLength(10)

    client.on('session', () => sessionInfo({ role: 'supervisor', twoFactorEnabled: true, twoFactorRequired: true }))
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(await screen.findByRole('heading', { name: 'Claim and checks' })).toBeDefined()
    expect(banner().textContent).toMatch(/Signed in as Ada Admin · Supervisor · North Clinic/)
    expect(navLinks()).not.toContain('Admin')
  })

  it('creates the practice from the setup link and goes into the app', async () => {
    window.location.hash = `#/setup/${LINK_TOKEN}`
    const client = signedOutServer().on('setupStatus', () => ({ needed: true })).on('setup', () => sessionInfo())
    startApp(client)
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Practice name'), 'North Clinic')
    await user.type(screen.getByLabelText('Your name'), 'Ada Admin')
    await user.type(screen.getByLabelText('Email'), 'ada@north.example')
    await user.type(screen.getByLabelText('Password'), 'four words make a passphrase')
    await user.type(screen.getByLabelText('Confirm password'), 'four words make a passphrase')
    await user.click(screen.getByRole('button', { name: 'Create the practice' }))
    expect(await screen.findByRole('heading', { name: 'Claim and checks' })).toBeDefined()
    expect(window.location.hash).not.toContain(LINK_TOKEN)
  })

  it('says when the server cannot be reached, and tries again', async () => {
    let down = true
    const client = createFakeGroupClient().on('session', () => {
      if (down) throw new ApiError(0, 'network', 'The group server could not be reached.')
      throw new ApiError(401, 'unauthenticated', 'Sign in.')
    })
    startApp(client)
    expect(await screen.findByRole('heading', { name: 'The group server does not answer' })).toBeDefined()
    down = false
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeDefined()
  })
})

describe('roles in the group app', () => {
  function activeAs(role: Role, extra: Partial<SessionInfo> = {}) {
    return signedOutServer().on('session', () => sessionInfo({ role, ...extra }))
  }

  it('shows trainees Training only, and takes them there from any other address', async () => {
    window.location.hash = '#/review'
    startApp(activeAs('trainee'))
    await signedIn()
    await waitFor(() => expect(window.location.hash).toBe('#/training'))
    expect(navLinks()).toEqual(['Training'])
    expect(banner().textContent).toMatch(/· Trainee ·/)
    act(() => { window.location.hash = '#/patients'; window.dispatchEvent(new HashChangeEvent('hashchange')) })
    await waitFor(() => expect(window.location.hash).toBe('#/training'))
  })

  it('keeps the admin pages from everyone but admins', async () => {
    window.location.hash = '#/admin/members'
    startApp(activeAs('coder'))
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/worksheet\//))
    // The navigation shows once the signed-in person's profile is read, a moment after the redirect.
    await waitFor(() => expect(navLinks()).toContain('Settings'), { timeout: 4000 })
    expect(navLinks()).not.toContain('Admin')
    expect(screen.queryByRole('navigation', { name: 'Admin' })).toBeNull()
  })

  it('opens the admin pages for an admin', async () => {
    window.location.hash = '#/admin/members'
    startApp(activeAs('admin').on('members', () => ({ members: [] })))
    expect(await screen.findByRole('navigation', { name: 'Admin' })).toBeDefined()
    expect(within(banner()).getByRole('link', { name: 'Admin' }).getAttribute('aria-current')).toBe('page')
  })

  it('switches practice from the header; the other practice\'s role applies', async () => {
    const practices = [{ id: IDS.practice, name: 'North Clinic', role: 'admin' as const }, { id: IDS.otherPractice, name: 'South Clinic', role: 'coder' as const }]
    const client = activeAs('admin', { practices })
      .on('switchPractice', () => sessionInfo({ role: 'coder', practice: { id: IDS.otherPractice, name: 'South Clinic' }, practices }))
    startApp(client)
    const user = userEvent.setup()
    await signedIn()
    await user.selectOptions(within(banner()).getByLabelText('Practice'), IDS.otherPractice)
    await user.click(within(banner()).getByRole('button', { name: 'Switch' }))
    await waitFor(() => expect(banner().textContent).toMatch(/Signed in as Ada Admin · Coder · South Clinic/))
    expect(client.callsTo('switchPractice')[0]?.body).toEqual({ practiceId: IDS.otherPractice })
    expect(navLinks()).not.toContain('Admin')
  })

  it('maps server roles onto the local features\' roles', () => {
    expect([localRoleOf('admin'), localRoleOf('supervisor'), localRoleOf('coder'), localRoleOf('trainee')]).toEqual(['supervisor', 'supervisor', 'coder', 'trainee'])
    expect(navItemsFor('trainee')).toEqual(['training'])
    // Every staff screen of the standalone app is in the group app's navigation (admins add Admin).
    for (const role of ['coder', 'supervisor'] as const) expect(navItemsFor(role)).toContain('diagnosis-lists')
    expect(navItemsFor('admin')).toEqual([...navItemsFor('supervisor'), 'admin'])
    expect(allowsRoute('trainee', { name: 'account' })).toBe(true)
    expect(allowsRoute('supervisor', { name: 'admin', path: '' })).toBe(false)
  })

  it('lets supervisors and admins change payer profiles, coverage choices, the NDC list and the charge file settings, and only admins load the server-wide files', () => {
    const refusals = (role: Role) => (['payer-profiles', 'coverage-settings', 'ndc-list', 'charge-settings', 'reference-files'] as const).map((what) => changeRefusalFor(role)(what) !== null)
    expect(refusals('admin')).toEqual([false, false, false, false, false])
    expect(refusals('supervisor')).toEqual([false, false, false, false, true])
    expect(refusals('coder')).toEqual([true, true, true, true, true])
    expect(changeRefusalFor('coder')('charge-settings')).toMatch(/charge file settings are kept by the practice's supervisors and admins/)
    expect(changeRefusalFor('coder')('ndc-list')).toMatch(/NDC list is kept by the practice's supervisors and admins/)
    expect(changeRefusalFor('coder')('payer-profiles')).toMatch(/supervisors and admins/)
    expect(changeRefusalFor('supervisor')('reference-files')).toMatch(/by an admin/)
  })
})

describe('leaving the group app', () => {
  it('signs out from the header and says so on the sign-in screen', async () => {
    const client = signedOutServer().on('session', () => sessionInfo())
    startApp(client)
    await userEvent.setup().click(await signedIn())
    const heading = await screen.findByRole('heading', { name: 'Sign in' })
    expect(document.activeElement).toBe(heading)
    expect(screen.getByRole('status').textContent).toBe('You signed out.')
    expect(client.callsTo('signOut')).toHaveLength(1)
  })

  it('goes back to sign-in with a notice when the server says the session is gone', async () => {
    const client = signedOutServer().on('session', () => sessionInfo())
    startApp(client)
    await signedIn()
    // Activity refreshes the session; the server answers 401: the session ended elsewhere.
    fireEvent.keyDown(window, { key: 'a' })
    await act(() => new Promise((r) => setTimeout(r, 0)))
    expect(client.callsTo('refresh')).toHaveLength(0)
    // Refreshes wait a minute after the session was given; past that, the next keypress asks.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 })
    fireEvent.keyDown(window, { key: 'b' })
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeDefined()
    expect(screen.getByText('Your session has ended. Sign in again to continue.')).toBeDefined()
  })

  it('signs out automatically after the idle timeout, saying why', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], shouldAdvanceTime: true })
    const client = signedOutServer().on('session', () => sessionInfo({ idleTimeoutMinutes: 15 }, Date.now()))
    startApp(client)
    await signedIn()
    await act(() => vi.advanceTimersByTimeAsync(13 * 60_000))
    expect(screen.getByRole('alertdialog', { name: 'Are you still there?' })).toBeDefined()
    await act(() => vi.advanceTimersByTimeAsync(2 * 60_000))
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeDefined()
    expect(screen.getByRole('status').textContent).toBe('You were signed out after 15 minutes without activity.')
    expect(client.callsTo('signOut')).toHaveLength(1)
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })
})

describe('sync in the group app', () => {
  /** Sync against one in-memory server, keeping each engine the app started. */
  function trackedSync() {
    const server = createFakeSyncServer()
    const engines: SyncEngine[] = []
    const start: StartSync = async ({ practiceId, userId }) => {
      replicas.push({ practiceId, userId })
      const engine = createSyncEngine({ client: server.client, replica: await openReplica(practiceId, userId), openEvents: server.openEvents, network: fakeNetwork(), timers: manualTimers() })
      engine.start()
      engines.push(engine)
      return engine
    }
    return { server, engines, start }
  }
  const replicaStored = async () => (await indexedDB.databases()).some((d) => d.name === replicaName(IDS.practice, IDS.ada))
  const syncStatus = () => within(banner()).getAllByRole('status')[0]?.textContent
  const draft = { id: 'draft-9', createdAt: '2026-11-26T09:00:00.000Z', updatedAt: '2026-11-26T09:00:00.000Z', patientId: 'PT-9', dateOfService: '2026-11-20', values: {}, status: 'draft' as const, returnNote: null }

  /** happy-dom has no window.confirm: the answer the person gives. */
  function answerConfirm(answer: boolean) {
    const confirm = vi.fn((message?: string) => { void message; return answer })
    Object.defineProperty(window, 'confirm', { value: confirm, configurable: true, writable: true })
    return confirm
  }
  afterEach(() => { Reflect.deleteProperty(window, 'confirm') })

  async function signedInWithUnsentFinalize(sync: ReturnType<typeof trackedSync>) {
    const client = signedOutServer().on('session', () => sessionInfo())
    render(<App store={store} groupMode groupClient={client} groupSync={sync.start} />)
    await signedIn()
    await waitFor(() => expect(syncStatus()).toBe('Online · all saved'))
    expect(await replicaStored()).toBe(true)
    sync.server.setOffline(true)
    await act(async () => { await sync.engines[0].enqueue({ route: 'finalize', body: { encounter: encounterInput('PT-9') }, local: { draft } }) })
    await waitFor(() => expect(syncStatus()).toBe('Offline · 1 change waiting'))
    expect(within(banner()).getByRole('link', { name: 'Changes waiting' }).getAttribute('href')).toBe('#/sync')
    return client
  }

  it('asks before signing out with a change not yet sent, and stays signed in when told no', async () => {
    const sync = trackedSync()
    await signedInWithUnsentFinalize(sync)
    const confirm = answerConfirm(false)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }))
    expect(confirm.mock.calls[0]?.[0]).toMatch(/^1 change has not reached the group server yet\. Finalized worksheets among them go back to your drafts/)
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeDefined()
    expect(await replicaStored()).toBe(true)
  })

  it('deletes the replica at sign-out on a computer not trusted, after putting the unsent finalize back in the drafts', async () => {
    const sync = trackedSync()
    const client = await signedInWithUnsentFinalize(sync)
    answerConfirm(true)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }))
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeDefined()
    expect(client.callsTo('signOut')).toHaveLength(1)
    await waitFor(async () => expect(await replicaStored()).toBe(false))
    expect(await store.getDraft('draft-9')).toEqual(draft)
  })

  it('keeps the replica, unsent changes too, on a computer an admin trusted', async () => {
    localStorage.setItem(TRUSTED_DEVICE_KEY, 'true')
    const sync = trackedSync()
    await signedInWithUnsentFinalize(sync)
    const confirm = answerConfirm(true)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }))
    expect(confirm.mock.calls[0]?.[0]).toMatch(/They stay on this computer and are sent when you sign in here again/)
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeDefined()
    await act(() => new Promise((r) => setTimeout(r, 50)))
    expect(await replicaStored()).toBe(true)
    expect(await store.getDraft('draft-9')).toBeUndefined()
    const kept = await openReplica(IDS.practice, IDS.ada)
    expect(await kept.outboxCounts()).toEqual({ pending: 1, needsAttention: 0 })
    kept.close()
  })

  it('ends sync and deletes the replica when the server ends the session', async () => {
    const sync = trackedSync()
    const client = signedOutServer().on('session', () => sessionInfo())
    render(<App store={store} groupMode groupClient={client} groupSync={sync.start} />)
    await signedIn()
    await waitFor(() => expect(syncStatus()).toBe('Online · all saved'))
    client.on('session', unauthenticated)
    // The event stream says the session ended: the app asks the server, which says so too.
    act(() => sync.server.signOut())
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeDefined()
    await waitFor(async () => expect(await replicaStored()).toBe(false))
  })

  it('shows an admin whether this computer is trusted on the account page, and lets them trust it', async () => {
    const client = signedOutServer().on('session', () => sessionInfo()).on('sessions', () => ({ sessions: [] }))
    window.location.hash = '#/account'
    startApp(client)
    const section = await screen.findByRole('region', { name: 'This computer' })
    expect(within(section).getByRole('status').textContent).toMatch(/^This computer is not trusted/)
    await userEvent.setup().click(within(section).getByRole('button', { name: 'Trust this computer' }))
    expect(within(section).getByRole('status').textContent).toMatch(/^This computer is trusted/)
    expect(localStorage.getItem(TRUSTED_DEVICE_KEY)).toBe('true')
  })
})

import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api-error.ts'
import { createSyncEngine, type SyncEngine } from './engine.ts'
import { createFakeSyncServer, encounterInput, fakeNetwork, manualTimers, PEOPLE, type FakeSyncServer } from './fake-sync-server.ts'
import { deleteReplica, openReplica } from './replica.ts'
import { describeSyncStatus } from './status.ts'
import type { OutboxMutation, SyncConnection } from './types.ts'

let n = 0
const running: { engine: SyncEngine; practiceId: string }[] = []
afterEach(async () => {
  for (const { engine, practiceId } of running.splice(0)) {
    await engine.stop()
    engine.replica.close()
    await deleteReplica(practiceId, PEOPLE.casey.id)
  }
})

const NOW = '2026-11-26T12:00:00.000Z'

async function setup(server: FakeSyncServer = createFakeSyncServer(), network = fakeNetwork()) {
  const practiceId = `00000000-0000-4000-8000-${(++n).toString().padStart(12, '0')}`
  const timers = manualTimers()
  const engine = createSyncEngine({
    client: server.client, replica: await openReplica(practiceId, PEOPLE.casey.id), openEvents: server.openEvents,
    network, timers, now: () => NOW, random: () => 1,
  })
  running.push({ engine, practiceId })
  const seen: SyncConnection[] = []
  engine.status.subscribe(() => {
    const { connection } = engine.status.get()
    if (seen.at(-1) !== connection) seen.push(connection)
  })
  return { server, network, timers, engine, seen, text: () => describeSyncStatus(engine.status.get()) }
}

/** Until the stream is open and nothing is being pulled or sent. */
async function settle(engine: SyncEngine, server: FakeSyncServer) {
  await vi.waitFor(() => expect([...server.streams].some((s) => s.readyState === 1)).toBe(true))
  await new Promise((resolve) => setTimeout(resolve, 0))
  await engine.settled()
}

const finalize = (patientId: string): OutboxMutation => ({ route: 'finalize', body: { encounter: encounterInput(patientId) } })
const changeRequests = (server: FakeSyncServer) => server.requests.filter((r) => r.route === 'changes').length

describe('the sync engine', () => {
  it('starts by pulling what is new: "Syncing…", then "Online · all saved"', async () => {
    const server = createFakeSyncServer()
    for (const p of ['PT-1', 'PT-2', 'PT-3']) server.finalize({ encounter: encounterInput(p) }, PEOPLE.sam)
    const { engine, seen, text } = await setup(server)
    engine.start()
    expect(text()).toBe('Syncing…')
    await settle(engine, server)
    expect(await engine.replica.allEncounters()).toHaveLength(3)
    expect(engine.status.get()).toEqual({ connection: 'online', pending: 0, needsAttention: 0, lastSyncedAt: NOW, signedOut: false })
    expect(text()).toBe('Online · all saved')
    expect(seen.at(-1)).toBe('online')
  })

  it('pulls when the stream tells of a change past its cursor, and not for one it already has', async () => {
    const { server, engine } = await setup()
    engine.start()
    await settle(engine, server)
    const before = changeRequests(server)
    server.finalize({ encounter: encounterInput('PT-9') }, PEOPLE.sam)
    await vi.waitFor(async () => expect((await engine.replica.allEncounters()).map((e) => e.patientId)).toEqual(['PT-9']))
    await engine.settled()
    const after = changeRequests(server)
    expect(after).toBe(before + 1)
    for (const stream of server.streams) stream.dispatch('change', { seq: server.head() })
    await new Promise((resolve) => setTimeout(resolve, 0))
    await engine.settled()
    expect(changeRequests(server)).toBe(after)
  })

  it('tells its reference listeners when the stream says a reference file changed on the server, and stops when they unsubscribe', async () => {
    const { server, engine } = await setup()
    engine.start()
    await settle(engine, server)
    let heard = 0
    const off = engine.onReference(() => { heard++ })
    for (const stream of server.streams) stream.dispatch('reference', { seq: server.head() })
    expect(heard).toBe(1)
    off()
    for (const stream of server.streams) stream.dispatch('reference', { seq: server.head() })
    expect(heard).toBe(1)
  })

  it('tries nothing while the browser is offline, so a worksheet started and finalized offline waits as one change', async () => {
    const { server, network, timers, engine, text } = await setup()
    engine.start()
    await settle(engine, server)
    server.setOffline(true)
    network.goOffline()
    const draftSave = (note: string) => engine.enqueue({ route: 'saveRecord', params: { kind: 'draft', key: 'd-off' }, body: { value: { id: 'd-off', note }, expectedVersion: null }, local: { versionAtSend: true } })
    await draftSave('L4')
    for (let i = 0; i < 3; i++) { timers.fire(); await engine.settled() }
    expect((await engine.outbox()).map((e) => e.attempts)).toEqual([0])
    await draftSave('L4-L5')
    await engine.enqueue(finalize('PT-OFF'))
    await engine.enqueue({ route: 'deleteRecord', params: { kind: 'draft', key: 'd-off' }, body: { expectedVersion: 1 }, local: { versionAtSend: true } })
    await engine.settled()
    expect(text()).toBe('Offline · 1 change waiting')
    expect(server.requests.filter((r) => r.route !== 'changes' && r.route !== 'session')).toEqual([])
    server.setOffline(false)
    network.goOnline()
    await vi.waitFor(() => expect(engine.status.get()).toMatchObject({ connection: 'online', pending: 0 }))
    expect(server.encounters().map((e) => e.patientId)).toEqual(['PT-OFF'])
    expect(server.records()).toEqual([])
  })

  it('keeps writes while offline, counts them in the status, and sends them in order once back online', async () => {
    const { server, network, engine, seen, text } = await setup()
    engine.start()
    await settle(engine, server)
    server.setOffline(true)
    network.goOffline()
    await engine.enqueue(finalize('PT-A'))
    await engine.enqueue(finalize('PT-B'))
    await engine.settled()
    expect(engine.status.get()).toMatchObject({ connection: 'offline', pending: 2 })
    expect(text()).toBe('Offline · 2 changes waiting')
    expect(server.requests.filter((r) => r.route === 'finalize')).toEqual([])
    server.setOffline(false)
    network.goOnline()
    await vi.waitFor(() => expect(engine.status.get()).toMatchObject({ connection: 'online', pending: 0 }))
    expect(server.encounters().map((e) => e.patientId)).toEqual(['PT-A', 'PT-B'])
    expect((await engine.replica.allEncounters()).map((e) => e.patientId).sort()).toEqual(['PT-A', 'PT-B'])
    expect(text()).toBe('Online · all saved')
    const fromOffline = seen.slice(seen.indexOf('offline'))
    expect(fromOffline.slice(0, 3)).toEqual(['offline', 'syncing', 'online'])
    expect(fromOffline.filter((c) => c === 'offline')).toHaveLength(1)
  })

  it('retries a server that does not answer with growing waits, and sends the outbox when it answers', async () => {
    const server = createFakeSyncServer()
    server.setOffline(true)
    const { engine, timers, text } = await setup(server)
    await engine.enqueue(finalize('PT-A'))
    engine.start()
    await engine.settled()
    expect(text()).toBe('Offline · 1 change waiting')
    expect(timers.delays()).toEqual([1000])
    timers.fire()
    await engine.settled()
    expect(timers.delays()).toEqual([2000])
    timers.fire()
    await engine.settled()
    expect(timers.delays()).toEqual([4000])
    expect(server.writes).toEqual([])
    server.setOffline(false)
    timers.fire()
    await vi.waitFor(() => expect(engine.status.get()).toMatchObject({ connection: 'online', pending: 0 }))
    expect(server.writes.map((w) => w.route)).toEqual(['finalize'])
    expect(timers.delays()).toEqual([])
  })

  it('sends what waited as soon as the stream is back, without waiting for the retry', async () => {
    const { server, engine, timers } = await setup()
    engine.start()
    await settle(engine, server)
    server.setOffline(true)
    await engine.enqueue(finalize('PT-A'))
    await engine.settled()
    expect(engine.status.get()).toMatchObject({ connection: 'offline', pending: 1 })
    expect(timers.delays()).toEqual([1000])
    server.setOffline(false)
    await vi.waitFor(() => expect(engine.status.get()).toMatchObject({ connection: 'online', pending: 0 }))
    expect(server.encounters().map((e) => e.patientId)).toEqual(['PT-A'])
    expect(timers.delays()).toEqual([])
  })

  it('shows a refused write as needing attention while the rest of the queue is sent', async () => {
    const { server, engine, text } = await setup()
    engine.start()
    await settle(engine, server)
    server.failNext('addAttempt', new ApiError(403, 'forbidden', 'Trainees only.'))
    const refused = await engine.enqueue({ route: 'addAttempt', body: { caseId: 'case-1', scorePercent: 50, lines: [] } })
    await engine.enqueue(finalize('PT-A'))
    await vi.waitFor(() => expect(engine.status.get()).toMatchObject({ pending: 0, needsAttention: 1 }))
    await engine.settled()
    expect(text()).toBe('1 change needs attention')
    expect(server.encounters().map((e) => e.patientId)).toEqual(['PT-A'])
    await engine.retry(refused.order)
    await vi.waitFor(() => expect(engine.status.get()).toMatchObject({ pending: 0, needsAttention: 0 }))
    expect(server.attempts().map((a) => a.caseId)).toEqual(['case-1'])
  })

  it('stops syncing when the stream says the session ended, and sends nothing more', async () => {
    const { server, engine, text } = await setup()
    engine.start()
    await settle(engine, server)
    server.signOut()
    expect(engine.status.get().signedOut).toBe(true)
    expect(text()).toBe('Signed out · not syncing')
    const sent = server.requests.length
    await engine.enqueue(finalize('PT-A'))
    await engine.pull()
    await engine.settled()
    expect(server.requests).toHaveLength(sent)
    expect(text()).toBe('Signed out · 1 change not sent')
  })

  it('learns from a pull that the session ended when the stream is refused', async () => {
    const server = createFakeSyncServer()
    server.signOut()
    const { engine, timers } = await setup(server)
    engine.start()
    await vi.waitFor(() => expect(engine.status.get().signedOut).toBe(true))
    await engine.settled()
    expect(timers.delays()).toEqual([])
    expect(server.streams.size).toBe(0)
  })

  it('opens the stream again, after a wait, when the server closed it', async () => {
    const { server, engine, timers } = await setup()
    engine.start()
    await settle(engine, server)
    const [first] = server.streams
    first.readyState = 2
    first.dispatch('error')
    expect(engine.status.get().connection).toBe('offline')
    await engine.settled()
    expect(timers.delays()).toEqual([1000])
    timers.fire()
    await vi.waitFor(() => expect(engine.status.get().connection).toBe('online'))
    expect([...server.streams].filter((s) => s !== first && s.readyState === 1)).toHaveLength(1)
  })

  it('aborts what is in flight when stopped, keeping the unsent write', async () => {
    const { server, engine, timers } = await setup()
    await engine.enqueue(finalize('PT-A'))
    engine.start()
    await engine.stop()
    expect(server.writes).toEqual([])
    expect((await engine.outbox()).map((e) => e.state)).toEqual(['pending'])
    expect(timers.delays()).toEqual([])
    expect(server.streams.size).toBe(0)
    expect(engine.status.get().signedOut).toBe(false)
  })
})

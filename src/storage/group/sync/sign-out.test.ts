import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { DraftRecord } from '../../types.ts'
import { createSyncEngine } from './engine.ts'
import { createFakeSyncServer, encounterInput, fakeNetwork, manualTimers, PEOPLE } from './fake-sync-server.ts'
import { deleteReplica, openReplica, replicaName } from './replica.ts'
import { endSyncOnSignOut, isTrustedDevice, setTrustedDevice, TRUSTED_DEVICE_KEY, wipeReplica } from './sign-out.ts'

let n = 0
const practices: string[] = []
const newPractice = () => {
  const id = `00000000-0000-4000-8000-${(++n).toString().padStart(12, '0')}`
  practices.push(id)
  return id
}
afterEach(async () => {
  for (const id of practices.splice(0)) await deleteReplica(id, PEOPLE.casey.id)
})

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => { items.set(key, value) },
    removeItem: (key: string) => { items.delete(key) },
    items,
  }
}

const stored = async (name: string) => (await indexedDB.databases()).some((d) => d.name === name)

/** A synced replica holding one encounter, with one write not yet sent. */
async function syncedWithUnsent(practiceId: string) {
  const server = createFakeSyncServer()
  server.finalize({ encounter: encounterInput('PT-1') }, PEOPLE.sam)
  const engine = createSyncEngine({ client: server.client, replica: await openReplica(practiceId, PEOPLE.casey.id), openEvents: server.openEvents, network: fakeNetwork(), timers: manualTimers() })
  engine.start()
  await engine.pull()
  await engine.settled()
  server.setOffline(true)
  await engine.enqueue({ route: 'addAttempt', body: { caseId: 'case-1', scorePercent: 70, lines: [] } })
  await engine.settled()
  return engine
}

describe('the trusted-device flag', () => {
  it('is set by an admin only', () => {
    const storage = memoryStorage()
    expect(() => setTrustedDevice(true, 'supervisor', storage)).toThrow(/Only an admin/)
    expect(() => setTrustedDevice(true, null, storage)).toThrow(/Only an admin/)
    expect(isTrustedDevice(storage)).toBe(false)
    setTrustedDevice(true, 'admin', storage)
    expect(storage.items.get(TRUSTED_DEVICE_KEY)).toBe('true')
    expect(isTrustedDevice(storage)).toBe(true)
  })

  it('can be cleared by anyone', () => {
    const storage = memoryStorage()
    setTrustedDevice(true, 'admin', storage)
    setTrustedDevice(false, 'trainee', storage)
    expect(isTrustedDevice(storage)).toBe(false)
  })

  it('reads as not trusted where there is no storage', () => {
    expect(isTrustedDevice({ getItem: () => { throw new Error('storage disabled') } })).toBe(false)
  })
})

describe('sign-out', () => {
  it('wipeReplica deletes the database: the next sign-in starts from nothing', async () => {
    const practiceId = newPractice()
    const replica = await openReplica(practiceId, PEOPLE.casey.id)
    await replica.applyPage(0, { changes: [], cursor: 12, more: false, head: 12 }, 'then')
    replica.close()
    await wipeReplica(practiceId, PEOPLE.casey.id)
    expect(await stored(replicaName(practiceId, PEOPLE.casey.id))).toBe(false)
    const again = await openReplica(practiceId, PEOPLE.casey.id)
    expect((await again.meta()).cursor).toBe(0)
    again.close()
  })

  it('does not wait on another tab that still has the replica open', async () => {
    const practiceId = newPractice()
    const otherTab = await openReplica(practiceId, PEOPLE.casey.id)
    await wipeReplica(practiceId, PEOPLE.casey.id)
    expect(await stored(replicaName(practiceId, PEOPLE.casey.id))).toBe(false)
    await expect(otherTab.meta()).rejects.toThrow()
  })

  it('stops syncing and deletes the replica on a device that is not trusted, saying how many changes were not sent', async () => {
    const practiceId = newPractice()
    const engine = await syncedWithUnsent(practiceId)
    const result = await endSyncOnSignOut({ engine, practiceId, userId: PEOPLE.casey.id, storage: memoryStorage() })
    expect(result).toEqual({ wiped: true, unsent: 1, keptAsDrafts: 0 })
    expect(await stored(replicaName(practiceId, PEOPLE.casey.id))).toBe(false)
  })

  it('puts the worksheets of finalizes not yet on the server back in the drafts before deleting the replica', async () => {
    const practiceId = newPractice()
    const engine = await syncedWithUnsent(practiceId)
    const worksheet: DraftRecord = { id: 'draft-1', createdAt: 'then', updatedAt: 'then', patientId: 'PT-2', dateOfService: '2026-11-20', values: { kept: true }, status: 'draft', returnNote: null }
    const already: DraftRecord = { ...worksheet, id: 'draft-2', values: { newer: true } }
    await engine.enqueue({ route: 'finalize', body: { encounter: encounterInput('PT-2') }, local: { draft: worksheet } })
    await engine.enqueue({ route: 'finalize', body: { encounter: encounterInput('PT-3') }, local: { draft: { ...already, values: { older: true } } } })
    const drafts = new Map([[already.id, already]])
    const keepWorkIn = { getDraft: (id: string) => Promise.resolve(drafts.get(id)), saveDraft: (d: DraftRecord) => { drafts.set(d.id, d); return Promise.resolve() } }
    const result = await endSyncOnSignOut({ engine, practiceId, userId: PEOPLE.casey.id, storage: memoryStorage(), keepWorkIn })
    expect(result).toEqual({ wiped: true, unsent: 3, keptAsDrafts: 1 })
    // A draft already there (edited since) is not overwritten.
    expect([...drafts.values()]).toEqual([already, worksheet])
    expect(await stored(replicaName(practiceId, PEOPLE.casey.id))).toBe(false)
  })

  it('keeps the replica, rows and outbox alike, on a trusted device', async () => {
    const practiceId = newPractice()
    const storage = memoryStorage()
    setTrustedDevice(true, 'admin', storage)
    const engine = await syncedWithUnsent(practiceId)
    expect(await endSyncOnSignOut({ engine, practiceId, userId: PEOPLE.casey.id, storage })).toEqual({ wiped: false, unsent: 1, keptAsDrafts: 0 })
    const kept = await openReplica(practiceId, PEOPLE.casey.id)
    expect((await kept.allEncounters()).map((e) => e.patientId)).toEqual(['PT-1'])
    expect(await kept.outboxCounts()).toEqual({ pending: 1, needsAttention: 0 })
    kept.close()
  })
})

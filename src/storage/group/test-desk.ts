import { expect, vi } from 'vitest'
import { createIdbStore, deleteStore } from '../idb-store.ts'
import type { DraftOf } from './group-mapping.ts'
import { createGroupStore, type GroupStore } from './group-store.ts'
import { createSyncEngine, type SyncEngine } from './sync/engine.ts'
import { fakeNetwork, manualTimers, type FakeSyncServer, type Person } from './sync/fake-sync-server.ts'
import { deleteReplica, openReplica } from './sync/replica.ts'

/** Test support: one desk of a practice in group mode, against the fake sync server. */
export interface TestDesk {
  store: GroupStore
  engine: SyncEngine
  local: ReturnType<typeof createIdbStore>
  /** Until what the server has is here and nothing is waiting to be sent. */
  settle: () => Promise<void>
}

/** The worksheet's draft of an encounter, as much of it as the group store's tests look at. */
export const emptyDraftOf: DraftOf = (_encounter, id, now) => ({ id, createdAt: now, updatedAt: now, patientId: '', dateOfService: '', values: {}, status: 'draft', returnNote: null })

let desks = 0

/**
 * A person's desk: its own local store and replica, its sync engine started and settled, and the
 * group store over them. Closing and deleting them is pushed onto `cleanups` (run them after each test).
 */
export async function openTestDesk(server: FakeSyncServer, person: Person, options: {
  practiceId: string
  now: string
  cleanups: (() => Promise<void>)[]
  draftOf?: DraftOf
}): Promise<TestDesk> {
  const name = `group-test-desk-${++desks}`
  const local = createIdbStore(name)
  const engine = createSyncEngine({
    client: server.clientAs(person), replica: await openReplica(options.practiceId, person.id), openEvents: server.openEvents,
    network: fakeNetwork(), timers: manualTimers(), now: () => options.now,
  })
  engine.start()
  const store = createGroupStore({ local, engine, user: person, draftOf: options.draftOf ?? emptyDraftOf, now: () => options.now })
  options.cleanups.push(async () => {
    await engine.stop()
    engine.replica.close()
    await deleteReplica(options.practiceId, person.id)
    await local.close()
    await deleteStore(name)
  })
  const settle = async () => {
    await vi.waitFor(() => expect([...server.streams].some((s) => s.readyState === 1)).toBe(true))
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      await engine.settled()
    }
  }
  await settle()
  return { store, engine, local, settle }
}

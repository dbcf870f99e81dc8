import { describe, expect, it } from 'vitest'
import { createSyncStatusStore, describeSyncStatus, INITIAL_SYNC_STATUS } from './status.ts'
import type { SyncStatus } from './types.ts'

const status = (patch: Partial<SyncStatus>): SyncStatus => ({ ...INITIAL_SYNC_STATUS, connection: 'online', ...patch })

describe('the sync status line', () => {
  it.each<[Partial<SyncStatus>, string]>([
    [{}, 'Online · all saved'],
    [{ connection: 'syncing' }, 'Syncing…'],
    [{ connection: 'syncing', pending: 3 }, 'Syncing…'],
    [{ pending: 1 }, 'Online · 1 change waiting'],
    [{ connection: 'offline' }, 'Offline'],
    [{ connection: 'offline', pending: 1 }, 'Offline · 1 change waiting'],
    [{ connection: 'offline', pending: 2 }, 'Offline · 2 changes waiting'],
    [{ needsAttention: 1 }, '1 change needs attention'],
    [{ needsAttention: 2 }, '2 changes need attention'],
    [{ connection: 'offline', pending: 2, needsAttention: 1 }, 'Offline · 2 changes waiting · 1 change needs attention'],
    [{ signedOut: true }, 'Signed out · not syncing'],
    [{ signedOut: true, connection: 'offline', pending: 4 }, 'Signed out · 4 changes not sent'],
  ])('reads %o as "%s"', (patch, text) => {
    expect(describeSyncStatus(status(patch))).toBe(text)
  })
})

describe('the sync status store', () => {
  it('tells its listeners of a change, and only of a real one', () => {
    const store = createSyncStatusStore()
    let heard = 0
    const stop = store.subscribe(() => heard++)
    const first = store.get()
    store.update({ connection: 'syncing' })
    expect(heard).toBe(0)
    expect(store.get()).toBe(first)
    store.update({ connection: 'online', pending: 2 })
    expect(heard).toBe(1)
    expect(store.get()).toEqual({ ...first, connection: 'online', pending: 2 })
    expect(Object.isFrozen(store.get())).toBe(true)
    stop()
    store.update({ pending: 3 })
    expect(heard).toBe(1)
  })
})

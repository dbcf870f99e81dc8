import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createIdbStore, deleteStore, type DraftRecord, type EncounterRecord, type WorksheetStore } from '../../../storage/index.ts'
import { createDraftGuard, DraftConflictError, type DraftGuard } from './draft-guard.ts'

// Two stores on one database stand for two tabs: each hears the other's writes through the
// store's BroadcastChannel, as tabs do.
let n = 0
let name = ''
let tabA: WorksheetStore & { close: () => Promise<void> }
let tabB: WorksheetStore & { close: () => Promise<void> }
let guard: DraftGuard | null = null
beforeEach(() => { name = `draft-guard-${++n}`; tabA = createIdbStore(name); tabB = createIdbStore(name) })
afterEach(async () => { guard?.dispose(); guard = null; await tabA.close(); await tabB.close(); await deleteStore(name) })

const draft = (note: string, at = '2026-11-26T12:00:00.000Z'): DraftRecord => ({
  id: 'd-1', createdAt: '2026-11-26T11:00:00.000Z', updatedAt: at, patientId: 'PT-1', dateOfService: '2026-11-20', values: { note }, status: 'draft', returnNote: null,
})
const encounter = { id: 'd-1', finalizedAt: '2026-11-26T12:00:00.000Z', patientId: 'PT-1', providerId: 'P1', dateOfService: '2026-11-20', payerProfile: 'medicare', encounter: {} as never, lines: [], findings: [], counts: { error: 0, warning: 0, info: 0 }, review: 'not-needed', finalizeReason: null } satisfies EncounterRecord

async function openInA(): Promise<DraftGuard> {
  await tabA.saveDraft(draft('first'))
  guard = createDraftGuard(tabA, 'd-1', await tabA.getDraft('d-1'))
  return guard
}

describe('createDraftGuard', () => {
  it("saves this tab's changes, again and again, without seeing a conflict in its own writes", async () => {
    const g = await openInA()
    for (const note of ['a', 'ab', 'abc']) await g.store.saveDraft(draft(note))
    await new Promise((r) => setTimeout(r, 20))
    expect(g.getState()).toEqual({ status: 'current' })
    expect((await tabB.getDraft('d-1'))?.values).toEqual({ note: 'abc' })
  })

  it('notices a newer version written by another tab, even with the same updatedAt, and stops saving over it', async () => {
    const g = await openInA()
    const heard = vi.fn()
    g.subscribe(heard)
    await tabB.saveDraft(draft('edited in B'))
    await vi.waitFor(() => expect(g.getState()).toEqual({ status: 'changed' }))
    expect(heard).toHaveBeenCalled()
    await expect(g.store.saveDraft(draft('stale A'))).rejects.toThrow(new DraftConflictError({ status: 'changed' }))
    expect((await tabA.getDraft('d-1'))?.values).toEqual({ note: 'edited in B' })
  })

  it("refuses a save that races another tab's write before its notice arrives", async () => {
    const g = await openInA()
    g.dispose() // as if the notice were still on its way
    await tabB.saveDraft(draft('edited in B'))
    await expect(g.store.saveDraft(draft('stale A'))).rejects.toBeInstanceOf(DraftConflictError)
    expect(g.getState()).toEqual({ status: 'changed' })
    expect((await tabA.getDraft('d-1'))?.values).toEqual({ note: 'edited in B' })
  })

  it('says when another tab finalized the draft, or deleted it', async () => {
    const g = await openInA()
    await tabB.finalize(encounter, 'd-1')
    await vi.waitFor(() => expect(g.getState()).toEqual({ status: 'removed', finalized: true }))
    await expect(g.store.saveDraft(draft('late'))).rejects.toThrow('Not saved: this draft was finalized in another tab.')
    expect(await tabA.getDraft('d-1')).toBeUndefined()

    guard = createDraftGuard(tabA, 'd-2', undefined)
    await guard.store.saveDraft({ ...draft('x'), id: 'd-2' })
    await tabB.deleteDraft('d-2')
    await vi.waitFor(() => expect(guard?.getState()).toEqual({ status: 'removed', finalized: false }))
    g.dispose()
  })

  it("is not alarmed by this tab's own finalize or discard, nor by other drafts", async () => {
    const g = await openInA()
    await tabB.saveDraft({ ...draft('other'), id: 'd-9' })
    await g.store.finalize(encounter, 'd-1')
    await new Promise((r) => setTimeout(r, 20))
    expect(g.getState()).toEqual({ status: 'current' })
  })

  it('refuses to finalize the old version after another tab changed the draft, storing nothing', async () => {
    const g = await openInA()
    await tabB.saveDraft(draft('edited in B'))
    await vi.waitFor(() => expect(g.getState()).toEqual({ status: 'changed' }))
    await expect(g.store.finalize(encounter, 'd-1')).rejects.toThrow('Not finalized: this draft was changed in another tab.')
    expect(await tabB.listAllEncounters()).toEqual([])
    expect((await tabB.getDraft('d-1'))?.values).toEqual({ note: 'edited in B' })
  })

  it('passes the finalize audit entries through to the store', async () => {
    const g = await openInA()
    const entry = { id: 'a-1', at: '2026-11-26T12:00:00.000Z', userId: 'u-1', userName: 'Casey Coder', encounterId: 'd-1', lineIndex: null, action: 'finalize', from: null, to: 'no-findings', reason: null, note: null }
    await g.store.finalize(encounter, 'd-1', [entry])
    expect(await tabB.listAudit('d-1')).toEqual([entry])
  })

  it('keeps no closing-page backup of a draft another tab changed', async () => {
    const g = await openInA()
    const backup = vi.spyOn(tabA, 'backupDraftNow')
    g.store.backupDraftNow(draft('before'))
    expect(backup).toHaveBeenCalledTimes(1)
    await tabB.saveDraft(draft('edited in B'))
    await vi.waitFor(() => expect(g.getState().status).toBe('changed'))
    g.store.backupDraftNow(draft('stale'))
    expect(backup).toHaveBeenCalledTimes(1)
  })

  it('a new worksheet never saved is no conflict when the draft does not exist', async () => {
    guard = createDraftGuard(tabA, 'd-new', undefined)
    await tabB.saveDraft({ ...draft('x'), id: 'd-other' })
    await guard.store.saveDraft({ ...draft('mine'), id: 'd-new' })
    expect(guard.getState()).toEqual({ status: 'current' })
  })
})

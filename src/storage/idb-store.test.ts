// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { bucketOf, ledgerRecord } from './idb-shared.ts'
import { createIdbStore, deleteStore, openWorksheetDb } from './idb-store.ts'
import type { EncounterRecord, StoreTable } from './types.ts'

let n = 0
const opened: { name: string; close: () => Promise<void> }[] = []
function freshStore() {
  const name = `test-${++n}`
  const store = createIdbStore(name)
  opened.push({ name, close: store.close })
  return { name, store }
}
afterEach(async () => { for (const o of opened.splice(0)) { await o.close(); await deleteStore(o.name) } })

const encounter = (id: string, patientId: string, dateOfService: string): EncounterRecord => ({
  id, finalizedAt: `${dateOfService}T12:00:00.000Z`, patientId, providerId: 'DR-A', dateOfService, payerProfile: 'medicare',
  encounter: { dateOfService, patientId, providerId: 'DR-A', placeOfService: '11', claimType: 'professional', payerProfile: 'medicare', priorAuthorization: null, diagnoses: ['M54.16'], procedures: [], drugs: [], otherLines: [], documentation: {} },
  lines: [
    { code: '64483', modifiers: ['RT'], units: 1, label: 'TF', procedureIndex: 0, origin: 'procedure', ruleIds: [], trace: [] },
    { code: 'J3301', modifiers: [], units: 4, label: 'drug', procedureIndex: null, origin: 'drug', ruleIds: [], trace: [] },
  ],
  findings: [], counts: { error: 0, warning: 0, info: 0 }, review: 'not-needed', finalizeReason: null,
})

describe('IndexedDB worksheet store', () => {
  it('finalizing stores the encounter and removes its draft in one transaction', async () => {
    const { store } = freshStore()
    await store.saveDraft({ id: 'd1', createdAt: 'x', updatedAt: '2026-10-14T10:00:00Z', patientId: 'PT-1', dateOfService: '2026-10-14', values: {}, status: 'draft', returnNote: null })
    await store.finalize(encounter('d1', 'PT-1', '2026-10-14'), 'd1')
    expect(await store.getDraft('d1')).toBeUndefined()
    expect((await store.listEncounters('PT-1')).map((e) => e.id)).toEqual(['d1'])
  })

  it('gives a patient\'s history from finalized procedure lines and imported lines, across providers, by date', async () => {
    const { name, store } = freshStore()
    await store.finalize(encounter('e1', 'PT-1', '2026-05-01'), null)
    await store.finalize(encounter('e2', 'PT-2', '2026-06-01'), null)
    const db = await openWorksheetDb(name)
    await db.put('ledger', ledgerRecord(bucketOf('PT-1'), [{ patientId: 'PT-1', importId: 'i1', dateOfService: '2026-01-10', code: '64483', modifiers: ['LT'], units: 1, providerId: 'DR-B', key: 'PT-1|2026-01-10|64483|LT|1|DR-B' }]))
    db.close()
    expect(await store.patientHistory('PT-1')).toEqual([
      { dateOfService: '2026-01-10', code: '64483', modifiers: ['LT'], units: 1, providerId: 'DR-B' },
      { dateOfService: '2026-05-01', code: '64483', modifiers: ['RT'], units: 1, providerId: 'DR-A' },
    ])
  })

  it('lists drafts newest first and providers by name', async () => {
    const { store } = freshStore()
    for (const [id, at] of [['a', '2026-10-01T00:00:00Z'], ['b', '2026-10-03T00:00:00Z'], ['c', '2026-10-02T00:00:00Z']] as const) {
      await store.saveDraft({ id, createdAt: at, updatedAt: at, patientId: '', dateOfService: '', values: {}, status: 'draft', returnNote: null })
    }
    expect((await store.listDrafts()).map((d) => d.id)).toEqual(['b', 'c', 'a'])
    await store.saveProvider({ id: 'DR-B', name: 'Zed' })
    await store.saveProvider({ id: 'DR-A', name: 'Adams' })
    expect((await store.listProviders()).map((p) => p.id)).toEqual(['DR-A', 'DR-B'])
  })

  it('tells subscribers which tables changed, and stops after unsubscribe', async () => {
    const { store } = freshStore()
    const seen: (readonly StoreTable[])[] = []
    const off = store.subscribe((t) => seen.push(t))
    await store.saveProvider({ id: 'DR-A', name: 'Adams' })
    await store.finalize(encounter('e1', 'PT-1', '2026-05-01'), null)
    off()
    await store.deleteProvider('DR-A')
    expect(seen).toEqual([['providers'], ['encounters', 'drafts']])
  })

  it('keeps the data when the store is opened again (a reload)', async () => {
    const { name, store } = freshStore()
    await store.saveProvider({ id: 'DR-A', name: 'Adams' })
    await store.close()
    const again = createIdbStore(name)
    opened.push({ name, close: again.close })
    expect(await again.listProviders()).toEqual([{ id: 'DR-A', name: 'Adams' }])
  })
})

describe('draft backup for a closing page', () => {
  it('keeps a backup until it is taken, and a later save makes it obsolete', async () => {
    const { store } = freshStore()
    const draft = { id: 'd9', createdAt: 'a', updatedAt: 'b', patientId: 'PT-9', dateOfService: '2026-10-14', values: { x: 1 }, status: 'draft' as const, returnNote: null }
    store.backupDraftNow(draft)
    expect(store.takeDraftBackup('d9')).toEqual(draft)
    expect(store.takeDraftBackup('d9')).toBeUndefined()
    store.backupDraftNow(draft)
    await store.saveDraft({ ...draft, values: { x: 2 } })
    expect(store.takeDraftBackup('d9')).toBeUndefined()
  })
})

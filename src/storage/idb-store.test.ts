// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { openDB, unwrap } from 'idb'
import { afterEach, describe, expect, it } from 'vitest'
import { bucketOf, ledgerRecord } from './idb-shared.ts'
import { createIdbStore, DATABASE_VERSION, deleteStore, openWorksheetDb } from './idb-store.ts'
import type { EncounterRecord, RemittanceImportRecord, RemittancePayment, StoreTable } from './types.ts'
import { createOldStores } from './raw-schema.ts'

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

const payment = (checkOrEftNumber: string, paymentDate = '2026-11-21'): RemittancePayment => ({
  payerName: 'MEDICARE JF PART B', payerId: '03102', paymentDate, checkOrEftNumber, amount: 48608, claims: 1,
})
const remittance = (id: string, importedAt: string, payments: RemittancePayment[], fileName = `${id}.835`): RemittanceImportRecord => ({
  id, fileName, importedAt, userId: 'u-1', userName: 'Casey Coder',
  paymentKeys: payments.map((p) => `${p.payerId ?? p.payerName}|${p.checkOrEftNumber}|${p.paymentDate}`),
  payments, claims: payments.length, matchedClaims: 0, denials: [], unmatchedClaims: [], unmatchedLines: [],
})

describe('imported remittance files (schema version 7)', () => {
  it('stores an import, lists imports newest first, removes one, and notifies remittances', async () => {
    const { store } = freshStore()
    const seen: (readonly StoreTable[])[] = []
    store.subscribe((t) => seen.push(t))
    await store.importRemittance(remittance('r-old', '2026-11-20T09:00:00.000Z', [payment('EFT1')]))
    await store.importRemittance(remittance('r-new', '2026-11-22T09:00:00.000Z', [payment('EFT2'), payment('EFT3')]))
    expect((await store.listRemittances()).map((r) => r.id)).toEqual(['r-new', 'r-old'])
    await store.deleteRemittance('r-new')
    expect((await store.listRemittances()).map((r) => r.id)).toEqual(['r-old'])
    expect(seen).toEqual([['remittances'], ['remittances'], ['remittances']])
  })

  it('refuses a file holding a payment already imported, naming the payment and the earlier file, and writes nothing', async () => {
    const { store } = freshStore()
    await store.importRemittance(remittance('r-1', '2026-11-20T09:00:00.000Z', [payment('EFT1')], 'first.835'))
    const again = remittance('r-2', '2026-11-22T09:00:00.000Z', [payment('EFT9'), payment('EFT1')], 'second.835')
    await expect(store.importRemittance(again)).rejects.toThrow(
      /^The payment from MEDICARE JF PART B \(check\/EFT EFT1, dated 2026-11-21\) was already imported from first\.835 on 2026-11-20 \d{2}:\d{2} by Casey Coder\. Nothing was stored\./,
    )
    expect((await store.listRemittances()).map((r) => r.id)).toEqual(['r-1'])
    // The same check number on another date is another payment.
    await store.importRemittance(remittance('r-3', '2026-11-23T09:00:00.000Z', [payment('EFT1', '2026-11-22')]))
    // Removing the first import lets its payment be imported again.
    await store.deleteRemittance('r-1')
    await store.importRemittance(again)
    expect((await store.listRemittances()).map((r) => r.id)).toEqual(['r-3', 'r-2'])
  })

  it('a record without its id is refused as a write failure, nothing stored', async () => {
    const { store } = freshStore()
    const bad = { ...remittance('r-1', '2026-11-20T09:00:00.000Z', [payment('EFT1')]), id: undefined } as unknown as RemittanceImportRecord
    await expect(store.importRemittance(bad)).rejects.toThrow(/^The remittance file r-1\.835 could not be stored, so nothing was changed: /)
    expect(await store.listRemittances()).toEqual([])
  })
})

describe('schema version 6 to 7', () => {
  it('adds the remittances store and keeps what a version-6 store holds', async () => {
    const name = `idb-store-v6-${++n}`
    const v6 = await openDB(name, 6, { upgrade(db) { createOldStores(unwrap(db), 6) } })
    await v6.put('encounters', encounter('e1', 'PT-1', '2026-05-01'))
    await v6.put('users', { id: 'u-1', name: 'Casey Coder', role: 'coder', createdAt: '2026-11-26T10:00:00.000Z' })
    v6.close()

    const store = createIdbStore(name)
    opened.push({ name, close: store.close })
    expect((await store.listAllEncounters()).map((e) => e.id)).toEqual(['e1'])
    expect((await store.listUsers()).map((u) => u.id)).toEqual(['u-1'])
    expect(await store.listRemittances()).toEqual([])
    await store.importRemittance(remittance('r-1', '2026-11-20T09:00:00.000Z', [payment('EFT1')]))
    await expect(store.importRemittance(remittance('r-2', '2026-11-21T09:00:00.000Z', [payment('EFT1')]))).rejects.toThrow(/already imported/)
    expect((await store.countRecords()).remittances).toBe(1)
    const db = await openWorksheetDb(name)
    expect(db.version).toBe(DATABASE_VERSION)
    expect(DATABASE_VERSION).toBeGreaterThanOrEqual(7)
    const tx = db.transaction('remittances')
    expect([...tx.store.indexNames].sort()).toEqual(['importedAt', 'paymentKeys'])
    expect([tx.store.index('paymentKeys').unique, tx.store.index('paymentKeys').multiEntry]).toEqual([true, true])
    await tx.done
    db.close()
  })
})

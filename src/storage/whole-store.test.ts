// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { openDB, unwrap } from 'idb'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { medicareProfile } from '../domain/index.ts'
import { parseMueFile, quarterBounds } from '../domain/ncci/index.ts'
import { createIdbStore, DATABASE_VERSION, deleteStore, openWorksheetDb } from './idb-store.ts'
import { bucketOf, ledgerRecord } from './idb-shared.ts'
import { attemptRecord, practiceCaseRecord } from './training-test-records.ts'
import { articleRecord, icd10Record } from './reference-test-records.ts'
import type { AuditRecord, BackupData, ChargeSettingsRecord, CustomPayerProfileRecord, EncounterRecord, NcciTableRecord, NdcListRecord, RemittanceImportRecord, StoreTable } from './types.ts'
import { createOldStores } from './raw-schema.ts'

let n = 0
const opened: { name: string; close: () => Promise<void> }[] = []
function freshStore(name = `whole-store-${++n}`) {
  const store = createIdbStore(name)
  opened.push({ name, close: store.close })
  return { name, store }
}
afterEach(async () => { for (const o of opened.splice(0)) { await o.close(); await deleteStore(o.name) } })

const custom = (id: string, name: string): CustomPayerProfileRecord => ({
  profile: { ...structuredClone(medicareProfile), id, name }, basedOn: 'medicare', createdAt: '2026-11-26T10:00:00.000Z', updatedAt: '2026-11-26T10:00:00.000Z',
})

const encounter = (id: string, patientId: string, dateOfService: string): EncounterRecord => ({
  id, finalizedAt: `${dateOfService}T12:00:00.000Z`, patientId, providerId: 'DR-A', dateOfService, payerProfile: 'medicare',
  encounter: { dateOfService, patientId, providerId: 'DR-A', placeOfService: '11', claimType: 'professional', payerProfile: 'medicare', priorAuthorization: null, diagnoses: ['M54.16'], procedures: [], drugs: [], otherLines: [], documentation: {} },
  lines: [{ code: '64483', modifiers: ['RT'], units: 1, label: 'TF', procedureIndex: 0, origin: 'procedure', ruleIds: [], trace: [] }],
  findings: [], counts: { error: 0, warning: 0, info: 0 }, review: 'not-needed', finalizeReason: null,
})

function mueRecord(): NcciTableRecord {
  const { from, to } = quarterBounds('2026Q4')
  const parsed = parseMueFile(readFileSync(join(process.cwd(), 'src/domain/ncci/fixtures/mue-practitioner-2026q4.csv'), 'utf8'), { quarter: '2026Q4', effectiveFrom: from, effectiveTo: to })
  if (!parsed.ok) throw new Error('fixture')
  return { id: 'mue:2026Q4', kind: 'mue', quarter: '2026Q4', effectiveFrom: from, effectiveTo: to, loadedAt: '2026-11-23T10:00:00.000Z', fileNames: ['mue.csv'], entryCount: parsed.table.entries.size, table: parsed.table }
}

const row = (patientId: string, dateOfService: string, code = '64483') => ({ patientId, dateOfService, code, modifiers: ['RT'], units: 1, providerId: 'DR-B', key: `${patientId}|${dateOfService}|${code}|RT|1|DR-B` })

const remittance: RemittanceImportRecord = {
  id: 'r-1', fileName: 'era.835', importedAt: '2026-11-22T09:00:00.000Z', userId: null, userName: 'Casey Coder',
  paymentKeys: ['03102|EFT1|2026-11-21'],
  payments: [{ payerName: 'MEDICARE JF PART B', payerId: '03102', paymentDate: '2026-11-21', checkOrEftNumber: 'EFT1', amount: 0, claims: 1 }],
  claims: 1, matchedClaims: 0, denials: [], unmatchedClaims: [{ patientControlNumber: 'X', payerClaimNumber: 'Y', reason: 'no encounter' }], unmatchedLines: [],
}

async function fill(store: ReturnType<typeof freshStore>['store']) {
  await store.saveProvider({ id: 'DR-A', name: 'Adams' })
  await store.savePayerProfile(custom('medicare-practice', 'Medicare (practice)'))
  await store.importHistory([row('PT-1', '2026-01-10'), row('PT-2', '2026-02-10'), row('PT-10', '2026-03-10')], { importId: 'imp-1', fileName: 'a.csv', importedAt: '2026-11-01T00:00:00.000Z' })
  await store.finalize(encounter('e1', 'PT-1', '2026-05-01'), null)
  await store.finalize(encounter('e2', 'PT-3', '2026-06-01'), null)
  await store.saveDraft({ id: 'd1', createdAt: 'a', updatedAt: '2026-11-26T00:00:00Z', patientId: 'PT-4', dateOfService: '2026-11-26', values: { x: 1 }, status: 'draft', returnNote: null })
  await store.saveNcciTable(mueRecord())
  await store.importRemittance(remittance)
  const training = await store.training()
  await training.addAttempt(attemptRecord({ id: 'at-1' }))
  await training.savePracticeCase(practiceCaseRecord('pc-1', 'Our case'))
  await store.saveIcd10Release(icd10Record())
  await store.saveCoverageArticles([articleRecord('A56778')])
  await store.saveCoverageSettings({ id: 'practice', choices: { epidural: ['A56778'] }, settings: {}, updatedAt: '2026-11-26T10:00:00.000Z' })
  await store.recordChargeExports([chargeExport], [])
  await store.saveNdcEntry(ndcEntry('ndc-1', 'J1100', '2026-01-01'))
  await store.saveChargeSettings(chargeSettings('PMS'))
}

const chargeSettings = (receivingApplication: string): ChargeSettingsRecord => ({
  id: 'practice', sendingApplication: 'ICW', sendingFacility: 'Spine Clinic', receivingApplication, receivingFacility: '',
  columns: [{ header: 'Acct', field: 'patientAccount' }, { header: 'CPT', field: 'code' }], updatedAt: '2026-11-26T10:00:00.000Z',
})

const ndcEntry = (id: string, hcpcs: string, effectiveFrom: string | null, ndc11 = '12345678901'): NdcListRecord => ({
  id, hcpcs, ndc11, description: `${hcpcs} vial`, unit: 'ML', effectiveFrom, effectiveTo: null, updatedAt: '2026-11-26T10:00:00.000Z',
})

const chargeExport = { id: 'cx-1', encounterId: 'e1', exportedAt: '2026-11-27T09:00:00.000Z', userId: 'u-1', userName: 'Casey Coder', format: 'hl7' as const, fileName: 'charges.hl7' }

describe('custom payer profiles', () => {
  it('saves, lists by name, replaces by profile id and deletes, notifying payerProfiles', async () => {
    const { store } = freshStore()
    const seen: (readonly StoreTable[])[] = []
    store.subscribe((t) => seen.push(t))
    await store.savePayerProfile(custom('zeta-copy', 'Zeta copy'))
    await store.savePayerProfile(custom('alpha-copy', 'Alpha copy'))
    await store.savePayerProfile({ ...custom('zeta-copy', 'Beta copy'), updatedAt: '2026-11-27T00:00:00.000Z' })
    expect((await store.listPayerProfiles()).map((r) => [r.profile.id, r.profile.name])).toEqual([['alpha-copy', 'Alpha copy'], ['zeta-copy', 'Beta copy']])
    await store.deletePayerProfile('alpha-copy')
    expect((await store.listPayerProfiles()).map((r) => r.profile.id)).toEqual(['zeta-copy'])
    expect(seen).toEqual([['payerProfiles'], ['payerProfiles'], ['payerProfiles'], ['payerProfiles']])
  })
})

describe('the NDC list', () => {
  it('saves, lists by code with the latest start first, replaces by id and deletes, notifying ndcList', async () => {
    const { store } = freshStore()
    const seen: (readonly StoreTable[])[] = []
    store.subscribe((t) => seen.push(t))
    await store.saveNdcEntry(ndcEntry('b', 'J3301', '2025-01-01'))
    await store.saveNdcEntry(ndcEntry('a', 'J1100', null))
    await store.saveNdcEntry(ndcEntry('c', 'J1100', '2026-07-01', '22222333344'))
    await store.saveNdcEntry({ ...ndcEntry('b', 'J3301', '2025-01-01'), description: 'renamed' })
    expect((await store.listNdcList()).map((r) => [r.id, r.hcpcs, r.effectiveFrom])).toEqual([['c', 'J1100', '2026-07-01'], ['a', 'J1100', null], ['b', 'J3301', '2025-01-01']])
    expect((await store.listNdcList()).find((r) => r.id === 'b')?.description).toBe('renamed')
    await store.deleteNdcEntry('a')
    expect((await store.listNdcList()).map((r) => r.id)).toEqual(['c', 'b'])
    expect(seen).toEqual([['ndcList'], ['ndcList'], ['ndcList'], ['ndcList'], ['ndcList']])
  })
})

describe('the charge file settings', () => {
  it('holds none until saved, then the one practice record (kept under id practice), replaced by each save, notifying chargeSettings', async () => {
    const { store } = freshStore()
    const seen: (readonly StoreTable[])[] = []
    store.subscribe((t) => seen.push(t))
    expect(await store.getChargeSettings()).toBeNull()
    await store.saveChargeSettings(chargeSettings('PMS'))
    await store.saveChargeSettings({ ...chargeSettings('Athena'), id: 'desk-2' as 'practice' })
    expect(await store.getChargeSettings()).toEqual(chargeSettings('Athena'))
    expect(await store.countRecords()).toMatchObject({ chargeSettings: 1 })
    expect(seen).toEqual([['chargeSettings'], ['chargeSettings']])
  })
})

describe('finding patients', () => {
  it('lists patients of encounters and imported lines by id prefix, with their counts, up to the limit', async () => {
    const { store } = freshStore()
    await fill(store)
    expect(await store.findPatients('PT-1', 10)).toEqual([
      { patientId: 'PT-1', encounters: 1, historyLines: 1 },
      { patientId: 'PT-10', encounters: 0, historyLines: 1 },
    ])
    expect((await store.findPatients('', 10)).map((p) => p.patientId)).toEqual(['PT-1', 'PT-10', 'PT-2', 'PT-3'])
    expect((await store.findPatients('', 2)).map((p) => p.patientId)).toEqual(['PT-1', 'PT-10'])
    expect(await store.findPatients('XX', 10)).toEqual([])
    // A draft's patient is not in the ledger until it is finalized.
    expect(await store.findPatients('PT-4', 10)).toEqual([])
  })
})

describe('backup, restore and clear', () => {
  it('exports every table and a restore into an empty store gives the same records back', async () => {
    const { store } = freshStore()
    await fill(store)
    const backup = await store.exportBackup()
    expect(await store.countRecords()).toEqual({ users: 0, providers: 1, payerProfiles: 1, imports: 1, history: 3, encounters: 2, audit: 0, drafts: 1, ncci: 1, remittances: 1, attempts: 1, practiceCases: 1, icd10: 1, coverageArticles: 1, coverageSettings: 1, chargeExports: 1, ndcList: 1, chargeSettings: 1 })
    expect(backup.history.map((h) => h.key).sort()).toEqual(['PT-10|2026-03-10|64483|RT|1|DR-B', 'PT-1|2026-01-10|64483|RT|1|DR-B', 'PT-2|2026-02-10|64483|RT|1|DR-B'])

    const other = freshStore().store
    const seen: (readonly StoreTable[])[] = []
    other.subscribe((t) => seen.push(t))
    const progress: [number, number][] = []
    await other.restoreBackup(backup, (done, total) => progress.push([done, total]))
    expect(await other.exportBackup()).toEqual(backup)
    expect(progress.at(-1)).toEqual([19, 19])
    expect(await other.listChargeExports()).toEqual([chargeExport])
    expect(await other.listNdcList()).toEqual([ndcEntry('ndc-1', 'J1100', '2026-01-01')])
    expect(await other.getChargeSettings()).toEqual(chargeSettings('PMS'))
    expect(seen).toHaveLength(1)
    expect(seen[0]).toEqual(expect.arrayContaining(['drafts', 'encounters', 'history', 'imports', 'providers', 'ncci', 'payerProfiles', 'remittances', 'attempts', 'practiceCases']))
    expect(await other.listRemittances()).toEqual([remittance])
    expect(await (await other.training()).listAttempts()).toEqual([attemptRecord({ id: 'at-1' })])
    expect(await (await other.training()).listPracticeCases()).toEqual([practiceCaseRecord('pc-1', 'Our case')])
    expect((await other.loadNcciTables()).mue[0]?.entries).toBeInstanceOf(Map)
    expect((await other.listNcciTables()).map((t) => t.id)).toEqual(['mue:2026Q4'])
    expect((await other.listIcd10Releases()).map((r) => r.id)).toEqual(['2027'])
    expect(await other.loadIcd10Releases()).toEqual([icd10Record()])
    expect((await other.getCoverageSettings()).choices).toEqual({ epidural: ['A56778'] })
    expect(await other.patientHistory('PT-1')).toEqual(await store.patientHistory('PT-1'))
  })

  it('replaces what was stored: records absent from the backup are gone after the restore', async () => {
    const { store } = freshStore()
    await fill(store)
    const backup = await store.exportBackup()
    const target = freshStore().store
    await target.saveProvider({ id: 'DR-OLD', name: 'Old' })
    await target.restoreBackup(backup)
    expect((await target.listProviders()).map((p) => p.id)).toEqual(['DR-A'])
  })

  it('writes nothing when a record fails: the old data stays (all or nothing)', async () => {
    const { store } = freshStore()
    await fill(store)
    const before = await store.exportBackup()
    // The last table written holds a record without its key, which the store refuses.
    const bad: BackupData = { ...before, providers: [{ id: 'DR-NEW', name: 'New' }], ncci: [...before.ncci, { ...before.ncci[0], id: undefined } as never] }
    await expect(store.restoreBackup(bad)).rejects.toThrow(/could not be stored, so nothing was changed/)
    expect(await store.exportBackup()).toEqual(before)
  })

  it('clears every table, and notifies every table', async () => {
    const { store } = freshStore()
    await fill(store)
    store.backupDraftNow({ id: 'd1', createdAt: 'a', updatedAt: 'b', patientId: '', dateOfService: '', values: {}, status: 'draft', returnNote: null })
    await store.clearAll()
    expect(await store.countRecords()).toEqual({ users: 0, providers: 0, payerProfiles: 0, imports: 0, history: 0, encounters: 0, audit: 0, drafts: 0, ncci: 0, remittances: 0, attempts: 0, practiceCases: 0, icd10: 0, coverageArticles: 0, coverageSettings: 0, chargeExports: 0, ndcList: 0, chargeSettings: 0 })
    expect(await store.listNcciTables()).toEqual([])
    expect(await store.listIcd10Releases()).toEqual([])
    expect(await store.getCoverageSettings()).toEqual({ id: 'practice', choices: {}, settings: {}, updatedAt: null })
    expect(await store.getChargeSettings()).toBeNull()
    expect(await store.listRemittances()).toEqual([])
    // The payment index was cleared too: the same payment can be imported again.
    await store.importRemittance(remittance)
    expect(store.takeDraftBackup('d1')).toBeUndefined()
  })
})

describe('schema version 3 to 4', () => {
  it('adds payer profiles and describes the NCCI tables a version-3 store already holds', async () => {
    const name = `whole-store-v3-${++n}`
    const v3 = await openDB(name, 3, {
      upgrade(db) {
        db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt')
        const encounters = db.createObjectStore('encounters', { keyPath: 'id' })
        encounters.createIndex('patientId', 'patientId')
        const history = db.createObjectStore('history', { keyPath: 'id', autoIncrement: true })
        history.createIndex('patientId', 'patientId')
        history.createIndex('key', 'key', { unique: true })
        db.createObjectStore('providers', { keyPath: 'id' }).createIndex('name', 'name')
        db.createObjectStore('imports', { keyPath: 'id' }).createIndex('importedAt', 'importedAt')
        db.createObjectStore('ncci', { keyPath: 'id' })
      },
    })
    const mue = mueRecord()
    await v3.put('ncci', mue)
    await v3.put('providers', { id: 'DR-A', name: 'Adams' })
    v3.close()

    const { store } = freshStore(name)
    expect(await store.listNcciTables()).toEqual([{ id: mue.id, kind: 'mue', quarter: '2026Q4', effectiveFrom: mue.effectiveFrom, effectiveTo: mue.effectiveTo, loadedAt: mue.loadedAt, fileNames: ['mue.csv'], entryCount: mue.entryCount }])
    expect(await store.listProviders()).toEqual([{ id: 'DR-A', name: 'Adams' }])
    expect(await store.listPayerProfiles()).toEqual([])
    const db = await openWorksheetDb(name)
    expect(db.version).toBe(DATABASE_VERSION)
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['payerProfiles', 'ncciInfo']))
    db.close()
  })
})

describe('a newer version opened in another tab', () => {
  it('closes this connection, tells the app once, and every later call fails with the same plain message', async () => {
    const { name, store } = freshStore()
    await store.saveProvider({ id: 'DR-A', name: 'Adams' })
    const messages: string[] = []
    store.onConnectionLost((m) => messages.push(m))
    const newer = await openDB(name, DATABASE_VERSION + 1)
    expect(messages).toEqual([expect.stringMatching(/newer version of the app was opened in another tab.*Reload this tab/)])
    await expect(store.listProviders()).rejects.toThrow(messages[0])
    const late: string[] = []
    store.onConnectionLost((m) => late.push(m))
    expect(late).toEqual(messages)
    newer.close()
  })
})

describe('users and the audit log (schema version 6)', () => {
  const entry = (id: string, at: string, encounterId = 'e1', action = 'finalize'): AuditRecord => ({
    id, at, userId: 'u-1', userName: 'Casey Coder', encounterId, lineIndex: null, action, from: null, to: 'pending', reason: null, note: null,
  })

  it('keeps user profiles by name', async () => {
    const { store } = freshStore()
    await store.saveUser({ id: 'u-2', name: 'Sam Supervisor', role: 'supervisor', createdAt: '2026-11-26T10:00:00.000Z' })
    await store.saveUser({ id: 'u-1', name: 'Casey Coder', role: 'coder', createdAt: '2026-11-26T10:00:00.000Z' })
    expect((await store.listUsers()).map((u) => u.name)).toEqual(['Casey Coder', 'Sam Supervisor'])
  })

  it('finalize appends its audit entries in the same transaction, and lists every encounter', async () => {
    const { store } = freshStore()
    const seen: (readonly StoreTable[])[] = []
    store.subscribe((t) => seen.push(t))
    await store.finalize({ ...encounter('e1', 'PT-1', '2026-05-01'), finalizedBy: 'u-1' }, null, [entry('a-1', '2026-11-26T10:00:00.000Z')])
    await store.finalize(encounter('e2', 'PT-2', '2026-06-01'), null)
    expect(seen).toEqual([['encounters', 'drafts', 'audit'], ['encounters', 'drafts']])
    expect(await store.listAudit()).toEqual([entry('a-1', '2026-11-26T10:00:00.000Z')])
    expect((await store.listAllEncounters()).map((e) => [e.id, e.finalizedBy ?? null])).toEqual([['e1', 'u-1'], ['e2', null]])
  })

  it('a finalize whose audit entry is refused stores nothing', async () => {
    const { store } = freshStore()
    await store.appendAudit([entry('a-1', '2026-11-26T09:00:00.000Z', 'e0')])
    await expect(store.finalize(encounter('e1', 'PT-1', '2026-05-01'), null, [entry('a-1', '2026-11-26T10:00:00.000Z')])).rejects.toThrow()
    expect(await store.listAllEncounters()).toEqual([])
  })

  it('appends only: an id already in the log fails the whole append; lists oldest first, per encounter', async () => {
    const { store } = freshStore()
    await store.appendAudit([entry('a-2', '2026-11-26T11:00:00.000Z', 'e1', 'approve'), entry('a-1', '2026-11-26T10:00:00.000Z')])
    await expect(store.appendAudit([entry('a-3', '2026-11-26T12:00:00.000Z', 'e2'), entry('a-1', '2026-11-26T12:00:00.000Z')])).rejects.toThrow(/nothing was changed/)
    expect((await store.listAudit()).map((e) => e.id)).toEqual(['a-1', 'a-2'])
    await store.appendAudit([entry('a-3', '2026-11-26T12:00:00.000Z', 'e2')])
    expect((await store.listAudit('e1')).map((e) => e.id)).toEqual(['a-1', 'a-2'])
    expect((await store.listAudit('e2')).map((e) => e.id)).toEqual(['a-3'])
  })

  it('backs up and restores users and the audit log with everything else', async () => {
    const { store } = freshStore()
    await fill(store)
    await store.saveUser({ id: 'u-1', name: 'Casey Coder', role: 'coder', createdAt: '2026-11-26T10:00:00.000Z' })
    await store.appendAudit([entry('a-1', '2026-11-26T10:00:00.000Z')])
    const backup = await store.exportBackup()
    expect([backup.users.length, backup.audit.length]).toEqual([1, 1])
    const other = freshStore().store
    await other.restoreBackup(backup)
    expect(await other.exportBackup()).toEqual(backup)
  })
})

describe('schema version 5 to 6', () => {
  it('adds the users and audit stores and keeps the ledger of a version-5 store', async () => {
    const name = `whole-store-v5-${++n}`
    const v5 = await openDB(name, 5, { upgrade(db) { createOldStores(unwrap(db), 5) } })
    const line = { patientId: 'PT-1', importId: 'i1', dateOfService: '2026-01-10', code: '64483', modifiers: ['LT'], units: 1, key: 'PT-1|2026-01-10|64483|LT|1|' }
    await v5.put('ledger', ledgerRecord(bucketOf('PT-1'), [line]))
    v5.close()

    const { store } = freshStore(name)
    expect(await store.patientHistory('PT-1')).toEqual([{ dateOfService: '2026-01-10', code: '64483', modifiers: ['LT'], units: 1 }])
    expect(await store.listUsers()).toEqual([])
    expect(await store.listAudit()).toEqual([])
    const db = await openWorksheetDb(name)
    expect(db.version).toBe(DATABASE_VERSION)
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['users', 'audit']))
    db.close()
  })
})

describe('charge exports', () => {
  const audit = (id: string) => ({ id, at: '2026-11-27T09:00:00.000Z', userId: 'u-1', userName: 'Casey Coder', encounterId: 'e1', lineIndex: null, action: 'charge-export', from: null, to: 'charges.hl7', reason: null, note: null })

  it('records the exports with their audit entries, oldest first, notifying chargeExports and audit', async () => {
    const { store } = freshStore()
    const seen: (readonly StoreTable[])[] = []
    store.subscribe((t) => seen.push(t))
    const later = { ...chargeExport, id: 'cx-2', exportedAt: '2026-11-28T09:00:00.000Z', format: 'csv' as const, fileName: 'charges.csv' }
    await store.recordChargeExports([later], [audit('a-2')])
    await store.recordChargeExports([chargeExport], [audit('a-1')])
    expect(await store.listChargeExports()).toEqual([chargeExport, later])
    expect((await store.listAudit('e1')).map((a) => a.id)).toEqual(['a-1', 'a-2'])
    expect(seen).toContainEqual(['chargeExports', 'audit'])
  })

  it('writes nothing when one record is refused (an id already stored)', async () => {
    const { store } = freshStore()
    await store.recordChargeExports([chargeExport], [audit('a-1')])
    const second = { ...chargeExport, id: 'cx-2' }
    await expect(store.recordChargeExports([second, chargeExport], [audit('a-2')])).rejects.toThrow()
    expect(await store.listChargeExports()).toEqual([chargeExport])
    expect((await store.listAudit()).map((a) => a.id)).toEqual(['a-1'])
  })
})

import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { HistoryLine } from '../domain/index.ts'
import { BACKUP_TABLES, bucketOf, byNdcListOrder, EMPTY_COVERAGE_SETTINGS, writeFailure } from './idb-shared.ts'
import { byReleaseDesc } from './icd10-codes.ts'
import { byQuarterDesc, ncciTablesOf } from '../group-api/evaluation-reference.ts'
import type { AuditRecord, ChargeExportRecord, ChargeSettingsRecord, CoverageArticleRecord, CoverageSettingsRecord, CustomPayerProfileRecord, Icd10ReleaseInfo, Icd10ReleaseRecord, DraftRecord, EncounterRecord, ImportRecord, LedgerRecord, NcciTableInfo, NcciTableRecord, NdcListRecord, PracticeCaseRecord, ProviderRecord, RemittanceImportRecord, StoreTable, TrainingAttemptRecord, UserRecord, WorksheetStore } from './types.ts'

/**
 * WorksheetStore on IndexedDB through idb (a 1.5 KB promise wrapper; the whole app's JavaScript
 * must stay under 150 KB gzip). Each schema version is an upgrade step below, so a browser
 * holding an older store is brought forward in place.
 */

export const DATABASE_NAME = 'injection-coding-worksheet'
export const DATABASE_VERSION = 12
const CHANNEL = 'injection-coding-worksheet-store'
const BACKUP_PREFIX = 'injection-coding-worksheet:draft-backup:'
const CONNECTION_LOST = 'A newer version of the app was opened in another tab, so this tab can no longer read or save data. Reload this tab to continue; drafts saved before are kept.'

export interface WorksheetDb extends DBSchema {
  drafts: { key: string; value: DraftRecord; indexes: { updatedAt: string; patientId: string; status: string } }
  encounters: { key: string; value: EncounterRecord; indexes: { patientId: string; finalizedAt: string; dateOfService: string; review: string } }
  ledger: { key: number; value: LedgerRecord; indexes: { patientIds: string } }
  users: { key: string; value: UserRecord; indexes: { name: string } }
  audit: { key: string; value: AuditRecord; indexes: { encounterId: string; at: string } }
  imports: { key: string; value: ImportRecord; indexes: { importedAt: string } }
  providers: { key: string; value: ProviderRecord; indexes: { name: string } }
  ncci: { key: string; value: NcciTableRecord }
  ncciInfo: { key: string; value: NcciTableInfo }
  payerProfiles: { key: string; value: CustomPayerProfileRecord }
  remittances: { key: string; value: RemittanceImportRecord; indexes: { importedAt: string; paymentKeys: string } }
  attempts: { key: string; value: TrainingAttemptRecord; indexes: { userId: string; caseId: string; submittedAt: string } }
  practiceCases: { key: string; value: PracticeCaseRecord }
  icd10: { key: string; value: Icd10ReleaseRecord }
  icd10Info: { key: string; value: Icd10ReleaseInfo }
  coverageArticles: { key: string; value: CoverageArticleRecord }
  coverageSettings: { key: string; value: CoverageSettingsRecord }
  chargeExports: { key: string; value: ChargeExportRecord; indexes: { encounterId: string; exportedAt: string } }
  ndcList: { key: string; value: NdcListRecord }
  chargeSettings: { key: string; value: ChargeSettingsRecord }
}

const ALL_TABLES: StoreTable[] = [...BACKUP_TABLES]

/** Newest quarter first; MUE before PTP within a quarter. */

function encounterLines(e: EncounterRecord): HistoryLine[] {
  return e.lines
    .filter((l) => l.origin === 'procedure')
    .map((l) => ({ dateOfService: e.dateOfService, code: l.code, modifiers: l.modifiers, units: l.units, providerId: e.providerId }))
}

const byDate = (a: { dateOfService: string }, b: { dateOfService: string }) => (a.dateOfService < b.dateOfService ? -1 : a.dateOfService > b.dateOfService ? 1 : 0)

/** The version of the stored database (0 when there is none, or when the browser cannot say). */
async function storedVersion(name: string): Promise<number> {
  try {
    return (await indexedDB.databases()).find((d) => d.name === name)?.version ?? 0
  } catch {
    return 0
  }
}

function openAt(name: string, onClosed: (() => void) | undefined, steps: typeof import('./idb-upgrade.ts') | null): Promise<IDBPDatabase<WorksheetDb>> {
  const dbPromise: Promise<IDBPDatabase<WorksheetDb>> = openDB<WorksheetDb>(name, DATABASE_VERSION, {
    // Without the upgrade steps loaded (the database was current when checked), an upgrade that
    // still comes (the database was deleted meanwhile) is aborted and the open retried with them.
    upgrade: (db, oldVersion, _newVersion, tx) => { if (steps) steps.upgrade(db, oldVersion, tx); else { tx.done.catch(() => undefined); tx.abort() } },
    blocking: () => { void dbPromise.then((db) => { db.close(); onClosed?.() }) },
    terminated: () => onClosed?.(),
  })
  return dbPromise
}

/**
 * Opens the database, creating or upgrading it. The upgrade steps (every schema version since
 * the first) load only when the stored database is older than this version of the app. A newer
 * version of the app opened in another tab closes this connection so that its upgrade can run;
 * `onClosed` is then called.
 */
export async function openWorksheetDb(name: string = DATABASE_NAME, onClosed?: () => void): Promise<IDBPDatabase<WorksheetDb>> {
  const upgradeSteps = () => import('./idb-upgrade.ts')
  if ((await storedVersion(name)) < DATABASE_VERSION) return openAt(name, onClosed, await upgradeSteps())
  try {
    return await openAt(name, onClosed, null)
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name !== 'AbortError') throw error
    return openAt(name, onClosed, await upgradeSteps())
  }
}

// Backup, restore and clear are only needed on the backup screen: loaded on first use.
const wholeStore = () => import('./idb-backup.ts')

/** The store over the database. */
export function createIdbStore(name: string = DATABASE_NAME): WorksheetStore & { close: () => Promise<void> } {
  let lost: string | null = null
  const lostListeners = new Set<(message: string) => void>()
  const dbPromise = openWorksheetDb(name, () => {
    lost = CONNECTION_LOST
    for (const l of lostListeners) l(CONNECTION_LOST)
  })
  // Every call after the connection was lost fails with the same plain message.
  const database = (): Promise<IDBPDatabase<WorksheetDb>> => (lost ? Promise.reject(new Error(lost)) : dbPromise)
  const listeners = new Set<(tables: readonly StoreTable[]) => void>()
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${CHANNEL}:${name}`)
  const emit = (tables: readonly StoreTable[]) => { for (const l of listeners) l(tables) }
  if (channel) channel.onmessage = (event: MessageEvent<readonly StoreTable[]>) => emit(event.data)
  const changed = (...tables: StoreTable[]) => {
    emit(tables)
    channel?.postMessage(tables)
  }

  return {
    async listDrafts() {
      const db = await database()
      return (await db.getAllFromIndex('drafts', 'updatedAt')).reverse()
    },
    async getDraft(id) { return (await database()).get('drafts', id) },
    async saveDraft(draft) {
      await (await database()).put('drafts', draft)
      // Stored for good: a backup left by a closing page is now older than the draft.
      try { localStorage.removeItem(`${BACKUP_PREFIX}${name}:${draft.id}`) } catch { /* no storage */ }
      changed('drafts')
    },
    async deleteDraft(id) { await (await database()).delete('drafts', id); changed('drafts') },
    async finalize(encounter, draftId, audit = []) {
      const db = await database()
      const tx = db.transaction(['encounters', 'drafts', 'audit'], 'readwrite')
      try {
        await Promise.all([
          tx.objectStore('encounters').put(encounter),
          draftId ? tx.objectStore('drafts').delete(draftId) : undefined,
          ...audit.map((entry) => tx.objectStore('audit').add(entry)),
          tx.done,
        ])
      } catch (error) {
        throw writeFailure(error, 'this encounter')
      }
      changed('encounters', 'drafts', ...(audit.length > 0 ? (['audit'] as const) : []))
    },
    async listAllEncounters() { return (await database()).getAll('encounters') },
    async listUsers() { return (await database()).getAllFromIndex('users', 'name') },
    async saveUser(user) { await (await database()).put('users', user); changed('users') },
    async appendAudit(entries) {
      const tx = (await database()).transaction('audit', 'readwrite')
      try {
        await Promise.all([...entries.map((entry) => tx.store.add(entry)), tx.done])
      } catch (error) {
        throw writeFailure(error, 'the audit log entry')
      }
      changed('audit')
    },
    async listAudit(encounterId) {
      const db = await database()
      const entries = encounterId === undefined ? await db.getAllFromIndex('audit', 'at') : await db.getAllFromIndex('audit', 'encounterId', encounterId)
      return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    },
    async returnToCoder(draft, audit) {
      const { returnDraft } = await import('./idb-review.ts')
      const stored = await returnDraft(await database(), draft, audit)
      changed('drafts', 'audit')
      return stored
    },
    async importRemittance(record) {
      await (await import('./idb-remittance.ts')).addRemittance(await database(), record)
      changed('remittances')
    },
    async listRemittances() { return (await (await database()).getAllFromIndex('remittances', 'importedAt')).reverse() },
    async deleteRemittance(id) { await (await database()).delete('remittances', id); changed('remittances') },
    async recordChargeExports(records, audit) {
      const db = await database()
      const tx = db.transaction(['chargeExports', 'audit'], 'readwrite')
      try {
        await Promise.all([...records.map((r) => tx.objectStore('chargeExports').add(r)), ...audit.map((e) => tx.objectStore('audit').add(e)), tx.done])
      } catch (error) {
        try { tx.abort() } catch { /* already finished */ }
        throw writeFailure(error, 'the charge export')
      }
      changed('chargeExports', 'audit')
    },
    async listChargeExports() { return (await database()).getAllFromIndex('chargeExports', 'exportedAt') },
    // Training mode's stores: loaded on first use.
    training: async () => (await import('./idb-training.ts')).trainingStore(database, changed),
    async listEncounters(patientId) {
      return (await (await database()).getAllFromIndex('encounters', 'patientId', patientId)).sort(byDate)
    },
    async patientHistory(patientId) {
      const db = await database()
      const tx = db.transaction(['encounters', 'ledger'], 'readonly')
      const [encounters, imported] = await Promise.all([
        tx.objectStore('encounters').index('patientId').getAll(patientId),
        tx.objectStore('ledger').get(bucketOf(patientId)),
        tx.done,
      ])
      const lines: HistoryLine[] = encounters.flatMap(encounterLines)
      for (const h of imported?.lines ?? []) if (h.patientId === patientId) lines.push({ dateOfService: h.dateOfService, code: h.code, modifiers: h.modifiers, units: h.units, ...(h.providerId ? { providerId: h.providerId } : {}) })
      return lines.sort(byDate)
    },
    async importHistory(rows, meta, onProgress) {
      // The bulk write is only needed on the import screen: loaded on first use.
      const { importIntoLedger } = await import('./idb-ledger.ts')
      const result = await importIntoLedger(await database(), rows, meta, onProgress)
      changed('history', 'imports')
      return result
    },
    async listImports() {
      return (await (await database()).getAllFromIndex('imports', 'importedAt')).reverse()
    },
    async listProviders() { return (await database()).getAllFromIndex('providers', 'name') },
    async saveProvider(p) { await (await database()).put('providers', p); changed('providers') },
    async deleteProvider(id) { await (await database()).delete('providers', id); changed('providers') },
    async saveNcciTable(record) {
      // Loading a table happens on the NCCI screen only: the write loads on first use.
      await (await import('./idb-ncci.ts')).putNcciTable(await database(), record)
      changed('ncci')
    },
    async listNcciTables() {
      return (await (await database()).getAll('ncciInfo')).sort(byQuarterDesc)
    },
    async loadNcciTables() {
      return ncciTablesOf(await (await database()).getAll('ncci'))
    },
    async deleteNcciTable(id) {
      await (await import('./idb-ncci.ts')).removeNcciTable(await database(), id)
      changed('ncci')
    },
    async saveIcd10Release(record) {
      await (await import('./idb-reference.ts')).putIcd10Release(await database(), record)
      changed('icd10')
    },
    async listIcd10Releases() { return (await (await database()).getAll('icd10Info')).sort(byReleaseDesc) },
    async loadIcd10Releases() { return (await (await database()).getAll('icd10')).sort(byReleaseDesc) },
    async deleteIcd10Release(id) {
      await (await import('./idb-reference.ts')).removeIcd10Release(await database(), id)
      changed('icd10')
    },
    async saveCoverageArticles(records) {
      await (await import('./idb-reference.ts')).putCoverageArticles(await database(), records)
      changed('coverageArticles')
    },
    async listCoverageArticles() {
      return (await (await database()).getAll('coverageArticles')).sort((a, b) => (a.article.articleId < b.article.articleId ? -1 : a.article.articleId > b.article.articleId ? 1 : 0))
    },
    async deleteCoverageArticle(articleId) {
      await (await import('./idb-reference.ts')).removeCoverageArticle(await database(), articleId)
      changed('coverageArticles', 'coverageSettings')
    },
    async getCoverageSettings() { return (await (await database()).get('coverageSettings', 'practice')) ?? EMPTY_COVERAGE_SETTINGS },
    async saveCoverageSettings(record) { await (await database()).put('coverageSettings', { ...record, id: 'practice' }); changed('coverageSettings') },
    async getChargeSettings() { return (await (await database()).get('chargeSettings', 'practice')) ?? null },
    async saveChargeSettings(record) { await (await database()).put('chargeSettings', { ...record, id: 'practice' }); changed('chargeSettings') },
    async listPayerProfiles() {
      return (await (await database()).getAll('payerProfiles')).sort((a, b) => a.profile.name.localeCompare(b.profile.name))
    },
    async savePayerProfile(record) { await (await database()).put('payerProfiles', record); changed('payerProfiles') },
    async deletePayerProfile(id) { await (await database()).delete('payerProfiles', id); changed('payerProfiles') },
    async listNdcList() { return (await (await database()).getAll('ndcList')).sort(byNdcListOrder) },
    async saveNdcEntry(record) { await (await database()).put('ndcList', record); changed('ndcList') },
    async deleteNdcEntry(id) { await (await database()).delete('ndcList', id); changed('ndcList') },
    async findPatients(prefix, limit) {
      // Only the patients screen searches: loaded on first use.
      return (await import('./idb-patients.ts')).findPatients(await database(), prefix, limit)
    },
    async countRecords() { return (await wholeStore()).countAll(await database()) },
    async exportBackup() { return (await wholeStore()).exportAll(await database()) },
    async restoreBackup(data, onProgress) {
      await (await wholeStore()).restoreAll(await database(), data, onProgress)
      changed(...ALL_TABLES)
    },
    async clearAll() {
      await (await wholeStore()).clearEverything(await database())
      try {
        for (let i = localStorage.length - 1; i >= 0; i--) {
          const key = localStorage.key(i)
          if (key?.startsWith(`${BACKUP_PREFIX}${name}:`)) localStorage.removeItem(key)
        }
      } catch { /* no storage */ }
      changed(...ALL_TABLES)
    },
    backupDraftNow(draft) {
      try { localStorage.setItem(`${BACKUP_PREFIX}${name}:${draft.id}`, JSON.stringify(draft)) } catch { /* no room or no storage: the async save still runs */ }
    },
    takeDraftBackup(id) {
      try {
        const key = `${BACKUP_PREFIX}${name}:${id}`
        const text = localStorage.getItem(key)
        if (text === null) return undefined
        localStorage.removeItem(key)
        return JSON.parse(text) as DraftRecord
      } catch { return undefined }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => { listeners.delete(listener) }
    },
    onConnectionLost(listener) {
      lostListeners.add(listener)
      if (lost) listener(lost)
      return () => { lostListeners.delete(listener) }
    },
    async close() {
      channel?.close()
      ;(await dbPromise).close()
    },
  }
}

/** Removes a database (tests, and the "clear all data" action). */
export async function deleteStore(name: string = DATABASE_NAME): Promise<void> {
  await deleteDB(name)
}

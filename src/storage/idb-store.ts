import { deleteDB, openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb'
import type { HistoryLine } from '../domain/index.ts'
import { legacyHistoryKey } from './history-key.ts'
import { BACKUP_TABLES, bucketOf, groupLedger, ncciInfoOf, writeFailure } from './idb-shared.ts'
import type { MueTable, PtpTable } from '../domain/ncci/index.ts'
import type { AuditRecord, CustomPayerProfileRecord, DraftRecord, EncounterRecord, HistoryRecord, ImportRecord, LedgerRecord, NcciTableInfo, NcciTableRecord, PatientSummary, ProviderRecord, StoreTable, UserRecord, WorksheetStore } from './types.ts'

/**
 * WorksheetStore on IndexedDB through idb (a 1.5 KB promise wrapper; the whole app's JavaScript
 * must stay under 150 KB gzip). Each schema version is an upgrade step below, so a browser
 * holding an older store is brought forward in place.
 */

export const DATABASE_NAME = 'injection-coding-worksheet'
export const DATABASE_VERSION = 6
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
}

const ALL_TABLES: StoreTable[] = [...BACKUP_TABLES]

type UpgradeTransaction = IDBPTransaction<WorksheetDb, StoreNames<WorksheetDb>[], 'versionchange'>

/** A stored line of schema versions 1 to 4: one record per imported line (version 1 had no key). */
interface LegacyHistoryRecord extends HistoryLine {
  id: number
  patientId: string
  importId: string
  key?: string
}

interface LegacyDb extends DBSchema {
  history: { key: number; value: LegacyHistoryRecord }
}

/**
 * Brings a store of any earlier version forward: the structure in order, then the data steps one
 * after the other in the same transaction (a failing step aborts the upgrade and keeps the old
 * store as it was).
 */
function upgrade(db: IDBPDatabase<WorksheetDb>, oldVersion: number, tx: UpgradeTransaction): void {
  if (oldVersion < 1) {
    const drafts = db.createObjectStore('drafts', { keyPath: 'id' })
    drafts.createIndex('updatedAt', 'updatedAt')
    drafts.createIndex('patientId', 'patientId')
    drafts.createIndex('status', 'status')
    const encounters = db.createObjectStore('encounters', { keyPath: 'id' })
    encounters.createIndex('patientId', 'patientId')
    encounters.createIndex('finalizedAt', 'finalizedAt')
    encounters.createIndex('dateOfService', 'dateOfService')
    encounters.createIndex('review', 'review')
    const providers = db.createObjectStore('providers', { keyPath: 'id' })
    providers.createIndex('name', 'name')
  }
  // Version 2: imports are recorded (and history lines got a unique key, now part of the ledger).
  if (oldVersion < 2) db.createObjectStore('imports', { keyPath: 'id' }).createIndex('importedAt', 'importedAt')
  // Version 3: the CMS NCCI tables (practitioner MUE and PTP), one record per kind and quarter.
  if (oldVersion < 3) db.createObjectStore('ncci', { keyPath: 'id' })
  if (oldVersion < 4) {
    // Version 4: the practice's own payer profiles, and the NCCI tables' descriptions kept apart
    // from the tables so that listing them does not read every entry.
    db.createObjectStore('payerProfiles', { keyPath: 'profile.id' })
    db.createObjectStore('ncciInfo', { keyPath: 'id' })
  }
  // Version 5: imported history in ledger buckets instead of one record per line.
  if (oldVersion < 5) db.createObjectStore('ledger', { keyPath: 'bucket' }).createIndex('patientIds', 'patientIds', { multiEntry: true })
  if (oldVersion < 6) {
    // Version 6: local user profiles and the append-only audit log of the review.
    db.createObjectStore('users', { keyPath: 'id' }).createIndex('name', 'name')
    const audit = db.createObjectStore('audit', { keyPath: 'id' })
    audit.createIndex('encounterId', 'encounterId')
    audit.createIndex('at', 'at')
  }

  if (oldVersion >= 1) {
    migrateData(db, oldVersion, tx).catch(() => {
      try { tx.abort() } catch { /* already finished */ }
    })
  }
}

async function migrateData(db: IDBPDatabase<WorksheetDb>, oldVersion: number, tx: UpgradeTransaction): Promise<void> {
  if (oldVersion >= 3 && oldVersion < 4) {
    let cursor = await tx.objectStore('ncci').openCursor()
    while (cursor) {
      await tx.objectStore('ncciInfo').put(ncciInfoOf(cursor.value))
      cursor = await cursor.continue()
    }
  }
  if (oldVersion < 5) {
    await moveHistoryToLedger(tx)
    ;(db as unknown as IDBPDatabase<LegacyDb>).deleteObjectStore('history')
  }
}

/** Lines read per request while moving a version 1-4 history store into the ledger. */
const MIGRATION_BATCH = 10_000

/**
 * Groups the per-line history records of versions 1 to 4 into ledger buckets, in stored order.
 * A version-1 line gets its key; a line repeating an earlier one (the same key) is dropped, as an
 * import would have skipped it.
 */
async function moveHistoryToLedger(tx: UpgradeTransaction): Promise<void> {
  const history = (tx as unknown as IDBPTransaction<LegacyDb, ['history'], 'versionchange'>).objectStore('history')
  const lines: HistoryRecord[] = []
  const seen = new Set<string>()
  let after: number | null = null
  for (;;) {
    const batch: LegacyHistoryRecord[] = await history.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), MIGRATION_BATCH)
    for (const record of batch) {
      const lineKey = record.key ?? legacyHistoryKey(record)
      if (seen.has(lineKey)) continue
      seen.add(lineKey)
      lines.push({
        patientId: record.patientId, dateOfService: record.dateOfService, code: record.code, modifiers: record.modifiers, units: record.units,
        ...(record.providerId ? { providerId: record.providerId } : {}), importId: record.importId, key: lineKey,
      })
    }
    if (batch.length < MIGRATION_BATCH) break
    after = batch[batch.length - 1]?.id ?? null
  }
  const ledger = tx.objectStore('ledger')
  await Promise.all(groupLedger(lines).map((record) => ledger.put(record)))
}

/** Newest quarter first; MUE before PTP within a quarter. */
const byQuarterDesc = (a: { quarter: string; kind: string }, b: { quarter: string; kind: string }) =>
  a.quarter !== b.quarter ? (a.quarter < b.quarter ? 1 : -1) : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0

function encounterLines(e: EncounterRecord): HistoryLine[] {
  return e.lines
    .filter((l) => l.origin === 'procedure')
    .map((l) => ({ dateOfService: e.dateOfService, code: l.code, modifiers: l.modifiers, units: l.units, providerId: e.providerId }))
}

const byDate = (a: { dateOfService: string }, b: { dateOfService: string }) => (a.dateOfService < b.dateOfService ? -1 : a.dateOfService > b.dateOfService ? 1 : 0)

/**
 * Opens the database, creating or upgrading it. A newer version of the app opened in another tab
 * closes this connection so that its upgrade can run; `onClosed` is then called.
 */
export function openWorksheetDb(name: string = DATABASE_NAME, onClosed?: () => void): Promise<IDBPDatabase<WorksheetDb>> {
  const dbPromise: Promise<IDBPDatabase<WorksheetDb>> = openDB<WorksheetDb>(name, DATABASE_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
    blocking: () => { void dbPromise.then((db) => { db.close(); onClosed?.() }) },
    terminated: () => onClosed?.(),
  })
  return dbPromise
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
      const stored = { ...record, id: `${record.kind}:${record.quarter}` }
      const tx = (await database()).transaction(['ncci', 'ncciInfo'], 'readwrite')
      try {
        await Promise.all([tx.objectStore('ncci').put(stored), tx.objectStore('ncciInfo').put(ncciInfoOf(stored)), tx.done])
      } catch (error) {
        throw writeFailure(error, 'this NCCI table')
      }
      changed('ncci')
    },
    async listNcciTables() {
      return (await (await database()).getAll('ncciInfo')).sort(byQuarterDesc)
    },
    async loadNcciTables() {
      const records = (await (await database()).getAll('ncci')).sort(byQuarterDesc)
      const mue: MueTable[] = []
      const ptp: PtpTable[] = []
      for (const r of records) {
        if (r.kind === 'mue') mue.push(r.table)
        else ptp.push(r.table)
      }
      return { mue, ptp }
    },
    async deleteNcciTable(id) {
      const tx = (await database()).transaction(['ncci', 'ncciInfo'], 'readwrite')
      await Promise.all([tx.objectStore('ncci').delete(id), tx.objectStore('ncciInfo').delete(id), tx.done])
      changed('ncci')
    },
    async listPayerProfiles() {
      return (await (await database()).getAll('payerProfiles')).sort((a, b) => a.profile.name.localeCompare(b.profile.name))
    },
    async savePayerProfile(record) { await (await database()).put('payerProfiles', record); changed('payerProfiles') },
    async deletePayerProfile(id) { await (await database()).delete('payerProfiles', id); changed('payerProfiles') },
    async findPatients(prefix, limit) {
      const db = await database()
      const tx = db.transaction(['encounters', 'ledger'], 'readonly')
      const range = prefix === '' ? null : IDBKeyRange.bound(prefix, `${prefix}\uffff`)
      const max = Math.max(0, limit)
      // The first `limit` ids of the union are among the first `limit` of each.
      const encounterIds: string[] = []
      let cursor = await tx.objectStore('encounters').index('patientId').openKeyCursor(range, 'nextunique')
      while (cursor && encounterIds.length < max) {
        encounterIds.push(String(cursor.key))
        cursor = await cursor.continue()
      }
      const ledgerIds: string[] = []
      let patients = await tx.objectStore('ledger').index('patientIds').openKeyCursor(range, 'nextunique')
      while (patients && ledgerIds.length < max) {
        ledgerIds.push(String(patients.key))
        patients = await patients.continue()
      }
      const ids = [...new Set([...encounterIds, ...ledgerIds])].sort().slice(0, max)
      const summaries: PatientSummary[] = await Promise.all(ids.map(async (patientId) => ({
        patientId,
        encounters: await tx.objectStore('encounters').index('patientId').count(patientId),
        historyLines: (await tx.objectStore('ledger').get(bucketOf(patientId)))?.lines.filter((l) => l.patientId === patientId).length ?? 0,
      })))
      await tx.done
      return summaries
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

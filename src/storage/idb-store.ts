import { deleteDB, openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb'
import type { HistoryLine } from '../domain/index.ts'
import { legacyHistoryKey } from './history-key.ts'
import { BACKUP_TABLES, clearEverything, countAll, exportAll, ncciInfoOf, restoreAll, writeFailure } from './idb-backup.ts'
import type { MueTable, PtpTable } from '../domain/ncci/index.ts'
import type { CustomPayerProfileRecord, DraftRecord, EncounterRecord, HistoryRecord, ImportRecord, NcciTableInfo, NcciTableRecord, PatientSummary, ProviderRecord, StoreTable, WorksheetStore } from './types.ts'

/**
 * WorksheetStore on IndexedDB through idb (a 1.5 KB promise wrapper; the whole app's JavaScript
 * must stay under 150 KB gzip). Each schema version is an upgrade step below, so a browser
 * holding an older store is brought forward in place.
 */

export const DATABASE_NAME = 'injection-coding-worksheet'
export const DATABASE_VERSION = 4
const CHANNEL = 'injection-coding-worksheet-store'
const BACKUP_PREFIX = 'injection-coding-worksheet:draft-backup:'
const CONNECTION_LOST = 'A newer version of the app was opened in another tab, so this tab can no longer read or save data. Reload this tab to continue; drafts saved before are kept.'

export interface WorksheetDb extends DBSchema {
  drafts: { key: string; value: DraftRecord; indexes: { updatedAt: string; patientId: string; status: string } }
  encounters: { key: string; value: EncounterRecord; indexes: { patientId: string; finalizedAt: string; dateOfService: string; review: string } }
  history: { key: number; value: HistoryRecord; indexes: { patientId: string; patientDate: [string, string]; importId: string; key: string } }
  imports: { key: string; value: ImportRecord; indexes: { importedAt: string } }
  providers: { key: string; value: ProviderRecord; indexes: { name: string } }
  ncci: { key: string; value: NcciTableRecord }
  ncciInfo: { key: string; value: NcciTableInfo }
  payerProfiles: { key: string; value: CustomPayerProfileRecord }
}

const ALL_TABLES: StoreTable[] = [...BACKUP_TABLES]

type UpgradeTransaction = IDBPTransaction<WorksheetDb, StoreNames<WorksheetDb>[], 'versionchange'>

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
    const history = db.createObjectStore('history', { keyPath: 'id', autoIncrement: true })
    history.createIndex('patientId', 'patientId')
    history.createIndex('patientDate', ['patientId', 'dateOfService'])
    history.createIndex('importId', 'importId')
    const providers = db.createObjectStore('providers', { keyPath: 'id' })
    providers.createIndex('name', 'name')
  }
  if (oldVersion < 2) {
    // Version 2: each history line carries its dedupe key, unique in the store, and imports are recorded.
    tx.objectStore('history').createIndex('key', 'key', { unique: true })
    db.createObjectStore('imports', { keyPath: 'id' }).createIndex('importedAt', 'importedAt')
    if (oldVersion >= 1) {
      keyVersion1History(tx).catch(() => {
        try { tx.abort() } catch { /* already finished */ }
      })
    }
  }
  if (oldVersion < 3) {
    // Version 3: the CMS NCCI tables (practitioner MUE and PTP), one record per kind and quarter.
    db.createObjectStore('ncci', { keyPath: 'id' })
  }
  if (oldVersion < 4) {
    // Version 4: the practice's own payer profiles, and the NCCI tables' descriptions kept apart
    // from the tables so that listing them does not read every entry.
    db.createObjectStore('payerProfiles', { keyPath: 'profile.id' })
    db.createObjectStore('ncciInfo', { keyPath: 'id' })
    if (oldVersion >= 3) {
      describeStoredNcciTables(tx).catch(() => {
        try { tx.abort() } catch { /* already finished */ }
      })
    }
  }
}

async function describeStoredNcciTables(tx: UpgradeTransaction): Promise<void> {
  let cursor = await tx.objectStore('ncci').openCursor()
  while (cursor) {
    await tx.objectStore('ncciInfo').put(ncciInfoOf(cursor.value))
    cursor = await cursor.continue()
  }
}

/** Newest quarter first; MUE before PTP within a quarter. */
const byQuarterDesc = (a: { quarter: string; kind: string }, b: { quarter: string; kind: string }) =>
  a.quarter !== b.quarter ? (a.quarter < b.quarter ? 1 : -1) : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0

/**
 * Gives the history lines of a version-1 store their key, in the upgrade transaction. A line
 * repeating an earlier one (the same key) is removed, as an import would have skipped it.
 */
async function keyVersion1History(tx: UpgradeTransaction): Promise<void> {
  const seen = new Set<string>()
  let cursor = await tx.objectStore('history').openCursor()
  while (cursor) {
    const key = legacyHistoryKey(cursor.value)
    if (seen.has(key)) await cursor.delete()
    else {
      seen.add(key)
      await cursor.update({ ...cursor.value, key })
    }
    cursor = await cursor.continue()
  }
}

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
    async finalize(encounter, draftId) {
      const db = await database()
      const tx = db.transaction(['encounters', 'drafts'], 'readwrite')
      await Promise.all([tx.objectStore('encounters').put(encounter), draftId ? tx.objectStore('drafts').delete(draftId) : undefined, tx.done])
      changed('encounters', 'drafts')
    },
    async listEncounters(patientId) {
      return (await (await database()).getAllFromIndex('encounters', 'patientId', patientId)).sort(byDate)
    },
    async patientHistory(patientId) {
      const db = await database()
      const tx = db.transaction(['encounters', 'history'], 'readonly')
      const [encounters, imported] = await Promise.all([
        tx.objectStore('encounters').index('patientId').getAll(patientId),
        tx.objectStore('history').index('patientId').getAll(patientId),
        tx.done,
      ])
      const lines: HistoryLine[] = encounters.flatMap(encounterLines)
      for (const h of imported) lines.push({ dateOfService: h.dateOfService, code: h.code, modifiers: h.modifiers, units: h.units, ...(h.providerId ? { providerId: h.providerId } : {}) })
      return lines.sort(byDate)
    },
    async importHistory(rows, meta, onProgress) {
      // The bulk write is only needed on the import screen: loaded on first use.
      const { importHistoryInto } = await import('./idb-bulk-import.ts')
      const result = await importHistoryInto(await database(), rows, meta, onProgress)
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
      const tx = db.transaction(['encounters', 'history'], 'readonly')
      const range = prefix === '' ? null : IDBKeyRange.bound(prefix, `${prefix}\uffff`)
      // The first `limit` ids of the union are among the first `limit` of each index.
      const firstIds = async (index: 'encounters' | 'history') => {
        const ids: string[] = []
        let cursor = await tx.objectStore(index).index('patientId').openKeyCursor(range, 'nextunique')
        while (cursor && ids.length < limit) {
          ids.push(String(cursor.key))
          cursor = await cursor.continue()
        }
        return ids
      }
      const [fromEncounters, fromHistory] = [await firstIds('encounters'), await firstIds('history')]
      const ids = [...new Set([...fromEncounters, ...fromHistory])].sort().slice(0, Math.max(0, limit))
      const summaries: PatientSummary[] = await Promise.all(ids.map(async (patientId) => ({
        patientId,
        encounters: await tx.objectStore('encounters').index('patientId').count(patientId),
        historyLines: await tx.objectStore('history').index('patientId').count(patientId),
      })))
      await tx.done
      return summaries
    },
    async countRecords() { return countAll(await database()) },
    async exportBackup() { return exportAll(await database()) },
    async restoreBackup(data, onProgress) {
      await restoreAll(await database(), data, onProgress)
      changed(...ALL_TABLES)
    },
    async clearAll() {
      await clearEverything(await database())
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

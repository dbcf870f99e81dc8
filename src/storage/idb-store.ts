import { deleteDB, openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb'
import type { HistoryLine } from '../domain/index.ts'
import { legacyHistoryKey } from './history-key.ts'
import type { MueTable, PtpTable } from '../domain/ncci/index.ts'
import type { DraftRecord, EncounterRecord, HistoryRecord, ImportRecord, NcciTableInfo, NcciTableRecord, ProviderRecord, StoreTable, WorksheetStore } from './types.ts'

/**
 * WorksheetStore on IndexedDB through idb (a 1.5 KB promise wrapper; the whole app's JavaScript
 * must stay under 150 KB gzip). Each schema version is an upgrade step below, so a browser
 * holding an older store is brought forward in place.
 */

export const DATABASE_NAME = 'injection-coding-worksheet'
export const DATABASE_VERSION = 3
const CHANNEL = 'injection-coding-worksheet-store'
const BACKUP_PREFIX = 'injection-coding-worksheet:draft-backup:'

export interface WorksheetDb extends DBSchema {
  drafts: { key: string; value: DraftRecord; indexes: { updatedAt: string; patientId: string; status: string } }
  encounters: { key: string; value: EncounterRecord; indexes: { patientId: string; finalizedAt: string; dateOfService: string; review: string } }
  history: { key: number; value: HistoryRecord; indexes: { patientId: string; patientDate: [string, string]; importId: string; key: string } }
  imports: { key: string; value: ImportRecord; indexes: { importedAt: string } }
  providers: { key: string; value: ProviderRecord; indexes: { name: string } }
  ncci: { key: string; value: NcciTableRecord }
}

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
}

/** Newest quarter first; MUE before PTP within a quarter. */
const byQuarterDesc = (a: { quarter: string; kind: string }, b: { quarter: string; kind: string }) =>
  a.quarter !== b.quarter ? (a.quarter < b.quarter ? 1 : -1) : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0

function ncciInfo(r: NcciTableRecord): NcciTableInfo {
  return { id: r.id, kind: r.kind, quarter: r.quarter, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, loadedAt: r.loadedAt, fileNames: [...r.fileNames], entryCount: r.entryCount }
}

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

/** Opens the database, creating or upgrading it; a newer version opened in another tab closes this one. */
export function openWorksheetDb(name: string = DATABASE_NAME): Promise<IDBPDatabase<WorksheetDb>> {
  const dbPromise: Promise<IDBPDatabase<WorksheetDb>> = openDB<WorksheetDb>(name, DATABASE_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
    blocking: () => { void dbPromise.then((db) => db.close()) },
  })
  return dbPromise
}

/** The store over the database. */
export function createIdbStore(name: string = DATABASE_NAME): WorksheetStore & { close: () => Promise<void> } {
  const dbPromise = openWorksheetDb(name)
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
      const db = await dbPromise
      return (await db.getAllFromIndex('drafts', 'updatedAt')).reverse()
    },
    async getDraft(id) { return (await dbPromise).get('drafts', id) },
    async saveDraft(draft) {
      await (await dbPromise).put('drafts', draft)
      // Stored for good: a backup left by a closing page is now older than the draft.
      try { localStorage.removeItem(`${BACKUP_PREFIX}${name}:${draft.id}`) } catch { /* no storage */ }
      changed('drafts')
    },
    async deleteDraft(id) { await (await dbPromise).delete('drafts', id); changed('drafts') },
    async finalize(encounter, draftId) {
      const db = await dbPromise
      const tx = db.transaction(['encounters', 'drafts'], 'readwrite')
      await Promise.all([tx.objectStore('encounters').put(encounter), draftId ? tx.objectStore('drafts').delete(draftId) : undefined, tx.done])
      changed('encounters', 'drafts')
    },
    async listEncounters(patientId) {
      return (await (await dbPromise).getAllFromIndex('encounters', 'patientId', patientId)).sort(byDate)
    },
    async patientHistory(patientId) {
      const db = await dbPromise
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
      const result = await importHistoryInto(await dbPromise, rows, meta, onProgress)
      changed('history', 'imports')
      return result
    },
    async listImports() {
      return (await (await dbPromise).getAllFromIndex('imports', 'importedAt')).reverse()
    },
    async listProviders() { return (await dbPromise).getAllFromIndex('providers', 'name') },
    async saveProvider(p) { await (await dbPromise).put('providers', p); changed('providers') },
    async deleteProvider(id) { await (await dbPromise).delete('providers', id); changed('providers') },
    async saveNcciTable(record) {
      await (await dbPromise).put('ncci', { ...record, id: `${record.kind}:${record.quarter}` })
      changed('ncci')
    },
    async listNcciTables() {
      // Each record carries its whole table; a cursor would not avoid reading it, so read all and drop it.
      return (await (await dbPromise).getAll('ncci')).sort(byQuarterDesc).map(ncciInfo)
    },
    async loadNcciTables() {
      const records = (await (await dbPromise).getAll('ncci')).sort(byQuarterDesc)
      const mue: MueTable[] = []
      const ptp: PtpTable[] = []
      for (const r of records) {
        if (r.kind === 'mue') mue.push(r.table)
        else ptp.push(r.table)
      }
      return { mue, ptp }
    },
    async deleteNcciTable(id) { await (await dbPromise).delete('ncci', id); changed('ncci') },
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

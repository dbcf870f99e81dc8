import { deleteDB, openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb'
import type { Change, ChangeList, ChargeExportSummary, EncounterSummary, HistoryImportSummary, HistoryLineList, PracticeRecord, RemittanceSummary } from '../../../group-api/index.ts'
import { writeFailure } from '../../idb-shared.ts'
import type { HistoryChunk, HistoryImportRow, OutboxEntry, ReplicaTable, ReturnedEncounter, SyncMeta, TrainingAttempt, WriteAnswer } from './types.ts'

/**
 * This device's copy of what the signed-in person may read in the practice (one IndexedDB
 * database per practice and person), the place in the change feed it has reached, and the
 * outbox of writes not yet answered by the server. Through idb, like the standalone store.
 */

export const REPLICA_VERSION = 5
const META_KEY = 'sync'

interface MetaRow extends SyncMeta {
  id: typeof META_KEY
}

export interface ReplicaDb extends DBSchema {
  encounters: { key: string; value: EncounterSummary; indexes: { patientId: string; dateOfService: string; review: string; finalizedBy: string } }
  attempts: { key: string; value: TrainingAttempt; indexes: { userId: string; submittedAt: string } }
  meta: { key: string; value: MetaRow }
  outbox: { key: number; value: OutboxEntry; indexes: { state: string } }
  /** The practice's history imports, with how far this device has read each one's lines. */
  historyImports: { key: string; value: HistoryImportRow; indexes: { importedAt: string } }
  /** Imported claim lines, one record per patient and page read (so a page is one write). */
  history: { key: [string, string, number]; value: HistoryChunk; indexes: { patientId: string } }
  /** A server attempt id to the id of the full attempt record this device kept. */
  attemptLinks: { key: string; value: { serverId: string; localId: string } }
  /** Returned encounters this device no longer offers as drafts: finalized again here, or discarded. */
  dismissed: { key: string; value: { id: string; at: string; why: DismissReason } }
  /** The practice's shared records and this person's drafts, by kind and key (version 3). */
  records: { key: [string, string]; value: PracticeRecord; indexes: { id: string; kind: string } }
  /** The practice's imported 835 files, as the server matched them (version 4). */
  remittances: { key: string; value: RemittanceSummary; indexes: { importedAt: string } }
  /** The practice's charge-export log, one row per encounter exported (version 5). */
  chargeExports: { key: string; value: ChargeExportSummary; indexes: { encounterId: string } }
}

type OutboxDraft = Omit<OutboxEntry, 'order'>

/** Why a returned encounter left the drafts: its coder finalized it again, or discarded it. */
export type DismissReason = 'finalized' | 'discarded'

/** The history lines of a page, one chunk per patient, in the page's order. */
export function chunksOf(importId: string, page: HistoryLineList): HistoryChunk[] {
  return page.patients.map((p) => ({
    patientId: p.patientId, importId, first: p.first,
    lines: p.dates.map((dateOfService, i) => ({ dateOfService, code: p.codes[i], modifiers: p.modifiers[i], units: p.units[i], providerId: p.providers[i], key: p.keys[i] })),
  }))
}

export interface Replica {
  readonly name: string
  /** Calls the listener after this replica changed, in this tab or another; returns the unsubscribe. */
  subscribe(listener: (tables: readonly ReplicaTable[]) => void): () => void
  meta(): Promise<SyncMeta>
  /**
   * Applies a page pulled after `after` and moves the cursor to the page's, in one transaction.
   * False (nothing written) when the cursor is no longer `after`: another tab applied it first.
   */
  applyPage(after: number, page: ChangeList, syncedAt: string): Promise<boolean>
  encounter(id: string): Promise<EncounterSummary | undefined>
  /** A patient's encounters, newest date of service first. */
  encountersOfPatient(patientId: string): Promise<EncounterSummary[]>
  /** Encounters waiting for a reviewer, oldest finalized first. */
  reviewQueue(): Promise<EncounterSummary[]>
  /** Encounters returned to the person who finalized them, oldest return first. */
  returnedTo(userId: string): Promise<ReturnedEncounter[]>
  /** A person's practice attempts, oldest first. */
  attemptsOf(userId: string): Promise<TrainingAttempt[]>
  allEncounters(): Promise<EncounterSummary[]>
  allAttempts(): Promise<TrainingAttempt[]>
  addOutboxEntry(entry: OutboxDraft): Promise<OutboxEntry>
  /** The outbox in sending order. */
  outbox(): Promise<OutboxEntry[]>
  /** The first entry still to be sent, in order. */
  nextPending(): Promise<OutboxEntry | undefined>
  outboxEntry(order: number): Promise<OutboxEntry | undefined>
  putOutboxEntry(entry: OutboxEntry): Promise<void>
  deleteOutboxEntry(order: number): Promise<void>
  /** Stores a write's answer and removes its outbox entry, in one transaction (the cursor stays). */
  completeOutboxEntry(order: number, answer: WriteAnswer): Promise<void>
  outboxCounts(): Promise<{ pending: number; needsAttention: number }>
  /** The practice's history imports, newest first. */
  historyImports(): Promise<HistoryImportRow[]>
  /** The imports whose lines this device has not read to the end. */
  unreadImports(): Promise<HistoryImportRow[]>
  /**
   * Stores a page of an import's lines and moves its line cursor, in one transaction. False
   * (nothing written) when the cursor is no longer `after` (another tab read the page first)
   * or the import is gone.
   */
  applyHistoryPage(importId: string, after: number, page: HistoryLineList): Promise<boolean>
  /** A patient's imported lines, every import, in the order read. */
  historyOfPatient(patientId: string): Promise<HistoryChunk[]>
  /** Patients with imported lines whose id starts with `prefix` ('' for all), in id order, at most `limit`. */
  historyPatients(prefix: string, limit: number): Promise<string[]>
  /** Patients with encounters whose id starts with `prefix` ('' for all), in id order, at most `limit`. */
  encounterPatients(prefix: string, limit: number): Promise<string[]>
  /** Which full local attempt record each server attempt stands for. */
  attemptLinks(): Promise<Map<string, string>>
  dismissed(): Promise<Map<string, DismissReason>>
  dismiss(id: string, at: string, why: DismissReason): Promise<void>
  /** The synced records of a kind, by key. */
  records(kind: PracticeRecord['kind']): Promise<PracticeRecord[]>
  record(kind: PracticeRecord['kind'], key: string): Promise<PracticeRecord | undefined>
  /** The practice's imported 835 files, newest first. */
  remittances(): Promise<RemittanceSummary[]>
  /** The practice's charge exports, oldest first. */
  chargeExports(): Promise<ChargeExportSummary[]>
  close(): void
}

/** The replica database of one person in one practice. */
export function replicaName(practiceId: string, userId: string): string {
  return `icw-replica-${practiceId}-${userId}`
}

const EMPTY_META: SyncMeta = { cursor: 0, head: 0, lastSyncedAt: null }

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const newestFirst = (a: EncounterSummary, b: EncounterSummary) => byText(b.dateOfService, a.dateOfService) || byText(b.finalizedAt, a.finalizedAt) || byText(a.id, b.id)
const oldestFinalizedFirst = (a: EncounterSummary, b: EncounterSummary) => byText(a.finalizedAt, b.finalizedAt) || byText(a.id, b.id)
const bySubmitted = (a: TrainingAttempt, b: TrainingAttempt) => byText(a.submittedAt, b.submittedAt) || byText(a.id, b.id)

function returnedEncounter(encounter: EncounterSummary): ReturnedEncounter {
  const returns = encounter.decisions.filter((d) => d.action === 'return')
  const latest = returns.at(-1)
  return { encounter, note: latest?.reason ?? null, returnedBy: latest?.decidedByName ?? '', returnedAt: latest?.decidedAt ?? encounter.finalizedAt, returns }
}

type ApplyStores = ('encounters' | 'attempts' | 'meta' | 'historyImports' | 'history' | 'records' | 'remittances' | 'chargeExports')[]
type ApplyTx = IDBPTransaction<ReplicaDb, ApplyStores, 'readwrite'>

const missingRow = (change: Change) => new Error(`The server sent change ${change.seq} (${change.entity} ${change.id}) without the row it changed.`)

/** A history import's row: its summary, and where this device stands in reading its lines (kept across updates). */
async function applyImport(tx: ApplyTx, change: Change): Promise<unknown> {
  const imports = tx.objectStore('historyImports')
  if (change.op === 'delete') {
    const lines = tx.objectStore('history')
    let cursor = await lines.openCursor()
    while (cursor) {
      if (cursor.value.importId === change.id) await cursor.delete()
      cursor = await cursor.continue()
    }
    return imports.delete(change.id)
  }
  const summary: HistoryImportSummary | undefined = change.historyImport
  if (!summary || summary.id !== change.id) throw missingRow(change)
  const stored = await imports.get(change.id)
  return imports.put({ ...summary, linesCursor: stored?.linesCursor ?? 0, linesComplete: stored?.linesComplete ?? summary.rows === 0 })
}

/** Stores a record unless this replica already has a later version of it (an answer and a pull can cross). */
async function putRecord(store: { get(key: [string, string]): Promise<PracticeRecord | undefined>; put(value: PracticeRecord): Promise<unknown> }, record: PracticeRecord): Promise<unknown> {
  const stored = await store.get([record.kind, record.key])
  if (stored && stored.id === record.id && stored.version > record.version) return undefined
  return store.put(record)
}

/** A record's row: put by kind and key; a deletion names the row's id (a record made again under the key has another). */
async function applyRecord(tx: ApplyTx, change: Change): Promise<unknown> {
  const records = tx.objectStore('records')
  if (change.op === 'delete') {
    const key = await records.index('id').getKey(change.id)
    return key === undefined ? undefined : records.delete(key)
  }
  if (!change.record || change.record.id !== change.id) throw missingRow(change)
  return putRecord(records, change.record)
}

/** An imported 835 file: never changed once stored, only added or removed. */
function applyRemittance(tx: ApplyTx, change: Change): Promise<unknown> {
  const remittances = tx.objectStore('remittances')
  if (change.op === 'delete') return remittances.delete(change.id)
  if (!change.remittance || change.remittance.id !== change.id) throw missingRow(change)
  return remittances.put(change.remittance)
}

/** An encounter's charge export: never changed once stored. */
function applyChargeExport(tx: ApplyTx, change: Change): Promise<unknown> {
  const exports = tx.objectStore('chargeExports')
  if (change.op === 'delete') return exports.delete(change.id)
  if (!change.chargeExport || change.chargeExport.id !== change.id) throw missingRow(change)
  return exports.put(change.chargeExport)
}

function applyChange(tx: ApplyTx, change: Change): Promise<unknown> {
  if (change.entity === 'history-import') return applyImport(tx, change)
  if (change.entity === 'charge-export') return applyChargeExport(tx, change)
  if (change.entity === 'record') return applyRecord(tx, change)
  if (change.entity === 'remittance') return applyRemittance(tx, change)
  const table = change.entity === 'encounter' ? tx.objectStore('encounters') : tx.objectStore('attempts')
  if (change.op === 'delete') return table.delete(change.id)
  const row = change.entity === 'encounter' ? change.encounter : change.attempt
  if (!row || row.id !== change.id) throw missingRow(change)
  return change.entity === 'encounter' ? tx.objectStore('encounters').put(row as EncounterSummary) : tx.objectStore('attempts').put(row as TrainingAttempt)
}

/** Which tables of the app a page's changes touch. */
function tablesOf(changes: readonly Change[]): ReplicaTable[] {
  const tables = new Set<ReplicaTable>()
  for (const c of changes) {
    tables.add(c.entity === 'encounter' ? 'encounters' : c.entity === 'training-attempt' ? 'attempts' : c.entity === 'record' ? 'records' : c.entity === 'remittance' ? 'remittances'
      : c.entity === 'charge-export' ? 'chargeExports' : 'history')
  }
  return [...tables]
}

/**
 * Runs `write` in one readwrite transaction and waits for it to commit; any failed request or
 * thrown error aborts it, so nothing of it is kept.
 */
type StoreName = 'encounters' | 'attempts' | 'meta' | 'outbox' | 'historyImports' | 'history' | 'attemptLinks' | 'dismissed' | 'records' | 'remittances' | 'chargeExports'

async function inTransaction<S extends StoreName[], T>(
  db: IDBPDatabase<ReplicaDb>, stores: S, what: string,
  write: (tx: IDBPTransaction<ReplicaDb, S, 'readwrite'>, track: (request: Promise<unknown>) => void) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, 'readwrite')
  const done = tx.done
  done.catch(() => { /* awaited below, or the write already failed */ })
  const requests: Promise<unknown>[] = []
  const track = (request: Promise<unknown>) => {
    request.catch(() => { /* awaited below; after an abort every request rejects */ })
    requests.push(request)
  }
  try {
    const result = await write(tx, track)
    await Promise.all([...requests, done])
    return result
  } catch (error) {
    try { tx.abort() } catch { /* already aborted */ }
    await done.catch(() => undefined)
    throw writeFailure(error, what)
  }
}

/** The distinct patient ids of an index starting with `prefix`, in order, at most `limit`. */
async function patientsOf(index: { openKeyCursor(range: IDBKeyRange | null, direction: IDBCursorDirection): Promise<{ key: unknown; continue(): Promise<unknown> } | null> }, prefix: string, limit: number): Promise<string[]> {
  const range = prefix === '' ? null : IDBKeyRange.bound(prefix, `${prefix}\uffff`)
  const ids: string[] = []
  let cursor = await index.openKeyCursor(range, 'nextunique')
  while (cursor && ids.length < limit) {
    ids.push(String(cursor.key))
    cursor = (await cursor.continue()) as typeof cursor
  }
  return ids
}

function replicaOver(name: string, db: IDBPDatabase<ReplicaDb>): Replica {
  const listeners = new Set<(tables: readonly ReplicaTable[]) => void>()
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`icw-replica:${name}`)
  const emit = (tables: readonly ReplicaTable[]) => { for (const l of [...listeners]) l(tables) }
  if (channel) channel.onmessage = (event: MessageEvent<readonly ReplicaTable[]>) => emit(event.data)
  const changed = (...tables: ReplicaTable[]) => {
    if (tables.length === 0) return
    emit(tables)
    channel?.postMessage(tables)
  }
  const putOutbox = async (entry: OutboxEntry) => {
    try {
      await db.put('outbox', entry)
    } catch (error) {
      throw writeFailure(error, 'the change to send')
    }
    changed('outbox')
  }

  return {
    name,
    subscribe(listener) {
      listeners.add(listener)
      return () => { listeners.delete(listener) }
    },
    async meta() {
      const row = await db.get('meta', META_KEY)
      return row ? { cursor: row.cursor, head: row.head, lastSyncedAt: row.lastSyncedAt } : { ...EMPTY_META }
    },
    async applyPage(after, page, syncedAt) {
      const applied = await inTransaction(db, ['encounters', 'attempts', 'meta', 'historyImports', 'history', 'records', 'remittances', 'chargeExports'], 'the synced changes', async (tx, track) => {
        const meta = (await tx.objectStore('meta').get(META_KEY)) ?? { id: META_KEY, ...EMPTY_META }
        if (meta.cursor !== after) return false
        for (const change of page.changes) track(applyChange(tx, change))
        track(tx.objectStore('meta').put({ id: META_KEY, cursor: page.cursor, head: page.head, lastSyncedAt: page.more ? meta.lastSyncedAt : syncedAt }))
        return true
      })
      if (applied) changed(...tablesOf(page.changes))
      return applied
    },
    encounter: (id) => db.get('encounters', id),
    async encountersOfPatient(patientId) {
      return (await db.getAllFromIndex('encounters', 'patientId', patientId)).sort(newestFirst)
    },
    async reviewQueue() {
      return (await db.getAllFromIndex('encounters', 'review', 'pending')).sort(oldestFinalizedFirst)
    },
    async returnedTo(userId) {
      const mine = await db.getAllFromIndex('encounters', 'finalizedBy', userId)
      return mine.filter((e) => e.review === 'returned').map(returnedEncounter)
        .sort((a, b) => byText(a.returnedAt, b.returnedAt) || byText(a.encounter.id, b.encounter.id))
    },
    async attemptsOf(userId) {
      return (await db.getAllFromIndex('attempts', 'userId', userId)).sort(bySubmitted)
    },
    allEncounters: () => db.getAll('encounters'),
    allAttempts: () => db.getAll('attempts'),
    async addOutboxEntry(entry) {
      let order: number
      try {
        // The store's key path fills `order` in (auto-increment).
        order = await db.add('outbox', entry as OutboxEntry)
      } catch (error) {
        throw writeFailure(error, 'the change to send')
      }
      changed('outbox')
      return { ...entry, order } as OutboxEntry
    },
    outbox: () => db.getAll('outbox'),
    async nextPending() {
      let cursor = await db.transaction('outbox').store.openCursor()
      while (cursor) {
        if (cursor.value.state === 'pending') return cursor.value
        cursor = await cursor.continue()
      }
      return undefined
    },
    outboxEntry: (order) => db.get('outbox', order),
    putOutboxEntry: putOutbox,
    async deleteOutboxEntry(order) {
      await db.delete('outbox', order)
      changed('outbox')
    },
    async completeOutboxEntry(order, answer) {
      await inTransaction(db, ['encounters', 'attempts', 'outbox', 'attemptLinks', 'records', 'remittances', 'chargeExports'], 'the saved change', async (tx, track) => {
        const entry = await tx.objectStore('outbox').get(order)
        if ('chargeExports' in answer) for (const e of answer.chargeExports) track(tx.objectStore('chargeExports').put(e))
        else if ('encounter' in answer) track(tx.objectStore('encounters').put(answer.encounter))
        else if ('remittance' in answer) track(tx.objectStore('remittances').put(answer.remittance))
        else if ('deletedRemittance' in answer) track(tx.objectStore('remittances').delete(answer.deletedRemittance.id))
        else if ('record' in answer) track(putRecord(tx.objectStore('records'), answer.record))
        else if ('deletedRecord' in answer) {
          const { id, kind, key } = answer.deletedRecord
          const stored = await tx.objectStore('records').get([kind, key])
          if (stored && (id === null || stored.id === id)) track(tx.objectStore('records').delete([kind, key]))
        } else {
          track(tx.objectStore('attempts').put(answer.attempt))
          const localId = entry?.local?.attemptId
          if (localId) track(tx.objectStore('attemptLinks').put({ serverId: answer.attempt.id, localId }))
        }
        track(tx.objectStore('outbox').delete(order))
      })
      changed('outbox', 'encounter' in answer ? 'encounters' : 'attempt' in answer ? 'attempts' : 'remittance' in answer || 'deletedRemittance' in answer ? 'remittances'
        : 'chargeExports' in answer ? 'chargeExports' : 'records')
    },
    async outboxCounts() {
      const index = db.transaction('outbox').store.index('state')
      const [pending, needsAttention] = await Promise.all([index.count('pending'), index.count('needs-attention')])
      return { pending, needsAttention }
    },
    async historyImports() {
      return (await db.getAllFromIndex('historyImports', 'importedAt')).reverse()
    },
    async unreadImports() {
      return (await db.getAllFromIndex('historyImports', 'importedAt')).filter((i) => !i.linesComplete)
    },
    async applyHistoryPage(importId, after, page) {
      const applied = await inTransaction(db, ['historyImports', 'history'], 'the imported claim lines', async (tx, track) => {
        const row = await tx.objectStore('historyImports').get(importId)
        if (!row || row.linesComplete || row.linesCursor !== after) return false
        for (const chunk of chunksOf(importId, page)) track(tx.objectStore('history').put(chunk))
        track(tx.objectStore('historyImports').put({ ...row, linesCursor: page.cursor, linesComplete: !page.more }))
        return true
      })
      if (applied && page.patients.length > 0) changed('history')
      return applied
    },
    async historyOfPatient(patientId) {
      return db.getAll('history', IDBKeyRange.bound([patientId], [patientId, []]))
    },
    historyPatients: (prefix, limit) => patientsOf(db.transaction('history').store.index('patientId'), prefix, limit),
    encounterPatients: (prefix, limit) => patientsOf(db.transaction('encounters').store.index('patientId'), prefix, limit),
    async attemptLinks() {
      return new Map((await db.getAll('attemptLinks')).map((l) => [l.serverId, l.localId]))
    },
    async dismissed() {
      return new Map((await db.getAll('dismissed')).map((d) => [d.id, d.why]))
    },
    async dismiss(id, at, why) {
      await db.put('dismissed', { id, at, why })
      changed('dismissed')
    },
    async records(kind) {
      return db.getAll('records', IDBKeyRange.bound([kind, ''], [kind, '\uffff']))
    },
    record: (kind, key) => db.get('records', [kind, key]),
    async remittances() {
      return (await db.getAllFromIndex('remittances', 'importedAt')).reverse()
    },
    async chargeExports() {
      return (await db.getAll('chargeExports')).sort((a, b) => byText(a.exportedAt, b.exportedAt) || byText(a.id, b.id))
    },
    close: () => {
      channel?.close()
      listeners.clear()
      db.close()
    },
  }
}

/**
 * Opens (creating on first use) the replica of a person in a practice. The connection closes
 * itself when the database is to be deleted or upgraded elsewhere (a sign-out in another tab),
 * so that neither waits on the other.
 */
export async function openReplica(practiceId: string, userId: string): Promise<Replica> {
  const name = replicaName(practiceId, userId)
  const dbPromise = openDB<ReplicaDb>(name, REPLICA_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const encounters = db.createObjectStore('encounters', { keyPath: 'id' })
        encounters.createIndex('patientId', 'patientId')
        encounters.createIndex('dateOfService', 'dateOfService')
        encounters.createIndex('review', 'review')
        encounters.createIndex('finalizedBy', 'finalizedBy')
        const attempts = db.createObjectStore('attempts', { keyPath: 'id' })
        attempts.createIndex('userId', 'userId')
        attempts.createIndex('submittedAt', 'submittedAt')
        db.createObjectStore('meta', { keyPath: 'id' })
        db.createObjectStore('outbox', { keyPath: 'order', autoIncrement: true }).createIndex('state', 'state')
      }
      if (oldVersion < 2) {
        db.createObjectStore('historyImports', { keyPath: 'id' }).createIndex('importedAt', 'importedAt')
        db.createObjectStore('history', { keyPath: ['patientId', 'importId', 'first'] }).createIndex('patientId', 'patientId')
        db.createObjectStore('attemptLinks', { keyPath: 'serverId' })
        db.createObjectStore('dismissed', { keyPath: 'id' })
      }
      if (oldVersion < 3) {
        const records = db.createObjectStore('records', { keyPath: ['kind', 'key'] })
        records.createIndex('id', 'id', { unique: true })
        records.createIndex('kind', 'kind')
      }
      if (oldVersion < 4) {
        db.createObjectStore('remittances', { keyPath: 'id' }).createIndex('importedAt', 'importedAt')
      }
      if (oldVersion < 5) {
        db.createObjectStore('chargeExports', { keyPath: 'id' }).createIndex('encounterId', 'encounterId')
      }
    },
    blocking: () => { void dbPromise.then((db) => db.close()) },
  })
  return replicaOver(name, await dbPromise)
}

/** Deletes a person's replica in a practice (rows, cursor and unsent outbox alike). */
export function deleteReplica(practiceId: string, userId: string): Promise<void> {
  return deleteDB(replicaName(practiceId, userId))
}

import { deleteDB, openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb'
import type { Change, ChangeList, EncounterSummary } from '../../../group-api/index.ts'
import { writeFailure } from '../../idb-shared.ts'
import type { OutboxEntry, ReturnedEncounter, SyncMeta, TrainingAttempt, WriteAnswer } from './types.ts'

/**
 * This device's copy of what the signed-in person may read in the practice (one IndexedDB
 * database per practice and person), the place in the change feed it has reached, and the
 * outbox of writes not yet answered by the server. Through idb, like the standalone store.
 */

export const REPLICA_VERSION = 1
const META_KEY = 'sync'

interface MetaRow extends SyncMeta {
  id: typeof META_KEY
}

export interface ReplicaDb extends DBSchema {
  encounters: { key: string; value: EncounterSummary; indexes: { patientId: string; dateOfService: string; review: string; finalizedBy: string } }
  attempts: { key: string; value: TrainingAttempt; indexes: { userId: string; submittedAt: string } }
  meta: { key: string; value: MetaRow }
  outbox: { key: number; value: OutboxEntry; indexes: { state: string } }
}

type OutboxDraft = Omit<OutboxEntry, 'order'>

export interface Replica {
  readonly name: string
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

type ApplyTx = IDBPTransaction<ReplicaDb, ('encounters' | 'attempts' | 'meta')[], 'readwrite'>

function applyChange(tx: ApplyTx, change: Change): Promise<unknown> {
  const table = change.entity === 'encounter' ? tx.objectStore('encounters') : tx.objectStore('attempts')
  if (change.op === 'delete') return table.delete(change.id)
  const row = change.entity === 'encounter' ? change.encounter : change.attempt
  if (!row || row.id !== change.id) throw new Error(`The server sent change ${change.seq} (${change.entity} ${change.id}) without the row it changed.`)
  return change.entity === 'encounter' ? tx.objectStore('encounters').put(row as EncounterSummary) : tx.objectStore('attempts').put(row as TrainingAttempt)
}

/**
 * Runs `write` in one readwrite transaction and waits for it to commit; any failed request or
 * thrown error aborts it, so nothing of it is kept.
 */
async function inTransaction<S extends ('encounters' | 'attempts' | 'meta' | 'outbox')[], T>(
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

function replicaOver(name: string, db: IDBPDatabase<ReplicaDb>): Replica {
  return {
    name,
    async meta() {
      const row = await db.get('meta', META_KEY)
      return row ? { cursor: row.cursor, head: row.head, lastSyncedAt: row.lastSyncedAt } : { ...EMPTY_META }
    },
    applyPage(after, page, syncedAt) {
      return inTransaction(db, ['encounters', 'attempts', 'meta'], 'the synced changes', async (tx, track) => {
        const meta = (await tx.objectStore('meta').get(META_KEY)) ?? { id: META_KEY, ...EMPTY_META }
        if (meta.cursor !== after) return false
        for (const change of page.changes) track(applyChange(tx, change))
        track(tx.objectStore('meta').put({ id: META_KEY, cursor: page.cursor, head: page.head, lastSyncedAt: page.more ? meta.lastSyncedAt : syncedAt }))
        return true
      })
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
    async putOutboxEntry(entry) {
      try {
        await db.put('outbox', entry)
      } catch (error) {
        throw writeFailure(error, 'the change to send')
      }
    },
    deleteOutboxEntry: (order) => db.delete('outbox', order),
    completeOutboxEntry(order, answer) {
      return inTransaction(db, ['encounters', 'attempts', 'outbox'], 'the saved change', (tx, track) => {
        if ('encounter' in answer) track(tx.objectStore('encounters').put(answer.encounter))
        else track(tx.objectStore('attempts').put(answer.attempt))
        track(tx.objectStore('outbox').delete(order))
        return Promise.resolve()
      })
    },
    async outboxCounts() {
      const index = db.transaction('outbox').store.index('state')
      const [pending, needsAttention] = await Promise.all([index.count('pending'), index.count('needs-attention')])
      return { pending, needsAttention }
    },
    close: () => db.close(),
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
    upgrade(db) {
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
    },
    blocking: () => { void dbPromise.then((db) => db.close()) },
  })
  return replicaOver(name, await dbPromise)
}

/** Deletes a person's replica in a practice (rows, cursor and unsent outbox alike). */
export function deleteReplica(practiceId: string, userId: string): Promise<void> {
  return deleteDB(replicaName(practiceId, userId))
}

import type { IDBPDatabase } from 'idb'
import type { WorksheetDb } from './idb-store.ts'
import { writeFailure } from './idb-shared.ts'
import { byCaseTitle, bySubmitted } from './memory-training-store.ts'
import type { StoreTable, TrainingStore } from './types.ts'

/** Training mode's attempts and practice cases on IndexedDB (see WorksheetStore.training), loaded on first use. */

const nameOf = (error: unknown) => (error as { name?: unknown } | null)?.name

/**
 * The store over the open database. `database` is called for each request, so that a connection
 * lost to a newer tab fails every later call with the store's own message; `changed` tells this
 * tab and the others which table a write touched.
 */
export function trainingStore(database: () => Promise<IDBPDatabase<WorksheetDb>>, changed: (...tables: StoreTable[]) => void): TrainingStore {
  return {
    async addAttempt(attempt) {
      const db = await database()
      try {
        await db.add('attempts', attempt)
      } catch (error) {
        if (nameOf(error) === 'ConstraintError') throw new Error(`The practice attempt ${attempt.id} is already stored, so nothing was changed.`, { cause: error })
        throw writeFailure(error, 'the practice attempt')
      }
      changed('attempts')
    },
    async listAttempts(userId) {
      const db = await database()
      if (userId === undefined) return db.getAllFromIndex('attempts', 'submittedAt')
      // The userId index gives one user's attempts in id order: sorted as the submittedAt index would.
      return (await db.getAllFromIndex('attempts', 'userId', userId)).sort(bySubmitted)
    },
    async listPracticeCases() {
      return (await (await database()).getAll('practiceCases')).sort(byCaseTitle)
    },
    async savePracticeCase(record) {
      const db = await database()
      try {
        await db.put('practiceCases', record)
      } catch (error) {
        throw writeFailure(error, 'the practice case')
      }
      changed('practiceCases')
    },
    async savePracticeCases(records) {
      const tx = (await database()).transaction('practiceCases', 'readwrite')
      const done = tx.done
      done.catch(() => { /* awaited below, or the write already failed */ })
      try {
        // A record that cannot be stored (no id, a value that cannot be cloned) throws here or
        // fails its request; either way the transaction is aborted and no record is kept.
        const puts: Promise<unknown>[] = []
        for (const r of records) {
          const put = tx.store.put(r)
          put.catch(() => { /* awaited below; after an abort every request rejects */ })
          puts.push(put)
        }
        await Promise.all([...puts, done])
      } catch (error) {
        try { tx.abort() } catch { /* already aborted */ }
        await done.catch(() => undefined)
        throw writeFailure(error, records.length === 1 ? 'the practice case' : 'the practice cases')
      }
      if (records.length > 0) changed('practiceCases')
    },
    async deletePracticeCase(id) {
      await (await database()).delete('practiceCases', id)
      changed('practiceCases')
    },
  }
}

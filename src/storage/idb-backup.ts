import type { IDBPDatabase } from 'idb'
import type { WorksheetDb } from './idb-store.ts'
import type { BackupData, BackupTable, NcciTableInfo, NcciTableRecord } from './types.ts'

/** Whole-store reads and writes: backup, restore and clear (see WorksheetStore). */

/** The tables a backup holds, in the order a restore writes them. */
export const BACKUP_TABLES: readonly BackupTable[] = ['providers', 'payerProfiles', 'imports', 'history', 'encounters', 'drafts', 'ncci']

/** Records put per step of a restore; progress is reported after each step. */
const RESTORE_STEP = 2000

export function ncciInfoOf(r: NcciTableRecord): NcciTableInfo {
  return { id: r.id, kind: r.kind, quarter: r.quarter, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, loadedAt: r.loadedAt, fileNames: [...r.fileNames], entryCount: r.entryCount }
}

export async function countAll(db: IDBPDatabase<WorksheetDb>): Promise<Record<BackupTable, number>> {
  const tx = db.transaction(BACKUP_TABLES, 'readonly')
  const counts = await Promise.all(BACKUP_TABLES.map((t) => tx.objectStore(t).count()))
  await tx.done
  return Object.fromEntries(BACKUP_TABLES.map((t, i) => [t, counts[i] ?? 0])) as Record<BackupTable, number>
}

export async function exportAll(db: IDBPDatabase<WorksheetDb>): Promise<BackupData> {
  const tx = db.transaction(BACKUP_TABLES, 'readonly')
  const [providers, payerProfiles, imports, history, encounters, drafts, ncci] = await Promise.all([
    tx.objectStore('providers').getAll(),
    tx.objectStore('payerProfiles').getAll(),
    tx.objectStore('imports').getAll(),
    tx.objectStore('history').getAll(),
    tx.objectStore('encounters').getAll(),
    tx.objectStore('drafts').getAll(),
    tx.objectStore('ncci').getAll(),
  ])
  await tx.done
  return { drafts, encounters, history: history.map((h) => ({ ...h, id: h.id ?? 0 })), imports, providers, ncci, payerProfiles }
}

/** A marked-handled request: after a failure aborts the transaction, the others reject too. */
function settled<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined)
  return request
}

export function writeFailure(error: unknown, what: string): Error {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown }
  if (name === 'QuotaExceededError') {
    return new Error(`The browser has no room left to store ${what}, so nothing was changed. Free some disk space or remove old browser data, then try again.`, { cause: error })
  }
  const detail = typeof message === 'string' && message ? message : String(error)
  return new Error(`${what[0]?.toUpperCase() ?? ''}${what.slice(1)} could not be stored, so nothing was changed: ${detail}`, { cause: error })
}

/** Clears every store and writes the backup's records, in one transaction; any failure aborts it all. */
export async function restoreAll(db: IDBPDatabase<WorksheetDb>, data: BackupData, onProgress?: (done: number, total: number) => void): Promise<void> {
  const stores = [...BACKUP_TABLES, 'ncciInfo'] as const
  const tx = db.transaction(stores, 'readwrite')
  const done = tx.done
  done.catch(() => { /* awaited below */ })
  const total = BACKUP_TABLES.reduce((n, t) => n + data[t].length, 0)
  let written = 0
  try {
    await Promise.all(stores.map((s) => settled(tx.objectStore(s).clear())))
    for (const table of BACKUP_TABLES) {
      const records: readonly unknown[] = data[table]
      const store = tx.objectStore(table)
      for (let start = 0; start < records.length; start += RESTORE_STEP) {
        // Each table's records have that table's shape (the caller validated the backup).
        await Promise.all(records.slice(start, start + RESTORE_STEP).map((r) => settled(store.put(r as never))))
        written += Math.min(RESTORE_STEP, records.length - start)
        onProgress?.(written, total)
      }
    }
    await Promise.all(data.ncci.map((r) => settled(tx.objectStore('ncciInfo').put(ncciInfoOf(r)))))
    onProgress?.(total, total)
    await done
  } catch (error) {
    try { tx.abort() } catch { /* already aborted or finished */ }
    await done.catch(() => undefined)
    throw writeFailure(error, 'the backup')
  }
}

export async function clearEverything(db: IDBPDatabase<WorksheetDb>): Promise<void> {
  const stores = [...BACKUP_TABLES, 'ncciInfo'] as const
  const tx = db.transaction(stores, 'readwrite')
  await Promise.all([...stores.map((s) => tx.objectStore(s).clear()), tx.done])
}

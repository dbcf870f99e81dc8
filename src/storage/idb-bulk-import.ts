import type { IDBPDatabase } from 'idb'
import type { WorksheetDb } from './idb-store.ts'
import type { HistoryImportMeta, HistoryImportRow, HistoryRecord, ImportRecord } from './types.ts'

/** The all-or-nothing bulk write of imported claim history (see WorksheetStore.importHistory). */

/** Rows looked up and written per step of an import; progress is reported after each step. */
const IMPORT_STEP = 1000

function historyRecord(row: HistoryImportRow, importId: string): HistoryRecord {
  return {
    patientId: row.patientId,
    dateOfService: row.dateOfService,
    code: row.code,
    modifiers: [...row.modifiers],
    units: row.units,
    ...(row.providerId ? { providerId: row.providerId } : {}),
    importId,
    key: row.key,
  }
}

/**
 * The request's promise, marked as handled: when a later step throws, the transaction is aborted
 * and requests already in flight reject with AbortError, which only the first failure reports.
 */
function settled<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined)
  return request
}

/** The error an import rejects with: nothing was written, and a full disk is named as such. */
function importFailure(error: unknown): Error {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown }
  if (name === 'QuotaExceededError') {
    return new Error('The browser has no room left to store this claim history, so nothing was written. Free some disk space or remove old browser data, then import the file again.', { cause: error })
  }
  const detail = typeof message === 'string' && message ? message : String(error)
  return new Error(`The claim history could not be stored, so nothing was written: ${detail}`, { cause: error })
}

/** Writes the rows not yet stored in one transaction with the import's record; any failure aborts it all. */
export async function importHistoryInto(db: IDBPDatabase<WorksheetDb>, rows: readonly HistoryImportRow[], meta: HistoryImportMeta, onProgress?: (done: number, total: number) => void): Promise<{ added: number; duplicates: number }> {
  const tx = db.transaction(['history', 'imports'], 'readwrite')
  const done = tx.done
  done.catch(() => { /* awaited below; a failure is reported once, by the catch */ })
  const history = tx.objectStore('history')
  const byKey = history.index('key')
  const inBatch = new Set<string>()
  let added = 0
  let duplicates = 0
  try {
    for (let start = 0; start < rows.length; start += IMPORT_STEP) {
      const candidates: HistoryImportRow[] = []
      for (const row of rows.slice(start, start + IMPORT_STEP)) {
        if (inBatch.has(row.key)) duplicates++
        else {
          inBatch.add(row.key)
          candidates.push(row)
        }
      }
      // One key lookup per row, all in flight at once; then the new rows' writes.
      const stored = await Promise.all(candidates.map((row) => settled(byKey.getKey(row.key))))
      const writes: Promise<number>[] = []
      candidates.forEach((row, i) => {
        if (stored[i] !== undefined) duplicates++
        else writes.push(settled(history.add(historyRecord(row, meta.importId))))
      })
      await Promise.all(writes)
      added += writes.length
      onProgress?.(Math.min(start + IMPORT_STEP, rows.length), rows.length)
    }
    const record: ImportRecord = { id: meta.importId, fileName: meta.fileName, importedAt: meta.importedAt, rows: added, duplicates }
    await tx.objectStore('imports').add(record)
    await done
  } catch (error) {
    try { tx.abort() } catch { /* already aborted or finished */ }
    await done.catch(() => undefined)
    throw importFailure(error)
  }
  return { added, duplicates }
}

import { unwrap, type IDBPDatabase } from 'idb'
import type { HistoryLine } from '../domain/index.ts'
import { bucketOf, ledgerRecord } from './idb-shared.ts'
import type { WorksheetDb } from './idb-store.ts'
import type { HistoryImportMeta, HistoryImportRow, HistoryRecord, ImportRecord, LedgerRecord } from './types.ts'

/**
 * Imported claim history lives in the ledger store as buckets (see LedgerRecord): an import
 * costs a read and a write per bucket it touches (at most LEDGER_BUCKETS), whatever the number
 * of lines or patients, and a patient's history is one read of one bucket. One record per line
 * took 13 s for 100,000 lines in Chromium and one record per patient 5.5 s; the issue's
 * targets (100,000 lines in 3 s, counters on a 1,000,000-line ledger in 5 ms) are measured by
 * `npm run bench:ledger`.
 */

/** Buckets read per step of an import; progress is reported after each step. */
const IMPORT_BUCKET_STEP = 256

function storedLine(row: HistoryImportRow, importId: string): HistoryRecord {
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

/** The claim line without the ledger's bookkeeping. */
export function historyLineOf(line: HistoryRecord): HistoryLine {
  return { dateOfService: line.dateOfService, code: line.code, modifiers: line.modifiers, units: line.units, ...(line.providerId ? { providerId: line.providerId } : {}) }
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

/**
 * Writes the rows whose key is not stored yet, with the import's record, in one transaction;
 * any failure aborts it all. Rows are grouped by bucket; each bucket is read, the new lines
 * appended and the bucket written back. Plain IndexedDB requests driven from their own success
 * events (no promise per request); the next step's reads are issued once the current step's
 * have all answered, so its writes queue before them.
 */
export function importIntoLedger(db: IDBPDatabase<WorksheetDb>, rows: readonly HistoryImportRow[], meta: HistoryImportMeta, onProgress?: (done: number, total: number) => void): Promise<{ added: number; duplicates: number }> {
  const groups = new Map<number, HistoryImportRow[]>()
  const inFile = new Set<string>()
  let duplicates = 0
  for (const row of rows) {
    if (inFile.has(row.key)) { duplicates++; continue }
    inFile.add(row.key)
    const bucket = bucketOf(row.patientId)
    let group = groups.get(bucket)
    if (!group) { group = []; groups.set(bucket, group) }
    group.push(row)
  }
  const buckets = [...groups.keys()]
  const total = rows.length

  return new Promise((resolve, reject) => {
    let tx: IDBTransaction
    try {
      tx = unwrap(db).transaction(['ledger', 'imports'], 'readwrite', { durability: 'relaxed' })
    } catch (error) {
      reject(importFailure(error))
      return
    }
    const ledger = tx.objectStore('ledger')
    let added = 0
    let processed = duplicates
    let failure: unknown = null
    let result: { added: number; duplicates: number } | null = null
    const fail = (error: unknown) => {
      if (failure === null) failure = error ?? new DOMException('The transaction was aborted.', 'AbortError')
      try { tx.abort() } catch { /* already aborted or finished */ }
    }
    tx.addEventListener('complete', () => {
      if (result && failure === null) resolve(result)
      else reject(importFailure(failure ?? new DOMException('The transaction ended before the import was recorded.', 'AbortError')))
    })
    tx.addEventListener('abort', () => reject(importFailure(failure ?? tx.error)))
    const guard = <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => {
      if (failure !== null) return
      try { fn(...args) } catch (error) { fail(error) }
    }
    const onError = (event: Event) => { fail((event.target as IDBRequest).error) }

    const finish = () => {
      const record: ImportRecord = { id: meta.importId, fileName: meta.fileName, importedAt: meta.importedAt, rows: added, duplicates }
      tx.objectStore('imports').add(record).addEventListener('error', onError)
      result = { added, duplicates }
      onProgress?.(total, total)
    }

    const merge = (bucket: number, stored: LedgerRecord | undefined) => {
      const group = groups.get(bucket) ?? []
      const lines = stored ? stored.lines : []
      const have = new Set(lines.map((l) => l.key))
      let fresh = 0
      for (const row of group) {
        if (have.has(row.key)) duplicates++
        else { lines.push(storedLine(row, meta.importId)); fresh++ }
      }
      processed += group.length
      if (fresh > 0) {
        added += fresh
        ledger.put(ledgerRecord(bucket, lines)).addEventListener('error', onError)
      }
    }

    const step = (start: number) => {
      const end = Math.min(start + IMPORT_BUCKET_STEP, buckets.length)
      let answered = 0
      for (let i = start; i < end; i++) {
        const bucket = buckets[i]
        const request = ledger.get(bucket)
        request.addEventListener('error', onError)
        request.addEventListener('success', guard(() => {
          merge(bucket, request.result as LedgerRecord | undefined)
          if (++answered < end - start) return
          if (end < buckets.length) {
            onProgress?.(processed, total)
            step(end)
          } else finish()
        }))
      }
    }
    try {
      if (buckets.length === 0) finish()
      else step(0)
    } catch (error) {
      fail(error)
    }
  })
}

/** Every imported line, bucket by bucket in stored order (backups). */
export function flattenLedger(records: readonly LedgerRecord[]): HistoryRecord[] {
  return [...records].sort((a, b) => a.bucket - b.bucket).flatMap((r) => r.lines)
}

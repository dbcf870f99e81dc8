/**
 * Where an import's time goes in Chromium, independent of the app's schema: plain IndexedDB adds
 * of the import's lines, one record per line, into a database of its own whose store has only
 * the named indexes. For `bench:ledger --profile indexes:...`; the app's bulk write is the
 * store's importHistory.
 */
import type { HistoryImportRow } from '../../src/storage/types.ts'

const now = () => performance.now()
const record = (row: HistoryImportRow, importId: string) => ({
  patientId: row.patientId, dateOfService: row.dateOfService, code: row.code, modifiers: [...row.modifiers], units: row.units,
  ...(row.providerId ? { providerId: row.providerId } : {}), importId, key: row.key,
})

const txDone = (tx: IDBTransaction): Promise<void> => new Promise((resolve, reject) => {
  tx.addEventListener('complete', () => resolve())
  tx.addEventListener('abort', () => reject(tx.error ?? new Error('aborted')))
})

/**
 * Adds, two steps of `step` in flight, into a database of its own whose store has only the named
 * indexes (schema 4's history store had patientId, patientDate, importId and the unique key).
 */
export async function importWithIndexes(name: string, rows: HistoryImportRow[], indexes: string[], step: number) {
  await new Promise<void>((resolve, reject) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = () => resolve(); r.onerror = () => reject(r.error ?? new Error('delete failed')) })
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name, 1)
    r.onupgradeneeded = () => {
      const history = r.result.createObjectStore('history', { keyPath: 'id', autoIncrement: true })
      for (const index of indexes) {
        if (index === 'key') history.createIndex('key', 'key', { unique: true })
        else if (index === 'patientDate') history.createIndex('patientDate', ['patientId', 'dateOfService'])
        else history.createIndex(index, index)
      }
    }
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error ?? new Error('open failed'))
  })
  try {
    const tx = db.transaction(['history'], 'readwrite')
    const done = txDone(tx)
    const history = tx.objectStore('history')
    const t0 = now()
    let issueMs = 0
    let next = 0
    await new Promise<void>((resolve) => {
      let inFlight = 0
      const issue = () => {
        const a = now()
        const start = next
        next += step
        let last: IDBRequest | null = null
        for (const row of rows.slice(start, start + step)) last = history.add(record(row, 'exp'))
        issueMs += now() - a
        inFlight++
        last?.addEventListener('success', () => {
          inFlight--
          while (inFlight < 2 && next < rows.length) issue()
          if (inFlight === 0) resolve()
        })
      }
      while (inFlight < 2 && next < rows.length) issue()
    })
    const c0 = now()
    await done
    return { indexes: indexes.join('+') || 'none', totalMs: now() - t0, issueMs, commitMs: now() - c0 }
  } finally {
    db.close()
    indexedDB.deleteDatabase(name)
  }
}


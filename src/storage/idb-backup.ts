import type { IDBPDatabase, StoreNames } from 'idb'
import { icd10InfoOf } from './icd10-codes.ts'
import { flattenLedger } from './idb-ledger.ts'
import type { WorksheetDb } from './idb-store.ts'
import { BACKUP_TABLES, groupLedger, ncciInfoOf, writeFailure } from './idb-shared.ts'
import type { BackupData, BackupTable } from './types.ts'

/** Whole-store reads and writes: backup, restore and clear (see WorksheetStore). */

/** Records put per step of a restore; progress is reported after each step. */
const RESTORE_STEP = 2000

/** Every store of the database; the backup's history table is the ledger store. */
const ALL_STORES: StoreNames<WorksheetDb>[] = ['users', 'providers', 'payerProfiles', 'imports', 'ledger', 'encounters', 'audit', 'drafts', 'ncci', 'ncciInfo', 'remittances', 'attempts', 'practiceCases', 'icd10', 'icd10Info', 'coverageArticles', 'coverageSettings', 'chargeExports', 'ndcList', 'chargeSettings']

export async function countAll(db: IDBPDatabase<WorksheetDb>): Promise<Record<BackupTable, number>> {
  const tx = db.transaction(ALL_STORES, 'readonly')
  const [users, providers, payerProfiles, imports, encounters, audit, drafts, ncci, remittances, attempts, practiceCases, icd10, coverageArticles, coverageSettings, chargeExports, ndcList, chargeSettings] = await Promise.all(
    (['users', 'providers', 'payerProfiles', 'imports', 'encounters', 'audit', 'drafts', 'ncci', 'remittances', 'attempts', 'practiceCases', 'icd10', 'coverageArticles', 'coverageSettings', 'chargeExports', 'ndcList', 'chargeSettings'] as const).map((t) => tx.objectStore(t).count()),
  )
  // History counts lines, which live inside the patients' ledger records.
  let history = 0
  let cursor = await tx.objectStore('ledger').openCursor()
  while (cursor) {
    history += cursor.value.lines.length
    cursor = await cursor.continue()
  }
  await tx.done
  return { users: users ?? 0, providers: providers ?? 0, payerProfiles: payerProfiles ?? 0, imports: imports ?? 0, history, encounters: encounters ?? 0, audit: audit ?? 0, drafts: drafts ?? 0, ncci: ncci ?? 0, remittances: remittances ?? 0, attempts: attempts ?? 0, practiceCases: practiceCases ?? 0, icd10: icd10 ?? 0, coverageArticles: coverageArticles ?? 0, coverageSettings: coverageSettings ?? 0, chargeExports: chargeExports ?? 0, ndcList: ndcList ?? 0, chargeSettings: chargeSettings ?? 0 }
}

export async function exportAll(db: IDBPDatabase<WorksheetDb>): Promise<BackupData> {
  const tx = db.transaction(ALL_STORES, 'readonly')
  const [users, audit, providers, payerProfiles, imports, ledger, encounters, drafts, ncci, remittances, attempts, practiceCases, icd10, coverageArticles, coverageSettings, chargeExports, ndcList, chargeSettings] = await Promise.all([
    tx.objectStore('users').getAll(),
    tx.objectStore('audit').getAll(),
    tx.objectStore('providers').getAll(),
    tx.objectStore('payerProfiles').getAll(),
    tx.objectStore('imports').getAll(),
    tx.objectStore('ledger').getAll(),
    tx.objectStore('encounters').getAll(),
    tx.objectStore('drafts').getAll(),
    tx.objectStore('ncci').getAll(),
    tx.objectStore('remittances').getAll(),
    tx.objectStore('attempts').getAll(),
    tx.objectStore('practiceCases').getAll(),
    tx.objectStore('icd10').getAll(),
    tx.objectStore('coverageArticles').getAll(),
    tx.objectStore('coverageSettings').getAll(),
    tx.objectStore('chargeExports').getAll(),
    tx.objectStore('ndcList').getAll(),
    tx.objectStore('chargeSettings').getAll(),
  ])
  await tx.done
  return { drafts, encounters, history: flattenLedger(ledger), imports, providers, ncci, payerProfiles, users, audit, remittances, attempts, practiceCases, icd10, coverageArticles, coverageSettings, chargeExports, ndcList, chargeSettings }
}

/** A marked-handled request: after a failure aborts the transaction, the others reject too. */
function settled<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined)
  return request
}

/** Clears every store and writes the backup's records, in one transaction; any failure aborts it all. */
export async function restoreAll(db: IDBPDatabase<WorksheetDb>, data: BackupData, onProgress?: (done: number, total: number) => void): Promise<void> {
  const tx = db.transaction(ALL_STORES, 'readwrite')
  const done = tx.done
  done.catch(() => { /* awaited below */ })
  const total = BACKUP_TABLES.reduce((n, t) => n + data[t].length, 0)
  let written = 0
  const putAll = async (store: StoreNames<WorksheetDb>, records: readonly unknown[], weight: (r: unknown) => number) => {
    const target = tx.objectStore(store)
    for (let start = 0; start < records.length; start += RESTORE_STEP) {
      const step = records.slice(start, start + RESTORE_STEP)
      // Each table's records have that table's shape (the caller validated the backup).
      await Promise.all(step.map((r) => settled(target.put(r as never))))
      written += step.reduce((n: number, r) => n + weight(r), 0)
      onProgress?.(written, total)
    }
  }
  try {
    await Promise.all(ALL_STORES.map((s) => settled(tx.objectStore(s).clear())))
    for (const table of BACKUP_TABLES) {
      if (table === 'history') await putAll('ledger', groupLedger(data.history), (r) => (r as { lines: unknown[] }).lines.length)
      else await putAll(table, data[table], () => 1)
    }
    await Promise.all(data.ncci.map((r) => settled(tx.objectStore('ncciInfo').put(ncciInfoOf(r)))))
    await Promise.all(data.icd10.map((r) => settled(tx.objectStore('icd10Info').put(icd10InfoOf(r)))))
    onProgress?.(total, total)
    await done
  } catch (error) {
    try { tx.abort() } catch { /* already aborted or finished */ }
    await done.catch(() => undefined)
    throw writeFailure(error, 'the backup')
  }
}

export async function clearEverything(db: IDBPDatabase<WorksheetDb>): Promise<void> {
  const tx = db.transaction(ALL_STORES, 'readwrite')
  await Promise.all([...ALL_STORES.map((s) => tx.objectStore(s).clear()), tx.done])
}

import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb'
import type { HistoryLine } from '../domain/index.ts'
import { legacyHistoryKey } from './history-key.ts'
import type { WorksheetDb } from './idb-store.ts'
import { groupLedger, ncciInfoOf } from './idb-shared.ts'
import type { HistoryRecord } from './types.ts'

/**
 * The schema's upgrade steps, one per version: loaded only when a stored database is older than
 * the app (see openWorksheetDb), so the worksheet's own JavaScript does not carry them.
 */

type UpgradeTransaction = IDBPTransaction<WorksheetDb, StoreNames<WorksheetDb>[], 'versionchange'>

/** A stored line of schema versions 1 to 4: one record per imported line (version 1 had no key). */
interface LegacyHistoryRecord extends HistoryLine {
  id: number
  patientId: string
  importId: string
  key?: string
}

interface LegacyDb extends DBSchema {
  history: { key: number; value: LegacyHistoryRecord }
}

/**
 * Brings a store of any earlier version forward: the structure in order, then the data steps one
 * after the other in the same transaction (a failing step aborts the upgrade and keeps the old
 * store as it was).
 */
export function upgrade(db: IDBPDatabase<WorksheetDb>, oldVersion: number, tx: UpgradeTransaction): void {
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
    const providers = db.createObjectStore('providers', { keyPath: 'id' })
    providers.createIndex('name', 'name')
  }
  // Version 2: imports are recorded (and history lines got a unique key, now part of the ledger).
  if (oldVersion < 2) db.createObjectStore('imports', { keyPath: 'id' }).createIndex('importedAt', 'importedAt')
  // Version 3: the CMS NCCI tables (practitioner MUE and PTP), one record per kind and quarter.
  if (oldVersion < 3) db.createObjectStore('ncci', { keyPath: 'id' })
  if (oldVersion < 4) {
    // Version 4: the practice's own payer profiles, and the NCCI tables' descriptions kept apart
    // from the tables so that listing them does not read every entry.
    db.createObjectStore('payerProfiles', { keyPath: 'profile.id' })
    db.createObjectStore('ncciInfo', { keyPath: 'id' })
  }
  // Version 5: imported history in ledger buckets instead of one record per line.
  if (oldVersion < 5) db.createObjectStore('ledger', { keyPath: 'bucket' }).createIndex('patientIds', 'patientIds', { multiEntry: true })
  if (oldVersion < 6) {
    // Version 6: local user profiles and the append-only audit log of the review.
    db.createObjectStore('users', { keyPath: 'id' }).createIndex('name', 'name')
    const audit = db.createObjectStore('audit', { keyPath: 'id' })
    audit.createIndex('encounterId', 'encounterId')
    audit.createIndex('at', 'at')
  }
  if (oldVersion < 7) {
    // Version 7: imported 835 files; a payment (payer, check/EFT number, date) is stored once.
    const remittances = db.createObjectStore('remittances', { keyPath: 'id' })
    remittances.createIndex('importedAt', 'importedAt')
    remittances.createIndex('paymentKeys', 'paymentKeys', { unique: true, multiEntry: true })
  }
  if (oldVersion < 8) {
    // Version 8: training mode's graded attempts and the practice's own cases (listed by title,
    // sorted in code: an index orders by code unit, not as people read).
    const attempts = db.createObjectStore('attempts', { keyPath: 'id' })
    attempts.createIndex('userId', 'userId')
    attempts.createIndex('caseId', 'caseId')
    attempts.createIndex('submittedAt', 'submittedAt')
    db.createObjectStore('practiceCases', { keyPath: 'id' })
  }
  if (oldVersion < 9) {
    // Version 9: reference data the practice loads: ICD-10-CM releases (codes apart from their
    // descriptions, as with the NCCI tables), Medicare billing articles and the practice's
    // coverage choices (one record).
    db.createObjectStore('icd10', { keyPath: 'id' })
    db.createObjectStore('icd10Info', { keyPath: 'id' })
    db.createObjectStore('coverageArticles', { keyPath: 'article.articleId' })
    db.createObjectStore('coverageSettings', { keyPath: 'id' })
  }
  if (oldVersion < 10) {
    // Version 10: encounters handed to the practice-management system, so a batch does not offer them again.
    const exports = db.createObjectStore('chargeExports', { keyPath: 'id' })
    exports.createIndex('encounterId', 'encounterId')
    exports.createIndex('exportedAt', 'exportedAt')
  }
  if (oldVersion < 11) {
    // Version 11: the practice's NDC list per drug code, the default NDC of a drug line.
    db.createObjectStore('ndcList', { keyPath: 'id' })
  }
  if (oldVersion < 12) {
    // Version 12: the practice's charge file settings (MSH names, CSV columns; one record), kept
    // in localStorage before (the charges page moves that copy in).
    db.createObjectStore('chargeSettings', { keyPath: 'id' })
  }

  if (oldVersion >= 1) {
    migrateData(db, oldVersion, tx).catch(() => {
      try { tx.abort() } catch { /* already finished */ }
    })
  }
}

async function migrateData(db: IDBPDatabase<WorksheetDb>, oldVersion: number, tx: UpgradeTransaction): Promise<void> {
  if (oldVersion >= 3 && oldVersion < 4) {
    let cursor = await tx.objectStore('ncci').openCursor()
    while (cursor) {
      await tx.objectStore('ncciInfo').put(ncciInfoOf(cursor.value))
      cursor = await cursor.continue()
    }
  }
  if (oldVersion < 5) {
    await moveHistoryToLedger(tx)
    ;(db as unknown as IDBPDatabase<LegacyDb>).deleteObjectStore('history')
  }
}

/** Lines read per request while moving a version 1-4 history store into the ledger. */
const MIGRATION_BATCH = 10_000

/**
 * Groups the per-line history records of versions 1 to 4 into ledger buckets, in stored order.
 * A version-1 line gets its key; a line repeating an earlier one (the same key) is dropped, as an
 * import would have skipped it.
 */
async function moveHistoryToLedger(tx: UpgradeTransaction): Promise<void> {
  const history = (tx as unknown as IDBPTransaction<LegacyDb, ['history'], 'versionchange'>).objectStore('history')
  const lines: HistoryRecord[] = []
  const seen = new Set<string>()
  let after: number | null = null
  for (;;) {
    const batch: LegacyHistoryRecord[] = await history.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), MIGRATION_BATCH)
    for (const record of batch) {
      const lineKey = record.key ?? legacyHistoryKey(record)
      if (seen.has(lineKey)) continue
      seen.add(lineKey)
      lines.push({
        patientId: record.patientId, dateOfService: record.dateOfService, code: record.code, modifiers: record.modifiers, units: record.units,
        ...(record.providerId ? { providerId: record.providerId } : {}), importId: record.importId, key: lineKey,
      })
    }
    if (batch.length < MIGRATION_BATCH) break
    after = batch[batch.length - 1]?.id ?? null
  }
  const ledger = tx.objectStore('ledger')
  await Promise.all(groupLedger(lines).map((record) => ledger.put(record)))
}


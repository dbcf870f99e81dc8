import { compareNdcListEntries } from '../domain/ndc/ndc.ts'
import type { BackupTable, CoverageSettingsRecord, HistoryRecord, LedgerRecord, NcciTableInfo, NcciTableRecord, NdcListRecord } from './types.ts'

/** Small pieces the store and its lazily loaded whole-store module (idb-backup.ts) share. */

/** The tables a backup holds, in the order a restore writes them. */
export const BACKUP_TABLES: readonly BackupTable[] = ['users', 'providers', 'payerProfiles', 'imports', 'history', 'encounters', 'audit', 'drafts', 'ncci', 'remittances', 'attempts', 'practiceCases', 'icd10', 'coverageArticles', 'coverageSettings', 'chargeExports', 'ndcList', 'chargeSettings']

/**
 * The order of the practice's NDC list: by code, then the entry that started latest first (no
 * start date last), so that where two entries of a code are in force on one date the newer one
 * is the default (defaultNdc takes the first in force).
 */
export function byNdcListOrder(a: NdcListRecord, b: NdcListRecord): number {
  return compareNdcListEntries(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** The coverage settings before the practice sets any. */
export const EMPTY_COVERAGE_SETTINGS: CoverageSettingsRecord = Object.freeze({ id: 'practice', choices: {}, settings: {}, updatedAt: null })

export function ncciInfoOf(r: NcciTableRecord): NcciTableInfo {
  return { id: r.id, kind: r.kind, quarter: r.quarter, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, loadedAt: r.loadedAt, fileNames: [...r.fileNames], entryCount: r.entryCount, ...(r.group ? { group: r.group } : {}) }
}

export function writeFailure(error: unknown, what: string): Error {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown }
  if (name === 'QuotaExceededError') {
    return new Error(`The browser has no room left to store ${what}, so nothing was changed. Free some disk space or remove old browser data, then try again.`, { cause: error })
  }
  const detail = typeof message === 'string' && message ? message : String(error)
  return new Error(`${what[0]?.toUpperCase() ?? ''}${what.slice(1)} could not be stored, so nothing was changed: ${detail}`, { cause: error })
}


/** Buckets of the ledger store; changing it needs a schema version that moves every line. */
export const LEDGER_BUCKETS = 4096

/** The ledger bucket of a patient: FNV-1a of the id's UTF-16 code units, modulo LEDGER_BUCKETS. */
export function bucketOf(patientId: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < patientId.length; i++) {
    hash ^= patientId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % LEDGER_BUCKETS
}

/** A bucket record holding these lines, with its patient list. */
export function ledgerRecord(bucket: number, lines: HistoryRecord[]): LedgerRecord {
  return { bucket, patientIds: [...new Set(lines.map((l) => l.patientId))], lines }
}

/** Flat lines grouped back into ledger buckets, keeping their order (restores and migrations). */
export function groupLedger(lines: readonly HistoryRecord[]): LedgerRecord[] {
  const byBucket = new Map<number, HistoryRecord[]>()
  for (const line of lines) {
    const bucket = bucketOf(line.patientId)
    let group = byBucket.get(bucket)
    if (!group) { group = []; byBucket.set(bucket, group) }
    group.push(line)
  }
  return [...byBucket].map(([bucket, group]) => ledgerRecord(bucket, group))
}

import type { ClaimLine, Encounter, Finding, HistoryLine, NdcListEntry, PayerProfile, Severity } from '../domain/index.ts'
import type { ChargeSettings } from '../domain/charges/index.ts'
import type { CoverageArticle, CoverageFamily, CoverageSettings } from '../domain/coverage/index.ts'
import type { Icd10ReleaseKind } from '../domain/icd10/index.ts'
import type { MueTable, PtpTable } from '../domain/ncci/index.ts'
import type { ControlNumberStrategy, DeniedLine, UnmatchedClaim, UnmatchedLine } from '../domain/remittance/index.ts'
import type { AnswerKey, AnswerLine, CaseLevel, PracticeCase } from '../domain/training/types.ts'
import type { Family } from '../domain/vocabulary.ts'

/**
 * What the app keeps, behind a small interface so that a shared server (PostgreSQL) can
 * later replicate it. The browser implementation is Dexie over IndexedDB.
 */

/** A worksheet in progress. `values` is the form's own shape, validated by the worksheet on read. */
export interface DraftRecord {
  id: string
  createdAt: string
  updatedAt: string
  patientId: string
  dateOfService: string
  values: unknown
  /** 'returned' when a supervisor sent a finalized encounter back with a note. */
  status: 'draft' | 'returned'
  returnNote: string | null
}

export type ReviewState = 'not-needed' | 'pending'

/** A finalized encounter: it counts in later frequency checks from then on. */
export interface EncounterRecord {
  id: string
  finalizedAt: string
  patientId: string
  providerId: string
  dateOfService: string
  payerProfile: string
  encounter: Encounter
  lines: ClaimLine[]
  findings: Finding[]
  counts: Record<Severity, number>
  review: ReviewState
  /** Written reason, required when the encounter was finalized with an error finding. */
  finalizeReason: string | null
  /** The user (UserRecord id) who finalized it; absent on encounters stored before user profiles. */
  finalizedBy?: string | null
}

/** A person using the app on this machine (local profiles; real sign-in comes with a shared server). */
export interface UserRecord {
  id: string
  name: string
  role: 'coder' | 'supervisor' | 'trainee'
  createdAt: string
}

/**
 * One entry of the append-only audit log: who did what to which encounter (and line), when and
 * why. The review feature gives `action` and the statuses their meaning; the store only appends
 * and reads.
 */
export interface AuditRecord {
  id: string
  /** ISO date-time. */
  at: string
  userId: string
  userName: string
  encounterId: string
  lineIndex: number | null
  action: string
  from: string | null
  to: string
  reason: string | null
  note: string | null
}

/** One encounter handed to the practice-management system in a charge file: when, by whom, how. */
export interface ChargeExportRecord {
  id: string
  encounterId: string
  /** ISO date-time. */
  exportedAt: string
  userId: string
  userName: string
  format: 'hl7' | 'csv'
  fileName: string
}

/** One payment (835 transaction set) of an imported remittance file. */
export interface RemittancePayment {
  payerName: string
  payerId: string | null
  /** ISO date (BPR16). */
  paymentDate: string
  checkOrEftNumber: string
  /** Integer cents. */
  amount: number
  claims: number
}

/**
 * One imported X12 835 file: its payments, and what matching found against the finalized
 * encounters (the denied lines feed the insights). Kept whole: an import is one record.
 */
export interface RemittanceImportRecord {
  id: string
  fileName: string
  /** ISO date-time. */
  importedAt: string
  userId: string | null
  userName: string
  /**
   * One key per payment, `${payerId or payerName}|${checkOrEftNumber}|${paymentDate}`: a payment
   * already imported (in this or another file) refuses the whole import.
   */
  paymentKeys: string[]
  payments: RemittancePayment[]
  claims: number
  matchedClaims: number
  denials: DeniedLine[]
  unmatchedClaims: UnmatchedClaim[]
  unmatchedLines: UnmatchedLine[]
}

/**
 * The file an import record was built from: the group server parses and matches it again (the
 * browser's own store keeps the record as built and needs neither).
 */
export interface RemittanceSource {
  text: string
  controlNumber: ControlNumberStrategy
}

/** A prior claim line imported from a practice-management export, as stored in the patient's ledger record. */
export interface LedgerLine extends HistoryLine {
  importId: string
  /**
   * The line's identity, unique among the patient's lines: patient | date | code | sorted
   * modifiers | units | provider (the history import's historyRowKey).
   */
  key: string
}

/**
 * A bucket of the ledger: the imported lines of every patient whose id hashes to it (see
 * bucketOf), in stored order. Few large records instead of one per line or per patient keep
 * an import to a few thousand requests and a patient's history to one small read.
 */
export interface LedgerRecord {
  bucket: number
  /** The distinct patients of the bucket's lines (a multi-entry index finds patients by id). */
  patientIds: string[]
  lines: HistoryRecord[]
}

/** An imported claim line with its patient, as the ledger and backups hold it. */
export interface HistoryRecord extends LedgerLine {
  patientId: string
}

import type { ColumnMapping, DateFormat, HistoryImportRow } from '../domain/history-import/types.ts'
export type { HistoryImportRow }

/** One import of a claim-history file. */
export interface ImportRecord {
  id: string
  fileName: string
  importedAt: string
  /** Lines written by this import. */
  rows: number
  /** Lines skipped because they were already stored or repeated earlier in the file. */
  duplicates: number
}

export interface HistoryImportMeta {
  importId: string
  fileName: string
  importedAt: string
  /**
   * The file as read and the column mapping and date format confirmed in the preview: a store
   * that keeps history on a group server uploads these (the server parses and checks the file
   * again); the browser's own store ignores them.
   */
  source?: { text: string; mapping: ColumnMapping; dateFormat: DateFormat }
}

export interface ProviderRecord {
  id: string
  name: string
}

/**
 * The files a reference record was parsed from: in group mode they are uploaded for the whole
 * server (which parses them again); the browser's own store ignores them.
 */
export interface ReferenceFileText { name: string; text: string }

/**
 * A reference record cached from the group server's copy (group mode): which upload it came from
 * and who loaded it (null when another practice on the server did). Records without it were
 * loaded on this workstation only.
 */
export interface GroupUploadMark {
  fileId: string
  byName: string | null
  uploadedAt: string
}

/** What is known about a loaded CMS NCCI table, without the table itself. */
export interface NcciTableInfo {
  /** `${kind}:${quarter}`: one table of each kind per quarter. */
  id: string
  kind: 'mue' | 'ptp'
  quarter: string
  effectiveFrom: string
  effectiveTo: string | null
  loadedAt: string
  fileNames: string[]
  entryCount: number
  group?: GroupUploadMark
}

/** A loaded CMS practitioner MUE or PTP table of one quarter. */
export type NcciTableRecord =
  | (NcciTableInfo & { kind: 'mue'; table: MueTable })
  | (NcciTableInfo & { kind: 'ptp'; table: PtpTable })

/** What is known about a loaded ICD-10-CM order file (one release of a fiscal year), without its codes. */
export interface Icd10ReleaseInfo {
  /** `${fiscalYear}` or `${fiscalYear}-april` (the domain's releaseId): one record per release. */
  id: string
  fiscalYear: number
  release: Icd10ReleaseKind
  effectiveFrom: string
  effectiveTo: string
  loadedAt: string
  fileName: string
  codeCount: number
  group?: GroupUploadMark
}

/**
 * A loaded release with its codes kept compactly: one text, a line per code in the file's order,
 * `code TAB billable(1/0) TAB short TAB long` (one string clones and stores far faster than
 * 75,000 objects). See encodeIcd10Codes / decodeIcd10Codes.
 */
export interface Icd10ReleaseRecord extends Icd10ReleaseInfo {
  codes: string
}

/** An imported Medicare billing article (MCD download), with when and from which files it was loaded. */
export interface CoverageArticleRecord {
  article: CoverageArticle
  loadedAt: string
  fileNames: string[]
  group?: GroupUploadMark
}

/** The practice's coverage choices: the articles it follows per family, and its per-group settings. */
export interface CoverageSettingsRecord {
  /** Always 'practice': one record. */
  id: 'practice'
  choices: Partial<Record<CoverageFamily, string[]>>
  settings: CoverageSettings
  updatedAt: string | null
}

/** The practice's charge file settings: the HL7 MSH names and the CSV column mapping. */
export interface ChargeSettingsRecord extends ChargeSettings {
  /** Always 'practice': one record. */
  id: 'practice'
  updatedAt: string
}

/** A payer profile the practice made, usually a copy of a built-in one with edited limits. */
export interface CustomPayerProfileRecord {
  /** The profile, valid under payerProfileSchema; its id is the record's key and never a built-in id. */
  profile: PayerProfile
  /** The built-in (or custom) profile it was copied from, if any. */
  basedOn: string | null
  createdAt: string
  updatedAt: string
}

/**
 * One NDC the practice keeps for a drug code, with the dates it is used on (the domain's
 * NdcListEntry, the default NDC of a drug line), under its own id.
 */
export interface NdcListRecord extends NdcListEntry {
  id: string
  updatedAt: string
}

/** A patient known to the ledger, from finalized encounters and imported claim lines. */
export interface PatientSummary {
  patientId: string
  encounters: number
  historyLines: number
}

/**
 * One graded practice attempt (training mode). It keeps what the trainee submitted, the answer
 * key it was graded against and the grade, so progress reads the same after the case or the rule
 * module changes.
 */
export interface TrainingAttemptRecord {
  id: string
  caseId: string
  /** 'shipped': a case that comes with the app; 'library': one the practice wrote or imported. */
  caseSource: 'shipped' | 'library'
  caseTitle: string
  caseLevel: CaseLevel
  families: Family[]
  userId: string
  userName: string
  /** ISO date-times: when the case was opened and when the attempt was submitted. */
  startedAt: string
  submittedAt: string
  /** The claim lines the trainee billed and the rules they flagged as denial risks. */
  lines: AnswerLine[]
  flaggedRuleIds: string[]
  /** The facts the trainee entered in the worksheet (null when they entered none). */
  input: unknown
  answerKey: AnswerKey
  /** 0..1 each, as the grader computed them; percent = Math.round(score × 100). */
  score: number
  lineScore: number
  findingScore: number
  percent: number
  /** Rule ids of the key's error/warning findings the trainee flagged, and those they missed. */
  caughtRules: string[]
  missedRules: string[]
  /** Flagged rule ids the key does not have. */
  falseFlags: string[]
}

/** A practice case the practice wrote (case authoring) or imported from a case file. */
export interface PracticeCaseRecord {
  id: string
  case: PracticeCase
  origin: 'authored' | 'imported'
  createdAt: string
  updatedAt: string
  /** Who wrote or imported it last. */
  userId: string
  userName: string
}

/** Practice attempts and the practice's own cases; loaded on first use (see WorksheetStore.training). */
export interface TrainingStore {
  /** Stores a graded attempt; an id already stored is refused. */
  addAttempt(attempt: TrainingAttemptRecord): Promise<void>
  /** Attempts, oldest submitted first; only one user's when `userId` is given. */
  listAttempts(userId?: string): Promise<TrainingAttemptRecord[]>
  /** The practice's own cases, by title. */
  listPracticeCases(): Promise<PracticeCaseRecord[]>
  /** Stores a case, replacing the one with the same id. */
  savePracticeCase(record: PracticeCaseRecord): Promise<void>
  /**
   * Stores every record in one transaction (a case file import): all or nothing. Records whose id
   * is already stored replace the stored case.
   */
  savePracticeCases(records: readonly PracticeCaseRecord[]): Promise<void>
  deletePracticeCase(id: string): Promise<void>
}

/**
 * Everything the store holds, as one backup. History lines are flat, by patient and in each
 * patient's stored order, so that a restore gives the same ledger back.
 */
export interface BackupData {
  drafts: DraftRecord[]
  encounters: EncounterRecord[]
  history: HistoryRecord[]
  imports: ImportRecord[]
  providers: ProviderRecord[]
  ncci: NcciTableRecord[]
  payerProfiles: CustomPayerProfileRecord[]
  users: UserRecord[]
  audit: AuditRecord[]
  remittances: RemittanceImportRecord[]
  attempts: TrainingAttemptRecord[]
  practiceCases: PracticeCaseRecord[]
  icd10: Icd10ReleaseRecord[]
  coverageArticles: CoverageArticleRecord[]
  /** The practice's coverage settings: none or one record. */
  coverageSettings: CoverageSettingsRecord[]
  /** Encounters handed to the practice-management system (schema version 10). */
  chargeExports: ChargeExportRecord[]
  /** The practice's NDC list per drug code (schema version 11). */
  ndcList: NdcListRecord[]
  /** The practice's charge file settings: none or one record (schema version 12). */
  chargeSettings: ChargeSettingsRecord[]
}

export type BackupTable = keyof BackupData

export type StoreTable = 'drafts' | 'encounters' | 'history' | 'imports' | 'providers' | 'ncci' | 'payerProfiles' | 'users' | 'audit' | 'remittances' | 'attempts' | 'practiceCases' | 'icd10' | 'coverageArticles' | 'coverageSettings' | 'chargeExports' | 'ndcList' | 'chargeSettings'

export interface WorksheetStore {
  listDrafts(): Promise<DraftRecord[]>
  getDraft(id: string): Promise<DraftRecord | undefined>
  saveDraft(draft: DraftRecord): Promise<void>
  deleteDraft(id: string): Promise<void>
  /** Stores the encounter, removes its draft and appends the audit entries, in one transaction. */
  finalize(encounter: EncounterRecord, draftId: string | null, audit?: readonly AuditRecord[]): Promise<void>
  /** Every finalized encounter (the review queue). */
  listAllEncounters(): Promise<EncounterRecord[]>
  /** The app's user profiles, by name. */
  listUsers(): Promise<UserRecord[]>
  /** Stores a user profile, replacing the one with the same id. */
  saveUser(user: UserRecord): Promise<void>
  /** Appends entries to the audit log in one transaction; an id already in the log fails it all. */
  appendAudit(entries: readonly AuditRecord[]): Promise<void>
  /** The audit log, oldest first; only an encounter's entries when `encounterId` is given. */
  listAudit(encounterId?: string): Promise<AuditRecord[]>
  /**
   * Sends a finalized encounter back to its coder: stores `draft` (status 'returned', id = the
   * encounter id, so finalizing it again replaces the encounter) and appends the audit entries,
   * in one transaction. When a draft with that id is already stored (returned earlier and not
   * finalized since), its values and creation time are kept and the new note is added below the
   * old one. Returns the draft as stored.
   */
  returnToCoder(draft: DraftRecord, audit: readonly AuditRecord[]): Promise<DraftRecord>
  /**
   * Stores an imported 835 file in one transaction. Refused (nothing written, an Error naming the
   * payment and when it was imported) when one of its payment keys is already stored.
   */
  importRemittance(record: RemittanceImportRecord, source?: RemittanceSource): Promise<void>
  /** Every imported 835 file, newest first. */
  listRemittances(): Promise<RemittanceImportRecord[]>
  /** Removes an imported 835 file (its denials leave the insights). */
  deleteRemittance(id: string): Promise<void>
  /**
   * Records the encounters of a charge file and appends their audit entries, in one transaction:
   * all or nothing (an id already stored fails it all).
   */
  recordChargeExports(records: readonly ChargeExportRecord[], audit: readonly AuditRecord[]): Promise<void>
  /** Every recorded charge export, oldest first. */
  listChargeExports(): Promise<ChargeExportRecord[]>
  /** Training mode's attempts and cases; the code behind it loads on first use. */
  training(): Promise<TrainingStore>
  listEncounters(patientId: string): Promise<EncounterRecord[]>
  /** Prior claim lines of a patient across every provider: finalized encounters and imported lines. */
  patientHistory(patientId: string): Promise<HistoryLine[]>
  /**
   * Stores the rows whose key is not stored yet (and not repeated earlier in `rows`), plus the
   * import's record, in one transaction: all or nothing. `onProgress` is called after each step
   * of the ledger's buckets and once at the end. A full disk rejects with an Error saying so.
   */
  importHistory(
    rows: readonly HistoryImportRow[],
    meta: HistoryImportMeta,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ added: number; duplicates: number }>
  /** Every import, newest first. */
  listImports(): Promise<ImportRecord[]>
  listProviders(): Promise<ProviderRecord[]>
  /** Stores an NCCI table, replacing the one of the same kind and quarter (same id). */
  saveNcciTable(record: NcciTableRecord, source?: readonly ReferenceFileText[]): Promise<void>
  /** The loaded NCCI tables without their entries, newest quarter first (MUE before PTP within a quarter). */
  listNcciTables(): Promise<NcciTableInfo[]>
  /** Every loaded NCCI table, by kind, newest quarter first. */
  loadNcciTables(): Promise<{ mue: MueTable[]; ptp: PtpTable[] }>
  deleteNcciTable(id: string): Promise<void>
  /** Stores an ICD-10-CM release, replacing the one with the same id (fiscal year and release). */
  saveIcd10Release(record: Icd10ReleaseRecord, source?: readonly ReferenceFileText[]): Promise<void>
  /** The loaded releases without their codes, newest first (April after October within a year). */
  listIcd10Releases(): Promise<Icd10ReleaseInfo[]>
  /** Every loaded release with its codes, newest first. */
  loadIcd10Releases(): Promise<Icd10ReleaseRecord[]>
  deleteIcd10Release(id: string): Promise<void>
  /**
   * Stores the articles of one import in one transaction (all or nothing); an article already
   * stored (same article id) is replaced by the imported one.
   */
  saveCoverageArticles(records: readonly CoverageArticleRecord[], source?: readonly ReferenceFileText[]): Promise<void>
  /** The imported articles, by article id. */
  listCoverageArticles(): Promise<CoverageArticleRecord[]>
  /** Removes an article and takes it out of the practice's choices and settings, in one transaction. */
  deleteCoverageArticle(articleId: string): Promise<void>
  /** The practice's article choices and group settings (empty until set). */
  getCoverageSettings(): Promise<CoverageSettingsRecord>
  saveCoverageSettings(record: CoverageSettingsRecord): Promise<void>
  /** The practice's charge file settings; null until the practice saves them. */
  getChargeSettings(): Promise<ChargeSettingsRecord | null>
  saveChargeSettings(record: ChargeSettingsRecord): Promise<void>
  saveProvider(provider: ProviderRecord): Promise<void>
  deleteProvider(id: string): Promise<void>
  /** The practice's own payer profiles, by name. */
  listPayerProfiles(): Promise<CustomPayerProfileRecord[]>
  /** Stores a custom profile, replacing the one with the same profile id. */
  savePayerProfile(record: CustomPayerProfileRecord): Promise<void>
  deletePayerProfile(id: string): Promise<void>
  /** The practice's NDC list, by code, then newest start date first (the order defaultNdc reads it in). */
  listNdcList(): Promise<NdcListRecord[]>
  /** Stores an NDC list entry, replacing the one with the same id. */
  saveNdcEntry(record: NdcListRecord): Promise<void>
  deleteNdcEntry(id: string): Promise<void>
  /**
   * Patients whose id starts with `prefix` (case-sensitive; '' for all), in id order, at most
   * `limit`, with how many encounters and imported lines each has.
   */
  findPatients(prefix: string, limit: number): Promise<PatientSummary[]>
  /** How many records each table holds. */
  countRecords(): Promise<Record<BackupTable, number>>
  /** Every record of every table, read in one transaction. */
  exportBackup(): Promise<BackupData>
  /**
   * Replaces everything the store holds with `data`, in one transaction: all or nothing. The
   * caller validates `data` first (see parseBackup). `onProgress` is called as tables are
   * written. A full disk rejects with an Error saying so, and the old data stays.
   */
  restoreBackup(data: BackupData, onProgress?: (done: number, total: number) => void): Promise<void>
  /** Removes every record of every table, in one transaction. */
  clearAll(): Promise<void>
  /**
   * Keeps a draft synchronously, for the moment a page is being closed or reloaded (an
   * IndexedDB write started then may be dropped); the next load takes it back.
   */
  backupDraftNow(draft: DraftRecord): void
  /**
   * The backup of a draft left by a closing page, removed as it is taken. A successful
   * saveDraft removes it, so a backup that is still there is the newest state of the draft.
   */
  takeDraftBackup(id: string): DraftRecord | undefined
  /**
   * Calls the listener (at once, if it already happened) when this tab's connection was closed
   * because a newer version of the app opened the database in another tab; from then on every
   * call rejects with the same message. Returns the unsubscribe.
   */
  onConnectionLost(listener: (message: string) => void): () => void
  /** Calls the listener after a write in this tab or another tab of the app; returns the unsubscribe. */
  subscribe(listener: (tables: readonly StoreTable[]) => void): () => void
}

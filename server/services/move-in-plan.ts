import { createHash } from 'node:crypto'
import { encounterSchema, type ClaimLine, type Encounter } from '../../src/domain/index.ts'
import { historyRowKey } from '../../src/domain/history-import/index.ts'
import { RECORD_KIND_SPECS, recordValueProblem, type RecordKind } from '../../src/group-api/record-kinds.ts'
import type { MoveInCount, MoveInSkipped, MoveInTable } from '../../src/group-api/move-in-schemas.ts'
// The backup file is the standalone app's: the server reads it with that app's own parser, so a
// file the app would refuse to restore is refused here too (the parser is pure: zod and JSON).
// eslint-disable-next-line no-restricted-imports
import { BACKUP_TABLE_NAMES, parseBackup, type BackupFile } from '../../src/storage/backup.ts'
import { ApiError } from '../http/errors.ts'

/**
 * What a workstation's backup becomes in the practice, decided from the file and the practice's
 * keys alone (no database here): which records are added and which are duplicates by their
 * dedupe keys, and the encounters' review decisions from the workstation's review log.
 *
 * Dedupe keys:
 * - encounters: the id (the server's id of a moved-in encounter is derived from the practice and
 *   the workstation's id, so moving the same encounter again finds it), and the encounter's
 *   patient, date of service and claim lines (codes, sorted modifiers, units), so an encounter
 *   already finalized on the server from the same facts is not stored twice;
 * - history lines: the history dedupe key (historyRowKey), computed here again, not read from the file;
 * - providers, payer profiles, practice cases, coverage choices: the record's key (its kind's keyOf);
 * - training attempts: the id (derived as the encounters' are);
 * - charge exports: the id (derived as the encounters' are). An export comes only with its
 *   encounter: one the move-in brings, or one an earlier move-in brought (its derived id). The
 *   export of an encounter the practice already had under other facts, or one not in the file,
 *   stays on the workstation (counted with the duplicates): it names no encounter of the practice.
 */

type BackupData = BackupFile['data']
type EncounterRecord = BackupData['encounters'][number]
type AuditRecord = BackupData['audit'][number]
type ChargeExportStatus = 'no-findings' | 'approved' | 'overridden'
const CHARGE_EXPORT_STATUSES: ReadonlySet<string> = new Set<ChargeExportStatus>(['no-findings', 'approved', 'overridden'])

/** Shown at most this many problems of a refused file. */
const MAX_SHOWN = 12

/** A uuid for a record of the workstation, the same for the same practice, table and local id. */
export function serverIdOf(practiceId: string, table: 'encounter' | 'attempt' | 'charge-export', localId: string): string {
  const h = createHash('sha256').update(`icw-move-in\u0000${practiceId}\u0000${table}\u0000${localId}`).digest('hex')
  // Shaped as a version-4 uuid (variant bits set) so it reads like every other id.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** An encounter's identity by its facts: patient | date | its claim lines (code, sorted modifiers, units), sorted. */
export function encounterKeyOf(patientId: string, dateOfService: string, lines: readonly Pick<ClaimLine, 'code' | 'modifiers' | 'units'>[]): string {
  const shown = lines.map((l) => `${l.code.toUpperCase()}:${[...l.modifiers].map((m) => m.toUpperCase()).sort().join(',')}:${l.units}`).sort()
  return `${patientId}|${dateOfService}|${shown.join(';')}`
}

/** The record kinds a backup's tables become, with their key. */
export const RECORD_TABLES = [
  { table: 'providers', kind: 'provider' },
  { table: 'payerProfiles', kind: 'payer-profile' },
  { table: 'practiceCases', kind: 'practice-case' },
  { table: 'coverageSettings', kind: 'coverage-settings' },
  { table: 'ndcList', kind: 'ndc-list-entry' },
  { table: 'chargeSettings', kind: 'charge-settings' },
] as const satisfies readonly { table: MoveInTable & keyof BackupData; kind: RecordKind }[]

/**
 * The tables a move-in does not bring, and why. Remittances stay: the workstation keeps an 835
 * file's parse, not its text, and the server stores only what it parsed itself from the file's
 * text (it never takes a client's parse), so the 835 files are imported again on the server.
 */
const LEFT_ON_WORKSTATION: Partial<Record<keyof BackupData, string>> = {
  remittances: 'Remittances (835 files) are moved separately: import the 835 files on the server.',
  drafts: "Drafts are each person's own: they stay on this workstation (open and finalize them there, or save them again when signed in).",
  imports: 'The workstation\'s list of history imports: its history lines are moved in as one import named after this file.',
  ncci: 'NCCI tables are public reference files, kept once per server: an admin loads them under Reference files.',
  icd10: 'ICD-10-CM releases are public reference files, kept once per server.',
  coverageArticles: 'Billing articles are public reference files, kept once per server.',
  users: "The workstation's profiles are not accounts: people join the practice by invitation.",
  audit: "The workstation's review log: its decisions are carried onto the encounters moved in.",
}

export interface PlannedEncounter {
  id: string
  localId: string
  record: EncounterRecord
  encounter: Encounter
  /** The workstation's review log of the encounter since its last finalize, oldest first. */
  log: AuditRecord[]
}
export interface PlannedHistoryLine { patientId: string; dateOfService: string; code: string; modifiers: string[]; units: number; providerId: string | null; key: string }
export interface PlannedRecord { kind: RecordKind; key: string; value: unknown }
export interface PlannedChargeExport {
  id: string; localId: string; encounterId: string; exportedAt: string; userName: string; format: 'hl7' | 'csv'; fileName: string; status: ChargeExportStatus
}
export interface PlannedAttempt { id: string; localId: string; caseId: string; percent: number; lines: unknown[]; submittedAt: string; userName: string }

/** The keys the practice already holds, for the records the file names. */
export interface ExistingKeys {
  encounterIds: ReadonlySet<string>
  encounterKeys: ReadonlySet<string>
  historyKeys: ReadonlySet<string>
  /** `${kind}:${key}` of the practice's shared records. */
  records: ReadonlySet<string>
  attemptIds: ReadonlySet<string>
  chargeExportIds: ReadonlySet<string>
}

export interface MoveInPlan {
  exportedAt: string
  encounters: PlannedEncounter[]
  history: PlannedHistoryLine[]
  records: PlannedRecord[]
  attempts: PlannedAttempt[]
  chargeExports: PlannedChargeExport[]
  counts: MoveInCount[]
  decisions: number
  patients: number
  skipped: MoveInSkipped[]
}

/** What the plan must look up in the practice. */
export interface PlanLookup {
  encounterIds: string[]
  patientIds: string[]
  historyKeys: string[]
  records: { kind: RecordKind; key: string }[]
  attemptIds: string[]
  chargeExportIds: string[]
}

export interface ReadBackup {
  backup: BackupFile
  encounters: { record: EncounterRecord; encounter: Encounter }[]
  history: PlannedHistoryLine[]
  records: PlannedRecord[]
}

function refuse(problems: readonly string[]): ApiError {
  const shown = problems.slice(0, MAX_SHOWN)
  const more = problems.length > MAX_SHOWN ? ` …and ${problems.length - MAX_SHOWN} more problems.` : ''
  return new ApiError(422, 'invalid-backup', `The file cannot be moved in: ${shown.join(' ')}${more} Nothing was stored.`, 'file', { problems: shown })
}

/**
 * Reads the whole file with the app's backup parser, then checks what the practice will hold
 * beyond it: each encounter's facts by the encounter schema finalize uses (its patient and date
 * the record's), and each record by its kind's schema. Any problem refuses the file (422).
 */
export function readBackup(text: string): ReadBackup {
  const parsed = parseBackup(text)
  if (!parsed.ok) throw refuse(parsed.errors)
  const { backup } = parsed
  const problems: string[] = []
  const encounters: ReadBackup['encounters'] = []
  backup.data.encounters.forEach((record, i) => {
    const facts = encounterSchema.safeParse(record.encounter)
    if (!facts.success) {
      const issue = facts.error.issues[0]
      problems.push(`encounters record ${i + 1}: encounter.${issue.path.map(String).join('.')} ${issue.message}.`)
    } else if (facts.data.patientId !== record.patientId || facts.data.dateOfService !== record.dateOfService) {
      problems.push(`encounters record ${i + 1}: its patient and date of service are not those of its encounter.`)
    } else {
      encounters.push({ record, encounter: facts.data })
    }
  })
  const history = backup.data.history.map((h) => ({
    patientId: h.patientId, dateOfService: h.dateOfService, code: h.code.toUpperCase(), modifiers: h.modifiers.map((m) => m.toUpperCase()), units: h.units,
    providerId: h.providerId ? h.providerId : null, key: historyRowKey({ ...h, providerId: h.providerId || undefined }),
  }))
  const records: PlannedRecord[] = []
  for (const { table, kind } of RECORD_TABLES) {
    backup.data[table].forEach((value, i) => {
      const key = (RECORD_KIND_SPECS[kind].keyOf as (v: unknown) => string)(value)
      const problem = recordValueProblem(kind, key, value)
      if (problem) problems.push(`${table} record ${i + 1}: ${problem.message}.`)
      else records.push({ kind, key, value })
    })
  }
  if (problems.length > 0) throw refuse(problems)
  return { backup, encounters, history, records }
}

export function lookupOf(read: ReadBackup, practiceId: string): PlanLookup {
  return {
    encounterIds: read.encounters.map((e) => serverIdOf(practiceId, 'encounter', e.record.id)),
    patientIds: [...new Set(read.encounters.map((e) => e.record.patientId))],
    historyKeys: read.history.map((h) => h.key),
    records: read.records.map(({ kind, key }) => ({ kind, key })),
    attemptIds: read.backup.data.attempts.map((a) => serverIdOf(practiceId, 'attempt', a.id)),
    chargeExportIds: read.backup.data.chargeExports.map((c) => serverIdOf(practiceId, 'charge-export', c.id)),
  }
}

/** An attempt's billed lines as the server keeps them when a desk records one (POST /api/training/attempts): code, modifiers, units, within its limits. */
export function attemptLinesOf(lines: readonly { code: string; modifiers: readonly string[]; units: number }[]): { code: string; modifiers: string[]; units: number }[] {
  return lines
    .map((l) => ({
      code: l.code.trim().toUpperCase(),
      modifiers: l.modifiers.map((m) => m.trim().toUpperCase()).filter((m) => /^[0-9A-Z]{2}$/.test(m)).slice(0, 4),
      units: Math.min(99, Math.max(1, Math.round(l.units))),
    }))
    .filter((l) => /^[0-9A-Z]{5}$/.test(l.code))
    .slice(0, 40)
}

const DECIDING = new Set(['approve', 'return', 'override', 'reopen'])

/** The encounter's review log since its last finalize on the workstation, oldest first. */
function logOf(byEncounter: ReadonlyMap<string, AuditRecord[]>, encounterId: string): AuditRecord[] {
  const entries = [...(byEncounter.get(encounterId) ?? [])].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
  let lastFinalize = -1
  entries.forEach((e, i) => { if (e.action === 'finalize') lastFinalize = i })
  return entries.slice(lastFinalize + 1).filter((e) => e.lineIndex !== null && DECIDING.has(e.action))
}

/** Splits the file's records into those the practice gets and the duplicates, by the dedupe keys. */
export function planMoveIn(read: ReadBackup, practiceId: string, existing: ExistingKeys): MoveInPlan {
  const { backup } = read
  const auditByEncounter = new Map<string, AuditRecord[]>()
  for (const a of backup.data.audit) auditByEncounter.set(a.encounterId, [...(auditByEncounter.get(a.encounterId) ?? []), a])

  const encounterIds = new Set(existing.encounterIds)
  const encounterKeys = new Set(existing.encounterKeys)
  const encounters: PlannedEncounter[] = []
  for (const { record, encounter } of read.encounters) {
    const id = serverIdOf(practiceId, 'encounter', record.id)
    const key = encounterKeyOf(record.patientId, record.dateOfService, record.lines)
    if (encounterIds.has(id) || encounterKeys.has(key)) continue
    encounterIds.add(id)
    encounterKeys.add(key)
    encounters.push({ id, localId: record.id, record, encounter, log: logOf(auditByEncounter, record.id) })
  }
  // The order finalize would have met them in: a patient's later encounter counts the earlier ones.
  encounters.sort((a, b) => a.record.dateOfService.localeCompare(b.record.dateOfService) || a.record.finalizedAt.localeCompare(b.record.finalizedAt) || a.id.localeCompare(b.id))

  const historyKeys = new Set(existing.historyKeys)
  const history: PlannedHistoryLine[] = []
  for (const line of read.history) {
    if (historyKeys.has(line.key)) continue
    historyKeys.add(line.key)
    history.push(line)
  }

  const recordKeys = new Set(existing.records)
  const records: PlannedRecord[] = []
  for (const r of read.records) {
    const at = `${r.kind}:${r.key}`
    if (recordKeys.has(at)) continue
    recordKeys.add(at)
    records.push(r)
  }

  const attemptIds = new Set(existing.attemptIds)
  const attempts: PlannedAttempt[] = []
  for (const a of backup.data.attempts) {
    const id = serverIdOf(practiceId, 'attempt', a.id)
    if (attemptIds.has(id)) continue
    attemptIds.add(id)
    attempts.push({ id, localId: a.id, caseId: a.caseId.slice(0, 80), percent: a.percent, lines: attemptLinesOf(a.lines), submittedAt: a.submittedAt, userName: a.userName })
  }

  // The practice's encounters after the move-in, by the workstation's id: those it brings and those an earlier one brought.
  const inPractice = new Map<string, string>()
  for (const e of encounters) inPractice.set(e.localId, e.id)
  for (const { record } of read.encounters) {
    const id = serverIdOf(practiceId, 'encounter', record.id)
    if (existing.encounterIds.has(id)) inPractice.set(record.id, id)
  }
  const chargeExportIds = new Set(existing.chargeExportIds)
  const chargeExports: PlannedChargeExport[] = []
  for (const c of backup.data.chargeExports) {
    const id = serverIdOf(practiceId, 'charge-export', c.id)
    const encounterId = inPractice.get(c.encounterId)
    if (!encounterId || chargeExportIds.has(id)) continue
    chargeExportIds.add(id)
    const logged = auditByEncounter.get(c.encounterId)?.find((a) => a.action === 'charge-export' && a.at === c.exportedAt)?.to
    chargeExports.push({
      id, localId: c.id, encounterId, exportedAt: c.exportedAt, userName: c.userName.trim() || 'a workstation user', format: c.format,
      fileName: c.fileName.slice(0, 255), status: logged && CHARGE_EXPORT_STATUSES.has(logged) ? logged as ChargeExportStatus : 'no-findings',
    })
  }

  const count = (table: MoveInTable, inFile: number, add: number): MoveInCount => ({ table, inFile, add, duplicates: inFile - add })
  const counts: MoveInCount[] = [
    count('encounters', backup.data.encounters.length, encounters.length),
    count('history', backup.data.history.length, history.length),
    ...RECORD_TABLES.map(({ table, kind }) => count(table, backup.data[table].length, records.filter((r) => r.kind === kind).length)),
    count('attempts', backup.data.attempts.length, attempts.length),
    count('chargeExports', backup.data.chargeExports.length, chargeExports.length),
  ]
  const patients = new Set([...encounters.map((e) => e.record.patientId), ...history.map((h) => h.patientId)]).size
  const skipped = BACKUP_TABLE_NAMES.flatMap((table) => {
    const why = LEFT_ON_WORKSTATION[table]
    const records = backup.data[table].length
    return why && records > 0 ? [{ table, records, why }] : []
  })
  return {
    exportedAt: backup.exportedAt, encounters, history, records, attempts, chargeExports, counts, patients, skipped,
    decisions: encounters.reduce((n, e) => n + e.log.filter((l) => l.action !== 'reopen').length, 0),
  }
}

/**
 * The encounter's review state on the server after the workstation's decisions. The server's own
 * evaluation decides whether it needs review at all ('not-needed' stays so). Then a line the
 * workstation returned last makes it returned; it is approved when every line the server's
 * findings point at (`needsReview`; when no finding names a line, every line the workstation
 * decided) was last approved or overridden; otherwise it stays pending.
 */
export function reviewAfterLog(
  evaluated: 'pending' | 'not-needed', log: readonly Pick<AuditRecord, 'lineIndex' | 'to'>[], needsReview: readonly number[],
): 'pending' | 'not-needed' | 'approved' | 'returned' {
  if (evaluated === 'not-needed' || log.length === 0) return evaluated
  const last = new Map<number, string>()
  for (const e of log) if (e.lineIndex !== null) last.set(e.lineIndex, e.to)
  if ([...last.values()].includes('returned')) return 'returned'
  const lines = needsReview.length > 0 ? needsReview : [...last.keys()]
  return lines.every((i) => last.get(i) === 'approved' || last.get(i) === 'overridden') ? 'approved' : 'pending'
}

/** The lines the non-info findings point at. */
export function linesNeedingReview(findings: readonly { severity: string; lineIndexes?: number[] }[]): number[] {
  return [...new Set(findings.filter((f) => f.severity !== 'info').flatMap((f) => f.lineIndexes ?? []))].sort((a, b) => a - b)
}

/** The server's decision action for a workstation entry ('reopen' has none: it only moves the status back). */
export function decisionActionOf(action: string): 'approve' | 'return' | 'override' | null {
  return action === 'approve' || action === 'return' || action === 'override' ? action : null
}

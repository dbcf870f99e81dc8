import { builtInPayerProfiles, payerProfileSchema } from '../domain/index.ts'
import { CASE_LEVELS } from '../domain/training/types.ts'
import { DENIAL_CATEGORIES } from '../domain/remittance/types.ts'
import { z } from '../domain/zod.ts'
import {
  or, text, nonEmpty, isoDate, isoTime, whole, count, nullableText, textList, object, objectList, oneOf, families, fraction, answerLineSchema, answerKeySchema,
  draftRecordSchema, providerRecordSchema, payerProfileRecordSchema, practiceCaseRecordSchema, coverageSettingsRecordSchema, ndcListRecordSchema, chargeSettingsRecordSchema,
} from '../domain/stored-records.ts'
import { readJsonText } from '../lib/json-text.ts'
import { DATABASE_VERSION } from './idb-store.ts'
import type { BackupData, BackupTable, NcciTableRecord, RemittanceImportRecord } from './types.ts'

/**
 * The backup file: one JSON text holding every record of every table.
 *
 * `formatVersion` is the layout of this file; `schemaVersion` the store's schema when it was
 * written. Backups first appeared with schema version 4; the record shapes have not changed
 * since, the users and audit tables came with version 6, the remittances table with version 7
 * training mode's attempts and practice cases with version 8, and the ICD-10-CM releases,
 * coverage articles and coverage choices with version 9, the charge exports with version 10,
 * the practice's NDC list with version 11, the charge file settings with version 12 (a backup of an older schema is
 * read with the tables it could not have empty). A file with an older `schemaVersion` is read whenever its records have the
 * current shapes. A newer format or schema is refused: it was made by a newer version of the app.
 *
 * The NCCI tables hold Maps, which JSON cannot: in the file each Map is a list of
 * [key, value] pairs, in the Map's order, and reading turns them back into Maps.
 */

export const BACKUP_FORMAT = 'injection-coding-worksheet-backup'
export const BACKUP_FORMAT_VERSION = 1

/** The tables of a backup, in the order the file lists them. */
export const BACKUP_TABLE_NAMES: readonly BackupTable[] = ['drafts', 'encounters', 'history', 'imports', 'providers', 'ncci', 'payerProfiles', 'users', 'audit', 'remittances', 'attempts', 'practiceCases', 'icd10', 'coverageArticles', 'coverageSettings', 'chargeExports', 'ndcList', 'chargeSettings']

/** Tables that came with a later schema version: a backup of an older schema holds none (read as empty). */
const TABLE_SINCE: Partial<Record<BackupTable, number>> = { users: 6, audit: 6, remittances: 7, attempts: 8, practiceCases: 8, icd10: 9, coverageArticles: 9, coverageSettings: 9, chargeExports: 10, ndcList: 11, chargeSettings: 12 }

export interface BackupFile {
  format: typeof BACKUP_FORMAT
  formatVersion: number
  schemaVersion: number
  exportedAt: string
  counts: Record<BackupTable, number>
  data: BackupData
}

export interface BackupSummary {
  exportedAt: string
  schemaVersion: number
  counts: Record<BackupTable, number>
  /** Distinct patient ids across drafts, encounters and imported history. */
  patients: number
  /** First and last date of service of the encounters and imported history; null when there are none. */
  dateRange: { from: string; to: string } | null
}

export type ParseBackupResult = { ok: true; backup: BackupFile; summary: BackupSummary } | { ok: false; errors: string[] }

/** Most problems listed for one file; the rest are counted. */
const MAX_ERRORS = 50
/** Most problems listed for one record. */
const MAX_RECORD_ERRORS = 3

/** How many records each table of `data` holds. */
export function countBackup(data: BackupData): Record<BackupTable, number> {
  return Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, data[t].length])) as Record<BackupTable, number>
}

const mapsAsPairs = (_key: string, value: unknown): unknown => (value instanceof Map ? [...(value as Map<unknown, unknown>).entries()] : value)
const line = (value: unknown) => JSON.stringify(value, mapsAsPairs)

/** The backup file's text: one record per line, so that a problem's line number points at its record. */
export function backupToJson(data: BackupData, exportedAt: string): string {
  const head = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: DATABASE_VERSION, exportedAt, counts: countBackup(data) }
  const tables = BACKUP_TABLE_NAMES.map((t) => {
    const records: readonly unknown[] = data[t]
    return records.length === 0 ? `${line(t)}: []` : `${line(t)}: [\n${records.map(line).join(',\n')}\n]`
  })
  const fields = Object.entries(head).map(([k, v]) => `${line(k)}: ${line(v)}`)
  return `{\n${fields.join(',\n')},\n"data": {\n${tables.join(',\n')}\n}\n}\n`
}

/** The name of the downloaded backup, dated by the local day it was made. */
export function backupFileName(date: string): string {
  return `injection-coding-worksheet-backup-${date}.json`
}


const encounterSchema = z.looseObject({
  id: nonEmpty,
  finalizedAt: isoTime,
  patientId: nonEmpty,
  providerId: text,
  dateOfService: isoDate,
  payerProfile: nonEmpty,
  encounter: object,
  lines: objectList,
  findings: objectList,
  counts: z.looseObject({ error: count, warning: count, info: count }, or('must be an object')),
  review: z.enum(['not-needed', 'pending'], or("must be 'not-needed' or 'pending'")),
  finalizeReason: nullableText,
}, or('must be an object'))

const historySchema = z.looseObject({
  patientId: nonEmpty,
  dateOfService: isoDate,
  code: nonEmpty,
  modifiers: textList,
  units: whole(1, 'must be a whole number, 1 or more'),
  providerId: z.optional(z.string(or('must be text'))),
  importId: text,
  key: nonEmpty,
}, or('must be an object'))

const importSchema = z.looseObject({ id: nonEmpty, fileName: text, importedAt: isoTime, rows: count, duplicates: count }, or('must be an object'))

const pairs = (value: z.ZodMiniType) => z.array(z.tuple([z.string(or('must be text')), value], or('must be a [key, value] pair')), or('must be a list of [key, value] pairs'))
const mueEntry = z.looseObject({ code: nonEmpty, value: count, mai: z.union([z.literal(1), z.literal(2), z.literal(3)], or('must be 1, 2 or 3')), rationale: text }, or('must be an object'))
const ptpEdit = z.looseObject({
  column1: nonEmpty, column2: nonEmpty, effectiveFrom: isoDate, deletedOn: z.nullable(isoDate),
  modifierIndicator: z.union([z.literal(0), z.literal(1), z.literal(9)], or('must be 0, 1 or 9')), rationale: text,
}, or('must be an object'))
const tableHead = { quarter: nonEmpty, effectiveFrom: isoDate, effectiveTo: z.nullable(isoDate) }
const ncciSchema = z.looseObject({
  id: nonEmpty,
  kind: z.enum(['mue', 'ptp'], or("must be 'mue' or 'ptp'")),
  quarter: nonEmpty,
  effectiveFrom: isoDate,
  effectiveTo: z.nullable(isoDate),
  loadedAt: isoTime,
  fileNames: textList,
  entryCount: count,
  table: object,
}, or('must be an object'))
const mueTableSchema = z.looseObject({ kind: z.literal('mue-practitioner', or("must be 'mue-practitioner'")), ...tableHead, entries: pairs(mueEntry) }, or('must be an object'))
const ptpTableSchema = z.looseObject({ kind: z.literal('ptp-practitioner', or("must be 'ptp-practitioner'")), ...tableHead, edits: pairs(z.array(ptpEdit, or('must be a list'))) }, or('must be an object'))


const userSchema = z.looseObject({
  id: nonEmpty, name: nonEmpty, role: z.enum(['coder', 'supervisor', 'trainee'], or("must be 'coder', 'supervisor' or 'trainee'")), createdAt: isoTime,
}, or('must be an object'))
const auditSchema = z.looseObject({
  id: nonEmpty, at: isoTime, userId: nonEmpty, userName: text, encounterId: nonEmpty, lineIndex: z.nullable(count),
  action: nonEmpty, from: nullableText, to: nonEmpty, reason: nullableText, note: nullableText,
}, or('must be an object'))

const nullableCount = z.nullable(whole(0, 'must be a whole number, 0 or more, or null'))
const cents = z.int(or('must be a whole number of cents'))
const paymentSchema = z.looseObject({
  payerName: text, payerId: nullableText, paymentDate: isoDate, checkOrEftNumber: text, amount: cents, claims: count,
}, or('must be an object'))
const deniedLineSchema = z.looseObject({
  encounterId: nullableText,
  lineIndex: nullableCount,
  remittanceLineIndex: nullableCount,
  code: nullableText,
  modifiers: textList,
  units: z.nullable(z.number(or('must be a number or null'))),
  dateOfService: z.nullable(isoDate),
  category: z.enum(DENIAL_CATEGORIES, or(`must be one of ${DENIAL_CATEGORIES.map((c) => `'${c}'`).join(', ')}`)),
  carcCodes: textList,
  rarcCodes: textList,
  amount: cents,
  full: z.boolean(or('must be true or false')),
  reason: text,
  adjustments: objectList,
  patientControlNumber: text,
  payerClaimNumber: text,
  payerName: text,
  payerId: nullableText,
  paymentDate: isoDate,
  checkOrEftNumber: text,
  providerId: nullableText,
  payerProfile: nullableText,
}, or('must be an object'))
const remittanceSchema = z.looseObject({
  id: nonEmpty,
  fileName: text,
  importedAt: isoTime,
  userId: nullableText,
  userName: text,
  paymentKeys: z.array(nonEmpty, or('must be a list of text')),
  payments: z.array(paymentSchema, or('must be a list')),
  claims: count,
  matchedClaims: count,
  denials: z.array(deniedLineSchema, or('must be a list')),
  unmatchedClaims: objectList,
  unmatchedLines: objectList,
}, or('must be an object'))

const attemptSchema = z.looseObject({
  id: nonEmpty,
  caseId: nonEmpty,
  caseSource: oneOf(['shipped', 'library']),
  caseTitle: text,
  caseLevel: oneOf(CASE_LEVELS),
  families,
  userId: text,
  userName: text,
  startedAt: isoTime,
  submittedAt: isoTime,
  lines: z.array(answerLineSchema, or('must be a list')),
  flaggedRuleIds: textList,
  input: z.unknown(),
  answerKey: answerKeySchema,
  score: fraction,
  lineScore: fraction,
  findingScore: fraction,
  percent: z.int(or('must be a whole number from 0 to 100')).check(z.minimum(0, { error: 'must be a whole number from 0 to 100' }), z.maximum(100, { error: 'must be a whole number from 0 to 100' })),
  caughtRules: textList,
  missedRules: textList,
  falseFlags: textList,
}, or('must be an object'))

const icd10Schema = z.looseObject({
  id: nonEmpty, fiscalYear: whole(1900, 'must be a fiscal year'), release: oneOf(['october', 'april']), effectiveFrom: isoDate, effectiveTo: isoDate,
  loadedAt: isoTime, fileName: text, codeCount: count, codes: text,
}, or('must be an object'))
const coverageGroupSchema = z.looseObject({ group: count, paragraph: text, codes: textList }, or('must be an object'))
const coverageArticleSchema = z.looseObject({
  article: z.looseObject({
    articleId: nonEmpty, version: count, title: nullableText, hcpcsCodes: textList, groups: z.array(coverageGroupSchema, or('must be a list')),
  }, or('must be an object')),
  loadedAt: isoTime,
  fileNames: textList,
}, or('must be an object'))

const chargeExportSchema = z.looseObject({
  id: nonEmpty, encounterId: nonEmpty, exportedAt: isoTime, userId: nonEmpty, userName: text, format: oneOf(['hl7', 'csv']), fileName: nonEmpty,
}, or('must be an object'))

const recordSchemas: Record<BackupTable, z.ZodMiniType> = {
  chargeExports: chargeExportSchema,
  ndcList: ndcListRecordSchema,
  chargeSettings: chargeSettingsRecordSchema,
  icd10: icd10Schema,
  coverageArticles: coverageArticleSchema,
  coverageSettings: coverageSettingsRecordSchema,
  users: userSchema,
  audit: auditSchema,
  drafts: draftRecordSchema,
  encounters: encounterSchema,
  history: historySchema,
  imports: importSchema,
  providers: providerRecordSchema,
  ncci: ncciSchema,
  payerProfiles: payerProfileRecordSchema,
  remittances: remittanceSchema,
  attempts: attemptSchema,
  practiceCases: practiceCaseRecordSchema,
}

const builtInIds = new Set(builtInPayerProfiles.map((p) => p.id))

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '')
}

function issueText(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): string[] {
  return issues.map((i) => {
    const path = fieldPath([...(prefix ? [prefix] : []), ...i.path])
    return path ? `${path} ${i.message}` : `the record ${i.message}`
  })
}

/** The problems of one record, each naming its field. */
function recordProblems(table: BackupTable, record: unknown): string[] {
  const parsed = recordSchemas[table].safeParse(record)
  if (!parsed.success) return issueText(parsed.error.issues)
  if (table === 'payerProfiles') {
    const profile = payerProfileSchema.safeParse((record as { profile: unknown }).profile)
    if (!profile.success) return issueText(profile.error.issues, 'profile')
    if (builtInIds.has(profile.data.id)) return [`profile.id '${profile.data.id}' is the id of a built-in profile`]
  }
  if (table === 'ncci') {
    const r = record as { id: string; kind: 'mue' | 'ptp'; quarter: string; table: unknown }
    const table = (r.kind === 'mue' ? mueTableSchema : ptpTableSchema).safeParse(r.table)
    if (!table.success) return issueText(table.error.issues, 'table')
    if (r.id !== `${r.kind}:${r.quarter}`) return [`id must be '${r.kind}:${r.quarter}' (its kind and quarter)`]
  }
  return []
}

/** The identities that must be unique within a table (the history also has a unique key). */
const identities: Record<BackupTable, readonly ((r: never) => unknown)[]> = {
  drafts: [(r: { id: string }) => r.id],
  encounters: [(r: { id: string }) => r.id],
  history: [(r: { key: string }) => r.key],
  imports: [(r: { id: string }) => r.id],
  providers: [(r: { id: string }) => r.id],
  ncci: [(r: { id: string }) => r.id],
  payerProfiles: [(r: { profile: { id: string } }) => r.profile.id],
  users: [(r: { id: string }) => r.id],
  audit: [(r: { id: string }) => r.id],
  remittances: [(r: { id: string }) => r.id],
  attempts: [(r: { id: string }) => r.id],
  practiceCases: [(r: { id: string }) => r.id],
  icd10: [(r: { id: string }) => r.id],
  coverageArticles: [(r: { article: { articleId: string } }) => r.article.articleId],
  coverageSettings: [(r: { id: string }) => r.id],
  chargeExports: [(r: { id: string }) => r.id],
  ndcList: [(r: { id: string }) => r.id],
  chargeSettings: [(r: { id: string }) => r.id],
}
const identityName: Record<BackupTable, readonly string[]> = {
  drafts: ['id'], encounters: ['id'], history: ['key'], imports: ['id'], providers: ['id'], ncci: ['id'], payerProfiles: ['profile.id'], users: ['id'], audit: ['id'], remittances: ['id'], attempts: ['id'], practiceCases: ['id'], icd10: ['id'], coverageArticles: ['article.articleId'], coverageSettings: ['id'], chargeExports: ['id'], ndcList: ['id'], chargeSettings: ['id'],
}

function duplicateProblems(table: BackupTable, records: readonly unknown[]): string[] {
  const out: string[] = []
  identities[table].forEach((idOf, k) => {
    const seen = new Map<unknown, number>()
    records.forEach((record, i) => {
      const id = (idOf as (r: unknown) => unknown)(record)
      const first = seen.get(id)
      if (first === undefined) seen.set(id, i)
      else out.push(`${table} record ${i + 1}: ${identityName[table][k]} ${JSON.stringify(id)} is also the ${identityName[table][k]} of record ${first + 1}`)
    })
  })
  if (table === 'remittances') out.push(...paymentKeyProblems(records as readonly RemittanceImportRecord[]))
  return out
}

/** A payment is stored once (the store's unique index): two imports holding it cannot both be restored. */
function paymentKeyProblems(records: readonly RemittanceImportRecord[]): string[] {
  const out: string[] = []
  const seen = new Map<string, number>()
  records.forEach((record, i) => {
    for (const key of new Set(record.paymentKeys)) {
      const first = seen.get(key)
      if (first === undefined) seen.set(key, i)
      else out.push(`remittances record ${i + 1}: payment ${JSON.stringify(key)} is also a payment of record ${first + 1}`)
    }
  })
  return out
}

function reviveNcci(record: NcciTableRecord): NcciTableRecord {
  const table = record.table as unknown as Record<string, unknown>
  if (record.kind === 'mue') return { ...record, table: { ...record.table, entries: new Map(table.entries as [string, never][]) } }
  return { ...record, table: { ...record.table, edits: new Map(table.edits as [string, never][]) } }
}

// Text a backup never holds: C0 controls other than tab and line breaks (JSON escapes them), and
// U+FFFD, which decoding leaves where bytes were not UTF-8.
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/

const headSchema = z.object({
  formatVersion: z.int(or('must be a whole number')),
  schemaVersion: z.int(or('must be a whole number')),
  exportedAt: isoTime,
})

/** Reads a backup file's text, checking every record; all problems are listed, each naming its table, record (from 1) and field. */
export function parseBackup(raw: string): ParseBackupResult {
  if (BINARY.test(raw.slice(0, 1_000_000))) return fail('This file holds binary data, not a backup. A backup is a JSON text file named like injection-coding-worksheet-backup-2026-11-26.json.')
  const json = readJsonText(raw)
  if (!json.ok) return fail(json.empty ? 'The file is empty.' : `The file is not a backup: it is not valid JSON. ${json.message}.`)
  const file = json.value
  if (typeof file !== 'object' || file === null || Array.isArray(file)) return fail('The file is not a backup of this app: it holds no backup format marker.')
  const top = file as Record<string, unknown>
  if (top.format !== BACKUP_FORMAT) {
    return fail(top.format === undefined
      ? 'The file is not a backup of this app: it holds no backup format marker.'
      : `The file is not a backup of this app: its format is ${JSON.stringify(top.format)}, not "${BACKUP_FORMAT}".`)
  }
  const head = headSchema.safeParse(top)
  if (!head.success) return { ok: false, errors: issueText(head.error.issues).map((e) => `The backup's ${e}.`) }
  const { formatVersion, schemaVersion, exportedAt } = head.data
  if (formatVersion > BACKUP_FORMAT_VERSION) return fail(`This backup was made by a newer version of the app (backup format ${formatVersion}; this version reads format ${BACKUP_FORMAT_VERSION}). Update the app, then restore it.`)
  if (formatVersion < 1) return fail(`The backup's formatVersion ${formatVersion} is not a format this app ever wrote.`)
  if (schemaVersion > DATABASE_VERSION) return fail(`This backup was made by a newer version of the app (data schema ${schemaVersion}; this version has schema ${DATABASE_VERSION}). Update the app, then restore it.`)

  const data = top.data
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('The backup holds no data: its "data" must be an object with one list per table.')
  const tables = { ...(data as Record<string, unknown>) }
  const errors: string[] = []
  const countsGiven = typeof top.counts === 'object' && top.counts !== null && !Array.isArray(top.counts) ? { ...(top.counts as Record<string, unknown>) } : top.counts
  for (const [t, since] of Object.entries(TABLE_SINCE)) {
    if (schemaVersion < since && tables[t] === undefined) {
      tables[t] = []
      if (typeof countsGiven === 'object' && countsGiven !== null) (countsGiven as Record<string, unknown>)[t] = 0
    }
  }
  for (const t of BACKUP_TABLE_NAMES) {
    if (tables[t] === undefined) errors.push(`The backup has no "${t}" table.`)
    else if (!Array.isArray(tables[t])) errors.push(`The backup's "${t}" table must be a list of records.`)
  }
  if (errors.length) return { ok: false, errors }

  const counts = countsGiven
  const countsOk = typeof counts === 'object' && counts !== null && !Array.isArray(counts)
  if (!countsOk) errors.push('The backup\'s "counts" must be an object with the number of records of each table.')
  for (const t of BACKUP_TABLE_NAMES) {
    const records = tables[t] as unknown[]
    const bad = new Set<number>()
    records.forEach((record, i) => {
      const problems = recordProblems(t, record)
      if (problems.length) bad.add(i)
      const shown = problems.slice(0, MAX_RECORD_ERRORS).map((p) => `${t} record ${i + 1}: ${p}`)
      if (problems.length > MAX_RECORD_ERRORS) shown.push(`${t} record ${i + 1}: ${problems.length - MAX_RECORD_ERRORS} more problems`)
      errors.push(...shown)
    })
    if (bad.size === 0) errors.push(...duplicateProblems(t, records))
    const said = countsOk ? (counts as Record<string, unknown>)[t] : undefined
    if (countsOk && said !== records.length) {
      errors.push(typeof said === 'number'
        ? `The backup says "${t}" has ${said} record${said === 1 ? '' : 's'}, but it holds ${records.length}: the file is incomplete or was edited.`
        : `The backup's counts give no number of "${t}" records.`)
    }
  }
  if (errors.length) return { ok: false, errors: capped(errors) }

  const backupData = Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, tables[t]])) as unknown as BackupData
  backupData.ncci = backupData.ncci.map(reviveNcci)
  const backup: BackupFile = { format: BACKUP_FORMAT, formatVersion, schemaVersion, exportedAt, counts: countBackup(backupData), data: backupData }
  return { ok: true, backup, summary: summarizeBackup(backup) }
}

function fail(message: string): ParseBackupResult {
  return { ok: false, errors: [message] }
}

function capped(errors: string[]): string[] {
  if (errors.length <= MAX_ERRORS) return errors
  return [...errors.slice(0, MAX_ERRORS), `…and ${errors.length - MAX_ERRORS} more problems.`]
}

/** What a backup holds: counts per table, how many patients, and the dates of service it spans. */
export function summarizeBackup(backup: Pick<BackupFile, 'data' | 'exportedAt' | 'schemaVersion'>): BackupSummary {
  const { data } = backup
  const patients = new Set<string>()
  for (const r of [...data.drafts, ...data.encounters, ...data.history]) if (r.patientId) patients.add(r.patientId)
  let from: string | null = null
  let to: string | null = null
  for (const r of [...data.encounters, ...data.history]) {
    if (from === null || r.dateOfService < from) from = r.dateOfService
    if (to === null || r.dateOfService > to) to = r.dateOfService
  }
  return {
    exportedAt: backup.exportedAt,
    schemaVersion: backup.schemaVersion,
    counts: countBackup(data),
    patients: patients.size,
    dateRange: from !== null && to !== null ? { from, to } : null,
  }
}

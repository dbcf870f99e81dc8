import { z } from '../domain/zod.ts'
import { encounterSchema } from '../domain/index.ts'
import { DATE_FORMATS } from '../domain/history-import/types.ts'
import { RECORD_KINDS } from './record-kinds.ts'

/**
 * The group server's wire format: every request body and query the server accepts, and the
 * shapes it answers with. The server parses with these (unknown fields refused) and builds its
 * OpenAPI document from them; the browser's group client takes its types from them.
 */

export const ROLES = ['admin', 'supervisor', 'coder', 'trainee'] as const
export type Role = (typeof ROLES)[number]
export const roleSchema = z.enum(ROLES)

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', supervisor: 'Supervisor', coder: 'Coder', trainee: 'Trainee' }

/** NIST SP 800-63B: at least 12 characters here, at most 256; no composition rules. */
export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 256

const email = z.string().check(z.trim(), z.toLowerCase(), z.minLength(3), z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+$/, 'Enter an email address.'))
const personName = z.string().check(z.trim(), z.minLength(1, 'Enter a name.'), z.maxLength(80))
const password = z.string().check(z.minLength(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`), z.maxLength(PASSWORD_MAX))
const uuid = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Expected an id.'))
const token = z.string().check(z.minLength(20), z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/, 'Expected a link token.'))
/** A TOTP code (6 digits) or a backup code (10 characters, dashes and spaces ignored). */
const otpCode = z.string().check(z.minLength(6), z.maxLength(20))
/** A real calendar date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM[:SS[.sss]][Z]), in UTC. */
export function isRealDateTime(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?Z?)?$/.exec(text)
  if (!m) return false
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1).map((part) => (part === undefined ? undefined : Number(part)))
  const date = new Date(Date.UTC(year!, month! - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60
}
const isoDateTime = z.string().check(z.refine(isRealDateTime, 'Expected a real date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM).'))
const limit = z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 200)

export const idParams = z.strictObject({ id: uuid })
export const userParams = z.strictObject({ userId: uuid })
export const tokenParams = z.strictObject({ token })
export const emptyQuery = z.strictObject({})

// ---- setup, sign-in, session ----

export const setupBody = z.strictObject({ token, practiceName: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)), name: personName, email, password })
export const signInBody = z.strictObject({ email, password: z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX)) })
export const codeBody = z.strictObject({ code: otpCode })
export const passwordBody = z.strictObject({ password: z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX)) })
export const changePasswordBody = z.strictObject({ currentPassword: z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX)), newPassword: password })
export const switchPracticeBody = z.strictObject({ practiceId: uuid })
export const acceptInviteBody = z.strictObject({ token, name: personName, password: z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX)) })

/** 'active': signed in; the other states allow only the two-factor step that completes it. */
export const SESSION_STATES = ['active', 'two-factor', 'enroll-two-factor'] as const
export type SessionState = (typeof SESSION_STATES)[number]

/** Days the server remembers a write's Idempotency-Key by default (IDEMPOTENCY_RETENTION_DAYS). */
export const IDEMPOTENCY_RETENTION_DAYS = 8

export const sessionInfoSchema = z.object({
  state: z.enum(SESSION_STATES),
  user: z.object({ id: uuid, name: z.string(), email: z.string() }),
  practice: z.nullable(z.object({ id: uuid, name: z.string() })),
  role: z.nullable(roleSchema),
  practices: z.array(z.object({ id: uuid, name: z.string(), role: roleSchema })),
  twoFactorEnabled: z.boolean(),
  twoFactorRequired: z.boolean(),
  idleTimeoutMinutes: z.number(),
  /** When the session ends unless the user does something (ISO). */
  idleExpiresAt: z.string(),
  /** When the session ends whatever the user does (ISO). */
  expiresAt: z.string(),
  /** Days the server remembers a write's Idempotency-Key: the outbox holds back changes older than this less a day. */
  idempotencyRetentionDays: z.optional(z.number()),
})
export type SessionInfo = z.infer<typeof sessionInfoSchema>

export const setupStatusSchema = z.object({ needed: z.boolean() })
export const twoFactorSetupSchema = z.object({ secret: z.string(), uri: z.string() })
export const backupCodesSchema = z.object({ backupCodes: z.array(z.string()) })
export const sessionListSchema = z.object({
  sessions: z.array(z.object({ id: uuid, createdAt: z.string(), lastSeenAt: z.string(), ip: z.nullable(z.string()), userAgent: z.nullable(z.string()), current: z.boolean(), practiceName: z.nullable(z.string()) })),
})
export const invitePreviewSchema = z.object({ practiceName: z.string(), role: roleSchema, email: z.string(), expiresAt: z.string(), existingAccount: z.boolean() })

// ---- admin ----

export const memberSchema = z.object({
  userId: uuid, name: z.string(), email: z.string(), role: roleSchema, active: z.boolean(),
  twoFactorEnabled: z.boolean(), lastSignInAt: z.nullable(z.string()), joinedAt: z.string(),
})
export type Member = z.infer<typeof memberSchema>
export const memberListSchema = z.object({ members: z.array(memberSchema) })
export const changeRoleBody = z.strictObject({ role: roleSchema })

export const INVITE_DAYS_MAX = 30
export const createInviteBody = z.strictObject({ email, role: roleSchema, expiresInDays: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(INVITE_DAYS_MAX)), 7) })
export const inviteSchema = z.object({ id: uuid, email: z.string(), role: roleSchema, createdAt: z.string(), expiresAt: z.string(), acceptedAt: z.nullable(z.string()), createdByName: z.string() })
export type Invite = z.infer<typeof inviteSchema>
export const createdInviteSchema = z.object({ invite: inviteSchema, link: z.string() })
export const inviteListSchema = z.object({ invites: z.array(inviteSchema) })

export const IDLE_MINUTES_MIN = 2
export const IDLE_MINUTES_MAX = 60
export const practiceSettingsSchema = z.object({
  name: z.string(),
  idleTimeoutMinutes: z.number().check(z.int(), z.minimum(IDLE_MINUTES_MIN), z.maximum(IDLE_MINUTES_MAX)),
  twoFactorRoles: z.array(roleSchema),
})
export type PracticeSettings = z.infer<typeof practiceSettingsSchema>
export const updateSettingsBody = z.strictObject({
  name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))),
  idleTimeoutMinutes: z.optional(z.number().check(z.int(), z.minimum(IDLE_MINUTES_MIN), z.maximum(IDLE_MINUTES_MAX))),
  twoFactorRoles: z.optional(z.array(roleSchema).check(z.maxLength(4))),
})

export const SIGN_IN_EVENTS = ['sign-in', 'sign-in-failed', 'locked-out', 'sign-out', 'sign-out-everywhere', 'session-expired', 'two-factor-passed', 'two-factor-failed', 'two-factor-enabled', 'two-factor-disabled', 'two-factor-reset', 'backup-codes-created', 'password-changed', 'account-created'] as const
export const signInEventSchema = z.object({ seq: z.number(), at: z.string(), event: z.string(), email: z.string(), userId: z.nullable(uuid), userName: z.nullable(z.string()), ip: z.nullable(z.string()), userAgent: z.nullable(z.string()) })
export type SignInEvent = z.infer<typeof signInEventSchema>
export const signInEventListSchema = z.object({ events: z.array(signInEventSchema) })
export const signInQuery = z.strictObject({ userId: z.optional(uuid), event: z.optional(z.enum(SIGN_IN_EVENTS)), from: z.optional(isoDateTime), to: z.optional(isoDateTime), limit })

export const auditEntrySchema = z.object({
  seq: z.number(), at: z.string(), userId: z.nullable(uuid), userName: z.nullable(z.string()), action: z.string(),
  patientId: z.nullable(z.string()), target: z.nullable(z.string()), detail: z.unknown(), ip: z.nullable(z.string()),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>
export const auditListSchema = z.object({ entries: z.array(auditEntrySchema) })
const auditFilters = {
  action: z.optional(z.string().check(z.maxLength(60))), userId: z.optional(uuid), patientId: z.optional(z.string().check(z.maxLength(64))),
  from: z.optional(isoDateTime), to: z.optional(isoDateTime),
}
export const auditQuery = z.strictObject({ ...auditFilters, limit })
/** An export is for an auditor: up to 100,000 entries (newest first), 50,000 unless asked. */
export const AUDIT_EXPORT_MAX = 100_000
export const auditExportQuery = z.strictObject({
  ...auditFilters,
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(AUDIT_EXPORT_MAX)), 50_000),
})

// ---- practice data (the shared ledger grows from these in issue 13) ----

export const finalizeBody = z.strictObject({
  encounter: encounterSchema,
  /** Required when the server's evaluation finds an error. */
  reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
  /** The returned encounter this one corrects: it becomes 'replaced' and no longer counts (409 not-returned / already-replaced otherwise). */
  replaces: z.optional(uuid),
})
export const encounterQuery = z.strictObject({ patientId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))), limit })
/** A reviewer's decision on a finalized encounter (a returned one carries the note for the coder). */
export const decisionSchema = z.object({
  id: uuid, lineIndex: z.nullable(z.number()), action: z.enum(['approve', 'return', 'override']), reason: z.nullable(z.string()),
  decidedBy: uuid, decidedByName: z.string(), decidedAt: z.string(),
})
export type Decision = z.infer<typeof decisionSchema>
/** 'replaced': a returned encounter its coder finalized again (the new one names it in `replaces`); it no longer counts. */
export const REVIEW_STATES = ['not-needed', 'pending', 'approved', 'returned', 'replaced'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]
export const encounterSummarySchema = z.object({
  id: uuid, patientId: z.string(), dateOfService: z.string(), finalizedAt: z.string(), finalizedBy: uuid, finalizedByName: z.string(),
  review: z.enum(REVIEW_STATES), lines: z.array(z.unknown()), findings: z.array(z.unknown()), reason: z.nullable(z.string()),
  /** The encounter that corrected this returned one (review 'replaced'); absent or null otherwise. */
  replacedBy: z.optional(z.nullable(uuid)),
  /** Goes up by one with every decision: a decision sent with an older `expectedVersion` gets 409 stale. */
  version: z.number(),
  /** The encounter as finalized (what a returned encounter's coder edits again). */
  encounter: z.unknown(),
  /** Oldest first. */
  decisions: z.array(decisionSchema),
})
export type EncounterSummary = z.infer<typeof encounterSummarySchema>
export const encounterListSchema = z.object({ encounters: z.array(encounterSummarySchema) })
export const DECISIONS = ['approve', 'return', 'override'] as const
export const decisionBody = z.strictObject({
  action: z.enum(DECISIONS),
  lineIndex: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(200))),
  reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
  /** The version the reviewer looked at; when the encounter has changed since, 409 stale and nothing is saved. */
  expectedVersion: z.optional(z.number().check(z.int(), z.minimum(1))),
})

export const attemptBody = z.strictObject({
  caseId: z.string().check(z.minLength(1), z.maxLength(80)),
  scorePercent: z.number().check(z.int(), z.minimum(0), z.maximum(100)),
  lines: z.array(z.strictObject({ code: z.string().check(z.regex(/^[0-9A-Z]{5}$/)), modifiers: z.array(z.string().check(z.regex(/^[0-9A-Z]{2}$/))).check(z.maxLength(4)), units: z.number().check(z.int(), z.minimum(1), z.maximum(99)) })).check(z.maxLength(40)),
})
export const attemptSchema = z.object({ id: uuid, userId: uuid, caseId: z.string(), scorePercent: z.number(), submittedAt: z.string(), lines: z.array(z.unknown()) })
export const attemptListSchema = z.object({ attempts: z.array(attemptSchema) })

// ---- claim history imported to the server (issue 13) ----

/** One committed (or in-progress) history import of the practice. */
export const historyImportSchema = z.object({
  id: uuid, fileName: z.string(),
  /** When it committed (ISO); for an import not yet committed, when it started. */
  importedAt: z.string(),
  importedBy: uuid, importedByName: z.string(),
  /** Lines added to the practice's history (rows of the file that were not duplicates). */
  rows: z.number(),
  /** Rows skipped: already in the practice's history, or repeating an earlier row of the file. */
  duplicates: z.number(),
})
export type HistoryImportSummary = z.infer<typeof historyImportSchema>
export const historyImportListSchema = z.object({ imports: z.array(historyImportSchema) })

/** One stored history line. */
export const historyLineSchema = z.object({
  /** 1-based ordinal within its import over the lines added, in key order (by patient, then date of service). */
  n: z.number(),
  patientId: z.string(),
  /** YYYY-MM-DD. */
  dateOfService: z.string(),
  code: z.string(),
  modifiers: z.array(z.string()),
  units: z.number(),
  providerId: z.nullable(z.string()),
  /** The dedupe key (historyRowKey). */
  key: z.string(),
})
export type HistoryLineRecord = z.infer<typeof historyLineSchema>
/**
 * One patient's lines of a page, column by column (the i-th entry of each list is the i-th line,
 * in n order): a page of 5,000 lines is about half the bytes of one object per line, and the
 * browser parses and checks lists of plain values far faster than objects.
 */
export const historyPatientLinesSchema = z.object({
  patientId: z.string(),
  /** The n of this patient's first line in the page. */
  first: z.number(),
  dates: z.array(z.string()),
  codes: z.array(z.string()),
  modifiers: z.array(z.array(z.string())),
  units: z.array(z.number()),
  providers: z.array(z.nullable(z.string())),
  keys: z.array(z.string()),
}).check(z.refine((p) => [p.codes, p.modifiers, p.units, p.providers, p.keys].every((c) => c.length === p.dates.length), 'Every column of a patient\'s lines has one entry per line.'))
export type HistoryPatientLines = z.infer<typeof historyPatientLinesSchema>
export const HISTORY_LINES_PAGE_MAX = 10_000
export const historyLinesQuery = z.strictObject({
  importId: uuid,
  /** The cursor of the last page read (0: from the first line). */
  after: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(HISTORY_LINES_PAGE_MAX)), 5000),
})
/**
 * Lines with n > after in n order, by patient (each patient once, in the order of their first
 * line); `cursor` is the last n returned (`after` when none); `more` while lines remain.
 */
export const historyLineListSchema = z.object({ patients: z.array(historyPatientLinesSchema), cursor: z.number(), more: z.boolean() })
export type HistoryLineList = z.infer<typeof historyLineListSchema>

/** A part of an upload: at most this many characters of the file (whole rows). */
export const HISTORY_PART_MAX_CHARS = 1_048_576
/** 0-based header cell index for each field (as the domain's ColumnMapping). */
const columnIndex = z.number().check(z.int(), z.minimum(0), z.maximum(999))
export const historyMappingSchema = z.strictObject({
  patient: z.nullable(columnIndex), dateOfService: z.nullable(columnIndex), code: z.nullable(columnIndex),
  modifiers: z.array(columnIndex).check(z.maxLength(4)), units: z.nullable(columnIndex), provider: z.nullable(columnIndex),
})
/** The first rows sent with the start: at most this many characters. */
export const HISTORY_HEAD_MAX_CHARS = 65_536
/**
 * Start an upload: the file's name, the column mapping and date format the user confirmed in the
 * preview, `head` (the file's first rows as written, up to and including the header row and
 * ending at a row boundary: the first 20 non-blank rows, or fewer if the file is shorter; the
 * server finds the header among them as the preview did, and their data rows are the import's
 * first lines) and `lines` (the file's physical lines, counted at '\n'; the parts must cover the
 * rows after the head up to it, each once).
 */
export const historyImportStartBody = z.strictObject({
  fileName: z.string().check(z.trim(), z.minLength(1), z.maxLength(255)),
  mapping: historyMappingSchema,
  dateFormat: z.enum(DATE_FORMATS),
  head: z.string().check(z.minLength(1), z.maxLength(HISTORY_HEAD_MAX_CHARS)),
  lines: z.number().check(z.int(), z.minimum(1), z.maximum(100_000_000)),
})
export const historyImportStartedSchema = z.object({ id: uuid })
/**
 * One part of the file: whole rows (never a row cut in two, quoted line breaks included), the
 * header not repeated; `firstRow` is the 1-based line of the file the text starts on. Sending
 * the same `firstRow` again replaces that part (a retry is safe).
 */
export const historyPartBody = z.strictObject({
  firstRow: z.number().check(z.int(), z.minimum(1)),
  text: z.string().check(z.minLength(1), z.maxLength(HISTORY_PART_MAX_CHARS)),
})
/** `rows`: claim lines checked in this part; `staged`: in the import so far (every part). */
export const historyPartResultSchema = z.object({ rows: z.number(), staged: z.number() })
export const historyCommitSchema = z.object({ import: historyImportSchema, added: z.number(), duplicates: z.number() })
export type HistoryCommitResult = z.infer<typeof historyCommitSchema>

// ---- the practice's shared records (issue 13): providers, payer profiles, practice cases, coverage choices, drafts ----

/** A record's key: its id in the app (1 to 200 characters, no control characters). */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
export const recordKey = z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[^\u0000-\u001f\u007f\p{Cs}]+$/u, 'Expected a record key.'))
export const recordParams = z.strictObject({ kind: z.enum(RECORD_KINDS), key: recordKey })
/**
 * Save a record. `expectedVersion`: null to create it (409 stale when it exists), else the
 * version it was changed from (409 stale, with the current record, when it is not the current
 * one). The value is checked by the kind's schema (src/group-api/record-kinds.ts).
 */
export const recordPutBody = z.strictObject({
  value: z.unknown(),
  expectedVersion: z.nullable(z.number().check(z.int(), z.minimum(1))),
})
/** Delete a record: the version it was deleted from (409 stale when it changed since; 404 when it is gone). */
export const recordDeleteBody = z.strictObject({ expectedVersion: z.number().check(z.int(), z.minimum(1)) })
export const practiceRecordSchema = z.object({
  id: uuid, kind: z.enum(RECORD_KINDS), key: z.string(), version: z.number(), value: z.unknown(),
  updatedBy: uuid, updatedByName: z.string(), updatedAt: z.string(),
})
export type PracticeRecord = z.infer<typeof practiceRecordSchema>
export const recordDeletedSchema = z.object({ id: uuid, kind: z.enum(RECORD_KINDS), key: z.string(), version: z.number(), deleted: z.literal(true) })

// ---- remittances: the practice's imported 835 files (issue 13) ----

/** What the practice's claims send as CLM01 (returned as CLP01): how claims are matched to encounters. */
export const CONTROL_NUMBER_STRATEGIES = ['encounter-id-or-patient-id', 'encounter-id', 'patient-id'] as const
/** The group server parses 835 files of up to this many characters (the browser's own limit is larger). */
export const REMITTANCE_MAX_CHARS = 5_000_000
/**
 * Upload an 835 file: its text as read, the name it had, and what the practice's claims send as
 * the claim number. `id` is the import's id, chosen by the app (so a removal can follow it in the
 * outbox). The server parses and matches the file again; it never takes the browser's parse.
 */
export const remittanceUploadBody = z.strictObject({
  id: uuid,
  fileName: z.string().check(z.trim(), z.minLength(1), z.maxLength(255)),
  controlNumber: z.enum(CONTROL_NUMBER_STRATEGIES),
  text: z.string().check(z.minLength(1), z.maxLength(REMITTANCE_MAX_CHARS)),
})
export const remittancePaymentSchema = z.object({
  payerName: z.string(), payerId: z.nullable(z.string()), paymentDate: z.string(), checkOrEftNumber: z.string(), amount: z.number(), claims: z.number(),
})
/**
 * One imported 835 file as the server stored it: the app's import record (payments, one key per
 * payment, match counts, denied and unmatched lines as the domain's matcher gives them).
 */
export const remittanceSchema = z.object({
  id: uuid, fileName: z.string(), importedAt: z.string(), userId: z.nullable(uuid), userName: z.string(),
  controlNumber: z.enum(CONTROL_NUMBER_STRATEGIES),
  paymentKeys: z.array(z.string()), payments: z.array(remittancePaymentSchema),
  claims: z.number(), matchedClaims: z.number(),
  denials: z.array(z.unknown()), unmatchedClaims: z.array(z.unknown()), unmatchedLines: z.array(z.unknown()),
})
export type RemittanceSummary = z.infer<typeof remittanceSchema>
export const remittanceDeletedSchema = z.object({ id: uuid, deleted: z.literal(true) })

// ---- charge exports: the practice's log of encounters handed to its billing system (issue 15) ----

export const CHARGE_EXPORT_FORMATS = ['hl7', 'csv'] as const
/** The most encounters one charge file may record at once. */
export const CHARGE_EXPORT_MAX = 2000
/**
 * Record a charge file just made: the encounters it carries, its format and its name. The server
 * takes the time from its clock and the person from the session; every encounter must be one of
 * the practice's finalized encounters, current (not replaced) and settled in review.
 */
export const chargeExportBody = z.strictObject({
  encounterIds: z.array(uuid).check(z.minLength(1), z.maxLength(CHARGE_EXPORT_MAX),
    z.refine((ids) => new Set(ids).size === ids.length, 'Each encounter once.')),
  format: z.enum(CHARGE_EXPORT_FORMATS),
  fileName: z.string().check(z.trim(), z.minLength(1), z.maxLength(255)),
})
/** The review outcome an export recorded: overridden, approved, or no findings to review. */
export const CHARGE_EXPORT_STATUSES = ['no-findings', 'approved', 'overridden'] as const
/** One encounter's export, as the server stored it. */
export const chargeExportSchema = z.object({
  id: uuid, encounterId: uuid, exportedAt: z.string(), userId: uuid, userName: z.string(),
  format: z.enum(CHARGE_EXPORT_FORMATS), fileName: z.string(), status: z.enum(CHARGE_EXPORT_STATUSES),
})
export type ChargeExportSummary = z.infer<typeof chargeExportSchema>
/**
 * What a recorded export answers: the new rows (one per encounter), and the exports of the same
 * encounters stored before it (by anyone): those were already exported, which the app says.
 */
export const chargeExportResultSchema = z.object({ exports: z.array(chargeExportSchema), earlier: z.array(chargeExportSchema) })
export type ChargeExportResult = z.infer<typeof chargeExportResultSchema>

// ---- sync: each workstation's replica follows the practice's change feed (issue 13) ----

/**
 * What a replica holds. A review decision changes its encounter (the encounter's version goes up
 * and its `decisions` grow), so it arrives as a change of the encounter.
 */
export const SYNC_ENTITIES = ['encounter', 'training-attempt', 'history-import', 'record', 'remittance', 'charge-export'] as const
export type SyncEntity = (typeof SYNC_ENTITIES)[number]
/**
 * One change, in the practice's commit order (`seq` is assigned under a per-practice lock held to
 * commit, so a reader never sees seq N+1 without N). `encounter` or `attempt` is the row's state
 * now (a later change of the same row repeats it); `delete` carries neither.
 */
export const changeSchema = z.object({
  seq: z.number(), entity: z.enum(SYNC_ENTITIES), id: uuid, op: z.enum(['upsert', 'delete']),
  encounter: z.optional(encounterSummarySchema), attempt: z.optional(attemptSchema),
  /** A committed history import (its lines: GET /api/history/lines?importId=…). */
  historyImport: z.optional(historyImportSchema),
  /** A shared record of the practice, or one of the reader's own drafts. */
  record: z.optional(practiceRecordSchema),
  /** An imported 835 file of the practice (staff only). */
  remittance: z.optional(remittanceSchema),
  /** An encounter's charge export (staff only). */
  chargeExport: z.optional(chargeExportSchema),
})
export type Change = z.infer<typeof changeSchema>
export const SYNC_PAGE_MAX = 5000
export const changesQuery = z.strictObject({
  /** The cursor of the last page applied (0: from the start). */
  after: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(SYNC_PAGE_MAX)), 1000),
})
/**
 * A page of changes after the cursor that the signed-in role may read (a trainee: their own
 * attempts; a coder: encounters and their own attempts; supervisors and admins: everything).
 * `cursor` is the last seq examined, readable or not: send it as `after` next. `more` is true
 * while changes remain after it; `head` is the practice's latest seq.
 */
export const changeListSchema = z.object({ changes: z.array(changeSchema), cursor: z.number(), more: z.boolean(), head: z.number() })
export type ChangeList = z.infer<typeof changeListSchema>
/**
 * The event stream (GET /api/sync/events, text/event-stream): `ready` with `{ "seq": head }` on
 * connecting, `change` with `{ "seq": n }` when the practice's feed moves past n-1 (pull then),
 * `signed-out` when the session ends (the stream closes); `: keep-alive` comments every 20 s.
 */
export const SYNC_EVENTS = ['ready', 'change', 'signed-out'] as const
export const syncEventDataSchema = z.object({ seq: z.number() })
/**
 * Writes that carry an `Idempotency-Key` header (8 to 100 of A-Z a-z 0-9 _ -) are done once per
 * person and key: a repeat answers the first answer again (with `Idempotent-Replayed: true`), and
 * the same key with a different body is refused (422 idempotency-key-reused).
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/

export const healthSchema = z.object({ status: z.literal('ok'), database: z.string() })
/** `current`: with 409 stale on a record, the record as it is now (null when it was deleted). */
export const errorSchema = z.object({ error: z.string(), message: z.string(), path: z.optional(z.string()), current: z.optional(z.unknown()) })
export type ApiError = z.infer<typeof errorSchema>

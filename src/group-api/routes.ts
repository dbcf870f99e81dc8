import type { ZodMiniType } from 'zod/mini'
import type { Role } from './schemas.ts'
import * as s from './schemas.ts'
import * as ref from './reference-schemas.ts'
import * as move from './move-in-schemas.ts'

/**
 * Who may call a route: anyone; a session in any state (the two-factor step of a sign-in);
 * any signed-in person; or a signed-in member of the current practice with one of the roles.
 */
export type Access = 'public' | 'pending' | 'signed-in' | readonly Role[]

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Hono-style path: `:name` is a parameter. */
  path: string
  access: Access
  summary: string
  params?: ZodMiniType
  query?: ZodMiniType
  body?: ZodMiniType
  /** The success answer's shape; absent for 204 or non-JSON answers. */
  response?: ZodMiniType
  /** For non-JSON answers (the audit CSV). */
  produces?: string
  /** Reads or writes a patient's data: every call is in the practice's audit log. */
  patientData?: boolean
  /** A write that honours the Idempotency-Key header (the outbox replays these). */
  idempotent?: boolean
  /** Bodies up to this many bytes, where the server's general limit is lower (history parts). */
  maxBodyBytes?: number
}

const STAFF = ['admin', 'supervisor', 'coder'] as const satisfies readonly Role[]
const REVIEWERS = ['admin', 'supervisor'] as const satisfies readonly Role[]
const EVERY_ROLE = ['admin', 'supervisor', 'coder', 'trainee'] as const satisfies readonly Role[]
const ADMIN = ['admin'] as const satisfies readonly Role[]

/** Every route of the API, in the order of the OpenAPI document. */
export const ROUTES = {
  health: { method: 'GET', path: '/api/health', access: 'public', summary: 'The server and its database answer', response: s.healthSchema },
  openapi: { method: 'GET', path: '/api/openapi.json', access: 'public', summary: 'This API, as OpenAPI 3.1' },
  setupStatus: { method: 'GET', path: '/api/setup', access: 'public', summary: 'Whether the server still needs its first practice and admin', response: s.setupStatusSchema },
  setup: { method: 'POST', path: '/api/setup', access: 'public', summary: 'Create the first practice and its admin with the one-time setup link', body: s.setupBody, response: s.sessionInfoSchema },
  signIn: { method: 'POST', path: '/api/auth/sign-in', access: 'public', summary: 'Sign in with email and password', body: s.signInBody, response: s.sessionInfoSchema },
  invitePreview: { method: 'GET', path: '/api/invites/:token', access: 'public', summary: 'What an invitation link is for', params: s.tokenParams, response: s.invitePreviewSchema },
  acceptInvite: { method: 'POST', path: '/api/invites/accept', access: 'public', summary: 'Accept an invitation: create the account, or join with an existing one', body: s.acceptInviteBody, response: s.sessionInfoSchema },

  session: { method: 'GET', path: '/api/auth/session', access: 'pending', summary: 'The signed-in person, practice, role and session limits', response: s.sessionInfoSchema },
  verifyTwoFactor: { method: 'POST', path: '/api/auth/two-factor/verify', access: 'pending', summary: 'Complete a sign-in with an authenticator or backup code', body: s.codeBody, response: s.sessionInfoSchema },
  twoFactorSetup: { method: 'POST', path: '/api/auth/two-factor/setup', access: 'pending', summary: 'Start setting up an authenticator: a new secret and its otpauth URI', response: s.twoFactorSetupSchema },
  twoFactorEnable: { method: 'POST', path: '/api/auth/two-factor/enable', access: 'pending', summary: 'Turn two-factor on with a first code; answers the backup codes', body: s.codeBody, response: s.backupCodesSchema },
  signOut: { method: 'POST', path: '/api/auth/sign-out', access: 'pending', summary: 'End this session' },

  refresh: { method: 'POST', path: '/api/auth/refresh', access: 'signed-in', summary: 'Stay signed in (resets the idle timer)', response: s.sessionInfoSchema },
  signOutEverywhere: { method: 'POST', path: '/api/auth/sign-out-everywhere', access: 'signed-in', summary: 'End every session of this account' },
  sessions: { method: 'GET', path: '/api/auth/sessions', access: 'signed-in', summary: "This account's open sessions", response: s.sessionListSchema },
  endSession: { method: 'DELETE', path: '/api/auth/sessions/:id', access: 'signed-in', summary: 'End one of this account\'s sessions', params: s.idParams },
  changePassword: { method: 'POST', path: '/api/auth/password', access: 'signed-in', summary: 'Change this account\'s password (other sessions end)', body: s.changePasswordBody },
  backupCodes: { method: 'POST', path: '/api/auth/two-factor/backup-codes', access: 'signed-in', summary: 'New backup codes (the old ones stop working)', body: s.codeBody, response: s.backupCodesSchema },
  twoFactorDisable: { method: 'POST', path: '/api/auth/two-factor/disable', access: 'signed-in', summary: 'Turn two-factor off where the practice does not require it', body: s.passwordBody },
  switchPractice: { method: 'POST', path: '/api/auth/practice', access: 'signed-in', summary: 'Work in another of this account\'s practices', body: s.switchPracticeBody, response: s.sessionInfoSchema },

  members: { method: 'GET', path: '/api/admin/members', access: ADMIN, summary: "The practice's people and roles", response: s.memberListSchema },
  changeRole: { method: 'PATCH', path: '/api/admin/members/:userId', access: ADMIN, summary: 'Change a member\'s role', params: s.userParams, body: s.changeRoleBody, response: s.memberSchema },
  deactivate: { method: 'POST', path: '/api/admin/members/:userId/deactivate', access: ADMIN, summary: 'Deactivate a member: their sessions in this practice end at once', params: s.userParams, response: s.memberSchema },
  reactivate: { method: 'POST', path: '/api/admin/members/:userId/reactivate', access: ADMIN, summary: 'Reactivate a member', params: s.userParams, response: s.memberSchema },
  resetTwoFactor: { method: 'POST', path: '/api/admin/members/:userId/reset-two-factor', access: ADMIN, summary: 'Remove a member\'s authenticator and backup codes; they set it up again at their next sign-in', params: s.userParams, response: s.memberSchema },
  invites: { method: 'GET', path: '/api/admin/invites', access: ADMIN, summary: 'Open and accepted invitations', response: s.inviteListSchema },
  createInvite: { method: 'POST', path: '/api/admin/invites', access: ADMIN, summary: 'Invite a person: a link with an expiry to pass on', body: s.createInviteBody, response: s.createdInviteSchema },
  revokeInvite: { method: 'DELETE', path: '/api/admin/invites/:id', access: ADMIN, summary: 'Withdraw an open invitation', params: s.idParams },
  settings: { method: 'GET', path: '/api/admin/settings', access: ADMIN, summary: "The practice's sign-in settings", response: s.practiceSettingsSchema },
  updateSettings: { method: 'PATCH', path: '/api/admin/settings', access: ADMIN, summary: 'Change the idle timeout, the roles that must use two-factor, or the practice name', body: s.updateSettingsBody, response: s.practiceSettingsSchema },
  signIns: { method: 'GET', path: '/api/admin/sign-ins', access: ADMIN, summary: "Sign-in history of the practice's members", query: s.signInQuery, response: s.signInEventListSchema },
  audit: { method: 'GET', path: '/api/admin/audit', access: ADMIN, summary: "The practice's access log, newest first", query: s.auditQuery, response: s.auditListSchema },
  auditCsv: { method: 'GET', path: '/api/admin/audit.csv', access: ADMIN, summary: 'The access log as CSV (up to 100,000 entries, newest first)', query: s.auditExportQuery, produces: 'text/csv' },

  startMoveIn: {
    method: 'POST', path: '/api/admin/move-ins', access: ADMIN,
    summary: "Move a workstation's data in, step 1 of 4: start with the backup file's name, UTF-8 size and SHA-256 (409 already-moved-in when this file was moved into the practice before); then send its text in parts, preview, and commit (DELETE abandons)",
    body: move.moveInStartBody, response: move.moveInStartedSchema,
  },
  addMoveInPart: {
    method: 'POST', path: '/api/admin/move-ins/:id/parts', access: ADMIN,
    summary: 'Move in, step 2: a part of the backup file\'s text (index 0, 1, ... in order, at most 1 MB each); the same index again replaces that part; 413 when the parts exceed the announced size',
    params: s.idParams, body: move.moveInPartBody, response: move.moveInPartResultSchema, maxBodyBytes: 8 * 1024 * 1024,
  },
  previewMoveIn: {
    method: 'GET', path: '/api/admin/move-ins/:id/preview', access: ADMIN,
    summary: "Move in, step 3: the server joins the parts, checks the size and SHA-256, parses the whole file again and answers, per table, what the commit adds and what it skips as duplicates by the dedupe keys (422 invalid-backup or fingerprint-mismatch: nothing is stored)",
    params: s.idParams, response: move.moveInPreviewSchema,
  },
  commitMoveIn: {
    method: 'POST', path: '/api/admin/move-ins/:id/commit', access: ADMIN,
    summary: "Move in, step 4: store everything in one transaction, or nothing: encounters coded again by the server (with the workstation's review decisions), history lines, providers, payer profiles, practice cases, coverage choices and training attempts, skipping duplicates",
    params: s.idParams, response: move.moveInCommitSchema, patientData: true, idempotent: true,
  },
  abandonMoveIn: { method: 'DELETE', path: '/api/admin/move-ins/:id', access: ADMIN, summary: 'Abandon a move-in not yet committed: its parts are dropped', params: s.idParams },

  finalize: { method: 'POST', path: '/api/encounters', access: STAFF, summary: 'Finalize an encounter: the server codes it again with the practice\'s history', body: s.finalizeBody, response: s.encounterSummarySchema, patientData: true, idempotent: true },
  encounters: { method: 'GET', path: '/api/encounters', access: STAFF, summary: 'Finalized encounters, newest first', query: s.encounterQuery, response: s.encounterListSchema, patientData: true },
  encounter: { method: 'GET', path: '/api/encounters/:id', access: STAFF, summary: 'One finalized encounter', params: s.idParams, response: s.encounterSummarySchema, patientData: true },
  decide: { method: 'POST', path: '/api/encounters/:id/decisions', access: REVIEWERS, summary: 'Approve, return or override a finalized encounter (never one\'s own)', params: s.idParams, body: s.decisionBody, response: s.encounterSummarySchema, patientData: true, idempotent: true },
  attempts: { method: 'GET', path: '/api/training/attempts', access: EVERY_ROLE, summary: 'My practice attempts (every member\'s for supervisors and admins)', response: s.attemptListSchema },
  addAttempt: { method: 'POST', path: '/api/training/attempts', access: EVERY_ROLE, summary: 'Record a graded practice attempt', body: s.attemptBody, response: s.attemptSchema, idempotent: true },
  historyImports: { method: 'GET', path: '/api/history/imports', access: STAFF, summary: "The practice's committed claim-history imports, newest first", response: s.historyImportListSchema },
  historyLines: { method: 'GET', path: '/api/history/lines', access: STAFF, summary: 'Lines of a committed history import with n > after, in n order (cursor: the last n returned)', query: s.historyLinesQuery, response: s.historyLineListSchema, patientData: true },
  startHistoryImport: {
    method: 'POST', path: '/api/history/imports', access: STAFF,
    summary: 'Upload claim history, step 1 of 3: start an import with the file name, its first rows up to and including the header, its line count, and the column mapping and date format confirmed in the preview; rows among the first rows are checked and staged (then send the parts, then commit; DELETE abandons)',
    body: s.historyImportStartBody, response: s.historyImportStartedSchema,
  },
  addHistoryPart: {
    method: 'POST', path: '/api/history/imports/:id/parts', access: STAFF,
    summary: 'Upload claim history, step 2: a part of the file (whole rows, at most 1 MB, firstRow = its first line in the file); the server checks every row again and refuses the part with the row and column of each error. The same firstRow again replaces the part',
    params: s.idParams, body: s.historyPartBody, response: s.historyPartResultSchema, patientData: true, maxBodyBytes: 8 * 1024 * 1024,
  },
  commitHistoryImport: {
    method: 'POST', path: '/api/history/imports/:id/commit', access: STAFF,
    summary: "Upload claim history, step 3: when the parts cover every row of the file, store their lines in one transaction (all or nothing), skipping lines already in the practice's history or repeated in the file; the change feed then carries the import once",
    params: s.idParams, response: s.historyCommitSchema, patientData: true, idempotent: true,
  },
  abortHistoryImport: { method: 'DELETE', path: '/api/history/imports/:id', access: STAFF, summary: 'Abandon an import not yet committed: its parts are dropped', params: s.idParams },
  saveRecord: {
    method: 'POST', path: '/api/records/:kind/:key', access: STAFF,
    summary: "Create or change one of the practice's shared records (provider, payer-profile, practice-case, coverage-settings, ndc-list-entry, charge-settings) or one's own draft; who may write depends on the kind; 409 stale with the current record when expectedVersion is not the current version",
    params: s.recordParams, body: s.recordPutBody, response: s.practiceRecordSchema, idempotent: true,
  },
  deleteRecord: {
    method: 'DELETE', path: '/api/records/:kind/:key', access: STAFF,
    summary: 'Delete a shared record or one\'s own draft (the change feed carries the deletion); 409 stale when it changed since expectedVersion',
    params: s.recordParams, body: s.recordDeleteBody, response: s.recordDeletedSchema, idempotent: true,
  },
  importRemittance: {
    method: 'POST', path: '/api/remittances', access: STAFF, maxBodyBytes: 2 * s.REMITTANCE_MAX_CHARS + 64 * 1024,
    summary: "Import an 835 remittance file: the server parses it again with the app's parser and matches it to the practice's encounters; a malformed file is refused with the parser's messages (422), a payment already imported with 409, storing nothing. The change feed then carries it",
    body: s.remittanceUploadBody, response: s.remittanceSchema, patientData: true, idempotent: true,
  },
  deleteRemittance: {
    method: 'DELETE', path: '/api/remittances/:id', access: STAFF,
    summary: 'Remove an imported 835 file: its denials leave the insights and its payments can be imported again (the change feed carries the removal)',
    params: s.idParams, response: s.remittanceDeletedSchema, patientData: true, idempotent: true,
  },
  recordChargeExports: {
    method: 'POST', path: '/api/charge-exports', access: STAFF,
    summary: "Record a charge file just made (HL7 DFT^P03 or CSV): one export per encounter, at the server's time, by the signed-in person. Each encounter must be the practice's, current and settled in review (404 not-found for an id the practice does not have, 409 not-ready or replaced). An encounter exported before is recorded again (the file has left), and the answer names its earlier exports. The change feed then carries them",
    body: s.chargeExportBody, response: s.chargeExportResultSchema, patientData: true, idempotent: true,
  },
  referenceFiles: { method: 'GET', path: '/api/reference/files', access: EVERY_ROLE, summary: 'The public reference files loaded on this server (NCCI tables, ICD-10-CM releases, billing articles), one copy for every practice', response: ref.referenceFileListSchema },
  referenceContent: { method: 'GET', path: '/api/reference/files/:id', access: EVERY_ROLE, summary: "One reference file's content: its files gzip-compressed, base64", params: s.idParams, response: ref.referenceContentSchema },
  uploadReference: {
    method: 'POST', path: '/api/reference/files', access: ADMIN, maxBodyBytes: ref.REFERENCE_BODY_MAX_BYTES + 64 * 1024,
    summary: "Load a reference file for the whole server: the server parses it again with the app's parsers and refuses a malformed file (row and column named), storing nothing; it replaces an earlier upload whose records it all provides again",
    body: ref.referenceUploadBody, response: ref.referenceUploadResultSchema,
  },
  deleteReference: { method: 'DELETE', path: '/api/reference/files/:id', access: ADMIN, summary: "Remove a reference file (an admin of the practice that uploaded it)", params: s.idParams },
  changes: { method: 'GET', path: '/api/sync/changes', access: EVERY_ROLE, summary: 'The practice\'s changes after a cursor that this role may read, in commit order', query: s.changesQuery, response: s.changeListSchema, patientData: true },
  events: { method: 'GET', path: '/api/sync/events', access: EVERY_ROLE, summary: 'Server-Sent Events: the practice\'s change feed moved (pull then)', produces: 'text/event-stream' },
} as const satisfies Record<string, RouteSpec>

export type RouteName = keyof typeof ROUTES

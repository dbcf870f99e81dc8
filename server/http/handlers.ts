import type { z } from 'zod/mini'
import type { RouteName } from '../../src/group-api/routes.ts'
import type { ReferenceUploadBody } from '../../src/group-api/reference-schemas.ts'
import type * as s from '../../src/group-api/schemas.ts'
import type * as move from '../../src/group-api/move-in-schemas.ts'
import * as accounts from '../services/accounts.ts'
import * as admin from '../services/admin.ts'
import * as chargeExports from '../services/charge-exports.ts'
import type { Ctx } from '../services/context.ts'
import * as data from '../services/practice-data.ts'
import * as history from '../services/history.ts'
import * as moveIn from '../services/move-in.ts'
import * as records from '../services/records.ts'
import * as reference from '../services/reference-files.ts'
import * as remittances from '../services/remittances.ts'
import * as sync from '../services/sync.ts'
import { empty, type Reply } from './errors.ts'

/** What the router hands a route: its parameters, query and body, each parsed by the route's schema. */
export interface Parsed {
  params: unknown
  query: unknown
  body: unknown
}

export type Handler = (ctx: Ctx, input: Parsed) => Promise<Reply>

// The router parsed each input with the route's own schema, so these casts name what it checked.
const body = <T extends z.ZodMiniType>(input: Parsed) => input.body as z.infer<T>
const query = <T extends z.ZodMiniType>(input: Parsed) => input.query as z.infer<T>
const id = (input: Parsed) => (input.params as { id: string }).id
const userId = (input: Parsed) => (input.params as { userId: string }).userId

/** Every route's service call. Routes stay thin: parse (the router), authorize (the router), call. */
export const HANDLERS: Record<RouteName, Handler> = {
  health: () => Promise.resolve(empty()),
  openapi: () => Promise.resolve(empty()),
  setupStatus: async (ctx) => ({ kind: 'json', status: 200, body: { needed: await accounts.needsSetup(ctx.q) } }),
  setup: (ctx, input) => accounts.setup(ctx, body<typeof s.setupBody>(input)),
  signIn: (ctx, input) => accounts.signIn(ctx, body<typeof s.signInBody>(input)),
  invitePreview: (ctx, input) => accounts.previewInvite(ctx, (input.params as { token: string }).token),
  acceptInvite: (ctx, input) => accounts.acceptInvite(ctx, body<typeof s.acceptInviteBody>(input)),

  session: (ctx) => accounts.currentSession(ctx),
  verifyTwoFactor: (ctx, input) => accounts.verifyTwoFactor(ctx, body<typeof s.codeBody>(input)),
  twoFactorSetup: (ctx) => accounts.startTwoFactorSetup(ctx),
  twoFactorEnable: (ctx, input) => accounts.enableTwoFactor(ctx, body<typeof s.codeBody>(input)),
  signOut: (ctx) => accounts.signOut(ctx),

  refresh: (ctx) => accounts.refresh(ctx),
  signOutEverywhere: (ctx) => accounts.signOutEverywhere(ctx),
  sessions: (ctx) => accounts.listSessions(ctx),
  endSession: (ctx, input) => accounts.endOwnSession(ctx, id(input)),
  changePassword: (ctx, input) => accounts.changePassword(ctx, body<typeof s.changePasswordBody>(input)),
  backupCodes: (ctx, input) => accounts.newBackupCodesFor(ctx, body<typeof s.codeBody>(input)),
  twoFactorDisable: (ctx, input) => accounts.disableTwoFactor(ctx, body<typeof s.passwordBody>(input)),
  switchPractice: (ctx, input) => accounts.switchPractice(ctx, body<typeof s.switchPracticeBody>(input)),

  members: (ctx) => admin.listMembers(ctx),
  changeRole: (ctx, input) => admin.changeRole(ctx, userId(input), body<typeof s.changeRoleBody>(input)),
  deactivate: (ctx, input) => admin.setActive(ctx, userId(input), false),
  reactivate: (ctx, input) => admin.setActive(ctx, userId(input), true),
  resetTwoFactor: (ctx, input) => admin.resetTwoFactor(ctx, userId(input)),
  invites: (ctx) => admin.listInvites(ctx),
  createInvite: (ctx, input) => admin.createInvite(ctx, body<typeof s.createInviteBody>(input)),
  revokeInvite: (ctx, input) => admin.revokeInvite(ctx, id(input)),
  settings: (ctx) => admin.getSettings(ctx),
  updateSettings: (ctx, input) => admin.updateSettings(ctx, body<typeof s.updateSettingsBody>(input)),
  signIns: (ctx, input) => admin.listSignIns(ctx, query<typeof s.signInQuery>(input)),
  audit: (ctx, input) => admin.listAudit(ctx, query<typeof s.auditQuery>(input)),
  auditCsv: (ctx, input) => admin.exportAudit(ctx, query<typeof s.auditExportQuery>(input)),

  startMoveIn: (ctx, input) => moveIn.startMoveIn(ctx, body<typeof move.moveInStartBody>(input)),
  addMoveInPart: (ctx, input) => moveIn.addMoveInPart(ctx, id(input), body<typeof move.moveInPartBody>(input)),
  previewMoveIn: (ctx, input) => moveIn.previewMoveIn(ctx, id(input)),
  commitMoveIn: (ctx, input) => moveIn.commitMoveIn(ctx, id(input)),
  abandonMoveIn: (ctx, input) => moveIn.abandonMoveIn(ctx, id(input)),

  finalize: (ctx, input) => data.finalize(ctx, body<typeof s.finalizeBody>(input)),
  encounters: (ctx, input) => data.listEncounters(ctx, query<typeof s.encounterQuery>(input)),
  encounter: (ctx, input) => data.getEncounter(ctx, id(input)),
  decide: (ctx, input) => data.decide(ctx, id(input), body<typeof s.decisionBody>(input)),
  attempts: (ctx) => data.listAttempts(ctx),
  addAttempt: (ctx, input) => data.addAttempt(ctx, body<typeof s.attemptBody>(input)),
  historyImports: (ctx) => history.listImports(ctx),
  historyLines: (ctx, input) => history.listLines(ctx, query<typeof s.historyLinesQuery>(input)),
  startHistoryImport: (ctx, input) => history.startImport(ctx, body<typeof s.historyImportStartBody>(input)),
  addHistoryPart: (ctx, input) => history.addPart(ctx, id(input), body<typeof s.historyPartBody>(input)),
  commitHistoryImport: (ctx, input) => history.commitImport(ctx, id(input)),
  abortHistoryImport: (ctx, input) => history.abortImport(ctx, id(input)),
  saveRecord: (ctx, input) => records.saveRecord(ctx, input.params as z.infer<typeof s.recordParams>, body<typeof s.recordPutBody>(input)),
  deleteRecord: (ctx, input) => records.deleteRecord(ctx, input.params as z.infer<typeof s.recordParams>, body<typeof s.recordDeleteBody>(input)),
  importRemittance: (ctx, input) => remittances.importRemittance(ctx, body<typeof s.remittanceUploadBody>(input)),
  deleteRemittance: (ctx, input) => remittances.deleteRemittance(ctx, id(input)),
  recordChargeExports: (ctx, input) => chargeExports.recordChargeExports(ctx, body<typeof s.chargeExportBody>(input)),
  referenceFiles: (ctx) => reference.listFiles(ctx),
  referenceContent: (ctx, input) => reference.getContent(ctx, id(input)),
  uploadReference: (ctx, input) => reference.upload(ctx, input.body as ReferenceUploadBody),
  deleteReference: (ctx, input) => reference.remove(ctx, id(input)),
  changes: (ctx, input) => sync.pullChanges(ctx, query<typeof s.changesQuery>(input)),
  events: (ctx) => sync.openEvents(ctx),
}

import type { z } from 'zod/mini'
import type { attemptBody, attemptSchema, ChargeExportSummary, chargeExportBody, decisionBody, Decision, EncounterSummary, finalizeBody, HistoryImportSummary, idParams, PracticeRecord, recordDeleteBody, recordParams, recordPutBody, RemittanceSummary, remittanceUploadBody, ROUTES, RouteName } from '../../../group-api/index.ts'
import type { AuditRecord, ChargeExportRecord, DraftRecord, EncounterRecord, RemittanceImportRecord } from '../../types.ts'

/** A graded practice attempt as the server stores it (the replica's `attempts` rows). */
export type TrainingAttempt = z.output<typeof attemptSchema>

/** Where the replica stands in the practice's change feed. */
export interface SyncMeta {
  /** The cursor of the last page applied: the next pull asks for changes after it (0: none yet). */
  cursor: number
  /** The practice's latest seq when last heard from the server. */
  head: number
  /** When a pull last reached the end of the feed (ISO), or null before the first one. */
  lastSyncedAt: string | null
}

/** The routes that honour the Idempotency-Key header: the writes the outbox replays. */
export type IdempotentRoute = { [N in RouteName]: (typeof ROUTES)[N] extends { idempotent: true } ? N : never }[RouteName]

/**
 * What this device keeps beside a write and never sends: what the app shows until the server
 * answers (the encounter as finalized here, the review's audit entry) and the user's work to
 * give back if the server refuses it (the worksheet's draft).
 */
export interface OutboxLocal {
  /** finalize: the encounter as the worksheet finalized it, under the draft's id. */
  record?: EncounterRecord
  /** finalize: the worksheet as it was, to reopen as a draft. */
  draft?: DraftRecord
  /** decide: the review's audit entry. */
  audit?: AuditRecord
  /** addAttempt: the id of the full attempt record kept in this browser's store. */
  attemptId?: string
  /**
   * saveRecord / deleteRecord of a draft: the expected version is the replica's when the entry is
   * first sent (a person's own draft: the latest save wins, and consecutive saves coalesce).
   */
  versionAtSend?: boolean
  /** importRemittance: the import as this device matched it, shown until the server's arrives. */
  remittance?: RemittanceImportRecord
  /**
   * recordChargeExports: the exports and their audit entries as this device made them (its clock,
   * its person), shown until the server's arrive. The file has left once this entry exists.
   */
  chargeExports?: { records: ChargeExportRecord[]; audit: AuditRecord[] }
}

/** A write the outbox keeps until the server has answered it: the request as the client sends it. */
export type OutboxMutation = (
  | { route: 'finalize'; params?: undefined; body: z.input<typeof finalizeBody> }
  | { route: 'decide'; params: z.input<typeof idParams>; body: z.input<typeof decisionBody> }
  | { route: 'addAttempt'; params?: undefined; body: z.input<typeof attemptBody> }
  | { route: 'saveRecord'; params: z.input<typeof recordParams>; body: z.input<typeof recordPutBody> }
  | { route: 'deleteRecord'; params: z.input<typeof recordParams>; body: z.input<typeof recordDeleteBody> }
  | { route: 'importRemittance'; params?: undefined; body: z.input<typeof remittanceUploadBody> }
  | { route: 'deleteRemittance'; params: z.input<typeof idParams>; body?: undefined }
  | { route: 'recordChargeExports'; params?: undefined; body: z.input<typeof chargeExportBody> }
) & { local?: OutboxLocal }

/** 'pending': waits its turn to be sent; 'needs-attention': the server refused it (the user retries or discards it). */
export type OutboxState = 'pending' | 'needs-attention'

/** Why the last send of an entry did not succeed: the HTTP status (0: never reached the server), code and message. */
export interface OutboxError {
  status: number | null
  error: string
  message: string
}

export type OutboxEntry = OutboxMutation & {
  /** The outbox sends in this order (IndexedDB's auto-increment key). */
  order: number
  /** Sent as the Idempotency-Key header: a send repeated after a lost answer is done once by the server. */
  key: string
  createdAt: string
  /** When `key` was made, where it is newer than the entry (a refused entry sent again gets a new key). */
  keyCreatedAt?: string
  state: OutboxState
  /** Sends tried so far. */
  attempts: number
  lastError: OutboxError | null
}

/** What a successful write answers, as the replica stores it. */
export type WriteAnswer =
  | { encounter: EncounterSummary }
  | { attempt: TrainingAttempt }
  | { record: PracticeRecord }
  /** A record deleted (or found already gone: nothing was sent). */
  | { deletedRecord: { id: string | null; kind: PracticeRecord['kind']; key: string } }
  | { remittance: RemittanceSummary }
  /** An imported 835 file removed (or found already gone). */
  | { deletedRemittance: { id: string } }
  /** The exports of a charge file, as the server recorded them. */
  | { chargeExports: ChargeExportSummary[] }

/** An encounter a reviewer sent back to the coder who finalized it, with the reviewer's note. */
export interface ReturnedEncounter {
  encounter: EncounterSummary
  /** The latest return decision's reason (null when it gave none). */
  note: string | null
  returnedBy: string
  returnedAt: string
  /** Every return decision on the encounter, oldest first (a line-level return carries its lineIndex). */
  returns: Decision[]
}

export type SyncConnection = 'online' | 'offline' | 'syncing'

/** What the header shows about this device's sync. */
export interface SyncStatus {
  connection: SyncConnection
  /** Outbox entries still to be sent. */
  pending: number
  /** Outbox entries the server refused: they wait for the user to retry or discard them. */
  needsAttention: number
  lastSyncedAt: string | null
  /** The session ended: syncing stopped until the person signs in again. */
  signedOut: boolean
}

/** What part of the replica changed (the group store tells the app's screens which of its tables that touches). */
export type ReplicaTable = 'encounters' | 'attempts' | 'outbox' | 'history' | 'dismissed' | 'records' | 'remittances' | 'chargeExports'

/** A practice's history import as the replica keeps it: the server's summary, and how far this device has read its lines. */
export interface HistoryImportRow extends HistoryImportSummary {
  /** The `n` of the last line stored here (0: none yet). */
  linesCursor: number
  /** Every line of the import is stored here. */
  linesComplete: boolean
}

/** One patient's imported lines of one page read (the page's first line `n` of that patient names it). */
export interface HistoryChunk {
  patientId: string
  importId: string
  first: number
  lines: { dateOfService: string; code: string; modifiers: string[]; units: number; providerId: string | null; key: string }[]
}

import type { z } from 'zod/mini'
import type { attemptBody, attemptSchema, decisionBody, Decision, EncounterSummary, finalizeBody, idParams, ROUTES, RouteName } from '../../../group-api/index.ts'

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

/** A write the outbox keeps until the server has answered it: the request as the client sends it. */
export type OutboxMutation =
  | { route: 'finalize'; params?: undefined; body: z.input<typeof finalizeBody> }
  | { route: 'decide'; params: z.input<typeof idParams>; body: z.input<typeof decisionBody> }
  | { route: 'addAttempt'; params?: undefined; body: z.input<typeof attemptBody> }

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
  state: OutboxState
  /** Sends tried so far. */
  attempts: number
  lastError: OutboxError | null
}

/** What a successful write answers, as the replica stores it. */
export type WriteAnswer = { encounter: EncounterSummary } | { attempt: TrainingAttempt }

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

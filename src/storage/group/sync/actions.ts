import { createContext, useContext } from 'react'
import type { EncounterSummary, PracticeRecord } from '../../../group-api/index.ts'
import type { OutboxEntry, OutboxMutation } from './types.ts'

/** An outbox entry as the "Changes waiting" screen shows it. */
export interface WaitingChange {
  entry: OutboxEntry
  /** A decision's encounter as this device last synced it (what changed since, for a stale one). */
  current: EncounterSummary | null
  /** A record write's record as this device last synced it (null: none, or deleted). */
  currentRecord?: PracticeRecord | null
}

/** What the "Changes waiting" screen can do with this device's outbox (group mode only). */
export interface SyncActions {
  /** Every change not yet saved on the server, in sending order. */
  waitingChanges(): Promise<WaitingChange[]>
  /** Sends a refused change again, with a corrected body if given. */
  retryChange(order: number, body?: OutboxMutation['body']): Promise<void>
  /** Drops a refused change. */
  discardChange(order: number): Promise<void>
  /**
   * A refused finalize back as a draft in this browser, with the worksheet as it was finalized,
   * and the change dropped. Answers the draft's id.
   */
  reopenAsDraft(order: number): Promise<string>
  /** Calls the listener when the outbox or the synced data changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void
}

export const SyncActionsContext = createContext<SyncActions | null>(null)

/** The outbox's actions; only under the group app once sync runs. */
export function useSyncActions(): SyncActions {
  const actions = useContext(SyncActionsContext)
  if (!actions) throw new Error('useSyncActions needs a SyncActionsContext above it')
  return actions
}

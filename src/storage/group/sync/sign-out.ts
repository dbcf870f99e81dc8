import type { Role } from '../../../group-api/index.ts'
import type { WorksheetStore } from '../../types.ts'
import type { SyncEngine } from './engine.ts'
import { deleteReplica } from './replica.ts'

/**
 * On a trusted device (a practice's own workstation, so marked by an admin) a person's replica
 * stays after sign-out, so that the next sign-in starts from it; anywhere else sign-out deletes it.
 */
export const TRUSTED_DEVICE_KEY = 'icw-trusted-device'

type FlagStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
const deviceStorage = (): FlagStorage => globalThis.localStorage

export function isTrustedDevice(storage: Pick<Storage, 'getItem'> = deviceStorage()): boolean {
  try {
    return storage.getItem(TRUSTED_DEVICE_KEY) === 'true'
  } catch {
    return false
  }
}

/**
 * Marks this device trusted (only an admin may) or no longer trusted (anyone may: it only
 * means more is deleted at sign-out).
 */
export function setTrustedDevice(trusted: boolean, role: Role | null, storage: FlagStorage = deviceStorage()): void {
  if (!trusted) {
    storage.removeItem(TRUSTED_DEVICE_KEY)
    return
  }
  if (role !== 'admin') throw new Error('Only an admin can mark this device as trusted.')
  storage.setItem(TRUSTED_DEVICE_KEY, 'true')
}

/** Deletes a person's replica in a practice: its rows, its cursor and its unsent outbox. */
export function wipeReplica(practiceId: string, userId: string): Promise<void> {
  return deleteReplica(practiceId, userId)
}

export interface SignOutSyncResult {
  /** True when the replica was deleted (the device is not trusted). */
  wiped: boolean
  /** Changes that had not reached the server: deleted with the replica when `wiped`. */
  unsent: number
  /** Finalized worksheets not yet on the server, put back as drafts in the browser's store before the replica was deleted. */
  keptAsDrafts: number
}

/**
 * The worksheets of finalizes the server has not saved (waiting, or refused), back as drafts in
 * the browser's store, unless a draft of that id is there already. Answers how many were put back.
 */
export async function keepUnsentWork(engine: SyncEngine, drafts: Pick<WorksheetStore, 'getDraft' | 'saveDraft'>): Promise<number> {
  let kept = 0
  for (const entry of await engine.outbox().catch(() => [])) {
    const draft = entry.route === 'finalize' ? entry.local?.draft : undefined
    if (!draft) continue
    try {
      if (await drafts.getDraft(draft.id)) continue
      await drafts.saveDraft(draft)
      kept++
    } catch {
      // A draft that cannot be written here is lost with the replica, as it would be without this step.
    }
  }
  return kept
}

/**
 * What sign-out does to sync: stops the engine (if one runs), then deletes the person's replica
 * unless the device is trusted. Finalized worksheets not yet sent go back to the drafts of
 * `keepWorkIn` first; other unsent changes (review decisions, attempts) are deleted too, so ask
 * before signing out while `status.pending` or `status.needsAttention` is above 0.
 */
export async function endSyncOnSignOut(options: {
  engine: SyncEngine | null; practiceId: string; userId: string; storage?: Pick<Storage, 'getItem'>
  keepWorkIn?: Pick<WorksheetStore, 'getDraft' | 'saveDraft'>
}): Promise<SignOutSyncResult> {
  const { engine, practiceId, userId } = options
  const trusted = isTrustedDevice(options.storage)
  let unsent = 0
  let keptAsDrafts = 0
  if (engine) {
    await engine.stop()
    const counts = await engine.replica.outboxCounts().catch(() => ({ pending: 0, needsAttention: 0 }))
    unsent = counts.pending + counts.needsAttention
    if (!trusted && unsent > 0 && options.keepWorkIn) keptAsDrafts = await keepUnsentWork(engine, options.keepWorkIn)
    engine.replica.close()
  }
  if (trusted) return { wiped: false, unsent, keptAsDrafts }
  await wipeReplica(practiceId, userId)
  return { wiped: true, unsent, keptAsDrafts }
}

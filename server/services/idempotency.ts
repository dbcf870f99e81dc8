import type { Database } from '../db/database.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** How often a running server prunes idempotency keys (every process does: the deletes are idempotent). */
export const PRUNE_EVERY_MS = 60 * 60 * 1000

/**
 * Deletes the Idempotency-Keys of every practice created more than `retentionDays` before `now`,
 * answering how many went. Kept keys answer a replayed write with its first answer; a client never
 * replays a change older than the retention less a day (the outbox holds it for the user), so a
 * pruned key is never needed again. Runs as the application role through a function of the
 * schema owner (the role itself sees only its own person's keys).
 */
export async function pruneIdempotencyKeys(db: Database, now: Date, retentionDays: number): Promise<number> {
  if (!Number.isInteger(retentionDays) || retentionDays < 2) throw new Error(`The idempotency retention must be at least 2 days; it is ${retentionDays}.`)
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS)
  const [row] = await db.transaction({}, (q) => q.query<{ pruned: string | number }>('select prune_idempotency_keys($1) as pruned', [cutoff]))
  return Number(row?.pruned ?? 0)
}

/**
 * Prunes now and then every `everyMs` until stopped. A failed run is reported and the next one
 * tries again: pruning late only keeps rows longer.
 */
export function schedulePruning(db: Database, options: { retentionDays: number; now: () => Date; everyMs?: number; log: (line: string) => void }): { first: Promise<void>; stop: () => void } {
  const run = async () => {
    try {
      const pruned = await pruneIdempotencyKeys(db, options.now(), options.retentionDays)
      if (pruned > 0) options.log(`Pruned ${pruned} idempotency key${pruned === 1 ? '' : 's'} older than ${options.retentionDays} days.`)
    } catch (err) {
      options.log(`Could not prune idempotency keys (will try again): ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  const first = run()
  const timer = setInterval(() => { void run() }, options.everyMs ?? PRUNE_EVERY_MS)
  timer.unref()
  return { first, stop: () => clearInterval(timer) }
}

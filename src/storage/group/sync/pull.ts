import type { ChangeList } from '../../../group-api/index.ts'
import type { GroupClient } from '../client.ts'
import { createLock, singleFlight, type Lock } from './flow.ts'
import type { Replica } from './replica.ts'
import type { SyncMeta } from './types.ts'

export const PULL_PAGE_SIZE = 1000

/** One page of the practice's change feed after `after`. */
export function fetchChanges(client: GroupClient, after: number, limit: number = PULL_PAGE_SIZE, signal?: AbortSignal): Promise<ChangeList> {
  return client.request('changes', { query: { after, limit }, signal })
}

export interface PullerOptions {
  client: GroupClient
  replica: Replica
  /** Shared with the outbox, so that a pull never crosses a write's answer. */
  lock?: Lock
  pageSize?: number
  now?: () => string
  signal?: () => AbortSignal | undefined
  onBusy?: (busy: boolean) => void
  /** The server answered a request. */
  onReached?: () => void
  /** A pull stopped short; the replica keeps every page applied before. */
  onFailure?: (error: unknown) => void
  /** A pull reached the end of the feed. */
  onPulled?: (meta: SyncMeta) => void
}

export interface Puller {
  /** Pulls until caught up; while a pull runs, one more is scheduled after it (never two at once). */
  request: () => Promise<void>
  settled: () => Promise<void>
  readonly running: boolean
  /** The cursor last applied, as far as this tab knows (null before the first pull read it). */
  cursor: () => number | null
}

/**
 * The pull loop: reads the cursor, asks for the changes after it, applies each page with its
 * cursor in one transaction, and goes on while the server says there are more.
 */
export function createPuller(options: PullerOptions): Puller {
  const { client, replica, lock = createLock(), pageSize = PULL_PAGE_SIZE, now = () => new Date().toISOString() } = options
  let known: number | null = null

  const pullAll = async () => {
    let after = (await replica.meta()).cursor
    known = after
    for (;;) {
      const page = await fetchChanges(client, after, pageSize, options.signal?.())
      options.onReached?.()
      if (page.cursor < after || (page.more && page.cursor === after)) {
        throw new Error(`The server's change feed went back or stood still (cursor ${page.cursor} after ${after}); this device's copy was left as it was.`)
      }
      if (await replica.applyPage(after, page, now())) {
        after = page.cursor
        known = after
        if (!page.more) return
      } else {
        // Another tab applied a page first: go on from where it left the cursor.
        after = (await replica.meta()).cursor
        known = after
      }
    }
  }

  const flight = singleFlight(async () => {
    options.onBusy?.(true)
    try {
      await lock(pullAll)
      options.onPulled?.(await replica.meta())
      return true
    } catch (error) {
      options.onFailure?.(error)
      return false
    } finally {
      options.onBusy?.(false)
    }
  })

  return {
    request: flight.request,
    settled: flight.settled,
    get running() { return flight.running },
    cursor: () => known,
  }
}

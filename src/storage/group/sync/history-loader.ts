import type { GroupClient } from '../client.ts'
import { singleFlight } from './flow.ts'
import type { Replica } from './replica.ts'

/** Lines asked for per request: a page is one IndexedDB transaction. */
export const HISTORY_PAGE_SIZE = 5000

export interface HistoryLoaderOptions {
  client: GroupClient
  replica: Replica
  pageSize?: number
  signal?: () => AbortSignal | undefined
  onBusy?: (busy: boolean) => void
  /** The server answered a request. */
  onReached?: () => void
  /** Reading stopped short; every page stored before is kept, and the next run goes on from there. */
  onFailure?: (error: unknown) => void
}

export interface HistoryLoader {
  /** Reads the lines of every import not read to its end; while a run goes on, one more follows it. */
  request: () => Promise<void>
  settled: () => Promise<void>
  readonly running: boolean
}

/**
 * Brings the practice's imported claim lines to this device: for each import the change feed
 * announced, its lines page by page after the last one stored, each page with its cursor in one
 * transaction, so that a run cut short (offline, sign-out, a closed tab) resumes where it stopped.
 */
export function createHistoryLoader(options: HistoryLoaderOptions): HistoryLoader {
  const { client, replica, pageSize = HISTORY_PAGE_SIZE } = options

  const fetchPage = (importId: string, after: number) => {
    const page = client.request('historyLines', { query: { importId, after, limit: pageSize }, signal: options.signal?.() })
    // A page asked for ahead and then not used must not surface as an unhandled rejection; awaiting it still throws.
    page.catch(() => undefined)
    return page
  }

  // The next page is asked for while this one is being stored (one request ahead, never more), so
  // the server's query and the transfer overlap the IndexedDB write instead of following it.
  const readImport = async (importId: string, from: number) => {
    let after = from
    let pending = fetchPage(importId, after)
    for (;;) {
      const page = await pending
      options.onReached?.()
      if (page.cursor < after || (page.more && page.cursor === after)) {
        throw new Error(`The server's history lines went back or stood still (cursor ${page.cursor} after ${after}); the lines stored so far were kept.`)
      }
      const ahead = page.more ? fetchPage(importId, page.cursor) : null
      if (await replica.applyHistoryPage(importId, after, page)) {
        if (!ahead) return
        after = page.cursor
        pending = ahead
        continue
      }
      // Another tab stored this page first: go on from where it left the import.
      const row = (await replica.unreadImports()).find((i) => i.id === importId)
      if (!row) return
      after = row.linesCursor
      pending = fetchPage(importId, after)
    }
  }

  const flight = singleFlight(async () => {
    const unread = await replica.unreadImports().catch(() => [])
    if (unread.length === 0) return true
    options.onBusy?.(true)
    try {
      for (const row of unread) await readImport(row.id, row.linesCursor)
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
  }
}

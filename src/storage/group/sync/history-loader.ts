import type { GroupClient } from '../client.ts'
import { singleFlight } from './flow.ts'
import type { Replica } from './replica.ts'
import type { HistoryImportRow } from './types.ts'

/** Lines asked for per request: a page is one IndexedDB transaction. */
export const HISTORY_PAGE_SIZE = 5000
/** Pages asked for before the first of them is stored. */
export const HISTORY_PAGES_AHEAD = 3

export interface HistoryLoaderOptions {
  client: GroupClient
  replica: Replica
  pageSize?: number
  /** Pages in flight at once (HISTORY_PAGES_AHEAD). */
  pagesAhead?: number
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

  const ahead = Math.max(1, options.pagesAhead ?? HISTORY_PAGES_AHEAD)

  const fetchPage = (importId: string, after: number) => {
    const page = client.request('historyLines', { query: { importId, after, limit: pageSize }, signal: options.signal?.() })
    // A page asked for ahead and then not used must not surface as an unhandled rejection; awaiting it still throws.
    page.catch(() => undefined)
    return { after, page }
  }

  // Pages are asked for ahead while earlier ones are being stored (at most `ahead` in flight), so
  // the server's queries and the transfers overlap each other and the IndexedDB writes. A page
  // asked for ahead starts where the one before it should end: the server numbers an import's
  // lines 1, 2, 3, ... (`rows` of them), so a full page after `a` ends at `a + pageSize`. Each page
  // is stored only when it starts at the cursor the one before it left; when not (the numbering
  // was not what was expected, or another tab moved the cursor), the pages in flight are dropped
  // and reading goes on from the cursor stored.
  const readImport = async (row: HistoryImportRow) => {
    const { id: importId } = row
    let after = row.linesCursor
    let inFlight: ReturnType<typeof fetchPage>[] = []
    let planned = after
    const fill = () => {
      while (inFlight.length < ahead && (inFlight.length === 0 || planned < row.rows)) {
        inFlight.push(fetchPage(importId, planned))
        planned += pageSize
      }
    }
    const restartAt = (cursor: number) => {
      after = cursor
      planned = cursor
      inFlight = []
      fill()
    }
    fill()
    for (;;) {
      const next = inFlight.shift()
      if (!next) return
      const page = await next.page
      options.onReached?.()
      if (next.after !== after) {
        restartAt(after)
        continue
      }
      if (page.cursor < after || (page.more && page.cursor === after)) {
        throw new Error(`The server's history lines went back or stood still (cursor ${page.cursor} after ${after}); the lines stored so far were kept.`)
      }
      if (!page.more) inFlight = []
      else {
        // Numbered otherwise than expected: the pages asked for ahead start in the wrong place.
        if (page.cursor !== next.after + pageSize) {
          inFlight = []
          planned = page.cursor
        }
        fill()
      }
      if (await replica.applyHistoryPage(importId, after, page)) {
        if (!page.more) return
        after = page.cursor
        continue
      }
      // Another tab stored this page first: go on from where it left the import.
      const stored = (await replica.unreadImports()).find((i) => i.id === importId)
      if (!stored) return
      restartAt(stored.linesCursor)
    }
  }

  const flight = singleFlight(async () => {
    const unread = await replica.unreadImports().catch(() => [])
    if (unread.length === 0) return true
    options.onBusy?.(true)
    try {
      for (const row of unread) await readImport(row)
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

import { REFERENCE_EVENT } from '../../../group-api/reference-schemas.ts'
import { ROUTES, syncEventDataSchema } from '../../../group-api/index.ts'
import type { GroupClient } from '../client.ts'
import { classifyFailure } from './failures.ts'
import { browserTimers, createLock, retryDelay, singleFlight, type Timers } from './flow.ts'
import { createHistoryLoader } from './history-loader.ts'
import { createOutbox } from './outbox.ts'
import { createPuller } from './pull.ts'
import { openReplica, type Replica } from './replica.ts'
import { createSyncStatusStore, type SyncStatusStore } from './status.ts'
import type { OutboxEntry, OutboxMutation } from './types.ts'

/** The part of the browser's EventSource the engine uses (tests give a fake one). */
export interface EventSourceLike {
  readonly readyState: number
  addEventListener(type: string, listener: (event: MessageEvent) => void): void
  close(): void
}

/** EventSource.CLOSED: the browser will not reconnect by itself (the server refused the stream). */
const STREAM_CLOSED = 2

/** The browser's word on its network connection. */
export interface NetworkSignals {
  online(): boolean
  /** Calls the listeners on the window's `online` and `offline` events; answers the unsubscribe. */
  watch(onOnline: () => void, onOffline: () => void): () => void
}

export const browserNetwork: NetworkSignals = {
  online: () => navigator.onLine,
  watch(onOnline, onOffline) {
    window.addEventListener('online', onOnline)
    window.addEventListener('offline', onOffline)
    return () => {
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOffline)
    }
  },
}

export interface SyncEngineOptions {
  client: GroupClient
  replica: Replica
  status?: SyncStatusStore
  /** Same origin, so the session cookie goes with it. */
  openEvents?: (url: string) => EventSourceLike
  network?: NetworkSignals
  timers?: Timers
  now?: () => string
  random?: () => number
  pageSize?: number
  /** Imported claim lines asked for per request. */
  historyPageSize?: number
  newKey?: () => string
  /** Days the server remembers an Idempotency-Key (from the session); older changes are held back. */
  retentionDays?: () => number | undefined
}

export interface SyncEngine {
  readonly replica: Replica
  readonly status: SyncStatusStore
  /** Opens the event stream, sends what the outbox holds and pulls what is new. */
  start(): void
  /** Stops everything (requests in flight are aborted) and waits for it to wind down. */
  stop(): Promise<void>
  pull(): Promise<void>
  /** Keeps a write in the outbox and sends it in its turn. */
  enqueue(mutation: OutboxMutation): Promise<OutboxEntry>
  /** Sends a refused entry again (see Outbox.retry). */
  retry(order: number, update?: { body?: OutboxMutation['body'] }): Promise<void>
  discard(order: number): Promise<void>
  outbox(): Promise<OutboxEntry[]>
  /** Resolves once no pull, send or count is going on. */
  settled(): Promise<void>
  /** Calls `listener` when the server says a public reference file was uploaded or removed (any practice). */
  onReference(listener: () => void): () => void
}

function seqOf(data: unknown): number | null {
  try {
    const parsed = syncEventDataSchema.safeParse(JSON.parse(String(data)))
    return parsed.success ? parsed.data.seq : null
  } catch {
    return null
  }
}

/**
 * Keeps a replica in step with the practice: pulls when the event stream says the feed moved,
 * sends the outbox in order, retries with backoff (and at once when the browser is back online)
 * while the server cannot be reached, and stops for good when the session ends.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const referenceListeners = new Set<() => void>()
  const { client, replica, status = createSyncStatusStore(), network = browserNetwork, timers = browserTimers, random = Math.random } = options
  const openEvents = options.openEvents ?? ((url: string) => new EventSource(url))
  const lock = createLock()
  let started = false
  let halted = false
  let controller: AbortController | null = null
  let pulling = false
  let sending = false
  let loading = false
  let unreachable = false
  let streamDown = false
  let failures = 0
  let cancelRetry: (() => void) | null = null
  let stream: EventSourceLike | null = null
  let streamFailures = 0
  let cancelReopen: (() => void) | null = null
  let unwatch: (() => void) | null = null

  const publish = () => status.update({ connection: unreachable || streamDown ? 'offline' : pulling || sending || loading ? 'syncing' : 'online' })

  const recount = singleFlight(async () => {
    try {
      status.update(await replica.outboxCounts())
      return true
    } catch {
      return false
    }
  })

  const halt = (signedOut: boolean) => {
    if (signedOut) status.update({ signedOut: true })
    if (halted) return
    halted = true
    controller?.abort()
    stream?.close()
    stream = null
    cancelRetry?.()
    cancelRetry = null
    cancelReopen?.()
    cancelReopen = null
    unwatch?.()
    unwatch = null
  }

  const reached = () => {
    if (unreachable) {
      unreachable = false
      failures = 0
      cancelRetry?.()
      cancelRetry = null
      publish()
      void outbox.drain()
    }
  }

  const failed = (error: unknown) => {
    const kind = classifyFailure(error)
    if (kind === 'aborted' || halted) return
    if (kind === 'signed-out') return halt(true)
    unreachable = true
    publish()
    scheduleRetry()
  }

  const scheduleRetry = () => {
    if (halted || cancelRetry) return
    cancelRetry = timers.set(() => {
      cancelRetry = null
      // The browser has no network: a send would fail on this computer, yet count as tried (its key kept, no
      // longer merged with later saves). Wait on; the browser's online event retries at once.
      if (!network.online()) scheduleRetry()
      else retryNow()
    }, retryDelay(failures++, random))
  }

  const retryNow = () => {
    if (halted) return
    cancelRetry?.()
    cancelRetry = null
    openStream()
    void outbox.drain()
    void puller.request()
  }

  const puller = createPuller({
    client, replica, lock, pageSize: options.pageSize, now: options.now,
    signal: () => controller?.signal,
    onBusy: (busy) => { pulling = busy; publish() },
    onReached: reached,
    onFailure: failed,
    onPulled: (meta) => {
      status.update({ lastSyncedAt: meta.lastSyncedAt })
      void history.request()
    },
  })

  const history = createHistoryLoader({
    client, replica, pageSize: options.historyPageSize,
    signal: () => controller?.signal,
    onBusy: (busy) => { loading = busy; publish() },
    onReached: reached,
    // An import the server no longer has (or refuses) waits for the next pull; only the network and the session stop sync.
    onFailure: (error) => { if (classifyFailure(error) !== 'refused') failed(error) },
  })

  const outbox = createOutbox({
    client, replica, lock, newKey: options.newKey, now: options.now, retentionDays: options.retentionDays,
    signal: () => controller?.signal,
    canSend: () => started && !halted && cancelRetry === null,
    onSending: (busy) => { sending = busy; publish() },
    onReached: reached,
    onChanged: () => void recount.request(),
    onFailure: (_kind, error) => failed(error),
  })

  const pullIfBehind = (data: unknown) => {
    const seq = seqOf(data)
    const cursor = puller.cursor()
    if (seq === null || cursor === null || seq > cursor) void puller.request()
  }

  function openStream() {
    if (halted || stream) return
    cancelReopen?.()
    cancelReopen = null
    const source = openEvents(ROUTES.events.path)
    stream = source
    const current = () => stream === source && !halted
    source.addEventListener('ready', (event) => {
      if (!current()) return
      streamFailures = 0
      if (streamDown) {
        streamDown = false
        publish()
      }
      // The server answers again: what waited for the retry goes now.
      if (unreachable) {
        failures = 0
        retryNow()
      } else pullIfBehind(event.data)
    })
    source.addEventListener('change', (event) => { if (current()) pullIfBehind(event.data) })
    source.addEventListener(REFERENCE_EVENT, () => { if (current()) for (const l of [...referenceListeners]) l() })
    source.addEventListener('signed-out', () => { if (current()) halt(true) })
    source.addEventListener('error', () => {
      if (!current()) return
      streamDown = true
      publish()
      if (source.readyState !== STREAM_CLOSED) return // the browser reconnects by itself
      source.close()
      stream = null
      cancelReopen = timers.set(() => {
        cancelReopen = null
        openStream()
      }, retryDelay(streamFailures++, random))
      // The stream was refused: a pull says whether the session ended (401) or the server is down.
      void puller.request()
    })
  }

  const settled = async () => {
    do {
      await Promise.all([puller.settled(), outbox.settled(), recount.settled(), history.settled()])
    } while (puller.running || outbox.draining || recount.running || history.running)
  }

  return {
    replica,
    status,
    start() {
      if (started || halted) return
      started = true
      controller = new AbortController()
      unwatch = network.watch(() => {
        failures = 0
        retryNow()
      }, () => {
        unreachable = true
        publish()
        scheduleRetry()
      })
      unreachable = !network.online()
      publish()
      void recount.request()
      void replica.meta().then((meta) => status.update({ lastSyncedAt: meta.lastSyncedAt }), () => undefined)
      openStream()
      if (unreachable) scheduleRetry()
      else {
        void outbox.drain()
        void puller.request()
      }
    },
    async stop() {
      halt(false)
      await settled()
    },
    pull: () => (halted ? Promise.resolve() : puller.request()),
    async enqueue(mutation) {
      const entry = await outbox.enqueue(mutation)
      void outbox.drain()
      return entry
    },
    async retry(order, update) {
      await outbox.retry(order, update)
      void outbox.drain()
    },
    discard: (order) => outbox.discard(order),
    outbox: () => outbox.entries(),
    settled,
    onReference(listener) {
      referenceListeners.add(listener)
      return () => { referenceListeners.delete(listener) }
    },
  }
}

export interface StartGroupSyncOptions extends Omit<SyncEngineOptions, 'replica'> {
  practiceId: string
  userId: string
}

/** Opens the signed-in person's replica for the current practice and starts syncing it. */
export async function startGroupSync({ practiceId, userId, ...options }: StartGroupSyncOptions): Promise<SyncEngine> {
  const engine = createSyncEngine({ ...options, replica: await openReplica(practiceId, userId) })
  engine.start()
  return engine
}

import { IDEMPOTENCY_KEY, IDEMPOTENCY_RETENTION_DAYS } from '../../../group-api/index.ts'
import { ApiError } from '../api-error.ts'
import type { GroupClient } from '../client.ts'
import { classifyFailure, outboxError, refusedByServer } from './failures.ts'
import { createLock, singleFlight, type Lock } from './flow.ts'
import type { Replica } from './replica.ts'
import type { IdempotentRoute, OutboxEntry, OutboxMutation, WriteAnswer } from './types.ts'

/** The writes the outbox knows how to send: every route of the contract marked idempotent. */
export const OUTBOX_ROUTES = ['finalize', 'decide', 'addAttempt', 'saveRecord', 'deleteRecord', 'importRemittance', 'deleteRemittance', 'recordChargeExports'] as const satisfies readonly (IdempotentRoute & OutboxMutation['route'])[]

/** A new Idempotency-Key (the contract's form: 8 to 100 of A-Z a-z 0-9 _ -). */
export function newIdempotencyKey(): string {
  const key = `icw-${crypto.randomUUID()}`
  if (!IDEMPOTENCY_KEY.test(key)) throw new Error(`The idempotency key ${key} does not have the API's form.`)
  return key
}

async function send(client: GroupClient, entry: OutboxEntry, signal: AbortSignal | undefined): Promise<WriteAnswer> {
  const idempotencyKey = entry.key
  switch (entry.route) {
    case 'finalize':
      return { encounter: await client.request('finalize', { body: entry.body, idempotencyKey, signal }) }
    case 'decide':
      return { encounter: await client.request('decide', { params: entry.params, body: entry.body, idempotencyKey, signal }) }
    case 'addAttempt':
      return { attempt: await client.request('addAttempt', { body: entry.body, idempotencyKey, signal }) }
    case 'saveRecord':
      return { record: await client.request('saveRecord', { params: entry.params, body: entry.body, idempotencyKey, signal }) }
    case 'deleteRecord':
      try {
        const gone = await client.request('deleteRecord', { params: entry.params, body: entry.body, idempotencyKey, signal })
        return { deletedRecord: { id: gone.id, kind: gone.kind, key: gone.key } }
      } catch (error) {
        // Already deleted (at another desk): what this write wanted is done.
        if (error instanceof ApiError && error.status === 404) return { deletedRecord: { id: null, kind: entry.params.kind, key: entry.params.key } }
        throw error
      }
    case 'importRemittance':
      return { remittance: await client.request('importRemittance', { body: entry.body, idempotencyKey, signal }) }
    case 'deleteRemittance':
      try {
        return { deletedRemittance: await client.request('deleteRemittance', { params: entry.params, idempotencyKey, signal }) }
      } catch (error) {
        // Already removed (at another desk), or never stored (its import was refused): nothing left to remove.
        if (error instanceof ApiError && error.status === 404) return { deletedRemittance: { id: entry.params.id } }
        throw error
      }
    case 'recordChargeExports':
      return { chargeExports: (await client.request('recordChargeExports', { body: entry.body, idempotencyKey, signal })).exports }
    default: {
      const unknown: never = entry
      throw new Error(`The outbox cannot send ${(unknown as { route: string }).route}.`)
    }
  }
}

export interface OutboxOptions {
  client: GroupClient
  replica: Replica
  /** Shared with the puller, so that a write's answer never crosses a pull. */
  lock?: Lock
  newKey?: () => string
  now?: () => string
  signal?: () => AbortSignal | undefined
  /** Whether sending may go on (false once sync stopped, or while waiting to retry). */
  canSend?: () => boolean
  onSending?: (busy: boolean) => void
  /** The server answered a request. */
  onReached?: () => void
  /** Entries were added, sent, refused or discarded. */
  onChanged?: () => void
  /** Sending stopped: the server could not be reached, the session ended, or the replica failed. */
  onFailure?: (kind: 'unreachable' | 'signed-out', error: unknown) => void
  /** Days the server remembers an Idempotency-Key (the session says; 8 by default). */
  retentionDays?: () => number | undefined
}

/** lastError.error of an entry held back because its key may be forgotten by the server. */
export const TOO_OLD = 'too-old'
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Whether an entry's key is older than the server's retention less a day: the server may have
 * pruned it, so a replay could write twice. Counted from when the key was made.
 */
export function isTooOldToReplay(entry: Pick<OutboxEntry, 'createdAt' | 'keyCreatedAt'>, now: string, retentionDays: number): boolean {
  return Date.parse(now) - Date.parse(entry.keyCreatedAt ?? entry.createdAt) > (retentionDays - 1) * DAY_MS
}

export interface Outbox {
  /**
   * Keeps a write until the server has answered it; `drain()` sends it. A draft's save
   * (`local.versionAtSend`) replaces the body of the same draft's save still waiting unsent,
   * so that autosaving while typing queues one write, not hundreds. A draft's deletion takes
   * back the same draft's save still waiting unsent; when the server never had the draft, nothing
   * is queued (a worksheet started and finalized offline waits as one change) and the taken-back
   * save is returned.
   */
  enqueue(mutation: OutboxMutation): Promise<OutboxEntry>
  /**
   * Sends the pending entries in order, one at a time. An entry the server refuses waits for
   * the user in 'needs-attention' and the next one is sent; when the server cannot be reached
   * sending stops, and every entry keeps its key for the retry.
   */
  drain: () => Promise<void>
  settled: () => Promise<void>
  readonly draining: boolean
  /**
   * Sends a refused entry again, with a corrected body if given. A fresh key when the server
   * refused it (it did nothing with the old one); the same key otherwise.
   */
  retry(order: number, update?: { body?: OutboxMutation['body'] }): Promise<void>
  /** Drops a refused entry (the user gives up that change). */
  discard(order: number): Promise<void>
  entries(): Promise<OutboxEntry[]>
}

const NOT_WAITING = 'This change is no longer in the outbox: it was saved or discarded.'
const NOT_REFUSED = 'This change is still waiting to be sent; only a change the server refused can be retried or discarded.'

export function createOutbox(options: OutboxOptions): Outbox {
  const { client, replica, lock = createLock(), newKey = newIdempotencyKey, now = () => new Date().toISOString(), canSend = () => true } = options
  const changed = () => options.onChanged?.()

  const refuse = async (entry: OutboxEntry, error: unknown): Promise<'next'> => {
    await replica.putOutboxEntry({ ...entry, state: 'needs-attention', attempts: entry.attempts + 1, lastError: outboxError(error) })
    changed()
    return 'next'
  }

  /** The entry being sent now: a coalescing save must not change it. */
  let sendingOrder: number | null = null

  /**
   * A draft's write takes the replica's version of the draft when first sent, and keeps it for
   * its retries (the same key must carry the same body). A deletion of a draft the server never
   * had is done at once.
   */
  const resolved = async (entry: OutboxEntry): Promise<OutboxEntry | WriteAnswer> => {
    if (!entry.local?.versionAtSend || (entry.route !== 'saveRecord' && entry.route !== 'deleteRecord')) return entry
    const current = await replica.record(entry.params.kind, entry.params.key)
    if (entry.route === 'deleteRecord' && !current) return { deletedRecord: { id: null, kind: entry.params.kind, key: entry.params.key } }
    const fixed = {
      ...entry,
      body: entry.route === 'saveRecord' ? { ...entry.body, expectedVersion: current?.version ?? null } : { expectedVersion: current!.version },
      local: { ...entry.local, versionAtSend: false },
    } as OutboxEntry
    await replica.putOutboxEntry(fixed)
    return fixed
  }

  const sendEntry = async (picked: OutboxEntry): Promise<'next' | 'stop'> => {
    sendingOrder = picked.order
    try {
      return await sendFresh(picked.order)
    } finally {
      sendingOrder = null
    }
  }

  const sendFresh = async (order: number): Promise<'next' | 'stop'> => {
    const fresh = await replica.outboxEntry(order)
    if (!fresh || fresh.state !== 'pending') return 'next'
    const retention = options.retentionDays?.() ?? IDEMPOTENCY_RETENTION_DAYS
    if (isTooOldToReplay(fresh, now(), retention)) {
      // Never replayed on its own: the person checks whether the server has it, then sends it as new or discards it.
      await replica.putOutboxEntry({ ...fresh, state: 'needs-attention', lastError: {
        status: null, error: TOO_OLD,
        message: `This change has waited more than ${retention - 1} days. The server may already have saved it and no longer remembers, so it was not sent again: look for it on the server; send it again only if it is not there, otherwise discard it.`,
      } })
      changed()
      return 'next'
    }
    const ready = await resolved(fresh)
    if (!('order' in ready)) {
      await replica.completeOutboxEntry(order, ready)
      changed()
      return 'next'
    }
    const entry = ready
    let answer: WriteAnswer
    try {
      answer = await send(client, entry, options.signal?.())
    } catch (error) {
      const kind = classifyFailure(error)
      if (kind === 'aborted') return 'stop'
      if (kind === 'refused') {
        if (outboxError(error).status) options.onReached?.()
        return await refuse(entry, error)
      }
      await replica.putOutboxEntry({ ...entry, attempts: entry.attempts + 1, lastError: outboxError(error) })
      options.onFailure?.(kind, error)
      return 'stop'
    }
    options.onReached?.()
    try {
      await replica.completeOutboxEntry(entry.order, answer)
    } catch (error) {
      // The server has it; a retry (same key) gets the same answer to store.
      return await refuse(entry, error)
    }
    changed()
    return 'next'
  }

  // One "sending" stretch per run, however many entries it sends.
  const flight = singleFlight(async () => {
    let sending = false
    try {
      for (;;) {
        if (!canSend()) return false
        const entry = await replica.nextPending()
        if (!entry) return true
        if (!sending) options.onSending?.((sending = true))
        if ((await lock(() => sendEntry(entry))) === 'stop') return false
      }
    } catch (error) {
      options.onFailure?.('unreachable', error)
      return false
    } finally {
      if (sending) options.onSending?.(false)
    }
  })

  const refusedEntry = async (order: number) => {
    const entry = await replica.outboxEntry(order)
    if (!entry) throw new Error(NOT_WAITING)
    if (entry.state !== 'needs-attention') throw new Error(NOT_REFUSED)
    return entry
  }

  return {
    async enqueue(mutation) {
      if ((mutation.route === 'saveRecord' || mutation.route === 'deleteRecord') && mutation.local?.versionAtSend) {
        const { kind, key } = mutation.params
        const writes = (await replica.outbox()).filter((e) => (e.route === 'saveRecord' || e.route === 'deleteRecord') && e.params.kind === kind && e.params.key === key)
        const last = writes.at(-1)
        // Checked and written in one step: the sender marks the entry it picks before reading it again.
        const unsentSave = last?.route === 'saveRecord' && last.state === 'pending' && last.attempts === 0 && last.local?.versionAtSend && last.order !== sendingOrder
        if (unsentSave && mutation.route === 'saveRecord') {
          const merged = { ...last, body: mutation.body, local: { ...last.local, ...mutation.local } } as OutboxEntry
          await replica.putOutboxEntry(merged)
          changed()
          return merged
        }
        if (unsentSave && mutation.route === 'deleteRecord') {
          await replica.deleteOutboxEntry(last.order)
          changed()
          if (writes.length === 1 && !(await replica.record(kind, key))) return last
        }
      }
      const entry = await replica.addOutboxEntry({ ...mutation, key: newKey(), createdAt: now(), state: 'pending', attempts: 0, lastError: null })
      changed()
      return entry
    },
    drain: flight.request,
    settled: flight.settled,
    get draining() { return flight.running },
    async retry(order, update = {}) {
      const entry = await refusedEntry(order)
      // A held-back entry the person chose to send again is a new write: new key.
      const refused = refusedByServer(entry.lastError) || entry.lastError?.error === TOO_OLD
      if (update.body !== undefined && !refused) {
        throw new Error('The server may already have saved this change, so it can only be sent again as it was.')
      }
      const body = update.body ?? entry.body
      await replica.putOutboxEntry({ ...entry, body, state: 'pending', ...(refused ? { key: newKey(), keyCreatedAt: now() } : {}) } as OutboxEntry)
      changed()
    },
    async discard(order) {
      await refusedEntry(order)
      await replica.deleteOutboxEntry(order)
      changed()
    },
    entries: () => replica.outbox(),
  }
}

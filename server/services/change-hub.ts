import type { Database } from '../db/database.ts'

/** The channel every server process LISTENs on; the change feed's trigger NOTIFYs `practice:seq`. */
export const CHANGES_CHANNEL = 'icw_changes'

/** A new change number of the practice; look again (notifications may have been missed); or the process is closing. */
export type HubEvent = { kind: 'change'; seq: number } | { kind: 'resync' } | { kind: 'closing' } | { kind: 'reference' }
/** Reference files (public, one copy per server) NOTIFY here on upload and delete: every stream of every practice is told. */
export const REFERENCE_CHANNEL = 'icw_reference'
type Listener = (event: HubEvent) => void

/**
 * One per server process: a single LISTEN for the whole process, fanned out to the event streams
 * open on it, by practice. It listens while at least one stream is open. After the listening
 * connection was lost and came back, every stream is told to look again (`seq` -1): a
 * notification may have been missed meanwhile. When the process closes, every stream is told
 * to end, so that closing the HTTP server does not wait on them.
 */
export class ChangeHub {
  private readonly listeners = new Map<string, Set<Listener>>()
  private listening: Promise<() => Promise<void>> | null = null

  constructor(private readonly db: Database) {}

  /** Calls `listener` with the practice's events; answers the unsubscribe. */
  async subscribe(practiceId: string, listener: Listener): Promise<() => void> {
    let set = this.listeners.get(practiceId)
    if (!set) this.listeners.set(practiceId, (set = new Set()))
    set.add(listener)
    try {
      await (this.listening ??= this.listenAll())
    } catch (err) {
      set.delete(listener)
      this.listening = null
      throw err
    }
    return () => {
      const current = this.listeners.get(practiceId)
      current?.delete(listener)
      if (current?.size === 0) this.listeners.delete(practiceId)
      if (this.listeners.size === 0) void this.stop()
    }
  }

  private async listenAll(): Promise<() => Promise<void>> {
    const changes = await this.db.listen(CHANGES_CHANNEL, (payload) => this.deliver(payload), () => this.everyone({ kind: 'resync' }))
    try {
      const reference = await this.db.listen(REFERENCE_CHANNEL, () => this.everyone({ kind: 'reference' }), () => this.everyone({ kind: 'reference' }))
      return async () => { await Promise.all([changes(), reference()]) }
    } catch (err) {
      await changes()
      throw err
    }
  }

  /** Streams open on this process (for tests and the health of the process). */
  get streams(): number {
    let n = 0
    for (const set of this.listeners.values()) n += set.size
    return n
  }

  /** Ends every stream, then stops listening. */
  async close(): Promise<void> {
    this.everyone({ kind: 'closing' })
    this.listeners.clear()
    await this.stop()
  }

  private async stop(): Promise<void> {
    const listening = this.listening
    this.listening = null
    if (listening) await (await listening.catch(() => () => Promise.resolve()))()
  }

  private deliver(payload: string) {
    const colon = payload.lastIndexOf(':')
    const seq = Number(payload.slice(colon + 1))
    if (colon < 0 || !Number.isInteger(seq)) return
    for (const listener of [...(this.listeners.get(payload.slice(0, colon)) ?? [])]) listener({ kind: 'change', seq })
  }

  private everyone(event: HubEvent) {
    for (const set of [...this.listeners.values()]) for (const listener of [...set]) listener(event)
  }
}

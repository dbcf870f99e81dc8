import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

/**
 * Checks of uploaded files in worker threads: a parser given a megabyte takes far longer than the
 * 100 ms the server may hold its event loop. A pool starts its workers on first use (or when
 * warmed), unreferenced (they never keep the process alive), and gives each check to an idle
 * worker, else to the least busy one. Where a worker cannot start (or dies) the check runs inline
 * with the same function, so an upload never fails for want of a thread.
 *
 * A worker module calls serveChecks (check-worker.ts) with the same function the pool runs inline.
 */

export interface CheckPoolOptions<I, R> {
  /** What a failure message calls the check ("the history check"). */
  name: string
  /** The worker module (check-worker.ts's serveChecks with `inline`), started through tsx. */
  entry: URL
  /** The same check on this thread. */
  inline: (input: I) => R
  /** Workers at most (never more than the machine's cores). */
  maxWorkers: number
  /** V8's young generation for each worker, in MB (a parser that allocates a few objects per cell spends less time in scavenges). */
  youngGenerationMb?: number
}

export interface CheckPool<I, R> {
  /** The check off the main thread when it can, inline otherwise. */
  run: (input: I) => Promise<R>
  /** Starts the workers without waiting for them (an import's start: its parts follow). */
  warm: () => void
  /** Ends the workers (tests and shutdown; they never hold the process open anyway). */
  close: () => Promise<void>
  /** Workers running, and whether checks have fallen back to the main thread (tests). */
  state: () => { workers: number; inline: boolean }
}

/** Each worker thread starts here: TypeScript through tsx, then the module named in workerData. */
const BOOT = new URL('./check-worker-boot.mjs', import.meta.url)

interface Job<R> { resolve: (r: R) => void; reject: (e: Error) => void }
interface Slot<R> { worker: Worker; jobs: Map<number, Job<R>> }
type Message<R> = { ready?: true; id?: number; result?: R; crash?: string }

export function createCheckPool<I, R>(options: CheckPoolOptions<I, R>): CheckPool<I, R> {
  let slots: Slot<R>[] = []
  let nextId = 0
  /** Set when a worker could not start: every check is inline from then on. */
  let unavailable = false

  function spawn(): Slot<R> | null {
    let worker: Worker
    try {
      worker = new Worker(BOOT, {
        workerData: { entry: options.entry.href },
        ...(options.youngGenerationMb ? { resourceLimits: { maxYoungGenerationSizeMb: options.youngGenerationMb } } : {}),
      })
    } catch {
      unavailable = true
      return null
    }
    const slot: Slot<R> = { worker, jobs: new Map() }
    let ready = false
    const drop = (error: Error) => {
      slots = slots.filter((s) => s !== slot)
      if (!ready) unavailable = true
      for (const job of slot.jobs.values()) job.reject(error)
      slot.jobs.clear()
    }
    worker.on('message', (message: Message<R>) => {
      if (message.ready) { ready = true; return }
      const job = message.id === undefined ? undefined : slot.jobs.get(message.id)
      if (!job || message.id === undefined) return
      slot.jobs.delete(message.id)
      if (message.result !== undefined) job.resolve(message.result)
      else job.reject(new Error(message.crash ?? `${options.name} failed`))
    })
    worker.on('error', drop)
    worker.on('exit', (code) => drop(new Error(`${options.name}'s worker exited (${code})`)))
    // After the listeners: a 'message' listener added later would hold the process open again.
    worker.unref()
    return slot
  }

  function leastBusy(): Slot<R> | null {
    const size = Math.max(1, Math.min(options.maxWorkers, availableParallelism()))
    const idle = slots.find((s) => s.jobs.size === 0)
    if (idle) return idle
    if (slots.length < size) {
      // All at once: a pool used at all (an import's first check) is soon kept busy.
      let first: Slot<R> | null = null
      while (slots.length < size && !unavailable) {
        const slot = spawn()
        if (!slot) break
        slots.push(slot)
        first ??= slot
      }
      if (first) return first
    }
    return slots.reduce<Slot<R> | null>((best, s) => (best === null || s.jobs.size < best.jobs.size ? s : best), null)
  }

  return {
    run: async (input) => {
      const slot = unavailable ? null : leastBusy()
      if (!slot) return options.inline(input)
      const id = ++nextId
      try {
        return await new Promise<R>((resolve, reject) => {
          slot.jobs.set(id, { resolve, reject })
          slot.worker.postMessage({ id, input })
        })
      } catch {
        // A worker that died or failed to start: this check inline (the next one starts another).
        return options.inline(input)
      }
    },
    warm: () => {
      if (!unavailable && slots.length === 0) leastBusy()
    },
    close: async () => {
      const ending = slots
      slots = []
      await Promise.all(ending.map((s) => s.worker.terminate()))
    },
    state: () => ({ workers: slots.length, inline: unavailable }),
  }
}

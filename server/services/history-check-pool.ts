import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { checkHistory, type CheckInput, type CheckResult } from './history-check.ts'

/**
 * Checks of uploaded history parts in worker threads. A megabyte part takes the parser a
 * hundred milliseconds or more: on the main thread that would hold up every other request for
 * that long, and a single thread would leave the machine's other cores idle while a large file
 * streams in. Up to one worker per core (at most four), started on first use and unreferenced
 * (they never keep the process alive). Where a worker cannot start (or dies), the check runs
 * inline, so an upload never fails for want of a thread.
 */

const MAX_WORKERS = 4
const YOUNG_GENERATION_MB = 96
const BOOT = new URL('./history-check-boot.mjs', import.meta.url)
const ENTRY = new URL('./history-check-worker.ts', import.meta.url).href

interface Job { resolve: (r: CheckResult) => void; reject: (e: Error) => void }
interface Slot { worker: Worker; jobs: Map<number, Job> }

let slots: Slot[] = []
let nextId = 0
/** Set when a worker could not start: every check is inline from then on. */
let unavailable = false

function spawn(): Slot | null {
  let worker: Worker
  try {
    // A larger young generation than V8's default: the parser allocates a few objects per cell,
    // and with small semi-spaces most of a check's time went to scavenges.
    worker = new Worker(BOOT, { workerData: { entry: ENTRY }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } })
  } catch {
    unavailable = true
    return null
  }
  const slot: Slot = { worker, jobs: new Map() }
  let ready = false
  const drop = (error: Error) => {
    slots = slots.filter((s) => s !== slot)
    if (!ready) unavailable = true
    for (const job of slot.jobs.values()) job.reject(error)
    slot.jobs.clear()
  }
  worker.on('message', (message: { ready?: true; id?: number; result?: CheckResult; crash?: string }) => {
    if (message.ready) { ready = true; return }
    const job = message.id === undefined ? undefined : slot.jobs.get(message.id)
    if (!job || message.id === undefined) return
    slot.jobs.delete(message.id)
    if (message.result) job.resolve(message.result)
    else job.reject(new Error(message.crash ?? 'the history check failed'))
  })
  worker.on('error', drop)
  worker.on('exit', (code) => drop(new Error(`the history check worker exited (${code})`)))
  // After the listeners: a 'message' listener added later would hold the process open again.
  worker.unref()
  return slot
}

function leastBusy(): Slot | null {
  const size = Math.max(1, Math.min(MAX_WORKERS, availableParallelism()))
  const idle = slots.find((s) => s.jobs.size === 0)
  if (idle) return idle
  if (slots.length < size) {
    // All at once: an import's first check is followed by parts that keep every one busy.
    let first: Slot | null = null
    while (slots.length < size && !unavailable) {
      const slot = spawn()
      if (!slot) break
      slots.push(slot)
      first ??= slot
    }
    return first
  }
  return slots.reduce<Slot | null>((best, s) => (best === null || s.jobs.size < best.jobs.size ? s : best), null)
}

/** Starts the workers without waiting for them (an import's start: its parts follow). */
export function warmHistoryCheckPool(): void {
  if (!unavailable && slots.length === 0) leastBusy()
}

/** Checks a part (or the first rows) off the main thread when it can, inline otherwise. */
export async function checkHistoryOffThread(input: CheckInput): Promise<CheckResult> {
  const slot = unavailable ? null : leastBusy()
  if (!slot) return checkHistory(input)
  const id = ++nextId
  try {
    return await new Promise<CheckResult>((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject })
      slot.worker.postMessage({ id, input })
    })
  } catch {
    // A worker that died or failed to start: this check inline (the next one starts another).
    return checkHistory(input)
  }
}

/** Ends the workers (tests and shutdown; they never hold the process open anyway). */
export async function closeHistoryCheckPool(): Promise<void> {
  const ending = slots
  slots = []
  await Promise.all(ending.map((s) => s.worker.terminate()))
}

/** Workers running, and whether checks have fallen back to the main thread (tests). */
export function historyCheckPoolState(): { workers: number; inline: boolean } {
  return { workers: slots.length, inline: unavailable }
}

import { Worker } from 'node:worker_threads'
import type { ReferenceMeta } from '../../src/group-api/reference-files.ts'
import { checkReferenceUpload, type ReferenceCheck, type UploadedFile } from './reference-check.ts'

/**
 * Reference uploads are parsed in a worker thread: a full ICD-10-CM order file (75,000 codes) or
 * a quarter's PTP table takes the parser far longer than the 100 ms the server may hold its event
 * loop. Uploads are rare (an admin, a few times a quarter), so one worker, started on first use,
 * unreferenced (it never keeps the process alive), checks them in turn. Where it cannot start
 * (or dies) the check runs inline, so an upload never fails for want of a thread.
 */

const BOOT = new URL('./history-check-boot.mjs', import.meta.url)
const ENTRY = new URL('./reference-check-worker.ts', import.meta.url).href

interface Job { resolve: (r: ReferenceCheck) => void; reject: (e: Error) => void }
let worker: { thread: Worker; jobs: Map<number, Job> } | null = null
let unavailable = false
let nextId = 0

function start(): typeof worker {
  let thread: Worker
  try {
    thread = new Worker(BOOT, { workerData: { entry: ENTRY } })
  } catch {
    unavailable = true
    return null
  }
  const slot = { thread, jobs: new Map<number, Job>() }
  let ready = false
  const drop = (error: Error) => {
    if (worker === slot) worker = null
    if (!ready) unavailable = true
    for (const job of slot.jobs.values()) job.reject(error)
    slot.jobs.clear()
  }
  thread.on('message', (message: { ready?: true; id?: number; result?: ReferenceCheck; crash?: string }) => {
    if (message.ready) { ready = true; return }
    const job = message.id === undefined ? undefined : slot.jobs.get(message.id)
    if (!job || message.id === undefined) return
    slot.jobs.delete(message.id)
    if (message.result) job.resolve(message.result)
    else job.reject(new Error(message.crash ?? 'the reference check failed'))
  })
  thread.on('error', drop)
  thread.on('exit', (code) => drop(new Error(`the reference check worker exited (${code})`)))
  thread.unref()
  return slot
}

/** Checks an upload off the main thread when it can, inline otherwise. */
export async function checkReferenceOffThread(meta: ReferenceMeta, files: readonly UploadedFile[]): Promise<ReferenceCheck> {
  const slot = unavailable ? null : (worker ??= start())
  if (!slot) return checkReferenceUpload(meta, files)
  const id = ++nextId
  try {
    return await new Promise<ReferenceCheck>((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject })
      slot.thread.postMessage({ id, meta, files })
    })
  } catch {
    return checkReferenceUpload(meta, files)
  }
}

/** Whether checks ran in the worker (tests). */
export function referenceCheckPoolState(): { running: boolean; inline: boolean } {
  return { running: worker !== null, inline: unavailable }
}

/** Ends the worker (tests and shutdown). */
export async function closeReferenceCheckPool(): Promise<void> {
  const ending = worker
  worker = null
  await ending?.thread.terminate()
}

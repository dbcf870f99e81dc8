import { Worker } from 'node:worker_threads'
import { parseRemittanceFile, type RemittanceParseResult } from '../../src/domain/remittance/index.ts'
import { REMITTANCE_MAX_CHARS } from '../../src/group-api/schemas.ts'

/**
 * 835 uploads are parsed in a worker thread: a file of a few megabytes takes the parser far
 * longer than the 100 ms the server may hold its event loop. One worker, started on first use,
 * unreferenced (it never keeps the process alive), parses them in turn. Where it cannot start
 * (or dies) the parse runs inline, so an upload never fails for want of a thread.
 */

const BOOT = new URL('./history-check-boot.mjs', import.meta.url)
const ENTRY = new URL('./remittance-check-worker.ts', import.meta.url).href

interface Job { resolve: (r: RemittanceParseResult) => void; reject: (e: Error) => void }
let worker: { thread: Worker; jobs: Map<number, Job> } | null = null
let unavailable = false
let nextId = 0

const parseInline = (text: string) => parseRemittanceFile(text, { maxBytes: REMITTANCE_MAX_CHARS })

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
  thread.on('message', (message: { ready?: true; id?: number; result?: RemittanceParseResult; crash?: string }) => {
    if (message.ready) { ready = true; return }
    const job = message.id === undefined ? undefined : slot.jobs.get(message.id)
    if (!job || message.id === undefined) return
    slot.jobs.delete(message.id)
    if (message.result) job.resolve(message.result)
    else job.reject(new Error(message.crash ?? 'the 835 parse failed'))
  })
  thread.on('error', drop)
  thread.on('exit', (code) => drop(new Error(`the 835 parse worker exited (${code})`)))
  thread.unref()
  return slot
}

/** Parses an uploaded 835 off the main thread when it can, inline otherwise (the same parser either way). */
export async function parseRemittanceOffThread(text: string): Promise<RemittanceParseResult> {
  const slot = unavailable ? null : (worker ??= start())
  if (!slot) return parseInline(text)
  const id = ++nextId
  try {
    return await new Promise<RemittanceParseResult>((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject })
      slot.thread.postMessage({ id, text })
    })
  } catch {
    return parseInline(text)
  }
}

/** Whether parses ran in the worker (tests). */
export function remittanceCheckPoolState(): { running: boolean; inline: boolean } {
  return { running: worker !== null, inline: unavailable }
}

/** Ends the worker (tests and shutdown). */
export async function closeRemittanceCheckPool(): Promise<void> {
  const ending = worker
  worker = null
  await ending?.thread.terminate()
}

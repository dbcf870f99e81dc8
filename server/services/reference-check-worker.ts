import { parentPort } from 'node:worker_threads'
import type { ReferenceMeta } from '../../src/group-api/reference-files.ts'
import { checkReferenceUpload, type UploadedFile } from './reference-check.ts'

/** The reference check's worker thread: one check per message, answered with its id. */
parentPort?.on('message', (message: { id: number; meta: ReferenceMeta; files: UploadedFile[] }) => {
  let answer: { id: number; result: ReturnType<typeof checkReferenceUpload> } | { id: number; crash: string }
  try {
    answer = { id: message.id, result: checkReferenceUpload(message.meta, message.files) }
  } catch (err) {
    answer = { id: message.id, crash: (err as Error).stack ?? String(err) }
  }
  parentPort?.postMessage(answer)
})
parentPort?.postMessage({ ready: true })

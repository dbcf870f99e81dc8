import { parentPort } from 'node:worker_threads'
import { parseRemittanceFile } from '../../src/domain/remittance/index.ts'
import { REMITTANCE_MAX_CHARS } from '../../src/group-api/schemas.ts'

/** The 835 parse's worker thread: one file per message, answered with its id. */
parentPort?.on('message', (message: { id: number; text: string }) => {
  let answer: { id: number; result: ReturnType<typeof parseRemittanceFile> } | { id: number; crash: string }
  try {
    answer = { id: message.id, result: parseRemittanceFile(message.text, { maxBytes: REMITTANCE_MAX_CHARS }) }
  } catch (err) {
    answer = { id: message.id, crash: (err as Error).stack ?? String(err) }
  }
  parentPort?.postMessage(answer)
})
parentPort?.postMessage({ ready: true })

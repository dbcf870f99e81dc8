import { parentPort } from 'node:worker_threads'
import { checkHistory, type CheckInput } from './history-check.ts'

/** A worker thread of the history check pool: one check per message, answered with its id. */
parentPort?.on('message', (message: { id: number; input: CheckInput }) => {
  let answer: { id: number; result: ReturnType<typeof checkHistory> } | { id: number; crash: string }
  try {
    answer = { id: message.id, result: checkHistory(message.input) }
  } catch (err) {
    answer = { id: message.id, crash: (err as Error).stack ?? String(err) }
  }
  parentPort?.postMessage(answer)
})
parentPort?.postMessage({ ready: true })

import { parentPort } from 'node:worker_threads'

/**
 * A check pool's worker thread (check-pool.ts): one check per message, answered with its id, or
 * with the stack of what threw (the pool then runs that check inline).
 */
export function serveChecks<I, R>(check: (input: I) => R): void {
  parentPort?.on('message', (message: { id: number; input: I }) => {
    let answer: { id: number; result: R } | { id: number; crash: string }
    try {
      answer = { id: message.id, result: check(message.input) }
    } catch (err) {
      answer = { id: message.id, crash: (err as Error).stack ?? String(err) }
    }
    parentPort?.postMessage(answer)
  })
  parentPort?.postMessage({ ready: true })
}

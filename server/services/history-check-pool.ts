import { createCheckPool } from './check-pool.ts'
import { checkHistory } from './history-check.ts'

/**
 * Checks of uploaded history parts in worker threads. A megabyte part takes the parser a hundred
 * milliseconds or more: on the main thread that would hold up every other request for that long,
 * and a single thread would leave the machine's other cores idle while a large file streams in.
 * Up to one worker per core, at most four.
 */
const pool = createCheckPool({
  name: 'the history check',
  entry: new URL('./history-check-worker.ts', import.meta.url),
  inline: checkHistory,
  maxWorkers: 4,
  // The parser allocates a few objects per cell: with V8's default semi-spaces most of a check's
  // time went to scavenges.
  youngGenerationMb: 96,
})

export const checkHistoryOffThread = pool.run
export const warmHistoryCheckPool = pool.warm
export const closeHistoryCheckPool = pool.close
export const historyCheckPoolState = pool.state

import { serveChecks } from './check-worker.ts'
import { checkHistory } from './history-check.ts'

/** A worker thread of the history check pool (history-check-pool.ts). */
serveChecks(checkHistory)

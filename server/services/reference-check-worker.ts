import { serveChecks } from './check-worker.ts'
import { checkReferenceInput } from './reference-check-pool.ts'

/** The reference check's worker thread (reference-check-pool.ts). */
serveChecks(checkReferenceInput)

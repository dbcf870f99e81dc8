import { serveChecks } from './check-worker.ts'
import { parseRemittanceText } from './remittance-check-pool.ts'

/** The 835 parse's worker thread (remittance-check-pool.ts). */
serveChecks(parseRemittanceText)

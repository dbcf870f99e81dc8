import { parseRemittanceFile, type RemittanceParseResult } from '../../src/domain/remittance/index.ts'
import { REMITTANCE_MAX_CHARS } from '../../src/group-api/schemas.ts'
import { createCheckPool } from './check-pool.ts'

/**
 * 835 uploads are parsed in a worker thread: a file of a few megabytes takes the parser far
 * longer than the 100 ms the server may hold its event loop. One worker parses them in turn.
 */

/** The parse, in the worker or inline (the same parser either way). */
export const parseRemittanceText = (text: string): RemittanceParseResult => parseRemittanceFile(text, { maxBytes: REMITTANCE_MAX_CHARS })

const pool = createCheckPool({
  name: 'the 835 parse',
  entry: new URL('./remittance-check-worker.ts', import.meta.url),
  inline: parseRemittanceText,
  maxWorkers: 1,
})

/** Parses an uploaded 835 off the main thread when it can, inline otherwise. */
export const parseRemittanceOffThread = pool.run
export const remittanceCheckPoolState = pool.state
export const closeRemittanceCheckPool = pool.close

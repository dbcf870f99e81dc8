import type { ReferenceMeta } from '../../src/group-api/reference-files.ts'
import { createCheckPool } from './check-pool.ts'
import { checkReferenceUpload, type ReferenceCheck, type UploadedFile } from './reference-check.ts'

/**
 * Reference uploads are parsed in a worker thread: a full ICD-10-CM order file (75,000 codes) or
 * a quarter's PTP table takes the parser far longer than the 100 ms the server may hold its event
 * loop. Uploads are rare (an admin, a few times a quarter), so one worker checks them in turn.
 */

export interface ReferenceCheckInput { meta: ReferenceMeta; files: readonly UploadedFile[] }

/** The check, in the worker or inline. */
export const checkReferenceInput = ({ meta, files }: ReferenceCheckInput): ReferenceCheck => checkReferenceUpload(meta, files)

const pool = createCheckPool({
  name: 'the reference check',
  entry: new URL('./reference-check-worker.ts', import.meta.url),
  inline: checkReferenceInput,
  maxWorkers: 1,
})

/** Checks an upload off the main thread when it can, inline otherwise. */
export const checkReferenceOffThread = (meta: ReferenceMeta, files: readonly UploadedFile[]): Promise<ReferenceCheck> => pool.run({ meta, files })
export const referenceCheckPoolState = pool.state
export const closeReferenceCheckPool = pool.close

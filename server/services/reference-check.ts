import { createHash } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { parseReferenceFiles, type ReferenceMeta, type ReferenceSummary } from '../../src/group-api/reference-files.ts'
import { REFERENCE_TEXT_MAX_BYTES } from '../../src/group-api/reference-schemas.ts'

/** An uploaded file as the check gets it: its name, the SHA-256 the browser named, the gzip bytes. */
export interface UploadedFile { name: string; sha256: string; gzip: Uint8Array }

export type ReferenceCheck =
  | { ok: true; summary: ReferenceSummary; keys: string[]; warnings: string[]; bytes: number[] }
  | { ok: false; code: 'invalid-file' | 'invalid-encoding'; message: string }

/**
 * Checks an upload as the server stores it: each file decompresses (within the size limit) to
 * the bytes its SHA-256 names, and the files parse with the app's own parser. Pure and
 * synchronous: it runs in a worker thread (reference-check-pool.ts).
 */
export function checkReferenceUpload(meta: ReferenceMeta, files: readonly UploadedFile[]): ReferenceCheck {
  const sources: { name: string; text: string }[] = []
  const bytes: number[] = []
  let total = 0
  for (const file of files) {
    let raw: Buffer
    try {
      raw = gunzipSync(file.gzip, { maxOutputLength: REFERENCE_TEXT_MAX_BYTES - total })
    } catch (err) {
      const tooBig = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || /larger than|too large/i.test(String(err))
      return {
        ok: false, code: 'invalid-encoding',
        message: tooBig ? `The files are larger than ${REFERENCE_TEXT_MAX_BYTES / 1024 / 1024} MB once decompressed. Nothing was saved.`
          : `${file.name}: the content is not gzip-compressed data. Nothing was saved.`,
      }
    }
    total += raw.length
    const digest = createHash('sha256').update(raw).digest('hex')
    if (digest !== file.sha256) return { ok: false, code: 'invalid-encoding', message: `${file.name}: the content does not match its SHA-256 (damaged on the way?). Nothing was saved.` }
    sources.push({ name: file.name, text: new TextDecoder('utf-8').decode(raw) })
    bytes.push(raw.length)
  }
  const result = parseReferenceFiles(meta, sources)
  if (!result.ok) {
    const more = result.errorCount - result.problems.length
    return { ok: false, code: 'invalid-file', message: `The file cannot be loaded. Nothing was saved. ${result.problems.join(' ')}${more > 0 ? ` (and ${more} more problems)` : ''}` }
  }
  return { ok: true, summary: result.summary, keys: result.keys, warnings: result.warnings.slice(0, 50), bytes }
}

import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import type { ReferenceUploadBody } from '../../src/group-api/reference-schemas.ts'

/** Reference-file uploads for the server tests, from the parsers' own fixtures. */

export const domainFixture = (path: string) => readFileSync(new URL(`../../src/domain/${path}`, import.meta.url), 'utf8')
export const MUE_2026Q4 = domainFixture('ncci/fixtures/mue-practitioner-2026q4.csv')

/** A file as the browser uploads it: SHA-256 of its bytes, the bytes gzip-compressed, base64. */
export function referenceFileOf(name: string, text: string) {
  const bytes = Buffer.from(text, 'utf8')
  return { name, sha256: createHash('sha256').update(bytes).digest('hex'), gzipBase64: gzipSync(bytes).toString('base64') }
}

export const mueUpload = (quarter = '2026Q4', text = MUE_2026Q4): ReferenceUploadBody =>
  ({ meta: { kind: 'ncci', table: 'mue', quarter }, files: [referenceFileOf('mue.csv', text)] })

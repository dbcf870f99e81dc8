import { z } from '../domain/zod.ts'
import { REFERENCE_KINDS } from './reference-files.ts'

/**
 * Public reference files kept once per server (issues 13, 14): the wire format of their routes.
 * The files travel gzip-compressed and base64-encoded: they are fixed-width or CSV text that
 * compresses about tenfold, and each upload is parsed whole (a PTP table is merged from its
 * parts, an article from several CSV files), so one request per upload keeps it all or nothing
 * without a staging protocol.
 */

const uuid = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Expected an id.'))
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date (YYYY-MM-DD).'))
const sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 (64 hexadecimal digits).'))
const fileName = z.string().check(z.trim(), z.minLength(1), z.maxLength(255))

/** Largest upload body: the compressed files, base64. */
export const REFERENCE_BODY_MAX_BYTES = 64 * 1024 * 1024
/** Largest size of an upload's files once decompressed (the MCD download's files are each under 100 MB). */
export const REFERENCE_TEXT_MAX_BYTES = 320 * 1024 * 1024
export const REFERENCE_FILES_MAX = 12

export const referenceFileBody = z.strictObject({
  name: fileName,
  /** SHA-256 of the file's bytes (before compression). */
  sha256,
  /** The file's bytes, gzip-compressed, then base64. */
  gzipBase64: z.string().check(z.minLength(1), z.maxLength(REFERENCE_BODY_MAX_BYTES), z.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Expected base64.')),
})
export type ReferenceFileBody = z.infer<typeof referenceFileBody>

export const referenceUploadBody = z.strictObject({
  meta: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('ncci'), table: z.enum(['mue', 'ptp']), quarter: z.string().check(z.regex(/^\d{4}Q[1-4]$/, 'Write the quarter like 2026Q1.')) }),
    z.strictObject({ kind: z.literal('icd10'), fiscalYear: z.number().check(z.int(), z.minimum(2015), z.maximum(2100)), release: z.enum(['october', 'april']) }),
    z.strictObject({ kind: z.literal('coverage') }),
  ]),
  files: z.array(referenceFileBody).check(z.minLength(1), z.maxLength(REFERENCE_FILES_MAX)),
})
export type ReferenceUploadBody = z.infer<typeof referenceUploadBody>

export const referenceSummarySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ncci'), table: z.enum(['mue', 'ptp']), quarter: z.string(), effectiveFrom: isoDate, effectiveTo: z.nullable(isoDate), entryCount: z.number() }),
  z.object({ kind: z.literal('icd10'), fiscalYear: z.number(), release: z.enum(['october', 'april']), effectiveFrom: isoDate, effectiveTo: isoDate, codeCount: z.number() }),
  z.object({ kind: z.literal('coverage'), articles: z.array(z.object({ articleId: z.string(), title: z.nullable(z.string()) })) }),
])

/**
 * One uploaded reference file, as every signed-in person of every practice sees it. Who uploaded
 * it is named only to members of the uploading practice (a practice's members are never shown to
 * another practice): `uploadedByName` is null, and `ownPractice` false, elsewhere.
 */
export const referenceFileSchema = z.object({
  id: uuid,
  kind: z.enum(REFERENCE_KINDS),
  /** The app's record ids it provides (see keysOf). */
  keys: z.array(z.string()),
  summary: referenceSummarySchema,
  files: z.array(z.object({ name: z.string(), sha256, bytes: z.number() })),
  uploadedAt: z.string(),
  uploadedByName: z.nullable(z.string()),
  ownPractice: z.boolean(),
})
export type ReferenceFileInfo = z.infer<typeof referenceFileSchema>
export const referenceFileListSchema = z.object({ files: z.array(referenceFileSchema) })
export const referenceUploadResultSchema = z.object({ file: referenceFileSchema, replaced: z.array(uuid), warnings: z.array(z.string()) })
export const referenceContentSchema = z.object({ id: uuid, files: z.array(z.object({ name: z.string(), sha256, gzipBase64: z.string() })) })
export type ReferenceContent = z.infer<typeof referenceContentSchema>

/** The event stream's event when a reference file was uploaded or deleted anywhere on the server (list again). */
export const REFERENCE_EVENT = 'reference'

import { z } from '../domain/zod.ts'

/**
 * Moving in (issue 13): an admin uploads a workstation's backup file (the standalone app's
 * export) into the practice once. The wire format of its routes: start (the file's name, UTF-8
 * size and SHA-256), the file's text in parts, a preview the server computes from the whole file
 * (it parses it again: the client's reading is never taken), commit (all or nothing) or abandon.
 */

const uuid = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Expected an id.'))

/** A part of the file: at most this many characters. */
export const MOVE_IN_PART_MAX_CHARS = 1_048_576
/** The largest backup file that can be moved in (UTF-8 bytes). */
export const MOVE_IN_MAX_BYTES = 256 * 1024 * 1024
/** Most parts one file is sent in. */
export const MOVE_IN_MAX_PARTS = 1024

export const moveInStartBody = z.strictObject({
  fileName: z.string().check(z.trim(), z.minLength(1), z.maxLength(255)),
  /** The file's UTF-8 bytes. */
  size: z.number().check(z.int(), z.minimum(1), z.maximum(MOVE_IN_MAX_BYTES)),
  /** SHA-256 of the file's UTF-8 bytes, lower-case hex: the same file cannot be moved in twice. */
  fingerprint: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 (64 lower-case hexadecimal digits).')),
})
export const moveInStartedSchema = z.object({ id: uuid })

/** One part of the file's text, in order from index 0; the same index again replaces that part (a retry is safe). */
export const moveInPartBody = z.strictObject({
  index: z.number().check(z.int(), z.minimum(0), z.maximum(MOVE_IN_MAX_PARTS - 1)),
  text: z.string().check(z.minLength(1), z.maxLength(MOVE_IN_PART_MAX_CHARS)),
})
/** `parts`: parts received so far; `bytes`: their UTF-8 bytes. */
export const moveInPartResultSchema = z.object({ parts: z.number(), bytes: z.number() })

/** What a move-in brings, by what it becomes in the practice. */
export const MOVE_IN_TABLES = ['encounters', 'history', 'providers', 'payerProfiles', 'practiceCases', 'coverageSettings', 'ndcList', 'chargeSettings', 'attempts', 'chargeExports'] as const
export type MoveInTable = (typeof MOVE_IN_TABLES)[number]

export const moveInCountSchema = z.object({
  table: z.enum(MOVE_IN_TABLES),
  /** Records of the table in the file. */
  inFile: z.number(),
  /** Records the commit adds. */
  add: z.number(),
  /** Records skipped: already in the practice, or repeating an earlier record of the file, by the table's dedupe key. */
  duplicates: z.number(),
})
export type MoveInCount = z.infer<typeof moveInCountSchema>

/** A table of the file the move-in leaves on the workstation, and why. */
export const moveInSkippedSchema = z.object({ table: z.string(), records: z.number(), why: z.string() })
export type MoveInSkipped = z.infer<typeof moveInSkippedSchema>

export const moveInPreviewSchema = z.object({
  id: uuid,
  fileName: z.string(),
  fingerprint: z.string(),
  exportedAt: z.string(),
  /** Distinct patients of the encounters and history the commit adds. */
  patients: z.number(),
  counts: z.array(moveInCountSchema),
  /** Decisions of the workstation's review log carried onto the encounters added. */
  decisions: z.number(),
  skipped: z.array(moveInSkippedSchema),
})
export type MoveInPreview = z.infer<typeof moveInPreviewSchema>

export const moveInCommitSchema = z.object({
  id: uuid,
  committedAt: z.string(),
  counts: z.array(moveInCountSchema),
  decisions: z.number(),
  /** The history lines' import (GET /api/history/lines?importId=…); null when no line was added. */
  historyImportId: z.nullable(uuid),
})
export type MoveInCommitResult = z.infer<typeof moveInCommitSchema>

import {
  parseEvaluationInput, SCHEMA_VERSION, type EvaluationInput, type InputIssue,
} from '../../../domain/index.ts'
import { lineAndColumn, locateJsonError } from '../../../lib/json-text.ts'

/** Import and export of one encounter as the interchange JSON (the same shape the CLI reads). */

/** Larger files are refused unread: one encounter with its history is a few kilobytes. */
export const MAX_ENCOUNTER_FILE_BYTES = 5 * 1024 * 1024

export type ParseEncounterResult =
  | { ok: true; input: EvaluationInput }
  | { ok: false; message: string; issues: InputIssue[] }

/** The interchange JSON of one input: schemaVersion first, 2-space indent, final newline. */
export function encounterToJson(input: EvaluationInput): string {
  const ordered = { schemaVersion: input.schemaVersion, encounter: input.encounter, history: input.history }
  return `${JSON.stringify(ordered, null, 2)}\n`
}

/** UTF-8 size of a string, without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

function tooLarge(bytes: number): ParseEncounterResult {
  const mb = (bytes / (1024 * 1024)).toFixed(1)
  return {
    ok: false,
    message: `The file is ${mb} MB; the worksheet imports files up to 5 MB. One encounter is a few kilobytes: check that this is an encounter file.`,
    issues: [],
  }
}

function fail(message: string): ParseEncounterResult {
  return { ok: false, message, issues: [] }
}

function describeJsonValue(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'string') return 'a text string'
  if (typeof value === 'number') return 'a number'
  if (typeof value === 'boolean') return `the value ${String(value)}`
  return 'something else'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Reads an encounter file's text: one interchange input, or an array holding exactly one.
 * Every refusal says what is wrong in words a coder can act on; a wrong shape lists each
 * field's problem under its path.
 */
export function parseEncounterFile(text: string): ParseEncounterResult {
  // Cheap bounds first: UTF-8 takes 1 to 3 bytes per UTF-16 unit.
  if (text.length > MAX_ENCOUNTER_FILE_BYTES) return tooLarge(text.length)
  if (text.length * 3 > MAX_ENCOUNTER_FILE_BYTES) {
    const bytes = utf8ByteLength(text)
    if (bytes > MAX_ENCOUNTER_FILE_BYTES) return tooLarge(bytes)
  }

  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  if (body.trim() === '') return fail('The file is empty.')

  let data: unknown
  try {
    data = JSON.parse(body)
  } catch {
    const located = locateJsonError(body)
    if (located === null) return fail('The file is not valid JSON.')
    const { line, column } = lineAndColumn(body, located.offset)
    return fail(`The file is not valid JSON: at line ${line}, column ${column}, ${located.message}.`)
  }

  if (Array.isArray(data)) {
    if (data.length === 0) return fail('The file holds an empty list: there is no encounter to import.')
    if (data.length > 1) {
      return fail(`This file holds ${data.length} encounters; the worksheet imports one at a time. Save each encounter in its own file.`)
    }
    data = data[0]
  }
  if (!isRecord(data)) return fail(`The file holds ${describeJsonValue(data)}, not an encounter.`)

  const version = data.schemaVersion
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return fail(
      `This file was made by a newer version of the worksheet (file format ${version}; this version reads format ${SCHEMA_VERSION}). Reload the worksheet while online to update it, then import the file again.`,
    )
  }

  const parsed = parseEvaluationInput(data)
  if (parsed.ok) return parsed
  const n = parsed.issues.length
  return {
    ok: false,
    message: `The file is JSON but not a worksheet encounter: ${n} ${n === 1 ? 'field needs' : 'fields need'} fixing.`,
    issues: parsed.issues,
  }
}

/** Reads a picked or dropped file; refuses one over the size limit before reading it. */
export async function readEncounterFile(file: Blob): Promise<ParseEncounterResult> {
  if (file.size > MAX_ENCOUNTER_FILE_BYTES) return tooLarge(file.size)
  return parseEncounterFile(await file.text())
}

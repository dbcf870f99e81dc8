import type { ColumnMapping, DateFormat } from '../../domain/history-import/index.ts'
import { HISTORY_HEAD_MAX_CHARS, HISTORY_PART_MAX_CHARS, type HistoryCommitResult } from '../../group-api/index.ts'
import { ApiError, CLIENT_ERRORS } from './api-error.ts'
import type { GroupClient } from './client.ts'

/**
 * Uploads a claim-history file the user previewed to the group server, all or nothing: start
 * (the file's first rows up to its header, the confirmed mapping and date format), the rest in
 * parts of whole rows of at most 1 MB (each names the file's row it starts on, so the server's
 * refusal names the file's rows), then commit with an idempotency key (a commit whose answer was
 * lost is sent again under the same key, and the server does it once). On any failure, and when
 * the signal aborts, the server's import is abandoned (DELETE) before the error is thrown.
 */

export interface HistoryUploadInput {
  fileName: string
  text: string
  mapping: ColumnMapping
  dateFormat: DateFormat
}

export interface HistoryUploadOptions {
  /** After the start and after each part: UTF-8 bytes of the file sent so far, of all. */
  onProgress?(sentBytes: number, totalBytes: number): void
  signal?: AbortSignal
  /** Characters per part (default and most: 1,000,000). */
  partChars?: number
  /** Parts in flight at once (default 3: the server checks two at once, on its worker threads, while the next travels). */
  concurrency?: number
}

export type HistoryUploadResult = HistoryCommitResult

/** The header search of the parser looks at the first 20 non-blank rows; the head holds a few more. */
const HEAD_ROWS = 25
const DEFAULT_PART_CHARS = 1_000_000
/** A network failure (no answer) of a part or of the commit is tried again this many times. */
const RETRIES = 2
const DELIMITERS = [',', '\t', '|', ';'] as const
const QUOTE = 34
const LF = 10

export interface HistorySplit {
  /** The first rows (through at least the header), ending at a row boundary. */
  head: string
  headLines: number
  parts: { firstRow: number; text: string }[]
  /** Physical lines of the file ('\n'-separated; a last line without '\n' counts). */
  lines: number
}

function countNewlines(text: string, from = 0, to = text.length): number {
  let n = 0
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++
  return n
}

export function countLines(text: string): number {
  if (text.length === 0) return 0
  const n = countNewlines(text)
  return text.endsWith('\n') ? n : n + 1
}

/** A quote opens a quoted value only at the start of a value, as the parser reads it. */
function opensValue(text: string, at: number, lineStart: number): boolean {
  if (at === lineStart) return true
  const before = text[at - 1]
  return before === ',' || before === '\t' || before === '|' || before === ';' || (at === 1 && text.charCodeAt(0) === 0xfeff)
}

/**
 * Finds record ends: after a record's '\n', or the text's end. A quoted value spanning lines
 * stays in its record; a quote that never closes makes the rest of the text one record (the
 * server names the row). The next quote's position is cached, so a file without quotes is
 * searched for one once.
 */
export function recordScanner(text: string): (start: number) => number {
  const len = text.length
  let nextQuote = -2
  const quoteFrom = (i: number) => {
    if (nextQuote === -2 || (nextQuote !== -1 && nextQuote < i)) nextQuote = text.indexOf('"', i)
    return nextQuote
  }
  return (start) => {
    let i = start
    for (;;) {
      const newline = text.indexOf('\n', i)
      const quote = quoteFrom(i)
      if (quote === -1 || (newline !== -1 && newline < quote)) return newline === -1 ? len : newline + 1
      if (!opensValue(text, quote, start)) {
        i = quote + 1
        continue
      }
      // Inside a quoted value: "" is a quote, a lone " closes it.
      let q = quote + 1
      for (;;) {
        const close = text.indexOf('"', q)
        if (close === -1) return len
        if (text.charCodeAt(close + 1) === QUOTE) {
          q = close + 2
          continue
        }
        i = close + 1
        break
      }
      // After the closing quote the record goes on to its line's end (or another quoted value).
      if (i >= len) return len
      if (text.charCodeAt(i) === LF) return i + 1
    }
  }
}

/** A record with something in it under this delimiter (the parser skips blank ones). */
function filledUnder(record: string, delimiter: string): boolean {
  for (let i = 0; i < record.length; i++) {
    const c = record[i]
    if (c !== delimiter && c !== '"' && c !== '\uFEFF' && c.trim() !== '') return true
  }
  return false
}

/**
 * Cuts a file into the head and parts of whole rows: every line in exactly one of them, each
 * part at most `partChars` characters (a single row longer than that is a part of its own, which
 * the server refuses as too large).
 */
export function splitHistoryText(text: string, partChars = DEFAULT_PART_CHARS): HistorySplit {
  const len = text.length
  const recordEnd = recordScanner(text)
  // The head: records until every delimiter has seen HEAD_ROWS filled rows, within its size cap.
  let pos = 0
  const filled = DELIMITERS.map(() => 0)
  while (pos < len && filled.some((n) => n < HEAD_ROWS)) {
    const end = recordEnd(pos)
    if (end > HISTORY_HEAD_MAX_CHARS && pos > 0) break
    const record = text.slice(pos, end)
    DELIMITERS.forEach((d, k) => { if (filledUnder(record, d)) filled[k]++ })
    pos = end
  }
  const head = text.slice(0, pos)
  const headLines = countLines(head)
  const parts: HistorySplit['parts'] = []
  let row = headLines + 1
  while (pos < len) {
    const limit = pos + partChars
    let end = pos
    // Whole records up to the limit; at least one.
    for (;;) {
      const next = recordEnd(end)
      if (next > limit && end > pos) break
      end = next
      if (end >= len || next > limit) break
    }
    const part = text.slice(pos, end)
    parts.push({ firstRow: row, text: part })
    row += countNewlines(part)
    pos = end
  }
  return { head, headLines, parts, lines: countLines(text) }
}

/** UTF-8 bytes of a string (progress is reported in bytes). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) { bytes += 4; i++ } else bytes += 3
  }
  return bytes
}

const isNetworkFailure = (error: unknown) => error instanceof ApiError && error.error === CLIENT_ERRORS.network

async function withRetries<T>(run: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (attempt >= RETRIES || !isNetworkFailure(error) || signal?.aborted) throw error
    }
  }
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The upload was cancelled.', 'AbortError')
}

function newKey(): string {
  return `history-${crypto.randomUUID()}`
}

export async function uploadHistory(client: GroupClient, input: HistoryUploadInput, options: HistoryUploadOptions = {}): Promise<HistoryUploadResult> {
  const { signal } = options
  const onProgress = (sent: number, total: number) => options.onProgress?.(sent, total)
  const partChars = Math.min(options.partChars ?? DEFAULT_PART_CHARS, HISTORY_PART_MAX_CHARS)
  const concurrency = Math.max(1, options.concurrency ?? 3)
  if (signal?.aborted) throw abortError(signal)
  const split = splitHistoryText(input.text, partChars)
  const headBytes = utf8Length(split.head)
  const partBytes = split.parts.map((p) => utf8Length(p.text))
  const totalBytes = headBytes + partBytes.reduce((a, b) => a + b, 0)

  const started = await client.request('startHistoryImport', {
    body: { fileName: input.fileName, mapping: input.mapping, dateFormat: input.dateFormat, head: split.head, lines: Math.max(1, split.lines) },
    ...(signal ? { signal } : {}),
  })
  const id = started.id
  let sent = headBytes
  onProgress(sent, totalBytes)
  try {
    let next = 0
    const worker = async () => {
      while (next < split.parts.length) {
        const index = next++
        const part = split.parts[index]
        if (signal?.aborted) throw abortError(signal)
        await withRetries(() => client.request('addHistoryPart', { params: { id }, body: part, ...(signal ? { signal } : {}) }), signal)
        sent += partBytes[index]
        onProgress(sent, totalBytes)
      }
    }
    const workers = Array.from({ length: Math.min(concurrency, Math.max(1, split.parts.length)) }, worker)
    // Every worker is awaited (none left writing) before the first failure is thrown.
    const settled = await Promise.allSettled(workers)
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    if (failed) throw failed.reason
    if (signal?.aborted) throw abortError(signal)
    const key = newKey()
    return await withRetries(() => client.request('commitHistoryImport', { params: { id }, idempotencyKey: key, ...(signal ? { signal } : {}) }), signal)
  } catch (error) {
    // Best effort: a server that cannot be reached drops the staged parts itself after a day.
    await client.request('abortHistoryImport', { params: { id } }).catch(() => undefined)
    throw error
  }
}

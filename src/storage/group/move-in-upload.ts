import { MOVE_IN_PART_MAX_CHARS, type MoveInCommitResult, type MoveInPreview } from '../../group-api/index.ts'
import { ApiError, CLIENT_ERRORS } from './api-error.ts'
import type { GroupClient } from './client.ts'

/**
 * Moves a workstation's backup file into the practice (issue 13): start with the file's name,
 * UTF-8 size and SHA-256, send its text in parts of at most 1 MB, then ask the server's preview
 * (the server parses the whole file again). The commit is a separate step, sent with an
 * idempotency key (an answer lost on the way is asked again under the same key, and the server
 * does it once). On any failure of the upload the server's move-in is abandoned before the error
 * is thrown: nothing stays staged.
 */

export interface MoveInSource {
  fileName: string
  text: string
}

export interface MoveInUploadOptions {
  /** After each part: UTF-8 bytes sent so far, of all. */
  onProgress?(sentBytes: number, totalBytes: number): void
  signal?: AbortSignal
  /** Characters per part (default and most: 1,000,000). */
  partChars?: number
}

const DEFAULT_PART_CHARS = 1_000_000
/** A network failure (no answer) of a part or of the commit is tried again this many times. */
const RETRIES = 2

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length

/** SHA-256 of the text's UTF-8 bytes, lower-case hex (the server computes the same over the parts it joined). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** The text in parts of at most `partChars` characters, never splitting a surrogate pair (a lone half is not storable text). */
export function splitMoveInText(text: string, partChars = DEFAULT_PART_CHARS): string[] {
  const size = Math.max(2, Math.min(partChars, MOVE_IN_PART_MAX_CHARS))
  const parts: string[] = []
  let at = 0
  while (at < text.length) {
    let end = Math.min(at + size, text.length)
    const last = text.charCodeAt(end - 1)
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--
    parts.push(text.slice(at, end))
    at = end
  }
  return parts
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

/** Abandons a move-in not committed; a failure here is not the user's concern (the server drops stale ones). */
export async function abandonMoveIn(client: GroupClient, id: string): Promise<void> {
  try {
    await client.request('abandonMoveIn', { params: { id } })
  } catch {
    // Left staging: the server abandons it when the practice starts another move-in a day later.
  }
}

/** Starts the move-in and sends every part; answers the server's preview. Abandons it on any failure. */
export async function uploadMoveIn(client: GroupClient, source: MoveInSource, options: MoveInUploadOptions = {}): Promise<MoveInPreview> {
  const { signal } = options
  const total = utf8Bytes(source.text)
  const { id } = await client.request('startMoveIn', { body: { fileName: source.fileName, size: total, fingerprint: await sha256Hex(source.text) }, signal })
  try {
    let sent = 0
    options.onProgress?.(0, total)
    for (const [index, text] of splitMoveInText(source.text, options.partChars).entries()) {
      if (signal?.aborted) throw signal.reason ?? new DOMException('The move-in was cancelled.', 'AbortError')
      await withRetries(() => client.request('addMoveInPart', { params: { id }, body: { index, text }, signal }), signal)
      sent += utf8Bytes(text)
      options.onProgress?.(sent, total)
    }
    return await withRetries(() => client.request('previewMoveIn', { params: { id }, signal }), signal)
  } catch (error) {
    await abandonMoveIn(client, id)
    throw error
  }
}

/** Stores everything the preview showed, in one transaction on the server (or nothing). */
export async function commitMoveIn(client: GroupClient, id: string, signal?: AbortSignal): Promise<MoveInCommitResult> {
  const idempotencyKey = `move-in-${crypto.randomUUID()}`
  return withRetries(() => client.request('commitMoveIn', { params: { id }, idempotencyKey, signal }), signal)
}

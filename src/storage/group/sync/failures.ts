import { ApiError } from '../api-error.ts'
import type { OutboxError } from './types.ts'

/**
 * What a failed request means for sync: 'unreachable' (no answer, or the server could not
 * answer now: wait and retry), 'signed-out' (the session ended), 'aborted' (sync was stopped),
 * 'refused' (the server answered no: a person has to look at it).
 */
export type FailureKind = 'unreachable' | 'signed-out' | 'aborted' | 'refused'

/** Statuses below 500 that still mean "try again later". */
const TRY_LATER = new Set([408, 425, 429])

export function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError'
}

export function classifyFailure(error: unknown): FailureKind {
  if (isAbort(error)) return 'aborted'
  if (error instanceof ApiError) {
    if (error.unauthenticated) return 'signed-out'
    if (error.status === 0 || error.status >= 500 || TRY_LATER.has(error.status)) return 'unreachable'
  }
  return 'refused'
}

/** True when the server itself answered the request with a refusal (so it did not do the write). */
export function refusedByServer(error: OutboxError | null): boolean {
  return error?.status != null && error.status >= 400 && error.status < 500
}

export function outboxError(error: unknown): OutboxError {
  if (error instanceof ApiError) return { status: error.status, error: error.error, message: error.message }
  const message = error instanceof Error && error.message ? error.message : 'Something went wrong while saving this change.'
  return { status: null, error: 'local', message }
}

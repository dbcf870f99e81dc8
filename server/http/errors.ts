/** An answer other than success: JSON `{ error, message, path?, current? }` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly code: string,
    message: string,
    readonly path?: string,
    /** More fields of the answer (409 stale on a record: `current`). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message)
  }
}

/** What a handler answers. A `fail` reply still commits the transaction (a failed sign-in is logged). */
export type Reply =
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'empty' }
  | { kind: 'text'; contentType: string; body: string; filename?: string }
  | { kind: 'fail'; error: ApiError }
  /** The first answer to a write sent again with the same Idempotency-Key. */
  | { kind: 'replayed'; status: number; body: unknown }
  /** Open the event stream of the practice's change feed (its head when the session was checked). */
  | { kind: 'events'; practiceId: string; head: number }

export const json = (body: unknown, status = 200): Reply => ({ kind: 'json', status, body })
export const empty = (): Reply => ({ kind: 'empty' })
export const fail = (error: ApiError): Reply => ({ kind: 'fail', error })

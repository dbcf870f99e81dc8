import { errorSchema } from '../../group-api/index.ts'

/** Error codes the client itself produces (the server's own codes come from its JSON answer). */
export const CLIENT_ERRORS = {
  /** The request never reached the server, or no answer came back. */
  network: 'network',
  /** What was about to be sent does not match the API's schema; nothing was sent. */
  invalidRequest: 'invalid-request',
  /** The server answered something that does not match the API's schema. */
  badResponse: 'bad-response',
  /** An error status whose body is not the API's JSON error (a proxy's error page). */
  http: 'http-error',
} as const

/**
 * A request to the group server that did not succeed: the HTTP status (0 when the server could
 * not be reached), the error code, a message fit to show as is, and the field it is about.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly path?: string,
  ) {
    super(message)
  }

  /** 401 `unauthenticated`: no session, or it ended (idle, signed out elsewhere, deactivated). */
  get unauthenticated(): boolean {
    return this.status === 401 && this.error === 'unauthenticated'
  }
}

/** The ApiError an unsuccessful response stands for, from its JSON `{ error, message, path? }` body. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown
  try {
    body = await response.json()
  } catch {
    body = null
  }
  const parsed = errorSchema.safeParse(body)
  if (parsed.success) return new ApiError(response.status, parsed.data.error, parsed.data.message, parsed.data.path)
  const text = response.statusText ? ` (${response.statusText})` : ''
  return new ApiError(response.status, CLIENT_ERRORS.http, `The server answered with status ${response.status}${text}. Try again in a moment.`)
}

/** A message to show for anything a request threw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof Error && error.message) return `Something went wrong: ${error.message}`
  return 'Something went wrong. Try again.'
}

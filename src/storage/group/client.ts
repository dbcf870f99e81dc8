import type { z, ZodMiniType } from 'zod/mini'
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY, ROUTES, type RouteName, type RouteSpec } from '../../group-api/index.ts'
import { ApiError, apiErrorFromResponse, CLIENT_ERRORS } from './api-error.ts'

type Spec<N extends RouteName> = (typeof ROUTES)[N]

/** A route's non-JSON answer (the access log CSV). */
export interface FileDownload {
  blob: Blob
  /** From the answer's Content-Disposition, when it names one. */
  filename: string | null
}

/** What a request to route N carries: its path parameters, query and body, typed from ROUTES. */
export type RequestOptions<N extends RouteName> =
  & (Spec<N> extends { params: infer S extends ZodMiniType } ? { params: z.input<S> } : { params?: undefined })
  & (Spec<N> extends { query: infer S extends ZodMiniType } ? { query?: z.input<S> } : { query?: undefined })
  & (Spec<N> extends { body: infer S extends ZodMiniType } ? { body: z.input<S> } : { body?: undefined })
  & (Spec<N> extends { idempotent: true } ? { idempotencyKey?: string } : { idempotencyKey?: undefined })
  & { signal?: AbortSignal }

/** What route N answers: its response schema's type, a file, or null (204). */
export type RouteResponse<N extends RouteName> =
  Spec<N> extends { response: infer S extends ZodMiniType } ? z.output<S>
    : Spec<N> extends { produces: string } ? FileDownload
      : null

type NeedsOptions<N extends RouteName> = Spec<N> extends { params: ZodMiniType } | { body: ZodMiniType } ? true : false
export type RequestArgs<N extends RouteName> = NeedsOptions<N> extends true ? [options: RequestOptions<N>] : [options?: RequestOptions<N>]

/** The browser's one way to the group server. Features get it from `useGroupClient()`. */
export interface GroupClient {
  request<N extends RouteName>(route: N, ...args: RequestArgs<N>): Promise<RouteResponse<N>>
  /**
   * Calls `listener` whenever the server answers 401 `unauthenticated` (no session, or it ended).
   * Returns the function that stops it.
   */
  onUnauthenticated(listener: () => void): () => void
  /**
   * The server's clock minus this browser's, in ms, from the last answer's Date header (0 until
   * known): session times from the server are read on this browser's clock with it.
   */
  serverClockOffset(): number
}

/** A request checked against its route's schemas, ready for a transport. */
export interface PreparedRequest {
  route: RouteName
  method: RouteSpec['method']
  /** Path with the parameters filled in, and the query string. */
  url: string
  params: Record<string, string> | undefined
  query: Record<string, unknown> | undefined
  body: unknown
  /** Sent as the Idempotency-Key header: the server does the write once per key (idempotent routes only). */
  idempotencyKey: string | undefined
  signal: AbortSignal | undefined
}

/** A transport's raw answer; the client checks it against the route's response schema. */
export type TransportAnswer = { kind: 'json'; value: unknown } | { kind: 'file'; file: FileDownload } | { kind: 'empty' }
export type Transport = (request: PreparedRequest, spec: RouteSpec) => Promise<TransportAnswer>

function checked(schema: ZodMiniType | undefined, value: unknown, what: string): unknown {
  if (!schema) {
    if (value !== undefined) throw new ApiError(400, CLIENT_ERRORS.invalidRequest, `This request takes no ${what}.`)
    return undefined
  }
  const parsed = schema.safeParse(value ?? {})
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const path = issue?.path.map(String).join('.') || undefined
  throw new ApiError(400, CLIENT_ERRORS.invalidRequest, issue?.message ?? `The ${what} is not valid.`, path)
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return ''
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' ? value === '' : typeof value !== 'number' && typeof value !== 'boolean') continue
    search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

type LooseOptions = { params?: unknown; query?: unknown; body?: unknown; idempotencyKey?: string; signal?: AbortSignal }

function checkedKey(spec: RouteSpec, key: string | undefined): string | undefined {
  if (key === undefined) return undefined
  if (!spec.idempotent) throw new ApiError(400, CLIENT_ERRORS.invalidRequest, 'This request takes no idempotency key.')
  if (!IDEMPOTENCY_KEY.test(key)) throw new ApiError(400, CLIENT_ERRORS.invalidRequest, 'The idempotency key must be 8 to 100 letters, digits, _ or -.', IDEMPOTENCY_HEADER)
  return key
}

/** Checks a request against ROUTES (nothing is sent when it does not fit) and builds its URL. */
export function prepareRequest(route: RouteName, options: LooseOptions = {}): PreparedRequest {
  const spec: RouteSpec = ROUTES[route]
  const params = checked(spec.params, options.params, 'path parameters') as Record<string, string> | undefined
  const query = checked(spec.query, options.query, 'query') as Record<string, unknown> | undefined
  const body = checked(spec.body, options.body, 'body')
  const idempotencyKey = checkedKey(spec, options.idempotencyKey)
  const path = spec.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined) throw new ApiError(400, CLIENT_ERRORS.invalidRequest, `The path parameter ${name} is missing.`, name)
    return encodeURIComponent(value)
  })
  return { route, method: spec.method, url: `${path}${queryString(query)}`, params, query, body, idempotencyKey, signal: options.signal }
}

/** A GroupClient over any transport: the fetch one in the browser, a fake one in tests. */
export function createGroupClient(transport: Transport, clockOffset: () => number = () => 0): GroupClient {
  const listeners = new Set<() => void>()
  const request = async (route: RouteName, options?: LooseOptions): Promise<unknown> => {
    const spec: RouteSpec = ROUTES[route]
    const prepared = prepareRequest(route, options)
    let answer: TransportAnswer
    try {
      answer = await transport(prepared, spec)
    } catch (error) {
      if (error instanceof ApiError && error.unauthenticated) for (const listener of [...listeners]) listener()
      throw error
    }
    if (spec.produces) {
      if (answer.kind !== 'file') throw new ApiError(200, CLIENT_ERRORS.badResponse, 'The server did not answer with a file.')
      return answer.file
    }
    if (!spec.response) return null
    if (answer.kind !== 'json') throw new ApiError(200, CLIENT_ERRORS.badResponse, 'The server answered without the expected data.')
    const parsed = spec.response.safeParse(answer.value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new ApiError(200, CLIENT_ERRORS.badResponse, `The server's answer could not be read (${issue?.path.map(String).join('.') || 'answer'}: ${issue?.message ?? 'unexpected shape'}). The app and the server may be different versions: reload the page.`)
    }
    return parsed.data
  }
  return {
    request: request as GroupClient['request'],
    onUnauthenticated(listener) {
      listeners.add(listener)
      return () => { listeners.delete(listener) }
    },
    serverClockOffset: clockOffset,
  }
}

function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1])
    } catch {
      return null
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null
}

const NETWORK_MESSAGE = 'The group server could not be reached. Check the network connection and try again.'

/**
 * The browser's GroupClient: same-origin fetch with the session cookie (`credentials:
 * 'same-origin'`); the browser adds the page's Origin to state-changing requests.
 */
export function createFetchGroupClient(fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init), now: () => number = () => Date.now()): GroupClient {
  let offset = 0
  const transport: Transport = async (prepared, spec) => {
    const headers: Record<string, string> = { Accept: spec.produces ?? 'application/json' }
    const init: RequestInit = { method: prepared.method, credentials: 'same-origin', cache: 'no-store', headers, signal: prepared.signal }
    if (prepared.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      init.body = JSON.stringify(prepared.body)
    }
    if (prepared.idempotencyKey !== undefined) headers[IDEMPOTENCY_HEADER] = prepared.idempotencyKey
    let response: Response
    try {
      response = await fetchImpl(prepared.url, init)
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error
      throw new ApiError(0, CLIENT_ERRORS.network, NETWORK_MESSAGE)
    }
    const date = Date.parse(response.headers.get('Date') ?? '')
    if (Number.isFinite(date)) offset = date - now()
    if (!response.ok) throw await apiErrorFromResponse(response)
    if (response.status === 204) return { kind: 'empty' }
    if (spec.produces) {
      try {
        return { kind: 'file', file: { blob: await response.blob(), filename: filenameOf(response.headers.get('Content-Disposition')) } }
      } catch {
        throw new ApiError(0, CLIENT_ERRORS.network, NETWORK_MESSAGE)
      }
    }
    const text = await response.text().catch(() => {
      throw new ApiError(0, CLIENT_ERRORS.network, NETWORK_MESSAGE)
    })
    if (text === '') return { kind: 'empty' }
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown }
    } catch {
      throw new ApiError(response.status, CLIENT_ERRORS.badResponse, 'The server answered with something other than JSON.')
    }
  }
  return createGroupClient(transport, () => offset)
}

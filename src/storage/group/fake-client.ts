import type { z, ZodMiniType } from 'zod/mini'
import type { ROUTES, RouteName } from '../../group-api/index.ts'
import { createGroupClient, type GroupClient, type RouteResponse, type TransportAnswer } from './client.ts'

type Spec<N extends RouteName> = (typeof ROUTES)[N]

/** A request as the fake server sees it: already checked against the route's schemas. */
export interface FakeRequest<N extends RouteName> {
  params: Spec<N> extends { params: infer S extends ZodMiniType } ? z.output<S> : undefined
  query: Spec<N> extends { query: infer S extends ZodMiniType } ? z.output<S> : undefined
  body: Spec<N> extends { body: infer S extends ZodMiniType } ? z.output<S> : undefined
}

export type FakeAnswer<N extends RouteName> = (request: FakeRequest<N>) => RouteResponse<N> | Promise<RouteResponse<N>>

export interface FakeCall {
  route: RouteName
  method: string
  url: string
  params: unknown
  query: unknown
  body: unknown
  idempotencyKey: string | undefined
}

/** An in-memory GroupClient for component tests: answers what each test sets with `on()`. */
export interface FakeGroupClient extends GroupClient {
  /** Answers `route` with `answer` (a later call replaces it); throw an ApiError to answer an error. */
  on<N extends RouteName>(route: N, answer: FakeAnswer<N>): FakeGroupClient
  /** Every request that passed the checks, in order. */
  readonly calls: readonly FakeCall[]
  /** Requests to routes with no answer set (each also failed): a test should expect none. */
  readonly unexpected: readonly FakeCall[]
  callsTo(route: RouteName): FakeCall[]
  setServerClockOffset(ms: number): void
}

/**
 * The same client as in the browser (request checks, response checks against ROUTES, the 401
 * listener) over an in-memory transport, so a test's wrong body or wrong answer shape fails.
 */
export function createFakeGroupClient(): FakeGroupClient {
  const answers = new Map<RouteName, (request: FakeRequest<RouteName>) => unknown>()
  const calls: FakeCall[] = []
  const unexpected: FakeCall[] = []
  let offset = 0
  const client = createGroupClient(async (prepared, spec): Promise<TransportAnswer> => {
    const call: FakeCall = { route: prepared.route, method: prepared.method, url: prepared.url, params: prepared.params, query: prepared.query, body: prepared.body, idempotencyKey: prepared.idempotencyKey }
    const answer = answers.get(prepared.route)
    if (!answer) {
      unexpected.push(call)
      throw new Error(`FakeGroupClient: no answer set for ${prepared.route} (${prepared.method} ${prepared.url})`)
    }
    calls.push(call)
    const value = await answer({ params: prepared.params, query: prepared.query, body: prepared.body } as FakeRequest<RouteName>)
    if (spec.produces) return { kind: 'file', file: value as RouteResponse<'auditCsv'> }
    if (spec.response) return { kind: 'json', value }
    return { kind: 'empty' }
  }, () => offset)
  const fake: FakeGroupClient = {
    ...client,
    on(route, answer) {
      answers.set(route, answer)
      return fake
    },
    calls,
    unexpected,
    callsTo: (route) => calls.filter((c) => c.route === route),
    setServerClockOffset(ms) { offset = ms },
  }
  return fake
}

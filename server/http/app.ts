import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { streamSSE } from 'hono/streaming'
import { createHash } from 'node:crypto'
import type { ZodMiniType } from 'zod/mini'
import { ROUTES, type RouteName, type RouteSpec } from '../../src/group-api/routes.ts'
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY } from '../../src/group-api/schemas.ts'
import { REFERENCE_EVENT } from '../../src/group-api/reference-schemas.ts'
import type { ServerConfig } from '../config.ts'
import { hashToken } from '../auth/tokens.ts'
import type { Database } from '../db/database.ts'
import type { ScryptCost } from '../auth/passwords.ts'
import { ChangeHub, type HubEvent } from '../services/change-hub.ts'
import { memberOf, type Ctx, type RequestMeta } from '../services/context.ts'
import { loadPrincipal } from '../services/sessions.ts'
import { ApiError, type Reply } from './errors.ts'
import { droppedKey, unstorableString } from './input-guard.ts'
import { HANDLERS, type Handler } from './handlers.ts'
import { buildOpenApi } from './openapi.ts'
import { AddressRateLimiter } from './rate-limit.ts'
import { securityHeaders } from './security-headers.ts'
import { staticFiles } from './static-files.ts'

export interface AppOptions {
  db: Database
  config: Pick<ServerConfig, 'sessionMaxHours' | 'lockoutThreshold' | 'lockoutWindowMinutes' | 'addressFailureLimit' | 'addressRequestsPerMinute'
    | 'bodyLimitBytes' | 'trustProxy' | 'publicUrl'> & Partial<Pick<ServerConfig, 'idempotencyRetentionDays'>>
  /** The built app; null serves the API only (tests). */
  staticDir: string | null
  /** The clock; tests move it to pass idle timeouts and lockout windows. */
  now?: () => Date
  passwordCost?: ScryptCost
  /** The process's LISTEN fan-out for event streams (one per process; made here when absent). */
  hub?: ChangeHub
  /** How often an open event stream checks its session and sends a keep-alive (20 s). */
  streamCheckMs?: number
}

const COOKIE = 'icw_session'
const SECURE_COOKIE = '__Host-icw_session'

/** Routes a person reaches before being signed in: the per-address request limit applies to them. */
const LIMITED: ReadonlySet<RouteName> = new Set(['setup', 'signIn', 'invitePreview', 'acceptInvite', 'verifyTwoFactor'])

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=') || null
  }
  return null
}

function parseWith(schema: ZodMiniType | undefined, value: unknown, where: 'body' | 'query' | 'params'): unknown {
  if (!schema) {
    const empty = value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0)
    if (!empty) throw new ApiError(400, 'invalid', `This route takes no ${where === 'params' ? 'parameters' : where}.`)
    return {}
  }
  const bad = unstorableString(value)
  if (bad) throw new ApiError(400, 'invalid', `${bad.path ? `${bad.path}: ` : ''}the value ${bad.problem}.`, bad.path ? `${where}.${bad.path}` : where)
  const result = schema.safeParse(value)
  if (result.success) {
    const dropped = droppedKey(value, result.data)
    if (dropped) throw new ApiError(400, 'invalid', `Unknown field: ${dropped}.`, `${where}.${dropped}`)
    return result.data
  }
  const issue = result.error.issues[0]
  const path = issue.path.map(String).join('.')
  const message = issue.code === 'unrecognized_keys'
    ? `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`
    : `${path ? `${path}: ` : ''}${issue.message}`
  const keyPath = issue.code === 'unrecognized_keys' ? [path, issue.keys[0]].filter(Boolean).join('.') : path
  throw new ApiError(400, 'invalid', message, keyPath ? `${where}.${keyPath}` : where)
}

const hasNoBody = (method: string): boolean => method === 'GET' || method === 'HEAD'

async function readJsonBody(c: Context, spec: RouteSpec, limit: number): Promise<unknown> {
  if (hasNoBody(c.req.method)) {
    const announced = c.req.header('content-length')
    if ((announced && announced !== '0') || c.req.header('transfer-encoding')) throw new ApiError(400, 'invalid', 'This route takes no body.')
    return undefined
  }
  const text = await c.req.text()
  if (text.length === 0) return undefined
  if (Buffer.byteLength(text) > limit) throw new ApiError(413, 'too-large', `The body is larger than ${limit} bytes.`)
  if (!spec.body) throw new ApiError(400, 'invalid', 'This route takes no body.')
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new ApiError(415, 'unsupported-media-type', 'Send the body as application/json.')
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ApiError(400, 'invalid-json', 'The body is not valid JSON.')
  }
}

function forbiddenFor(spec: RouteSpec, ctx: Ctx): ApiError | null {
  const p = ctx.principal
  if (spec.access === 'public' || spec.access === 'pending' || !p) return null
  if (p.session.state === 'two-factor') return new ApiError(403, 'two-factor-required', 'Enter your authentication code to finish signing in.')
  if (p.session.state === 'enroll-two-factor') return new ApiError(403, 'two-factor-enrollment-required', 'Your practice requires two-factor sign-in for your role: set up an authenticator first.')
  if (spec.access === 'signed-in') return null
  if (!p.role || !spec.access.includes(p.role)) {
    return new ApiError(403, 'forbidden', p.role ? `Your role (${p.role}) cannot do this.` : 'Choose a practice first.')
  }
  return null
}

function errorResponse(c: Context, err: ApiError): Response {
  return c.json({ error: err.code, message: err.message, ...(err.path ? { path: err.path } : {}), ...err.extra }, err.status)
}

interface IdempotentWrite { key: string; route: RouteName; requestHash: string }

/**
 * A write sent with an Idempotency-Key is done once per person and key. The key is claimed in
 * the write's own transaction: a second request with the key waits on the first one's claim, and
 * then answers its stored answer. Only a success is kept: a refused write (a 4xx answer) gives the
 * key back, so the same key can carry the corrected write.
 */
async function runIdempotent(ctx: Ctx, write: IdempotentWrite, run: () => Promise<Reply>): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const who = [practice.id, user.id, write.key]
  const claimed = await ctx.q.query(
    `insert into idempotency_keys (practice_id, user_id, key, route, request_hash, created_at) values ($1, $2, $3, $4, $5, $6)
     on conflict do nothing returning key`, [...who, write.route, write.requestHash, ctx.meta.now])
  if (claimed.length === 0) {
    const prior = (await ctx.q.query<{ route: string; request_hash: string; status: number | null; response: unknown }>(
      'select route, request_hash, status, response from idempotency_keys where practice_id = $1 and user_id = $2 and key = $3', who))[0]
    if (!prior || prior.route !== write.route || prior.request_hash !== write.requestHash || prior.status === null) {
      return { kind: 'fail', error: new ApiError(422, 'idempotency-key-reused', 'This Idempotency-Key was used for another request. Send a new key with each new write.') }
    }
    return { kind: 'replayed', status: prior.status, body: prior.response }
  }
  const reply = await run()
  if (reply.kind === 'json') {
    await ctx.q.query('update idempotency_keys set status = $4, response = $5 where practice_id = $1 and user_id = $2 and key = $3',
      [...who, reply.status, JSON.stringify(reply.body)])
  } else {
    await ctx.q.query('delete from idempotency_keys where practice_id = $1 and user_id = $2 and key = $3', who)
  }
  return reply
}

/** The group server's HTTP application: the JSON API under /api and the built app. */
export function createApp(options: AppOptions): Hono {
  const now = options.now ?? (() => new Date())
  const app = new Hono()
  const limiter = new AddressRateLimiter(options.config.addressRequestsPerMinute, now)
  const hub = options.hub ?? new ChangeHub(options.db)
  const streamCheckMs = options.streamCheckMs ?? 20_000
  const openapi = buildOpenApi()

  const originOf = (req: { url: string; header: (name: string) => string | undefined }): { origin: string; secure: boolean } => {
    if (options.config.publicUrl) return { origin: options.config.publicUrl, secure: options.config.publicUrl.startsWith('https:') }
    const url = new URL(req.url)
    const proto = options.config.trustProxy ? (req.header('x-forwarded-proto')?.split(',')[0]?.trim() ?? url.protocol.replace(':', '')) : url.protocol.replace(':', '')
    return { origin: `${proto}://${req.header('host') ?? url.host}`, secure: proto === 'https' }
  }
  const addressOf = (c: Context): string | null => {
    if (options.config.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
      if (forwarded) return forwarded.slice(0, 64)
    }
    try {
      return getConnInfo(c).remote.address ?? null
    } catch {
      return null
    }
  }

  app.use('*', securityHeaders(() => options.config.publicUrl?.startsWith('https:') ?? false))

  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err)
    console.error(err)
    return errorResponse(c, new ApiError(500, 'internal', 'The server could not complete this request. Nothing was saved. Try again; if it persists, tell your admin.'))
  })

  // Checks Content-Length, and counts a streamed (chunked) body as it arrives. GET and HEAD
  // requests are not read at all (reading one builds a full Request object: a large share of a
  // read's cost); one that announces a body is refused below.
  // Each route's limit: the server's, or the route's own where it takes more (history parts).
  const limitOf = (spec: RouteSpec): number => Math.max(options.config.bodyLimitBytes, spec.maxBodyBytes ?? 0)
  const guardBody = (maxSize: number): MiddlewareHandler => {
    const limitBody = bodyLimit({ maxSize, onError: (c) => errorResponse(c, new ApiError(413, 'too-large', `The body is larger than ${maxSize} bytes.`)) })
    return (c, next) => (hasNoBody(c.req.method) ? next() : limitBody(c, next))
  }
  const routeGuards = new Map<number, MiddlewareHandler>()
  const guardFor = (spec: RouteSpec): MiddlewareHandler => {
    const limit = limitOf(spec)
    let guard = routeGuards.get(limit)
    if (!guard) routeGuards.set(limit, (guard = guardBody(limit)))
    return guard
  }
  // Requests that match no route are held to the server's limit too.
  const generalGuard = guardFor({ method: 'POST', path: '', access: 'public', summary: '' })
  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store')
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const expected = originOf(c.req).origin
      if (c.req.header('origin') !== expected) throw new ApiError(403, 'bad-origin', 'This request did not come from the app\'s own page.')
    }
    await next()
  })

  const health = async (c: Context) => {
    try {
      await options.db.transaction({}, (q) => q.query('select 1'))
      return c.json({ status: 'ok', database: options.db.kind })
    } catch (err) {
      console.error(`Health check: the database does not answer: ${(err as Error).message}`)
      return errorResponse(c, new ApiError(503, 'database-unavailable', 'The database does not answer.'))
    }
  }

  /**
   * The practice's change feed as Server-Sent Events: `ready` with the head, `change` when a
   * change commits (through this process's LISTEN, so writes through any process arrive), and
   * `signed-out` when the session ends. Every `streamCheckMs` the session is checked again
   * (without counting as activity) and a keep-alive comment is sent.
   */
  const eventStream = (c: Context, start: { practiceId: string; head: number }, tokenHash: string | null, meta: RequestMeta): Response => {
    c.header('Cache-Control', 'no-store')
    c.header('X-Accel-Buffering', 'no')
    return streamSSE(c, async (stream) => {
      const events: HubEvent[] = []
      let wake: (() => void) | null = null
      const push = (event: HubEvent) => { events.push(event); wake?.() }
      const unsubscribe = await hub.subscribe(start.practiceId, push)
      stream.onAbort(() => push({ kind: 'closing' }))
      const timer = setInterval(() => push({ kind: 'resync' }), streamCheckMs)
      let sent = start.head
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ seq: start.head }) })
        for (;;) {
          if (events.length === 0) await new Promise<void>((done) => { wake = done })
          wake = null
          const batch = events.splice(0)
          if (batch.some((e) => e.kind === 'closing') || stream.aborted) return
          const changed = Math.max(...batch.map((e) => (e.kind === 'change' ? e.seq : -1)))
          if (batch.some((e) => e.kind === 'reference')) await stream.writeSSE({ event: REFERENCE_EVENT, data: JSON.stringify({ seq: sent }) })
          if (batch.some((e) => e.kind === 'resync')) {
            // The periodic check: the session still valid (not counted as activity), the head now.
            const check = await options.db.transaction({ sessionToken: tokenHash, lookupSession: true }, async (q, found) => {
              const ctx: Ctx = { q, meta: { ...meta, now: now() }, principal: null, deps: { config: options.config }, setSessionCookie: () => undefined }
              const principal = await loadPrincipal(ctx, found, { touch: false })
              if (principal instanceof ApiError || principal.practice?.id !== start.practiceId || forbiddenFor(ROUTES.events, { ...ctx, principal })) return null
              return (await q.query<{ seq: number }>('select seq from change_heads where practice_id = $1', [start.practiceId]))[0]?.seq ?? 0
            })
            if (check === null) {
              await stream.writeSSE({ event: 'signed-out', data: JSON.stringify({ seq: sent }) })
              return
            }
            await stream.write(': keep-alive\n\n')
            if (check > sent) {
              sent = check
              await stream.writeSSE({ event: 'change', data: JSON.stringify({ seq: check }) })
            }
          }
          if (changed > sent) {
            sent = changed
            await stream.writeSSE({ event: 'change', data: JSON.stringify({ seq: changed }) })
          }
        }
      } finally {
        clearInterval(timer)
        unsubscribe()
      }
    }, async (err, stream) => {
      console.error(`Event stream: ${err.message}`)
      await stream.close()
    })
  }

  for (const [name, spec] of Object.entries(ROUTES) as [RouteName, RouteSpec][]) {
    const handler: Handler = HANDLERS[name]
    const method = spec.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'
    app[method](spec.path, guardFor(spec), async (c) => {
      if (name === 'openapi') return c.json(openapi)
      if (name === 'health') return health(c)
      const address = addressOf(c)
      if (LIMITED.has(name) && !limiter.take(address ?? 'unknown')) throw new ApiError(429, 'rate-limited', 'Too many requests from this address. Wait a minute and try again.')
      const params = parseWith(spec.params, c.req.param(), 'params')
      const query = parseWith(spec.query, c.req.query(), 'query')
      const rawBody = await readJsonBody(c, spec, limitOf(spec))
      const body = spec.body ? parseWith(spec.body, rawBody ?? {}, 'body') : undefined
      const { origin, secure } = originOf(c.req)
      const cookieName = secure ? SECURE_COOKIE : COOKIE
      const token = readCookie(c.req.header('cookie'), cookieName)
      const meta: RequestMeta = { now: now(), ip: address, userAgent: c.req.header('user-agent') ?? null, sessionToken: token, origin }
      const cookie: { value: string | null } = { value: null }
      const tokenHash = token ? hashToken(token) : null
      let write: IdempotentWrite | null = null
      const key = c.req.header(IDEMPOTENCY_HEADER)
      if (key !== undefined && spec.idempotent) {
        if (!IDEMPOTENCY_KEY.test(key)) throw new ApiError(400, 'invalid', `${IDEMPOTENCY_HEADER} must be 8 to 100 letters, digits, _ or -.`, 'headers.idempotency-key')
        const requestHash = createHash('sha256').update(JSON.stringify([name, params, body ?? null])).digest('hex')
        write = { key, route: name, requestHash }
      }
      const scope = spec.access === 'public' ? { sessionToken: tokenHash } : { sessionToken: tokenHash, lookupSession: true }
      const reply: Reply = await options.db.transaction(scope, async (q, found) => {
        const ctx: Ctx = {
          q, meta, principal: null,
          deps: { config: options.config, ...(options.passwordCost ? { passwordCost: options.passwordCost } : {}) },
          setSessionCookie: (value) => { cookie.value = value },
        }
        if (spec.access !== 'public') {
          const principal = await loadPrincipal(ctx, found)
          if (principal instanceof ApiError) {
            if (token) cookie.value = ''
            return { kind: 'fail', error: principal }
          }
          ctx.principal = principal
          const refused = forbiddenFor(spec, ctx)
          if (refused) return { kind: 'fail', error: refused }
        }
        const input = { params, query, body }
        return write ? runIdempotent(ctx, write, () => handler(ctx, input)) : handler(ctx, input)
      })
      if (cookie.value !== null) {
        const attributes = `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`
        c.header('Set-Cookie', cookie.value ? `${cookieName}=${cookie.value}; ${attributes}` : `${cookieName}=; ${attributes}; Max-Age=0`)
      }
      switch (reply.kind) {
        case 'fail': return errorResponse(c, reply.error)
        case 'empty': return c.body(null, 204)
        case 'text':
          if (reply.filename) c.header('Content-Disposition', `attachment; filename="${reply.filename}"`)
          return c.body(reply.body, 200, { 'Content-Type': reply.contentType })
        case 'json': return c.json(reply.body as object, reply.status as 200)
        case 'replayed':
          c.header('Idempotent-Replayed', 'true')
          return c.json(reply.body as object, reply.status as 200)
        case 'events': return eventStream(c, reply, tokenHash, meta)
      }
    })
  }

  app.all('/api/*', generalGuard, (c) => errorResponse(c, new ApiError(404, 'not-found', `No route ${c.req.method} ${new URL(c.req.url).pathname}.`)))

  if (options.staticDir) app.get('*', staticFiles(options.staticDir))
  return app
}

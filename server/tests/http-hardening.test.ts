import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROUTES, type RouteName, type RouteSpec } from '../../src/group-api/routes.ts'
import { createTestServer, ORIGIN, PASSWORD, type SeededUser, type TestClient, type TestServer } from '../testing/harness.ts'
import { appOn, closeServer, finalizeBodyFor, rawRequest, tableCounts } from '../testing/security.ts'

/**
 * The HTTP layer's own defences: security headers on every answer, the same-origin check on
 * every write, the body limit, strict input, JSON 404s, the OpenAPI document, the per-address
 * request limit and the session cookie's attributes. Other settings (HTTPS public address, low
 * limits, static files) run as a second app on the same database and clock (appOn).
 */

const HTTPS_ORIGIN = 'https://icw.example'
const ROUTE_LIST = Object.entries(ROUTES) as [RouteName, RouteSpec][]
const WRITE_ROUTES = ROUTE_LIST.filter(([, spec]) => spec.method !== 'GET')

let server: TestServer
let admin: SeededUser
let coder: SeededUser
let staticRoot: string

async function signedIn(user: SeededUser): Promise<TestClient> {
  const client = server.client()
  const answer = await client.signIn(user, server)
  expect(answer.status, answer.text).toBe(200)
  return client
}

const fill = (spec: RouteSpec) => spec.path.replace(/:(\w+)/g, (_, key: string) => (key === 'token' ? 'A'.repeat(43) : crypto.randomUUID()))

function expectSecurityHeaders(headers: Headers, where: string, https = false): void {
  const csp = headers.get('content-security-policy') ?? ''
  expect(csp, where).toContain("frame-ancestors 'none'")
  expect(csp, where).toContain("default-src 'self'")
  expect(csp, where).toContain("object-src 'none'")
  expect(headers.get('x-content-type-options'), where).toBe('nosniff')
  expect(headers.get('referrer-policy'), where).toBe('no-referrer')
  expect(headers.get('x-frame-options'), where).toBe('DENY')
  expect(headers.get('x-powered-by'), where).toBeNull()
  if (https) expect(headers.get('strict-transport-security') ?? '', where).toMatch(/max-age=(3153[6-9]\d{3}|[4-9]\d{7}|\d{9,})/)
  else expect(headers.get('strict-transport-security'), where).toBeNull()
}

function expectError(answer: { status: number; headers: Headers; body: any; text: string }, status: number, error: string, path?: string): void {
  expect(answer.status, answer.text).toBe(status)
  expect(answer.headers.get('content-type') ?? '', answer.text).toContain('application/json')
  expect(answer.body, answer.text).toMatchObject({ error, message: expect.any(String), ...(path ? { path } : {}) })
}

beforeAll(async () => {
  server = await createTestServer()
  const seeded = await server.seedPractice('Harbor Pain Clinic', [
    { email: 'admin@harbor.test', name: 'Harbor Admin', role: 'admin', twoFactor: true },
    { email: 'coder@harbor.test', name: 'Harbor Coder', role: 'coder' },
  ])
  admin = seeded.users['admin@harbor.test']
  coder = seeded.users['coder@harbor.test']
  staticRoot = mkdtempSync(join(tmpdir(), 'icw-static-'))
  mkdirSync(join(staticRoot, 'app', 'assets'), { recursive: true })
  writeFileSync(join(staticRoot, 'app', 'index.html'), '<!doctype html><html><head><title>ICW</title></head><body><div id="root"></div></body></html>')
  writeFileSync(join(staticRoot, 'app', 'assets', 'app-3f2a.js'), 'console.log("app")')
  writeFileSync(join(staticRoot, 'secret.txt'), 'root:x:0:0 outside the app directory')
})
afterAll(async () => {
  await closeServer(server)
  if (staticRoot) rmSync(staticRoot, { recursive: true, force: true })
})

describe('security headers', () => {
  it('API answers (success, 401, 403, 404) carry CSP with frame-ancestors \'none\', nosniff, Referrer-Policy, no-store, and no HSTS over http', async () => {
    const answers = {
      health: await rawRequest(server.app, 'GET', '/api/health'),
      unauthenticated: await rawRequest(server.app, 'GET', '/api/auth/session'),
      badOrigin: await rawRequest(server.app, 'POST', '/api/auth/sign-in', { body: '{}', headers: { 'content-type': 'application/json' } }),
      unknown: await rawRequest(server.app, 'GET', '/api/no-such-route'),
    }
    expect([answers.health.status, answers.unauthenticated.status, answers.badOrigin.status, answers.unknown.status]).toEqual([200, 401, 403, 404])
    for (const [where, answer] of Object.entries(answers)) {
      expectSecurityHeaders(answer.headers, where)
      expect(answer.headers.get('cache-control'), where).toBe('no-store')
    }
  })

  it('static answers (the page, an asset, a deep link, a refused file) carry them too', async () => {
    const app = appOn(server, {}, join(staticRoot, 'app'))
    const page = await rawRequest(app, 'GET', '/')
    expect(page.status).toBe(200)
    expect(page.text).toContain('icw-group-server')
    const asset = await rawRequest(app, 'GET', '/assets/app-3f2a.js')
    expect(asset.status).toBe(200)
    const deepLink = await rawRequest(app, 'GET', '/review/queue')
    expect(deepLink.status).toBe(200)
    const worker = await rawRequest(app, 'GET', '/sw.js')
    expect(worker.status).toBe(404)
    for (const [where, answer] of Object.entries({ page, asset, deepLink, worker })) expectSecurityHeaders(answer.headers, where)
  })

  it('a file outside the app directory is never served (encoded ../)', async () => {
    const app = appOn(server, {}, join(staticRoot, 'app'))
    for (const path of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt']) {
      const answer = await rawRequest(app, 'GET', path)
      expect(answer.text, path).not.toContain('root:x')
      expectSecurityHeaders(answer.headers, path)
    }
  })

  it('HSTS is sent when PUBLIC_URL is https, on API and static answers', async () => {
    const app = appOn(server, { publicUrl: HTTPS_ORIGIN }, join(staticRoot, 'app'))
    expectSecurityHeaders((await rawRequest(app, 'GET', '/api/health')).headers, 'api', true)
    expectSecurityHeaders((await rawRequest(app, 'GET', '/')).headers, 'page', true)
    expectSecurityHeaders((await rawRequest(app, 'GET', '/api/auth/session')).headers, '401', true)
  })
})

describe('cross-site requests', () => {
  it('every state-changing route refuses a request without Origin (403 bad-origin), and nothing is written', async () => {
    const client = await signedIn(admin)
    const before = await tableCounts(server)
    for (const [name, spec] of WRITE_ROUTES) {
      const answer = await rawRequest(server.app, spec.method, fill(spec), {
        body: JSON.stringify(name === 'signIn' ? { email: coder.email, password: PASSWORD } : {}),
        headers: { 'content-type': 'application/json', cookie: `icw_session=${client.cookie}`, 'x-forwarded-for': client.ip },
      })
      expectError(answer, 403, 'bad-origin')
    }
    expect(await tableCounts(server)).toEqual(before)
  })

  it('requests that would succeed from the app\'s page are refused from any other origin, and write nothing', async () => {
    const client = await signedIn(admin)
    const requests: { method: string; path: string; body?: unknown }[] = [
      { method: 'POST', path: '/api/admin/invites', body: { email: 'csrf@harbor.test', role: 'admin' } },
      { method: 'POST', path: '/api/encounters', body: finalizeBodyFor('PT-CSRF-1') },
      { method: 'PATCH', path: '/api/admin/settings', body: { twoFactorRoles: [] } },
      { method: 'POST', path: '/api/auth/sign-out-everywhere' },
    ]
    const before = await tableCounts(server)
    for (const origin of [null, 'http://evil.test', 'null', 'http://icw.test.evil.test', 'https://icw.test', 'http://icw.test:8080', 'HTTP://ICW.TEST/', '']) {
      for (const r of requests) {
        const headers: Record<string, string> = { cookie: `icw_session=${client.cookie}`, 'x-forwarded-for': client.ip }
        if (origin !== null) headers.origin = origin
        if (r.body !== undefined) headers['content-type'] = 'application/json'
        const answer = await rawRequest(server.app, r.method, r.path, { headers, ...(r.body !== undefined ? { body: JSON.stringify(r.body) } : {}) })
        expectError(answer, 403, 'bad-origin')
      }
    }
    expect(await tableCounts(server)).toEqual(before)
    // The same requests from the app's own origin do go through: the refusals were the Origin's doing.
    for (const r of requests) {
      const answer = await client.call(r.method, r.path, r.body)
      expect(answer.status, `${r.path}: ${answer.text}`).toBeLessThan(300)
    }
  })

  it('a sign-in from another origin is refused before any password check (no sign-in event, no session)', async () => {
    const before = await tableCounts(server)
    const answer = await rawRequest(server.app, 'POST', '/api/auth/sign-in', {
      body: JSON.stringify({ email: coder.email, password: PASSWORD }), headers: { 'content-type': 'application/json', origin: 'http://evil.test' },
    })
    expectError(answer, 403, 'bad-origin')
    expect(answer.headers.get('set-cookie')).toBeNull()
    expect(await tableCounts(server)).toEqual(before)
  })

  it('without PUBLIC_URL the expected origin is the request\'s own host', async () => {
    const app = appOn(server, { publicUrl: null, trustProxy: false })
    const body = JSON.stringify({ email: coder.email, password: PASSWORD })
    const own = await rawRequest(app, 'POST', 'http://worksheet.local/api/auth/sign-in', { body, headers: { 'content-type': 'application/json', origin: 'http://worksheet.local' } })
    expect(own.status, own.text).toBe(200)
    const other = await rawRequest(app, 'POST', 'http://worksheet.local/api/auth/sign-in', { body, headers: { 'content-type': 'application/json', origin: 'http://evil.test' } })
    expectError(other, 403, 'bad-origin')
  })
})

describe('request bodies and input', () => {
  it('a body over the limit gets 413, with or without Content-Length, counted in bytes, and writes nothing', async () => {
    const app = appOn(server, { bodyLimitBytes: 2048 })
    const before = await tableCounts(server)
    const bodies = {
      ascii: JSON.stringify({ email: coder.email, password: 'x'.repeat(4000) }),
      multibyte: JSON.stringify({ email: coder.email, password: '\u20ac'.repeat(1000) }), // 1,000 characters, 3,000 bytes
    }
    for (const body of Object.values(bodies)) {
      const headers = { 'content-type': 'application/json', origin: ORIGIN }
      expectError(await rawRequest(app, 'POST', '/api/auth/sign-in', { body, headers }), 413, 'too-large')
      expectError(await rawRequest(app, 'POST', '/api/auth/sign-in', { body, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }), 413, 'too-large')
    }
    expect(await tableCounts(server)).toEqual(before)
    // The default limit of the test server (256 KiB) holds too.
    const big = JSON.stringify({ caseId: 'x', scorePercent: 1, lines: [], padding: 'y'.repeat(300_000) })
    const client = await signedIn(coder)
    expectError(await client.post('/api/training/attempts', big), 413, 'too-large')
  })

  it('a GET that announces a body is refused with 400 (a GET is never read), and an ordinary GET still answers', async () => {
    const client = await signedIn(coder)
    const app = appOn(server, {})
    const cookie = `icw_session=${client.cookie}`
    const announced = await rawRequest(app, 'GET', '/api/training/attempts', { headers: { cookie, 'content-length': '12' } })
    expectError(announced, 400, 'invalid')
    expect(announced.body.message).toBe('This route takes no body.')
    expectError(await rawRequest(app, 'GET', '/api/training/attempts', { headers: { cookie, 'transfer-encoding': 'chunked' } }), 400, 'invalid')
    expect((await rawRequest(app, 'GET', '/api/training/attempts', { headers: { cookie, 'content-length': '0' } })).status).toBe(200)
    expect((await rawRequest(app, 'GET', '/api/training/attempts', { headers: { cookie } })).status).toBe(200)
  })

  it('unknown fields are refused with 400 and the path of the field (body and query)', async () => {
    const client = await signedIn(admin)
    expectError(await server.client().post('/api/auth/sign-in', { email: coder.email, password: PASSWORD, role: 'admin' }), 400, 'invalid', 'body.role')
    expectError(await client.post('/api/training/attempts', { caseId: 'x', scorePercent: 1, lines: [{ code: '20552', modifiers: [], units: 1, paid: true }] }), 400, 'invalid', 'body.lines.0.paid')
    expectError(await client.patch('/api/admin/settings', { idleTimeoutMinutes: 15, plan: 'enterprise' }), 400, 'invalid', 'body.plan')
    expectError(await client.get('/api/admin/audit?practiceId=x'), 400, 'invalid', 'query.practiceId')
    expectError(await client.post('/api/auth/sign-out-everywhere', { everywhere: true }), 400, 'invalid')
  })

  it('an unknown field inside the finalized encounter is refused too (not silently dropped)', async () => {
    const client = await signedIn(coder)
    const body = finalizeBodyFor('PT-STRICT-1')
    const answer = await client.post('/api/encounters', { ...body, encounter: { ...body.encounter, billedAmount: 99999 } })
    expectError(answer, 400, 'invalid', 'body.encounter.billedAmount')
  })

  it('invalid JSON is a 400 and a non-JSON content type a 415', async () => {
    const headers = { origin: ORIGIN }
    expectError(await rawRequest(server.app, 'POST', '/api/auth/sign-in', { body: '{"email": ', headers: { ...headers, 'content-type': 'application/json' } }), 400, 'invalid-json')
    expectError(await rawRequest(server.app, 'POST', '/api/auth/sign-in', { body: `email=${coder.email}&password=x`, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported-media-type')
    expectError(await rawRequest(server.app, 'POST', '/api/auth/sign-in', { body: JSON.stringify({ email: coder.email, password: PASSWORD }), headers: { ...headers, 'content-type': 'text/plain' } }), 415, 'unsupported-media-type')
  })

  it('a NUL character in a string is a 400, not a 500 (PostgreSQL text cannot hold U+0000)', async () => {
    const anonymous = server.client()
    const client = await signedIn(coder)
    const answers = {
      'sign-in email (no session needed)': await anonymous.post('/api/auth/sign-in', { email: 'coder@harbor\u0000.test', password: PASSWORD }),
      'training attempt caseId': await client.post('/api/training/attempts', { caseId: 'tpi\u00001', scorePercent: 1, lines: [] }),
      'encounter patientId': await client.post('/api/encounters', finalizeBodyFor('PT-\u00001')),
      'encounters query patientId': await client.get('/api/encounters?patientId=PT%00X'),
    }
    const statuses = Object.fromEntries(Object.entries(answers).map(([what, answer]) => [what, answer.status]))
    expect(statuses).toEqual(Object.fromEntries(Object.keys(answers).map((what) => [what, 400])))
    for (const answer of Object.values(answers)) expectError(answer, 400, 'invalid')
  })

  it('an unpaired surrogate in a string kept as JSON is a 400, not a 500 (jsonb refuses a lone \\uD800)', async () => {
    const coderDesk = await signedIn(coder)
    const body = finalizeBodyFor('PT-SURROGATE-1')
    const finalized = await coderDesk.post('/api/encounters', body)
    expect(finalized.status, finalized.text).toBe(200)
    const adminDesk = await signedIn(admin)
    const answers = {
      'encounter providerId': await coderDesk.post('/api/encounters', { ...body, encounter: { ...body.encounter, providerId: 'DR-\ud800A' } }),
      'decision reason': await adminDesk.post(`/api/encounters/${finalized.body.id}/decisions`, { action: 'return', reason: 'Recheck \udfff the levels.' }),
    }
    const statuses = Object.fromEntries(Object.entries(answers).map(([what, answer]) => [what, answer.status]))
    expect(statuses).toEqual({ 'encounter providerId': 400, 'decision reason': 400 })
    for (const answer of Object.values(answers)) expectError(answer, 400, 'invalid')
  })

  it('a date the calendar does not have is a 400, not a 500 (sign-in history and access log filters)', async () => {
    const client = await signedIn(admin)
    const statuses: Record<string, number> = {}
    for (const path of ['/api/admin/sign-ins', '/api/admin/audit', '/api/admin/audit.csv']) {
      for (const [key, value] of [['from', '2026-02-30'], ['to', '2026-13-01'], ['from', '2026-01-01T99:99'], ['to', '2026-01-01T1']]) {
        statuses[`${path}?${key}=${value}`] = (await client.get(`${path}?${key}=${value}`)).status
      }
    }
    expect(statuses).toEqual(Object.fromEntries(Object.keys(statuses).map((k) => [k, 400])))
    expectError(await client.get('/api/admin/audit?from=2026-02-30'), 400, 'invalid', 'query.from')
  })
})

describe('routing', () => {
  it('an unknown /api route is a 404 in JSON, whatever the method', async () => {
    const client = await signedIn(coder)
    for (const [method, path] of [['GET', '/api/no-such-route'], ['POST', '/api/no-such-route'], ['DELETE', '/api/health'], ['PUT', '/api/encounters'], ['GET', '/api/admin/members/x/y/z']]) {
      const answer = await client.call(method, path, method === 'GET' || method === 'DELETE' ? undefined : {})
      expectError(answer, 404, 'not-found')
    }
  })

  it('GET /api/openapi.json lists every route of ROUTES, and every non-public operation needs the session', async () => {
    const answer = await rawRequest(server.app, 'GET', '/api/openapi.json')
    expect(answer.status).toBe(200)
    const doc = answer.body as {
      security?: Record<string, unknown>[]; components: { securitySchemes: Record<string, { type: string; in: string; name: string }> }
      paths: Record<string, Record<string, { operationId: string; security?: Record<string, unknown>[]; responses: Record<string, unknown> }>>
    }
    const scheme = doc.components.securitySchemes.session
    expect(scheme).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'icw_session' })
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))
    expect(operations).toHaveLength(ROUTE_LIST.length)
    for (const [name, spec] of ROUTE_LIST) {
      const path = spec.path.replace(/:(\w+)/g, '{$1}')
      const op = doc.paths[path]?.[spec.method.toLowerCase()]
      expect(op, `${spec.method} ${path} (${name}) is missing`).toBeDefined()
      expect(op.operationId).toBe(name)
      const security = op.security ?? doc.security ?? []
      if (spec.access === 'public') {
        expect(security, `${name} is public`).toEqual([])
      } else {
        expect(security.some((requirement) => 'session' in requirement), `${name} must declare the session`).toBe(true)
        expect(op.responses, name).toHaveProperty('401')
        if (Array.isArray(spec.access)) expect(op.responses, name).toHaveProperty('403')
      }
    }
  })
})

describe('the per-address request limit', () => {
  const attempt = (app: Hono, address: string) => rawRequest(app, 'POST', '/api/auth/sign-in', {
    body: JSON.stringify({ email: coder.email, password: 'not the password at all' }),
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': address },
  })

  it('the fourth sign-in request in a minute from one address gets 429 (limit 3), and is not even logged', async () => {
    const app = appOn(server, { addressRequestsPerMinute: 3 })
    for (let i = 0; i < 3; i++) expectError(await attempt(app, '10.77.0.1'), 401, 'sign-in-failed')
    const before = await tableCounts(server)
    expectError(await attempt(app, '10.77.0.1'), 429, 'rate-limited')
    expect(await tableCounts(server)).toEqual(before)
    // The other pre-sign-in routes share the address's budget.
    expectError(await rawRequest(app, 'GET', `/api/invites/${'A'.repeat(43)}`, { headers: { 'x-forwarded-for': '10.77.0.1' } }), 429, 'rate-limited')
    // Another address is still served, and a minute later this one is again.
    expectError(await attempt(app, '10.77.0.2'), 401, 'sign-in-failed')
    server.clock.advance(61_000)
    expectError(await attempt(app, '10.77.0.1'), 401, 'sign-in-failed')
  })

  it('without TRUST_PROXY a made-up X-Forwarded-For does not reset the limit', async () => {
    const app = appOn(server, { addressRequestsPerMinute: 3, trustProxy: false })
    const answers = []
    for (let i = 0; i < 4; i++) answers.push((await attempt(app, `192.0.2.${i + 1}`)).status)
    expect(answers).toEqual([401, 401, 401, 429])
    server.clock.advance(61_000)
  })
})

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/ and not Secure over http; sign-out clears it the same way', async () => {
    const client = server.client()
    const answer = await client.post('/api/auth/sign-in', { email: coder.email, password: PASSWORD })
    expect(answer.status).toBe(200)
    const cookie = answer.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^icw_session=[A-Za-z0-9_-]{40,};/)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Strict/i)
    expect(cookie).toMatch(/;\s*Path=\//i)
    expect(cookie).not.toMatch(/Secure|Domain=/i)
    const out = await client.post('/api/auth/sign-out')
    expect(out.status).toBe(204)
    const cleared = out.headers.get('set-cookie') ?? ''
    expect(cleared).toMatch(/^icw_session=;/)
    expect(cleared).toMatch(/Max-Age=0/)
    expect(cleared).toMatch(/HttpOnly/)
    expect(cleared).toMatch(/SameSite=Strict/)
  })

  it('is Secure with the __Host- prefix when PUBLIC_URL is https, and only that name is read', async () => {
    const app = appOn(server, { publicUrl: HTTPS_ORIGIN })
    const answer = await rawRequest(app, 'POST', '/api/auth/sign-in', {
      body: JSON.stringify({ email: coder.email, password: PASSWORD }), headers: { 'content-type': 'application/json', origin: HTTPS_ORIGIN },
    })
    expect(answer.status, answer.text).toBe(200)
    const cookie = answer.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^__Host-icw_session=[A-Za-z0-9_-]{40,};/)
    for (const attribute of [/;\s*Secure/i, /;\s*HttpOnly/i, /;\s*SameSite=Strict/i, /;\s*Path=\//i]) expect(cookie).toMatch(attribute)
    expect(cookie).not.toMatch(/Domain=/i)
    const token = /__Host-icw_session=([^;]*)/.exec(cookie)![1]
    expect((await rawRequest(app, 'GET', '/api/auth/session', { headers: { cookie: `__Host-icw_session=${token}` } })).status).toBe(200)
    expect((await rawRequest(app, 'GET', '/api/auth/session', { headers: { cookie: `icw_session=${token}` } })).status).toBe(401)
  })

  it('a made-up session token is a 401, and the answer clears the cookie', async () => {
    for (const value of ['A'.repeat(43), 'x', '']) {
      const answer = await rawRequest(server.app, 'GET', '/api/auth/session', { headers: { cookie: `icw_session=${value}` } })
      expectError(answer, 401, 'unauthenticated')
      if (value) expect(answer.headers.get('set-cookie') ?? '', value).toMatch(/^icw_session=;.*Max-Age=0/)
    }
  })
})

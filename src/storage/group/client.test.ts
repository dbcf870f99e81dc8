import { describe, expect, it, vi } from 'vitest'
import { ApiError, describeError } from './api-error.ts'
import { createFetchGroupClient } from './client.ts'
import { createFakeGroupClient } from './fake-client.ts'
import { IDS, LINK_TOKEN, sessionInfo } from './test-fixtures.ts'

type FetchArgs = Parameters<typeof fetch>

function stubFetch(...responses: (Response | Error)[]) {
  const fetchMock = vi.fn<(...args: FetchArgs) => Promise<Response>>()
  for (const r of responses) {
    if (r instanceof Error) fetchMock.mockRejectedValueOnce(r)
    else fetchMock.mockResolvedValueOnce(r)
  }
  return fetchMock
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })

const initOf = (mock: ReturnType<typeof stubFetch>, call = 0) => mock.mock.calls[call]?.[1] ?? {}

describe('the group client over fetch', () => {
  it('posts the sign-in body as JSON to the route of ROUTES, same-origin, and answers the parsed session', async () => {
    const session = sessionInfo()
    const fetchMock = stubFetch(json(session))
    const client = createFetchGroupClient(fetchMock)
    const answer = await client.request('signIn', { body: { email: '  Ada@North.Example ', password: 'correct horse battery' } })
    expect(answer).toEqual(session)
    const [url] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/auth/sign-in')
    const init = initOf(fetchMock)
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('same-origin')
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json')
    // The contract's schema trims and lowercases the email before it is sent.
    expect(JSON.parse(init.body as string)).toEqual({ email: 'ada@north.example', password: 'correct horse battery' })
  })

  it('fills path parameters (encoded) and builds the query from the defined values only', async () => {
    const fetchMock = stubFetch(json({ practiceName: 'North', role: 'coder', email: 'x@y.z', expiresAt: '2026-12-01T00:00:00Z', existingAccount: false }), json({ entries: [] }))
    const client = createFetchGroupClient(fetchMock)
    await client.request('invitePreview', { params: { token: LINK_TOKEN } })
    await client.request('audit', { query: { action: 'encounter.read', patientId: '', userId: undefined, limit: 50 } })
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([`/api/invites/${LINK_TOKEN}`, '/api/admin/audit?action=encounter.read&limit=50'])
    expect(initOf(fetchMock, 1).method).toBe('GET')
    expect(initOf(fetchMock, 1).body).toBeUndefined()
  })

  it('reads a JSON error answer into an ApiError with status, code, message and path', async () => {
    const client = createFetchGroupClient(stubFetch(json({ error: 'conflict', message: 'You cannot deactivate yourself.', path: 'userId' }, 409)))
    const error = await client.request('deactivate', { params: { userId: IDS.ada } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 409, error: 'conflict', message: 'You cannot deactivate yourself.', path: 'userId' })
    expect(describeError(error)).toBe('You cannot deactivate yourself.')
  })

  it('says plainly when an error answer is not the API\'s JSON (a proxy page)', async () => {
    const client = createFetchGroupClient(stubFetch(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })))
    const error = await client.request('session').catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 502, error: 'http-error', message: 'The server answered with status 502 (Bad Gateway). Try again in a moment.' })
  })

  it('answers null for 204 and sends no body for a bodiless POST', async () => {
    const fetchMock = stubFetch(new Response(null, { status: 204 }))
    const client = createFetchGroupClient(fetchMock)
    await expect(client.request('signOut')).resolves.toBeNull()
    expect(initOf(fetchMock).method).toBe('POST')
    expect(initOf(fetchMock).body).toBeUndefined()
  })

  it('downloads the access log CSV as a Blob with the file name the server gives, sending the same filters', async () => {
    const csv = 'seq,at,action\n1,2026-11-20T10:00:00Z,encounter.read\n'
    const fetchMock = stubFetch(new Response(csv, { status: 200, headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="access-log-2026-11-20.csv"' } }))
    const client = createFetchGroupClient(fetchMock)
    const file = await client.request('auditCsv', { query: { patientId: 'PT-1001' } })
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/admin/audit.csv?patientId=PT-1001&limit=50000')
    expect(new Headers(initOf(fetchMock).headers).get('Accept')).toBe('text/csv')
    expect(file.filename).toBe('access-log-2026-11-20.csv')
    expect(await file.blob.text()).toBe(csv)
  })

  it('sends nothing when the request does not fit the contract (a malformed link token)', async () => {
    const fetchMock = stubFetch()
    const client = createFetchGroupClient(fetchMock)
    const error = await client.request('invitePreview', { params: { token: 'not a token!' } }).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 400, error: 'invalid-request', path: 'token' })
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('refuses an answer that does not match the response schema', async () => {
    const client = createFetchGroupClient(stubFetch(json({ state: 'active', user: null })))
    const error = await client.request('session').catch((e: unknown) => e)
    expect(error).toMatchObject({ error: 'bad-response' })
    expect((error as Error).message).toMatch(/could not be read/)
  })

  it('turns a failed connection into a network ApiError (status 0)', async () => {
    const client = createFetchGroupClient(stubFetch(new TypeError('Failed to fetch')))
    const error = await client.request('refresh').catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 0, error: 'network' })
    expect((error as Error).message).toMatch(/could not be reached/)
  })

  it('tells its listeners about a 401 unauthenticated, but not about another 401 (wrong password)', async () => {
    const client = createFetchGroupClient(stubFetch(
      json({ error: 'invalid-credentials', message: 'The email or password is not right.' }, 401),
      json({ error: 'unauthenticated', message: 'Sign in again.' }, 401),
    ))
    const listener = vi.fn()
    const stop = client.onUnauthenticated(listener)
    await client.request('signIn', { body: { email: 'a@b.c', password: 'x' } }).catch(() => undefined)
    expect(listener).not.toHaveBeenCalled()
    await client.request('sessions').catch(() => undefined)
    expect(listener).toHaveBeenCalledTimes(1)
    stop()
  })

  it('sends the idempotency key of an outbox write as the Idempotency-Key header, and reads a page of changes after a cursor', async () => {
    const attempt = { id: IDS.invite, userId: IDS.casey, caseId: 'case-1', scorePercent: 80, submittedAt: '2026-11-26T10:00:00.000Z', lines: [] }
    const fetchMock = stubFetch(json(attempt), json({ changes: [], cursor: 40, more: false, head: 40 }))
    const client = createFetchGroupClient(fetchMock)
    await client.request('addAttempt', { body: { caseId: 'case-1', scorePercent: 80, lines: [] }, idempotencyKey: 'icw-0a1b2c3d-key' })
    expect(new Headers(initOf(fetchMock).headers).get('Idempotency-Key')).toBe('icw-0a1b2c3d-key')
    const page = await client.request('changes', { query: { after: 12, limit: 500 } })
    expect(page).toEqual({ changes: [], cursor: 40, more: false, head: 40 })
    expect(fetchMock.mock.calls[1]?.[0]).toBe('/api/sync/changes?after=12&limit=500')
    expect(new Headers(initOf(fetchMock, 1).headers).has('Idempotency-Key')).toBe(false)
  })

  it('sends nothing with an idempotency key of the wrong form, or on a route that takes none', async () => {
    const fetchMock = stubFetch()
    const client = createFetchGroupClient(fetchMock)
    const malformed = await client.request('addAttempt', { body: { caseId: 'case-1', scorePercent: 80, lines: [] }, idempotencyKey: 'short' }).catch((e: unknown) => e)
    expect(malformed).toMatchObject({ status: 400, error: 'invalid-request', path: 'Idempotency-Key' })
    // @ts-expect-error: only the idempotent routes take a key
    const misplaced = await client.request('signOut', { idempotencyKey: 'icw-0a1b2c3d-key' }).catch((e: unknown) => e)
    expect(misplaced).toMatchObject({ status: 400, error: 'invalid-request', message: 'This request takes no idempotency key.' })
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('learns the server clock offset from the Date header', async () => {
    const local = Date.parse('2026-11-26T10:00:00.000Z')
    const client = createFetchGroupClient(stubFetch(json(sessionInfo(), 200, { Date: 'Thu, 26 Nov 2026 10:05:00 GMT' })), () => local)
    expect(client.serverClockOffset()).toBe(0)
    await client.request('session')
    expect(client.serverClockOffset()).toBe(5 * 60_000)
  })
})

describe('the fake group client', () => {
  it('checks requests and answers like the real one, and records calls', async () => {
    const fake = createFakeGroupClient().on('changeRole', ({ params, body }) => ({
      userId: params.userId, name: 'Casey', email: 'c@x.y', role: body.role, active: true, twoFactorEnabled: false, lastSignInAt: null, joinedAt: '2026-01-01T00:00:00Z',
    }))
    const member = await fake.request('changeRole', { params: { userId: IDS.casey }, body: { role: 'supervisor' } })
    expect(member.role).toBe('supervisor')
    expect(fake.callsTo('changeRole')).toEqual([expect.objectContaining({ method: 'PATCH', url: `/api/admin/members/${IDS.casey}`, body: { role: 'supervisor' } })])
    await expect(fake.request('members')).rejects.toThrow(/no answer set for members/)
    expect(fake.unexpected.map((c) => c.route)).toEqual(['members'])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changeListSchema, type Change, type ChangeList } from '../../src/group-api/schemas.ts'
import { createTestServer, readEvents, TEST_STORE, type SeededUser, type TestClient, type TestServer } from '../testing/harness.ts'
import { ONE_OF_EACH_ROLE, twoPractices, type SeededPractice } from '../testing/practices.ts'
import { asOwner, closeServer, finalizeBodyFor } from '../testing/security.ts'

/**
 * The change feed each workstation's replica follows (GET /api/sync/changes), its event stream
 * (GET /api/sync/events), writes done once per Idempotency-Key, and the server deciding
 * finalize and review when two desks act at once. On PGlite and on PostgreSQL; the two-process
 * case on PostgreSQL only.
 */

let server: TestServer
const PEOPLE = { ...ONE_OF_EACH_ROLE, second: 'coder' } as const
let A: SeededPractice<keyof typeof PEOPLE>
let B: SeededPractice<keyof typeof PEOPLE>
let patients = 0

beforeAll(async () => {
  server = await createTestServer()
  const practices = await twoPractices(server, PEOPLE)
  A = practices.A
  B = practices.B
})
afterAll(async () => { await closeServer(server) })

async function desk(user: SeededUser, client = server.client()): Promise<TestClient> {
  const answer = await client.signIn(user, server)
  expect(answer.status, answer.text).toBe(200)
  return client
}

const nextPatient = () => `PT-SYNC-${++patients}`

async function finalize(client: TestClient, patientId = nextPatient()): Promise<string> {
  const answer = await client.post('/api/encounters', finalizeBodyFor(patientId))
  expect(answer.status, answer.text).toBe(200)
  return answer.body.id as string
}

async function pull(client: TestClient, after: number, limit = 1000): Promise<ChangeList> {
  const answer = await client.get(`/api/sync/changes?after=${after}&limit=${limit}`)
  expect(answer.status, answer.text).toBe(200)
  const parsed = changeListSchema.safeParse(answer.body)
  expect(parsed.success, answer.text.slice(0, 400)).toBe(true)
  return answer.body as ChangeList
}

/** Every page after `after`, as a replica pulls them. */
async function pullAll(client: TestClient, after = 0, limit = 1000): Promise<{ changes: Change[]; cursor: number; pages: number }> {
  const changes: Change[] = []
  let cursor = after
  let pages = 0
  for (;;) {
    const page = await pull(client, cursor, limit)
    pages++
    changes.push(...page.changes)
    expect(page.cursor).toBeGreaterThanOrEqual(cursor)
    cursor = page.cursor
    if (!page.more) return { changes, cursor, pages }
  }
}

const headOf = async (practiceId: string) =>
  (await asOwner(server, (q) => q.query<{ seq: number }>('select seq from change_heads where practice_id = $1', [practiceId])))[0]?.seq ?? 0

describe('the change feed', () => {
  it('answers every change after the cursor in commit order, with each row as it is now (decisions included)', async () => {
    const coder = await desk(A.users.coder)
    const supervisor = await desk(A.users.supervisor)
    const trainee = await desk(A.users.trainee)
    const start = await headOf(A.id)
    const first = await finalize(coder)
    const second = await finalize(coder)
    expect((await trainee.post('/api/training/attempts', { caseId: 'tpi-1', scorePercent: 75, lines: [] })).status).toBe(200)
    const decided = await supervisor.post(`/api/encounters/${first}/decisions`, { action: 'return', reason: 'Add the laterality to line 2.' })
    expect(decided.status, decided.text).toBe(200)

    const { changes, cursor } = await pullAll(supervisor, start)
    expect(cursor).toBe(await headOf(A.id))
    expect(changes.map((c) => c.seq)).toEqual([start + 1, start + 2, start + 3, start + 4])
    expect(changes.map((c) => [c.entity, c.id === first ? 'first' : c.id === second ? 'second' : 'attempt'])).toEqual([
      ['encounter', 'first'], ['encounter', 'second'], ['training-attempt', 'attempt'], ['encounter', 'first'],
    ])
    // The row as it is now: the first encounter's first change already shows the return.
    const returned = changes[3].encounter!
    expect(returned).toMatchObject({ id: first, review: 'returned', version: 2 })
    expect(returned.decisions).toEqual([expect.objectContaining({ action: 'return', reason: 'Add the laterality to line 2.', decidedBy: A.users.supervisor.id, decidedByName: A.users.supervisor.name })])
    expect(returned.encounter).toMatchObject({ patientId: returned.patientId, procedures: expect.any(Array) })
    expect(changes[2].attempt).toMatchObject({ userId: A.users.trainee.id, caseId: 'tpi-1', scorePercent: 75 })
  })

  it('pages cut anywhere give every change exactly once, and the cursor after the last page is the head', async () => {
    const supervisor = await desk(A.users.supervisor)
    const whole = await pullAll(supervisor, 0, 5000)
    for (const limit of [1, 2, 3, 7]) {
      const paged = await pullAll(supervisor, 0, limit)
      expect(paged.changes.map((c) => c.seq)).toEqual(whole.changes.map((c) => c.seq))
      expect(paged.cursor).toBe(whole.cursor)
      expect(paged.pages).toBeGreaterThanOrEqual(Math.ceil(whole.changes.length / limit))
    }
    expect(new Set(whole.changes.map((c) => c.seq)).size).toBe(whole.changes.length)
    const atHead = await pull(supervisor, whole.cursor)
    expect(atHead).toEqual({ changes: [], cursor: whole.cursor, more: false, head: whole.cursor })
  })

  it('answers each role only what it may read, and moves its cursor past the rest', async () => {
    const trainee = await desk(A.users.trainee)
    const coder = await desk(A.users.coder)
    const other = await desk(A.users.second)
    expect((await other.post('/api/training/attempts', { caseId: 'tpi-other', scorePercent: 60, lines: [] })).status).toBe(200)
    await finalize(coder)
    const head = await headOf(A.id)

    const seen = await pullAll(trainee)
    expect(seen.cursor).toBe(head)
    expect(seen.changes.length).toBeGreaterThan(0)
    expect(seen.changes.every((c) => c.entity === 'training-attempt' && c.attempt?.userId === A.users.trainee.id)).toBe(true)

    const coderSees = await pullAll(coder)
    expect(coderSees.cursor).toBe(head)
    expect(coderSees.changes.some((c) => c.entity === 'encounter')).toBe(true)
    expect(coderSees.changes.filter((c) => c.entity === 'training-attempt').every((c) => c.attempt?.userId === A.users.coder.id)).toBe(true)
    expect(coderSees.changes.some((c) => c.attempt?.caseId === 'tpi-other')).toBe(false)

    const supervisorSees = await pullAll(await desk(A.users.supervisor))
    expect(supervisorSees.changes.some((c) => c.attempt?.caseId === 'tpi-other')).toBe(true)
  })

  it('never shows another practice\'s changes, and each practice counts its own sequence', async () => {
    const bravo = await desk(B.users.coder)
    const before = await headOf(B.id)
    const id = await finalize(bravo, 'PT-BRAVO-ONLY')
    const alpha = await pullAll(await desk(A.users.supervisor))
    expect(alpha.changes.some((c) => c.id === id || c.encounter?.patientId === 'PT-BRAVO-ONLY')).toBe(false)
    const bravoSees = await pullAll(await desk(B.users.supervisor), before)
    expect(bravoSees.changes.map((c) => c.id)).toEqual([id])
    expect(bravoSees.changes[0].seq).toBe(before + 1)
  })

  it('logs, per patient, that a pull showed their encounters', async () => {
    const coder = await desk(A.users.coder)
    const patientId = nextPatient()
    const start = await headOf(A.id)
    await finalize(coder, patientId)
    const reader = await desk(A.users.second)
    await pullAll(reader, start)
    const logged = await asOwner(server, (q) => q.query<{ action: string; user_id: string; detail: unknown }>(
      `select action, user_id, detail from audit_log where practice_id = $1 and patient_id = $2 and action = 'encounters-synced'`, [A.id, patientId]))
    expect(logged).toEqual([{ action: 'encounters-synced', user_id: A.users.second.id, detail: { encounters: 1 } }])
  })

  it('concurrent writers from several desks: a replica pulling all along gets every change exactly once, in order', async () => {
    const desks = await Promise.all([A.users.coder, A.users.second, A.users.trainee, A.users.supervisor].map((u) => desk(u)))
    const replica = await desk(A.users.admin)
    const start = await headOf(A.id)
    let cursor = start
    const got: Change[] = []
    let writing = true
    const puller = (async () => {
      while (writing) {
        const page = await pull(replica, cursor, 3)
        got.push(...page.changes)
        cursor = page.cursor
      }
    })()
    await Promise.all(desks.map(async (client, i) => {
      for (let n = 0; n < 6; n++) {
        const answer = i < 2
          ? await client.post('/api/encounters', finalizeBodyFor(nextPatient()))
          : await client.post('/api/training/attempts', { caseId: `case-${i}-${n}`, scorePercent: 50 + n, lines: [] })
        expect(answer.status, answer.text).toBe(200)
      }
    }))
    writing = false
    await puller
    const rest = await pullAll(replica, cursor)
    got.push(...rest.changes)
    const head = await headOf(A.id)
    expect(head).toBe(start + 24)
    expect(got.map((c) => c.seq)).toEqual(Array.from({ length: 24 }, (_, i) => start + 1 + i))
  })
})

describe('writes with an Idempotency-Key', () => {
  const attempt = (caseId: string) => ({ caseId, scorePercent: 88, lines: [] })
  const attemptsOf = async (caseId: string) =>
    (await asOwner(server, (q) => q.query<{ n: number }>('select count(*)::int as n from training_attempts where case_id = $1', [caseId])))[0].n

  it('a repeat answers the first answer again and writes nothing more; the feed has one change', async () => {
    const coder = await desk(A.users.coder)
    const start = await headOf(A.id)
    const headers = { 'idempotency-key': 'outbox-0001-aaaa' }
    const first = await coder.call('POST', '/api/training/attempts', attempt('idem-1'), headers)
    const again = await coder.call('POST', '/api/training/attempts', attempt('idem-1'), headers)
    expect(first.status).toBe(200)
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(first.headers.get('idempotent-replayed')).toBeNull()
    expect(await attemptsOf('idem-1')).toBe(1)
    expect(await headOf(A.id)).toBe(start + 1)
  })

  it('the same key sent twice at once writes once (the second waits for the first and answers its answer)', async () => {
    const coder = await desk(A.users.coder)
    const headers = { 'idempotency-key': 'outbox-0002-bbbb' }
    const body = finalizeBodyFor(nextPatient())
    const [one, two] = await Promise.all([coder.call('POST', '/api/encounters', body, headers), coder.call('POST', '/api/encounters', body, headers)])
    expect([one.status, two.status]).toEqual([200, 200])
    expect(one.body.id).toBe(two.body.id)
    const rows = await asOwner(server, (q) => q.query<{ n: number }>('select count(*)::int as n from encounters where patient_id = $1', [body.encounter.patientId]))
    expect(rows[0].n).toBe(1)
  })

  it('the same key with another body is refused (422), and so is a malformed key (400)', async () => {
    const coder = await desk(A.users.coder)
    const headers = { 'idempotency-key': 'outbox-0003-cccc' }
    expect((await coder.call('POST', '/api/training/attempts', attempt('idem-3'), headers)).status).toBe(200)
    const reused = await coder.call('POST', '/api/training/attempts', attempt('idem-3-other'), headers)
    expect(reused.status).toBe(422)
    expect(reused.body.error).toBe('idempotency-key-reused')
    expect(await attemptsOf('idem-3-other')).toBe(0)
    for (const bad of ['short', 'has space in it', 'x'.repeat(101), 'semi;colon-key']) {
      const answer = await coder.call('POST', '/api/training/attempts', attempt('idem-bad'), { 'idempotency-key': bad })
      expect(answer.status, bad).toBe(400)
    }
    expect(await attemptsOf('idem-bad')).toBe(0)
  })

  it('keys are per person: another coder\'s same key is their own write', async () => {
    const one = await desk(A.users.coder)
    const two = await desk(A.users.second)
    const headers = { 'idempotency-key': 'outbox-0004-dddd' }
    expect((await one.call('POST', '/api/training/attempts', attempt('idem-4a'), headers)).status).toBe(200)
    const other = await two.call('POST', '/api/training/attempts', attempt('idem-4b'), headers)
    expect(other.status).toBe(200)
    expect(other.headers.get('idempotent-replayed')).toBeNull()
    expect(await attemptsOf('idem-4b')).toBe(1)
  })

  it('a refused write gives its key back: the corrected write under the same key is done', async () => {
    const coder = await desk(A.users.coder)
    const headers = { 'idempotency-key': 'outbox-0005-eeee' }
    const patientId = nextPatient()
    const prior = Array.from({ length: 4 }, (_, i) => epiduralBody(patientId, `2026-0${i + 1}-10`, 'Seeding the ledger.'))
    for (const body of prior) expect((await coder.post('/api/encounters', body)).status).toBe(200)
    const fifth = epiduralBody(patientId, '2026-06-10')
    const refused = await coder.call('POST', '/api/encounters', fifth, headers)
    expect(refused.status).toBe(409)
    expect(refused.body.error).toBe('reason-required')
    const corrected = await coder.call('POST', '/api/encounters', { ...fifth, reason: 'Medical necessity documented.' }, headers)
    expect(corrected.status, corrected.text).toBe(200)
  })
})

/** A lumbar transforaminal epidural only: with four prior sessions in the year, FREQ-LIMIT is its only error. */
function epiduralBody(patientId: string, dateOfService: string, reason?: string) {
  return {
    encounter: {
      dateOfService, patientId, providerId: 'DR-A', placeOfService: '11', claimType: 'professional', payerProfile: 'medicare', priorAuthorization: null,
      diagnoses: ['M54.16'],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }] }],
      drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 40, unit: 'mg', category: 'steroid' }],
      otherLines: [], documentation: {},
    },
    ...(reason ? { reason } : {}),
  }
}

describe('two desks at once, decided on the server', () => {
  it('two finalizes of one patient\'s fourth and fifth epidural in parallel: one is taken, the later one gets the frequency finding', async () => {
    const deskA = await desk(A.users.coder)
    const deskB = await desk(A.users.second)
    const patientId = nextPatient()
    for (const date of ['2026-01-10', '2026-03-10', '2026-05-10']) {
      expect((await deskA.post('/api/encounters', epiduralBody(patientId, date, 'Seeding the ledger.'))).status).toBe(200)
    }
    const [fourth, fifth] = await Promise.all([
      deskA.post('/api/encounters', epiduralBody(patientId, '2026-08-01')),
      deskB.post('/api/encounters', epiduralBody(patientId, '2026-10-14')),
    ])
    const answers = [fourth, fifth]
    const taken = answers.filter((a) => a.status === 200)
    const refused = answers.filter((a) => a.status !== 200)
    expect(taken).toHaveLength(1)
    expect(refused).toHaveLength(1)
    expect(refused[0].status).toBe(409)
    expect(refused[0].body).toMatchObject({ error: 'reason-required' })
    expect(refused[0].body.message).toContain('FREQ-LIMIT')
    const ledger = await asOwner(server, (q) => q.query<{ n: number }>('select count(*)::int as n from encounters where patient_id = $1', [patientId]))
    expect(ledger[0].n).toBe(4)
  })

  it('a decision sent against an older version gets 409 stale and saves nothing; against the current one it is taken', async () => {
    const coder = await desk(A.users.coder)
    const one = await desk(A.users.supervisor)
    const two = await desk(A.users.admin)
    const id = await finalize(coder)
    const opened = (await one.get(`/api/encounters/${id}`)).body as { version: number }
    expect(opened.version).toBe(1)
    expect((await two.post(`/api/encounters/${id}/decisions`, { action: 'approve', expectedVersion: 1 })).status).toBe(200)
    const late = await one.post(`/api/encounters/${id}/decisions`, { action: 'return', reason: 'Fix line 1.', expectedVersion: 1 })
    expect(late.status).toBe(409)
    expect(late.body).toMatchObject({ error: 'stale', path: 'expectedVersion' })
    expect(late.body.message).toContain('version 2')
    const now = (await one.get(`/api/encounters/${id}`)).body as { version: number; review: string; decisions: unknown[] }
    expect(now).toMatchObject({ version: 2, review: 'approved' })
    expect(now.decisions).toHaveLength(1)
    const taken = await one.post(`/api/encounters/${id}/decisions`, { action: 'return', reason: 'Fix line 1.', expectedVersion: 2 })
    expect(taken.status, taken.text).toBe(200)
    expect(taken.body).toMatchObject({ version: 3, review: 'returned' })
  })
})

/** Opens the event stream; `next(n)` resolves with the text once n events have arrived in all. */
function openStream(app: TestServer['app'], client: TestClient) {
  const opened = Promise.resolve(app.request('/api/sync/events', { headers: { cookie: `icw_session=${client.cookie}`, 'x-forwarded-for': client.ip } }))
  let text = ''
  let waiters: (() => void)[] = []
  let ended = false
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null
  const reading = opened.then(async (response) => {
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    reader = response.body!.getReader()
    const decoder = new TextDecoder()
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }))
      if (done) break
      text += decoder.decode(value, { stream: true })
      for (const wake of waiters.splice(0)) wake()
    }
    ended = true
    for (const wake of waiters.splice(0)) wake()
  })
  const events = () => text.split('\n\n').filter((b) => /^event: /m.test(b)).map((b) => ({
    event: /^event: (.*)$/m.exec(b)![1], data: JSON.parse(/^data: (.*)$/m.exec(b)![1]) as { seq: number },
  }))
  return {
    events,
    get ended() { return ended },
    async next(count: number, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      while (events().length < count && !ended) {
        if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${count} events; got: ${text}`)
        await new Promise<void>((wake) => { waiters.push(wake); setTimeout(wake, 100) })
      }
      return events()
    },
    // As a closed tab: the server sees the stream cancelled.
    async close() { await opened; await reader?.cancel(); await reading.catch(() => undefined); waiters = [] },
  }
}

describe('the event stream', () => {
  it('says ready with the head, then change when another desk writes; a closed tab leaves no listener behind', async () => {
    const watcher = await desk(A.users.supervisor)
    const writer = await desk(A.users.coder)
    const stream = openStream(server.app, watcher)
    const [ready] = await stream.next(1)
    expect(ready).toEqual({ event: 'ready', data: { seq: await headOf(A.id) } })
    expect(server.hub.streams).toBeGreaterThan(0)
    await finalize(writer)
    const events = await stream.next(2)
    expect(events[1]).toEqual({ event: 'change', data: { seq: await headOf(A.id) } })
    await stream.close()
    for (let i = 0; i < 50 && server.hub.streams > 0; i++) await new Promise((r) => setTimeout(r, 20))
    expect(server.hub.streams).toBe(0)
  })

  it('never tells one practice about another\'s changes', async () => {
    const watcher = await desk(B.users.supervisor)
    const stream = openStream(server.app, watcher)
    await stream.next(1)
    await finalize(await desk(A.users.coder))
    await new Promise((r) => setTimeout(r, 500))
    expect(stream.events().map((e) => e.event)).toEqual(['ready'])
    await stream.close()
  })

  it('ends with signed-out when the session ends elsewhere', async () => {
    const watcher = await desk(A.users.coder)
    const stream = openStream(server.app, watcher)
    await stream.next(1)
    const elsewhere = await desk(A.users.coder)
    expect((await elsewhere.post('/api/auth/sign-out-everywhere')).status).toBe(204)
    const events = await stream.next(2)
    expect(events[1].event).toBe('signed-out')
    for (let i = 0; i < 50 && !stream.ended; i++) await new Promise((r) => setTimeout(r, 20))
    expect(stream.ended).toBe(true)
    await stream.close()
  })

  it('does not keep an idle session alive: past the idle timeout it signs out', async () => {
    const watcher = await desk(A.users.trainee)
    const stream = openStream(server.app, watcher)
    await stream.next(1)
    // Several periodic checks pass without counting as activity...
    await new Promise((r) => setTimeout(r, 600))
    server.clock.advance(16 * 60_000)
    const events = await stream.next(2)
    expect(events[1].event).toBe('signed-out')
    await stream.close()
    expect((await watcher.get('/api/auth/session')).status).toBe(401)
  })

  it('refuses a request without a session (401), like every other route', async () => {
    const answer = await server.app.request('/api/sync/events')
    expect(answer.status).toBe(401)
  })
})

describe.runIf(TEST_STORE === 'postgres')('two server processes on one PostgreSQL', () => {
  it('a write through one reaches an event stream open on the other (LISTEN/NOTIFY), and both answer the same feed', async () => {
    const second = await server.secondInstance()
    try {
      const watcher = await desk(A.users.supervisor, second.client())
      const stream = openStream(second.app, watcher)
      await stream.next(1)
      const writer = await desk(A.users.coder)
      const id = await finalize(writer)
      const events = await stream.next(2)
      expect(events[1]).toEqual({ event: 'change', data: { seq: await headOf(A.id) } })
      await stream.close()
      const here = await pullAll(await desk(A.users.supervisor))
      const there = await pullAll(watcher)
      expect(there.changes.map((c) => c.seq)).toEqual(here.changes.map((c) => c.seq))
      expect(there.changes.some((c) => c.id === id)).toBe(true)
    } finally {
      await second.close()
    }
  })
})

it('the harness reads an event stream\'s first event and hangs up', async () => {
  const client = await desk(A.users.coder)
  const answer = await server.app.request('/api/sync/events', { headers: { cookie: `icw_session=${client.cookie}` } })
  const text = await readEvents(answer, 1)
  expect(text).toMatch(/^event: ready$/m)
})

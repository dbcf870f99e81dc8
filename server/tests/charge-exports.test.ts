import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changeListSchema, chargeExportResultSchema, type Change, type ChargeExportSummary } from '../../src/group-api/schemas.ts'
import { createTestServer, type SeededUser, type TestServer } from '../testing/harness.ts'
import { ONE_OF_EACH_ROLE, signedInDesks, twoPractices, type SeededPractice } from '../testing/practices.ts'
import { asOwner, closeServer, finalizeBodyFor } from '../testing/security.ts'

/**
 * The practice's charge-export log on the server (POST /api/charge-exports): one row and one
 * access-log entry per encounter, at the server's time and by the signed-in person; only the
 * practice's current encounters settled in review; refused to trainees; idempotent; an encounter
 * exported before is recorded again and the earlier export named; carried by the change feed to
 * the other desks. On PGlite and on PostgreSQL.
 */

let server: TestServer
const PEOPLE = ONE_OF_EACH_ROLE
let A: SeededPractice<keyof typeof PEOPLE>
let B: SeededPractice<keyof typeof PEOPLE>

beforeAll(async () => {
  server = await createTestServer()
  const practices = await twoPractices(server, PEOPLE)
  A = practices.A
  B = practices.B
})
afterAll(async () => { await closeServer(server) })

const desk = signedInDesks(() => server)

const exportCharges = async (user: SeededUser, body: unknown, headers: Record<string, string> = {}) =>
  (await desk(user)).call('POST', '/api/charge-exports', body, headers)
const hl7 = (encounterIds: string[], fileName = 'charges-20261206-101500.hl7') => ({ encounterIds, format: 'hl7', fileName })

const stored = (practiceId: string) => asOwner(server, (q) => q.query<{ id: string; encounter_id: string; exported_by: string; exported_at: Date; status: string }>(
  'select id, encounter_id, exported_by, exported_at, status from charge_exports where practice_id = $1 order by exported_at, id', [practiceId]))
const logged = (practiceId: string, encounterId: string) => asOwner(server, (q) => q.query<{ action: string; user_id: string; patient_id: string; detail: Record<string, unknown> }>(
  'select action, user_id, patient_id, detail from audit_log where practice_id = $1 and target = $2 and action = $3 order by seq', [practiceId, encounterId, 'charge-exported']))

async function pullAll(user: SeededUser, after = 0): Promise<Change[]> {
  const client = await desk(user)
  const changes: Change[] = []
  let cursor = after
  for (;;) {
    const answer = await client.get(`/api/sync/changes?after=${cursor}&limit=1000`)
    expect(answer.status, answer.text).toBe(200)
    expect(changeListSchema.safeParse(answer.body).success, answer.text.slice(0, 300)).toBe(true)
    changes.push(...(answer.body.changes as Change[]))
    cursor = answer.body.cursor as number
    if (!answer.body.more) return changes
  }
}

/** An encounter the practice's coder finalized and, when review was needed, a supervisor approved. */
async function ready(practice: typeof A, patientId = `PT-CHG-${crypto.randomUUID().slice(0, 8)}`): Promise<{ id: string; patientId: string; review: string }> {
  const answer = await (await desk(practice.users.coder)).post('/api/encounters', finalizeBodyFor(patientId))
  expect(answer.status, answer.text).toBe(200)
  const id = answer.body.id as string
  if (answer.body.review !== 'pending') return { id, patientId, review: answer.body.review as string }
  const approved = await (await desk(practice.users.supervisor)).post(`/api/encounters/${id}/decisions`, { action: 'approve' })
  expect(approved.status, approved.text).toBe(200)
  return { id, patientId, review: 'approved' }
}

describe('recording an export', () => {
  it("records one export per encounter at the server's time, by the signed-in coder, with one access-log entry each", async () => {
    const [one, two] = [await ready(A), await ready(A)]
    const answer = await exportCharges(A.users.coder, hl7([one.id, two.id]))
    expect(answer.status, answer.text).toBe(200)
    const result = chargeExportResultSchema.parse(answer.body)
    expect(result.earlier).toEqual([])
    expect(result.exports.map((e) => [e.encounterId, e.userId, e.userName, e.format, e.fileName, e.exportedAt]))
      .toEqual([one, two].map((e) => [e.id, A.users.coder.id, A.users.coder.name, 'hl7', 'charges-20261206-101500.hl7', server.clock.now.toISOString()]))
    expect(result.exports.every((e) => e.status === (one.review === 'approved' ? 'approved' : 'no-findings'))).toBe(true)
    const rows = (await stored(A.id)).filter((r) => r.encounter_id === one.id || r.encounter_id === two.id)
    expect(rows.map((r) => r.id).sort()).toEqual(result.exports.map((e) => e.id).sort())
    for (const e of [one, two]) {
      const entries = await logged(A.id, e.id)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({ user_id: A.users.coder.id, patient_id: e.patientId, detail: { format: 'hl7', fileName: 'charges-20261206-101500.hl7', exportedBefore: 0 } })
    }
  })

  it('supervisors and admins export too; a trainee is refused (403) and nothing is recorded', async () => {
    const encounter = await ready(A)
    expect((await exportCharges(A.users.supervisor, hl7([encounter.id]))).status).toBe(200)
    expect((await exportCharges(A.users.admin, { ...hl7([encounter.id]), format: 'csv', fileName: 'charges.csv' })).status).toBe(200)
    const refused = await exportCharges(A.users.trainee, hl7([encounter.id]))
    expect(refused.status, refused.text).toBe(403)
    expect((await stored(A.id)).filter((r) => r.encounter_id === encounter.id).map((r) => r.exported_by).sort())
      .toEqual([A.users.supervisor.id, A.users.admin.id].sort())
  })

  it('an encounter exported before is recorded again, and the answer names who exported it and when', async () => {
    const encounter = await ready(A)
    const first = await exportCharges(A.users.coder, hl7([encounter.id], 'first.hl7'))
    expect(first.status).toBe(200)
    server.clock.advance(60_000)
    const second = await exportCharges(A.users.supervisor, hl7([encounter.id], 'second.hl7'))
    expect(second.status, second.text).toBe(200)
    const earlier = (second.body.earlier as ChargeExportSummary[])
    expect(earlier.map((e) => [e.encounterId, e.userName, e.fileName])).toEqual([[encounter.id, A.users.coder.name, 'first.hl7']])
    expect((await stored(A.id)).filter((r) => r.encounter_id === encounter.id)).toHaveLength(2)
    expect((await logged(A.id, encounter.id)).map((e) => e.detail.exportedBefore)).toEqual([0, 1])
  })

  it('the same export replayed with one Idempotency-Key is recorded once and answered the same', async () => {
    const encounter = await ready(A)
    const headers = { 'idempotency-key': `charges-${encounter.id}` }
    const first = await exportCharges(A.users.coder, hl7([encounter.id]), headers)
    const second = await exportCharges(A.users.coder, hl7([encounter.id]), headers)
    expect([first.status, second.status]).toEqual([200, 200])
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(second.body).toEqual(first.body)
    expect((await stored(A.id)).filter((r) => r.encounter_id === encounter.id)).toHaveLength(1)
    expect(await logged(A.id, encounter.id)).toHaveLength(1)
  })
})

describe('what is refused, recording nothing', () => {
  it("another practice's encounter is not found (404), as an id that never was, and none of the batch is recorded", async () => {
    const ours = await ready(A)
    const theirs = await ready(B)
    const answer = await exportCharges(A.users.coder, hl7([ours.id, theirs.id]))
    expect(answer.status, answer.text).toBe(404)
    expect(answer.body).toMatchObject({ error: 'not-found', path: 'body.encounterIds.1' })
    const never = await exportCharges(A.users.coder, hl7([ours.id, crypto.randomUUID()]))
    expect(never.status).toBe(404)
    expect(never.body.message).toBe(answer.body.message)
    expect((await stored(A.id)).filter((r) => r.encounter_id === ours.id)).toEqual([])
    expect((await stored(B.id)).filter((r) => r.encounter_id === theirs.id)).toEqual([])
    expect(await logged(A.id, ours.id)).toEqual([])
  })

  it('an encounter returned to its coder is not ready (409); once approved it exports', async () => {
    const patientId = `PT-CHG-${crypto.randomUUID().slice(0, 8)}`
    const finalized = await (await desk(A.users.coder)).post('/api/encounters', finalizeBodyFor(patientId))
    const id = finalized.body.id as string
    const returned = await (await desk(A.users.supervisor)).post(`/api/encounters/${id}/decisions`, { action: 'return', reason: 'Add the laterality.' })
    expect(returned.status, returned.text).toBe(200)
    const refused = await exportCharges(A.users.coder, hl7([id]))
    expect(refused.status, refused.text).toBe(409)
    expect(refused.body.error).toBe('not-ready')
    expect((await stored(A.id)).filter((r) => r.encounter_id === id)).toEqual([])
    const approved = await (await desk(A.users.supervisor)).post(`/api/encounters/${id}/decisions`, { action: 'override', reason: 'Laterality is in the note.' })
    expect(approved.status, approved.text).toBe(200)
    const done = await exportCharges(A.users.coder, hl7([id]))
    expect(done.status, done.text).toBe(200)
    expect((done.body.exports as ChargeExportSummary[])[0].status).toBe('overridden')
  })

  it('a replaced encounter is refused (409 replaced): its successor is exported instead', async () => {
    const patientId = `PT-CHG-${crypto.randomUUID().slice(0, 8)}`
    const finalized = await (await desk(A.users.coder)).post('/api/encounters', finalizeBodyFor(patientId))
    const id = finalized.body.id as string
    expect((await (await desk(A.users.supervisor)).post(`/api/encounters/${id}/decisions`, { action: 'return', reason: 'Fix the units.' })).status).toBe(200)
    const again = await (await desk(A.users.coder)).post('/api/encounters', { ...finalizeBodyFor(patientId), replaces: id })
    expect(again.status, again.text).toBe(200)
    const refused = await exportCharges(A.users.coder, hl7([id]))
    expect(refused.status, refused.text).toBe(409)
    expect(refused.body.error).toBe('replaced')
  })

  it.each([
    ['no encounters', { encounterIds: [], format: 'hl7', fileName: 'a.hl7' }],
    ['an encounter twice', { encounterIds: ['11111111-1111-4111-8111-111111111111', '11111111-1111-4111-8111-111111111111'], format: 'hl7', fileName: 'a.hl7' }],
    ['an id that is not a uuid', { encounterIds: ['E1'], format: 'hl7', fileName: 'a.hl7' }],
    ['another format', { encounterIds: ['11111111-1111-4111-8111-111111111111'], format: 'x12', fileName: 'a.hl7' }],
    ['no file name', { encounterIds: ['11111111-1111-4111-8111-111111111111'], format: 'csv', fileName: '  ' }],
    ['a time or person of its own', { encounterIds: ['11111111-1111-4111-8111-111111111111'], format: 'csv', fileName: 'a.csv', exportedAt: '2020-01-01T00:00:00Z', userId: '11111111-1111-4111-8111-111111111111' }],
  ])('a body with %s is refused (400)', async (_what, body) => {
    const before = (await stored(A.id)).length
    const answer = await exportCharges(A.users.coder, body)
    expect(answer.status, answer.text).toBe(400)
    expect((await stored(A.id)).length).toBe(before)
  })
})

describe('the change feed', () => {
  it("carries each export to the practice's other desks, not to trainees nor to another practice", async () => {
    const encounter = await ready(A)
    const head = (await pullAll(A.users.supervisor)).at(-1)?.seq ?? 0
    const answer = await exportCharges(A.users.coder, hl7([encounter.id], 'feed.hl7'))
    expect(answer.status).toBe(200)
    const seen = (await pullAll(A.users.supervisor, head)).filter((c) => c.entity === 'charge-export')
    expect(seen.map((c) => [c.op, c.chargeExport?.encounterId, c.chargeExport?.userName, c.chargeExport?.fileName]))
      .toEqual([['upsert', encounter.id, A.users.coder.name, 'feed.hl7']])
    expect((await pullAll(A.users.trainee)).filter((c) => c.entity === 'charge-export')).toEqual([])
    expect((await pullAll(B.users.admin)).filter((c) => c.entity === 'charge-export')).toEqual([])
  })
})

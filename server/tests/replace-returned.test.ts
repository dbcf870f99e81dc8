import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/group-api/schemas.ts'
import { createTestServer, type SeededUser, type TestClient, type TestServer } from '../testing/harness.ts'
import { asOwner, closeServer } from '../testing/security.ts'

/**
 * A corrected encounter replaces the returned one (issue 13): the coder finalizes a returned
 * encounter again with `replaces`; the returned one becomes 'replaced' and never counts in the
 * patient's frequency history again, whatever a reviewer does with it later. On PGlite and on
 * PostgreSQL.
 */

let server: TestServer
type PracticeUsers = Record<Role, SeededUser> & { second: SeededUser; supervisor2: SeededUser }
let A: { id: string; users: PracticeUsers }
let B: { id: string; users: PracticeUsers }

async function seed(name: string, word: string) {
  const { practiceId, users } = await server.seedPractice(name, [
    { email: `${word}-admin@${word}.test`, role: 'admin' },
    { email: `${word}-supervisor@${word}.test`, role: 'supervisor' },
    { email: `${word}-supervisor2@${word}.test`, role: 'supervisor' },
    { email: `${word}-coder@${word}.test`, role: 'coder' },
    { email: `${word}-coder2@${word}.test`, role: 'coder' },
    { email: `${word}-trainee@${word}.test`, role: 'trainee' },
  ])
  const u = (who: string) => users[`${word}-${who}@${word}.test`]
  return {
    id: practiceId,
    users: { admin: u('admin'), supervisor: u('supervisor'), supervisor2: u('supervisor2'), coder: u('coder'), second: u('coder2'), trainee: u('trainee') },
  }
}

beforeAll(async () => {
  server = await createTestServer()
  A = await seed('Alpha Pain Clinic', 'alpha')
  B = await seed('Bravo Spine Center', 'bravo')
  await asOwner(server, (q) => q.query(`update practices set two_factor_roles = '{}'`))
})
afterAll(async () => { await closeServer(server) })

async function desk(user: SeededUser): Promise<TestClient> {
  const client = server.client()
  const answer = await client.signIn(user, server)
  expect(answer.status, answer.text).toBe(200)
  return client
}

let patients = 0
const newPatient = () => `PT-R${++patients}`

/** A lumbar transforaminal epidural only: with four prior sessions in the rolling year, FREQ-LIMIT is its only error. */
function epiduralBody(patientId: string, dateOfService: string, extra: { reason?: string; replaces?: string } = {}) {
  return {
    encounter: {
      dateOfService, patientId, providerId: 'DR-A', placeOfService: '11', claimType: 'professional', payerProfile: 'medicare', priorAuthorization: null,
      diagnoses: ['M54.16'],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }] }],
      drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 40, unit: 'mg', category: 'steroid' }],
      otherLines: [], documentation: {},
    },
    ...extra,
  }
}

async function finalized(client: TestClient, body: unknown): Promise<string> {
  const answer = await client.post('/api/encounters', body)
  expect(answer.status, answer.text).toBe(200)
  return answer.body.id as string
}

async function returned(client: TestClient, id: string): Promise<void> {
  const answer = await client.post(`/api/encounters/${id}/decisions`, { action: 'return', reason: 'The operative note dates the session 2026-05-11.' })
  expect(answer.status, answer.text).toBe(200)
  expect(answer.body.review).toBe('returned')
}

const ruleIds = (answer: { body: { findings?: { ruleId: string }[] } }) => (answer.body.findings ?? []).map((f) => f.ruleId)
const encounterRows = (patientId: string) => asOwner(server, (q) => q.query<{ id: string; review: string; replaced_by: string | null }>(
  'select id, review, replaced_by from encounters where patient_id = $1 order by finalized_at, id', [patientId]))

/** Two sessions, then a third that is returned: the state each test starts from. */
async function twoSessionsAndAReturnedThird(coder: TestClient, supervisor: TestClient) {
  const patient = newPatient()
  await finalized(coder, epiduralBody(patient, '2026-01-12'))
  await finalized(coder, epiduralBody(patient, '2026-03-09'))
  const third = await finalized(coder, epiduralBody(patient, '2026-05-04'))
  // Returned because the date of service was wrong: the corrected encounter says 2026-05-11.
  await returned(supervisor, third)
  return { patient, third }
}

describe('a corrected encounter and the returned one', () => {
  it('without `replaces` the ledger keeps both, and a reviewer approving the returned one makes one session count twice (what replaces prevents)', async () => {
    const coder = await desk(A.users.coder)
    const supervisor = await desk(A.users.supervisor)
    const { patient, third } = await twoSessionsAndAReturnedThird(coder, supervisor)
    await finalized(coder, epiduralBody(patient, '2026-05-11'))
    const approved = await supervisor.post(`/api/encounters/${third}/decisions`, { action: 'approve' })
    expect(approved.status, approved.text).toBe(200)
    // Three sessions in fact (the corrected date replaces the wrong one), four counted: the patient's real fourth session is flagged as a fifth.
    const fourth = await coder.post('/api/encounters', epiduralBody(patient, '2026-07-06'))
    expect(fourth.status).toBe(409)
    expect(fourth.body.message).toContain('FREQ-LIMIT')
  })

  it('with `replaces` the returned one becomes replaced, names its successor, and the session counts once', async () => {
    const coder = await desk(A.users.coder)
    const supervisor = await desk(A.users.supervisor)
    const { patient, third } = await twoSessionsAndAReturnedThird(coder, supervisor)
    const corrected = await finalized(coder, epiduralBody(patient, '2026-05-11', { replaces: third }))
    const rows = await encounterRows(patient)
    expect(rows).toHaveLength(4)
    expect(rows.filter((r) => r.review === 'replaced')).toEqual([{ id: third, review: 'replaced', replaced_by: corrected }])
    expect(rows.find((r) => r.id === corrected)).toMatchObject({ review: 'pending', replaced_by: null })
    const old = await supervisor.get(`/api/encounters/${third}`)
    expect(old.body).toMatchObject({ review: 'replaced', replacedBy: corrected, version: 3 })
    // A reviewer can no longer put the replaced encounter back into the count.
    const approve = await supervisor.post(`/api/encounters/${third}/decisions`, { action: 'approve' })
    expect(approve.status).toBe(409)
    expect(approve.body).toMatchObject({ error: 'replaced' })
    expect((await encounterRows(patient)).find((r) => r.id === third)?.review).toBe('replaced')
    // The fourth real session is clean; a fifth gets the frequency finding.
    const fourth = await coder.post('/api/encounters', epiduralBody(patient, '2026-07-06'))
    expect(fourth.status, fourth.text).toBe(200)
    expect(ruleIds(fourth)).not.toContain('FREQ-LIMIT')
    const fifth = await coder.post('/api/encounters', epiduralBody(patient, '2026-09-14'))
    expect(fifth.status).toBe(409)
    expect(fifth.body.message).toContain('FREQ-LIMIT')
  })

  it('the access log records the replacement', async () => {
    const coder = await desk(A.users.coder)
    const supervisor = await desk(A.users.supervisor)
    const { patient, third } = await twoSessionsAndAReturnedThird(coder, supervisor)
    const corrected = await finalized(coder, epiduralBody(patient, '2026-05-04', { replaces: third }))
    const entries = await asOwner(server, (q) => q.query<{ action: string; target: string; detail: { replacedBy: string } }>(
      `select action, target, detail from audit_log where practice_id = $1 and action = 'encounter-replaced' and target = $2`, [A.id, third]))
    expect(entries).toEqual([{ action: 'encounter-replaced', target: third, detail: { replacedBy: corrected } }])
  })

  it('the change feed carries the replaced encounter once with its new state', async () => {
    const coder = await desk(A.users.coder)
    const supervisor = await desk(A.users.supervisor)
    const { patient, third } = await twoSessionsAndAReturnedThird(coder, supervisor)
    const head = (await supervisor.get('/api/sync/changes?after=0&limit=1')).body.head as number
    const corrected = await finalized(coder, epiduralBody(patient, '2026-05-04', { replaces: third }))
    const page = await supervisor.get(`/api/sync/changes?after=${head}&limit=100`)
    expect(page.status, page.text).toBe(200)
    const changes = page.body.changes as { id: string; encounter?: { review: string; replacedBy?: string | null } }[]
    expect(changes.map((c) => c.id).sort()).toEqual([third, corrected].sort())
    expect(changes.find((c) => c.id === third)?.encounter).toMatchObject({ review: 'replaced', replacedBy: corrected })
  })
})

describe('a replacement the server refuses, storing nothing', () => {
  it('an encounter that is not returned: 409 not-returned', async () => {
    const coder = await desk(A.users.coder)
    const patient = newPatient()
    const pending = await finalized(coder, epiduralBody(patient, '2026-01-12'))
    const answer = await coder.post('/api/encounters', epiduralBody(patient, '2026-01-12', { replaces: pending }))
    expect(answer.status).toBe(409)
    expect(answer.body).toMatchObject({ error: 'not-returned', path: 'replaces' })
    expect(await encounterRows(patient)).toEqual([{ id: pending, review: 'pending', replaced_by: null }])
  })

  it('a returned encounter already corrected: 409 already-replaced, even twice in parallel', async () => {
    const coder = await desk(A.users.coder)
    const supervisor = await desk(A.users.supervisor)
    const { patient, third } = await twoSessionsAndAReturnedThird(coder, supervisor)
    const otherDesk = await desk(A.users.coder)
    const answers = await Promise.all([
      coder.post('/api/encounters', epiduralBody(patient, '2026-05-04', { replaces: third })),
      otherDesk.post('/api/encounters', epiduralBody(patient, '2026-05-04', { replaces: third })),
    ])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    expect(answers.find((a) => a.status === 409)?.body).toMatchObject({ error: 'already-replaced' })
    const again = await coder.post('/api/encounters', epiduralBody(patient, '2026-05-04', { replaces: third }))
    expect(again.body).toMatchObject({ error: 'already-replaced' })
    expect(await encounterRows(patient)).toHaveLength(4)
  })

  it('another practice\'s returned encounter: 404, as if it did not exist', async () => {
    const bravoCoder = await desk(B.users.coder)
    const bravoSupervisor = await desk(B.users.supervisor)
    const { third } = await twoSessionsAndAReturnedThird(bravoCoder, bravoSupervisor)
    const coder = await desk(A.users.coder)
    const patient = newPatient()
    const answer = await coder.post('/api/encounters', epiduralBody(patient, '2026-05-04', { replaces: third }))
    expect(answer.status).toBe(404)
    expect(answer.body).toMatchObject({ error: 'not-found', path: 'replaces' })
    expect(await encounterRows(patient)).toEqual([])
    const [bravoRow] = await asOwner(server, (q) => q.query<{ review: string }>('select review from encounters where id = $1', [third]))
    expect(bravoRow.review).toBe('returned')
  })

  it('another coder\'s returned encounter: 403 not-yours; a supervisor may correct it', async () => {
    const coder = await desk(A.users.coder)
    const supervisor = await desk(A.users.supervisor)
    const { patient, third } = await twoSessionsAndAReturnedThird(coder, supervisor)
    const second = await desk(A.users.second)
    const refused = await second.post('/api/encounters', epiduralBody(patient, '2026-05-04', { replaces: third }))
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ error: 'not-yours' })
    expect(await encounterRows(patient)).toHaveLength(3)
    const other = await desk(A.users.supervisor2)
    await finalized(other, epiduralBody(patient, '2026-05-04', { replaces: third }))
    expect((await encounterRows(patient)).find((r) => r.id === third)?.review).toBe('replaced')
  })

  it('a malformed id: 400, nothing stored', async () => {
    const coder = await desk(A.users.coder)
    const patient = newPatient()
    const answer = await coder.post('/api/encounters', { ...epiduralBody(patient, '2026-05-04'), replaces: 'not-an-id' })
    expect(answer.status).toBe(400)
    expect(await encounterRows(patient)).toEqual([])
  })
})

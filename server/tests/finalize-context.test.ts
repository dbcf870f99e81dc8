import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { medicareProfile } from '../../src/domain/data/payer-profiles.ts'
import type { Encounter, PayerProfile } from '../../src/domain/index.ts'
import type { Queryable } from '../db/database.ts'
import { practiceEvaluationData } from '../services/evaluation-data.ts'
import { createTestServer, type SeededUser, type TestClient, type TestServer } from '../testing/harness.ts'
import { backupText, emptyBackupData, encounterRecord, stageMoveIn } from '../testing/move-in.ts'
import { domainFixture, mueUpload, referenceFileOf } from '../testing/reference.ts'
import { asOwner, closeServer } from '../testing/security.ts'

/**
 * The server's finalize codes an encounter with what the worksheet codes it with (issue 13): the
 * practice's own payer profiles besides the built-in ones, its coverage choices, and the
 * reference files kept once per server (NCCI tables, billing articles). On PGlite and on
 * PostgreSQL.
 */

let server: TestServer
let supervisor: SeededUser
let coder: SeededUser
let admin: SeededUser

beforeAll(async () => {
  server = await createTestServer()
  const { users } = await server.seedPractice('Alpha Pain Clinic', [
    { email: 'admin@alpha.test', role: 'admin' },
    { email: 'supervisor@alpha.test', role: 'supervisor' },
    { email: 'coder@alpha.test', role: 'coder' },
  ])
  admin = users['admin@alpha.test']
  supervisor = users['supervisor@alpha.test']
  coder = users['coder@alpha.test']
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
const newPatient = () => `PT-C${++patients}`

/** A right L4-L5 transforaminal epidural with triamcinolone (J3301, `dose` mg). */
function epidural(patientId: string, dateOfService: string, options: { payerProfile?: string; diagnoses?: string[]; dose?: number; reason?: string } = {}) {
  return {
    encounter: {
      dateOfService, patientId, providerId: 'DR-A', placeOfService: '11', claimType: 'professional', payerProfile: options.payerProfile ?? 'medicare', priorAuthorization: null,
      diagnoses: options.diagnoses ?? ['M54.16'],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }] }],
      drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: options.dose ?? 40, unit: 'mg', category: 'steroid' }],
      otherLines: [], documentation: {},
    },
    ...(options.reason ? { reason: options.reason } : {}),
  }
}

interface Answer { status: number; text: string; body: { findings?: { ruleId: string; message: string; severity: string }[]; error?: string; message?: string } }
const ruleIds = (answer: Answer) => (answer.body.findings ?? []).map((f) => f.ruleId)
const finalize = async (client: TestClient, body: unknown): Promise<Answer> => client.post('/api/encounters', body)

async function saveRecord(client: TestClient, kind: string, key: string, value: unknown) {
  const answer = await client.call('POST', `/api/records/${kind}/${encodeURIComponent(key)}`, { value, expectedVersion: null })
  expect(answer.status, answer.text).toBe(200)
}

/** Medicare with one epidural session per region in twelve months instead of four. */
const tightProfile: PayerProfile = {
  ...medicareProfile,
  id: 'medicare-tight-mac', name: 'Medicare (our MAC, one ESI a year)',
  frequencyLimits: medicareProfile.frequencyLimits.map((l) => (l.family === 'epidural' ? { ...l, id: 'tight-esi-1-per-region-12m', limit: 1 } : l)),
}

describe("the practice's payer profiles", () => {
  beforeAll(async () => {
    const now = new Date().toISOString()
    await saveRecord(await desk(supervisor), 'payer-profile', tightProfile.id, { profile: tightProfile, basedOn: 'medicare', createdAt: now, updatedAt: now })
  })

  it("a custom profile's tighter frequency limit gives the second epidural of the year a frequency error at finalize", async () => {
    const client = await desk(coder)
    const patient = newPatient()
    const first = await finalize(client, epidural(patient, '2026-05-04', { payerProfile: tightProfile.id }))
    expect(first.status, first.text).toBe(200)
    expect(ruleIds(first)).not.toContain('FREQ-LIMIT')
    const second = await finalize(client, epidural(patient, '2026-06-08', { payerProfile: tightProfile.id }))
    expect(second.status, second.text).toBe(409)
    expect(second.body.error).toBe('reason-required')
    expect(second.body.message).toContain('FREQ-LIMIT')
    const withReason = await finalize(client, epidural(patient, '2026-06-08', { payerProfile: tightProfile.id, reason: 'Payer approved a second session in writing.' }))
    expect(withReason.status, withReason.text).toBe(200)
    expect(withReason.body.findings?.find((f) => f.ruleId === 'FREQ-LIMIT')?.severity).toBe('error')
  })

  it('near miss: the same two epidurals under the built-in Medicare profile (four a year) stay clear of the limit', async () => {
    const client = await desk(coder)
    const patient = newPatient()
    expect((await finalize(client, epidural(patient, '2026-05-04'))).status).toBe(200)
    const second = await finalize(client, epidural(patient, '2026-06-08'))
    expect(second.status, second.text).toBe(200)
    expect(ruleIds(second)).not.toContain('FREQ-LIMIT')
  })
})

describe("the practice's evaluation data kept between finalizes, and a change seen by the very next one", () => {
  /** A custom profile allowing `limit` epidural sessions per region in twelve months. */
  const profileWith = (limit: number): PayerProfile => ({
    ...medicareProfile,
    id: 'medicare-changing-mac', name: `Medicare (changing MAC, ${limit} ESI a year)`,
    frequencyLimits: medicareProfile.frequencyLimits.map((l) => (l.family === 'epidural' ? { ...l, id: 'changing-esi-per-region-12m', limit } : l)),
  })
  const recordBody = (limit: number) => ({ profile: profileWith(limit), basedOn: 'medicare', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' })
  const key = encodeURIComponent('medicare-changing-mac')

  it('a profile loosened through the API, then tightened again by another server process (another connection), changes the next finalize each time', async () => {
    const keeper = await desk(supervisor)
    const saved = await keeper.call('POST', `/api/records/payer-profile/${key}`, { value: recordBody(1), expectedVersion: null })
    expect(saved.status, saved.text).toBe(200)
    const client = await desk(coder)
    const patient = newPatient()
    const body = (date: string) => epidural(patient, date, { payerProfile: 'medicare-changing-mac' })
    expect((await finalize(client, body('2026-03-02'))).status).toBe(200)
    // One a year: the second is refused (and what the evaluation read is now kept in this process).
    const refused = await finalize(client, body('2026-04-06'))
    expect(refused.status, refused.text).toBe(409)
    expect(refused.body.message).toContain('FREQ-LIMIT')
    expect((await finalize(client, body('2026-04-06'))).status).toBe(409)
    // Loosened to four a year through the API: the very next finalize is clear.
    const loosened = await keeper.call('POST', `/api/records/payer-profile/${key}`, { value: recordBody(4), expectedVersion: 1 })
    expect(loosened.status, loosened.text).toBe(200)
    const clear = await finalize(client, body('2026-04-06'))
    expect(clear.status, clear.text).toBe(200)
    expect(ruleIds(clear)).not.toContain('FREQ-LIMIT')
    // Tightened back by a write on another connection (as another server process would), even one
    // that leaves the record's version as it was: the very next finalize sees it.
    await asOwner(server, (q) => q.query(`update practice_records set body = $1 where kind = 'payer-profile' and key = 'medicare-changing-mac'`, [JSON.stringify(recordBody(1))]))
    const again = await finalize(client, body('2026-05-04'))
    expect(again.status, again.text).toBe(409)
    expect(again.body.message).toContain('FREQ-LIMIT')
  })

  it('a profile deleted through the API is gone at the next finalize (its encounters fall back as the worksheet does), and one added back is used again', async () => {
    const keeper = await desk(supervisor)
    const client = await desk(coder)
    const patient = newPatient()
    const body = (date: string) => epidural(patient, date, { payerProfile: 'medicare-changing-mac' })
    const version = (await asOwner(server, (q) => q.query<{ version: number }>(`select version from practice_records where kind = 'payer-profile' and key = 'medicare-changing-mac'`)))[0]?.version
    expect(version).toBeTypeOf('number')
    expect((await finalize(client, body('2026-03-02'))).status).toBe(200)
    expect((await finalize(client, body('2026-04-06'))).status).toBe(409)
    const deleted = await keeper.call('DELETE', `/api/records/payer-profile/${key}`, { expectedVersion: version })
    expect(deleted.status, deleted.text).toBe(200)
    const without = await finalize(client, body('2026-04-06'))
    expect(without.body.message ?? '').not.toContain('FREQ-LIMIT')
    expect(ruleIds(without)).not.toContain('FREQ-LIMIT')
    expect((await keeper.call('POST', `/api/records/payer-profile/${key}`, { value: recordBody(1), expectedVersion: null })).status).toBe(200)
    const back = await finalize(client, body('2026-05-04'))
    expect(back.status, back.text).toBe(409)
    expect(back.body.message).toContain('FREQ-LIMIT')
  })

  it('near miss: nothing changed, so the second evaluation uses what the first loaded (the same options), and a write elsewhere in the practice does not count as a change', async () => {
    const practiceId = (await asOwner(server, (q) => q.query<{ id: string }>(`select id from practices where name = 'Alpha Pain Clinic'`)))[0].id
    const inPractice = <T,>(run: (q: Queryable) => Promise<T>): Promise<T> => server.db.transaction({ practiceId, userId: supervisor.id }, (q) => run(q))
    const first = await inPractice((q) => practiceEvaluationData(q, practiceId))
    const second = await inPractice((q) => practiceEvaluationData(q, practiceId))
    expect(second).toBe(first)
    // A finalize (another kind of write) leaves the records as they were.
    expect((await finalize(await desk(coder), epidural(newPatient(), '2026-03-02'))).status).toBe(200)
    expect(await inPractice((q) => practiceEvaluationData(q, practiceId))).toBe(first)
    // An NDC list entry is one of the records read: a new one makes new options, with it.
    await saveRecord(await desk(supervisor), 'ndc-list-entry', 'ndc-j3301-cache', {
      id: 'ndc-j3301-cache', hcpcs: 'J3301', ndc11: '00003029305', description: 'Triamcinolone (cache test)', unit: 'ML', effectiveFrom: null, effectiveTo: null, updatedAt: new Date().toISOString(),
    })
    const after = await inPractice((q) => practiceEvaluationData(q, practiceId))
    expect(after).not.toBe(first)
    expect(after.ndcList?.map((e) => e.description)).toContain('Triamcinolone (cache test)')
    expect(first.ndcList?.map((e) => e.description)).not.toContain('Triamcinolone (cache test)')
  })
})

describe('a move-in codes its encounters again with the payer profiles it brings', () => {
  const deskProfile: PayerProfile = { ...tightProfile, id: 'medicare-desk-mac', name: 'Medicare (the desk\'s MAC)' }
  /** A workstation's epidural, finalized there under `payerProfile`. */
  const moved = (id: string, patientId: string, dateOfService: string, payerProfile: string) => {
    const encounter = epidural(patientId, dateOfService, { payerProfile }).encounter as unknown as Encounter
    return { ...encounterRecord(id, patientId, dateOfService), encounter, payerProfile }
  }
  const storedFindings = (patientId: string) => asOwner(server, (q) => q.query<{ date_of_service: string; findings: { ruleId: string }[] }>(
    'select date_of_service::text as date_of_service, findings from encounters where patient_id = $1 order by date_of_service', [patientId]))

  it("the second epidural of the year under the desk's own profile (one a year) carries the frequency finding; under built-in Medicare it does not", async () => {
    const now = new Date().toISOString()
    const data = emptyBackupData()
    data.payerProfiles = [{ profile: deskProfile, basedOn: 'medicare', createdAt: now, updatedAt: now }]
    data.encounters = [
      moved('mv-1', 'PT-MV-TIGHT', '2026-05-04', deskProfile.id), moved('mv-2', 'PT-MV-TIGHT', '2026-06-08', deskProfile.id),
      moved('mv-3', 'PT-MV-BUILTIN', '2026-05-04', 'medicare'), moved('mv-4', 'PT-MV-BUILTIN', '2026-06-08', 'medicare'),
    ]
    const client = await desk(admin)
    const id = await stageMoveIn(client, backupText(data))
    const committed = await client.post(`/api/admin/move-ins/${id}/commit`)
    expect(committed.status, committed.text).toBe(200)
    const tight = await storedFindings('PT-MV-TIGHT')
    expect(tight.map((e) => [e.date_of_service, e.findings.some((f) => f.ruleId === 'FREQ-LIMIT')])).toEqual([['2026-05-04', false], ['2026-06-08', true]])
    const builtIn = await storedFindings('PT-MV-BUILTIN')
    expect(builtIn.map((e) => [e.date_of_service, e.findings.some((f) => f.ruleId === 'FREQ-LIMIT')])).toEqual([['2026-05-04', false], ['2026-06-08', false]])
  })
})

describe("the server's NCCI tables", () => {
  const mueMessage = (answer: Answer) => answer.body.findings?.find((f) => f.ruleId === 'NCCI-NOT-LOADED' && f.message.includes('MUE'))

  it('without an MUE table the server says it was not loaded, and does not cap the units', async () => {
    const answer = await finalize(await desk(coder), epidural(newPatient(), '2026-11-09', { dose: 200 }))
    expect(answer.status, answer.text).toBe(200)
    expect(mueMessage(answer)?.message).toMatch(/No NCCI MUE table is loaded/)
    expect(ruleIds(answer)).not.toContain('NCCI-MUE')
  })

  let mueFileId = ''

  it("once an admin uploads the quarter's MUE table, 20 units of J3301 (MUE 16) get the MUE error at finalize", async () => {
    const up = await (await desk(admin)).post('/api/reference/files', mueUpload('2026Q4'))
    expect(up.status, up.text).toBe(200)
    mueFileId = up.body.file.id as string
    const client = await desk(coder)
    const over = await finalize(client, epidural(newPatient(), '2026-11-09', { dose: 200 }))
    expect(over.status, over.text).toBe(409)
    expect(over.body.message).toContain('NCCI-MUE')
    const kept = await finalize(client, epidural(newPatient(), '2026-11-09', { dose: 200, reason: 'Documented dose; appeal planned.' }))
    expect(kept.status, kept.text).toBe(200)
    expect(kept.body.findings?.find((f) => f.ruleId === 'NCCI-MUE')?.message).toMatch(/J3301 is billed with 20 unit\(s\); the practitioner MUE is 16/)
    expect(mueMessage(kept)).toBeUndefined()
  })

  it('near miss: 4 units of J3301 under the same table pass', async () => {
    const answer = await finalize(await desk(coder), epidural(newPatient(), '2026-11-09'))
    expect(answer.status, answer.text).toBe(200)
    expect(ruleIds(answer)).not.toContain('NCCI-MUE')
  })

  it('once the admin removes the table, the next finalize says again that no MUE table is loaded (the parsed table is not kept in use)', async () => {
    const removed = await (await desk(admin)).delete(`/api/reference/files/${mueFileId}`)
    expect(removed.status, removed.text).toBe(204)
    const answer = await finalize(await desk(coder), epidural(newPatient(), '2026-11-09', { dose: 200 }))
    expect(answer.status, answer.text).toBe(200)
    expect(ruleIds(answer)).not.toContain('NCCI-MUE')
    expect(mueMessage(answer)?.message).toMatch(/No NCCI MUE table is loaded/)
  })
})

describe("the server's billing articles and the practice's coverage choices", () => {
  const COVERAGE = ['article.csv', 'article_x_hcpc_code.csv', 'article_x_icd10_covered.csv', 'article_x_icd10_covered_group.csv']
    .map((name) => referenceFileOf(name, domainFixture(`coverage/fixtures/${name}`)))

  it('an article loaded but not chosen by the practice checks nothing', async () => {
    const up = await (await desk(admin)).post('/api/reference/files', { meta: { kind: 'coverage' }, files: COVERAGE })
    expect(up.status, up.text).toBe(200)
    const answer = await finalize(await desk(coder), epidural(newPatient(), '2026-11-09', { diagnoses: ['M54.50'] }))
    expect(answer.status, answer.text).toBe(200)
    expect(ruleIds(answer)).not.toContain('DX-COVERAGE')
  })

  it("with article A99901 chosen for epidurals, a diagnosis off its list gets the coverage finding; one on the list does not", async () => {
    await saveRecord(await desk(supervisor), 'coverage-settings', 'practice', { id: 'practice', choices: { epidural: ['A99901'] }, settings: {}, updatedAt: null })
    const client = await desk(coder)
    const off = await finalize(client, epidural(newPatient(), '2026-11-09', { diagnoses: ['M54.50'], reason: 'Checked with the payer.' }))
    expect(off.status, off.text).toBe(200)
    expect(off.body.findings?.find((f) => f.ruleId === 'DX-COVERAGE')?.message).toMatch(/article A99901's covered list for 64483/)
    const on = await finalize(client, epidural(newPatient(), '2026-11-09', { diagnoses: ['M54.16'] }))
    expect(on.status, on.text).toBe(200)
    expect(ruleIds(on)).not.toContain('DX-COVERAGE')
  })
})

describe("the server's ICD-10-CM releases", () => {
  it('with the FY2023 release uploaded, a heading coded as a diagnosis gets DX-HEADER at finalize; a billable code does not', async () => {
    const before = await finalize(await desk(coder), epidural(newPatient(), '2023-03-06', { diagnoses: ['M54.5'], reason: 'Checked.' }))
    expect(before.status, before.text).toBe(200)
    expect(ruleIds(before)).not.toContain('DX-HEADER')
    const up = await (await desk(admin)).post('/api/reference/files', {
      meta: { kind: 'icd10', fiscalYear: 2023, release: 'october' }, files: [referenceFileOf('icd10cm_order_2023.txt', domainFixture('icd10/fixtures/icd10cm-order-2023-excerpt.txt'))],
    })
    expect(up.status, up.text).toBe(200)
    const client = await desk(coder)
    const heading = await finalize(client, epidural(newPatient(), '2023-03-06', { diagnoses: ['M54.5'], reason: 'Checked.' }))
    expect(heading.status, heading.text).toBe(200)
    expect(heading.body.findings?.find((f) => f.ruleId === 'DX-HEADER')?.message).toMatch(/M54\.5 .* is a heading in .*not a billable code/)
    const billable = await finalize(client, epidural(newPatient(), '2023-03-06', { diagnoses: ['M54.16'], reason: 'Checked.' }))
    expect(billable.status, billable.text).toBe(200)
    expect(ruleIds(billable)).not.toContain('DX-HEADER')
    expect(ruleIds(billable)).not.toContain('DX-CODE-SET')
  })
})

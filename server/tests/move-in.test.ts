import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { moveInCommitSchema, moveInPreviewSchema, type MoveInCount } from '../../src/group-api/move-in-schemas.ts'
import type { HistoryLineList } from '../../src/group-api/schemas.ts'
import { createTestServer, type SeededUser, type TestServer } from '../testing/harness.ts'
import { ONE_OF_EACH_ROLE, signedInDesks, twoPractices, type SeededPractice } from '../testing/practices.ts'
import {
  backupText, chargeExportOf, decisionEntry, emptyBackupData, encounterRecord, fingerprintOf, historyRecord, partsOf, stageMoveIn, workstationData,
} from '../testing/move-in.ts'
import { providerValue } from '../testing/records.ts'
import { asOwner, closeServer, exampleEncounter } from '../testing/security.ts'

/**
 * Moving a workstation's data in (issue 13): the preview's counts and duplicates by the dedupe
 * keys, a commit that stores everything or nothing, files refused whole (malformed, tampered,
 * moved in before), admins only, and another practice's move-in out of sight. On PGlite and on
 * PostgreSQL.
 */

let server: TestServer
const PEOPLE = { ...ONE_OF_EACH_ROLE, admin2: 'admin' } as const
let A: SeededPractice<keyof typeof PEOPLE>
let B: SeededPractice<keyof typeof PEOPLE>
let serial = 0
const next = () => ++serial

beforeAll(async () => {
  server = await createTestServer()
  const practices = await twoPractices(server, PEOPLE)
  A = practices.A
  B = practices.B
})
afterAll(async () => { await closeServer(server) })

const desk = signedInDesks(() => server)

/** What the practice holds, by table (as the owner, outside row security). */
async function holdings(practiceId: string) {
  return asOwner(server, async (q) => {
    const count = async (sql: string) => Number((await q.query<{ n: string }>(sql, [practiceId]))[0].n)
    return {
      encounters: await count('select count(*) as n from encounters where practice_id = $1'),
      decisions: await count('select count(*) as n from review_decisions where practice_id = $1'),
      history: await count('select count(*) as n from history_lines where practice_id = $1'),
      imports: await count(`select count(*) as n from history_imports where practice_id = $1 and status = 'committed'`),
      records: await count('select count(*) as n from practice_records where practice_id = $1'),
      attempts: await count('select count(*) as n from training_attempts where practice_id = $1'),
      committed: await count(`select count(*) as n from move_ins where practice_id = $1 and status = 'committed'`),
    }
  })
}

const countOf = (counts: MoveInCount[], table: MoveInCount['table']) => counts.find((c) => c.table === table)
const preview = async (user: SeededUser, id: string) => (await desk(user)).get(`/api/admin/move-ins/${id}/preview`)
const commit = async (user: SeededUser, id: string) => (await desk(user)).post(`/api/admin/move-ins/${id}/commit`)

describe('the preview', () => {
  it('counts what each table adds and what is a duplicate by the dedupe keys (id, facts, history key, record key)', async () => {
    const tag = `P${next()}`
    // Already in the practice: an earlier move-in of the first encounter, a history line and the provider.
    const earlier = emptyBackupData()
    earlier.encounters = [encounterRecord(`enc-${tag}-1`, `PT-${tag}-1`, '2026-10-14')]
    earlier.history = [historyRecord(`PT-${tag}-1`, '2026-06-01')]
    earlier.providers = [providerValue(`prov-${tag}`, `Dr ${tag}`)]
    const first = await commit(A.users.admin, await stageMoveIn(await desk(A.users.admin), backupText(earlier)))
    expect(first.status, first.text).toBe(200)
    // And the second encounter's facts, finalized at a desk of the practice.
    const finalized = await (await desk(A.users.coder)).post('/api/encounters', { encounter: { ...exampleEncounter(`PT-${tag}-2`), dateOfService: '2026-10-20' }, reason: 'Checked.' })
    expect(finalized.status, finalized.text).toBe(200)

    const data = workstationData(tag)
    // The same encounter again under another id (a history line twice in a file is refused by the backup parser itself).
    data.encounters.push({ ...encounterRecord(`enc-${tag}-copy`, `PT-${tag}-2`, '2026-10-20') })
    const id = await stageMoveIn(await desk(A.users.admin), backupText(data))
    const answer = await preview(A.users.admin, id)
    expect(answer.status, answer.text).toBe(200)
    expect(moveInPreviewSchema.safeParse(answer.body).success).toBe(true)
    const counts = answer.body.counts as MoveInCount[]
    expect(countOf(counts, 'encounters')).toEqual({ table: 'encounters', inFile: 3, add: 0, duplicates: 3 })
    expect(countOf(counts, 'history')).toEqual({ table: 'history', inFile: 3, add: 2, duplicates: 1 })
    expect(countOf(counts, 'providers')).toEqual({ table: 'providers', inFile: 1, add: 0, duplicates: 1 })
    expect(countOf(counts, 'payerProfiles')).toEqual({ table: 'payerProfiles', inFile: 1, add: 1, duplicates: 0 })
    expect(countOf(counts, 'practiceCases')).toEqual({ table: 'practiceCases', inFile: 1, add: 1, duplicates: 0 })
    expect(countOf(counts, 'attempts')).toEqual({ table: 'attempts', inFile: 1, add: 1, duplicates: 0 })
    expect(answer.body.skipped.map((s: { table: string }) => s.table)).toEqual(['imports', 'audit'])
    // The preview stores nothing.
    expect(await (await desk(A.users.admin)).delete(`/api/admin/move-ins/${id}`)).toMatchObject({ status: 204 })
  })

  it('names the tables left on the workstation, remittances among them (moved separately)', async () => {
    const data = workstationData(`R${next()}`)
    data.encounters = []
    data.remittances = [{
      id: 'rem-1', fileName: 'era.835', importedAt: '2026-11-01T08:00:00.000Z', userId: null, userName: 'Sam', paymentKeys: ['k1'], payments: [], claims: 0, matchedClaims: 0,
      denials: [], unmatchedClaims: [], unmatchedLines: [],
    }]
    const id = await stageMoveIn(await desk(A.users.admin), backupText(data))
    const answer = await preview(A.users.admin, id)
    expect(answer.status, answer.text).toBe(200)
    const remittances = answer.body.skipped.find((s: { table: string }) => s.table === 'remittances')
    expect(remittances).toMatchObject({ records: 1 })
    expect(remittances.why).toMatch(/moved separately/)
    await (await desk(A.users.admin)).delete(`/api/admin/move-ins/${id}`)
  })
})

describe('the commit', () => {
  it('stores everything: encounters coded again with their review decisions, history, records, attempts, access-log entries', async () => {
    const tag = `C${next()}`
    const data = workstationData(tag)
    const needing = [0, 1, 2, 3, 5]
    // Encounter 1: every line the findings name approved on the workstation; encounter 2: a line returned.
    data.audit = [
      ...needing.map((line, i) => decisionEntry(`aud-${tag}-a${i}`, `enc-${tag}-1`, line, 'approve', 'approved', `2026-10-15T10:0${i}:00.000Z`)),
      decisionEntry(`aud-${tag}-r`, `enc-${tag}-2`, 0, 'return', 'returned', '2026-10-21T10:00:00.000Z', 'Check the muscles.'),
    ]
    data.encounters.push(encounterRecord(`enc-${tag}-3`, `PT-${tag}-3`, '2026-10-25'))
    const before = await holdings(A.id)
    const id = await stageMoveIn(await desk(A.users.admin), backupText(data), 'desk-3.json', 1500)
    const answer = await commit(A.users.admin, id)
    expect(answer.status, answer.text).toBe(200)
    expect(moveInCommitSchema.safeParse(answer.body).success).toBe(true)
    expect(answer.body.decisions).toBe(6)
    const after = await holdings(A.id)
    expect(after).toEqual({
      encounters: before.encounters + 3, decisions: before.decisions + 6, history: before.history + 3, imports: before.imports + 1,
      records: before.records + 3, attempts: before.attempts + 1, committed: before.committed + 1,
    })
    const reviews = await asOwner(server, (q) => q.query<{ patient_id: string; review: string; version: number; finalized_by: string }>(
      'select patient_id, review, version, finalized_by from encounters where practice_id = $1 and patient_id like $2 order by patient_id', [A.id, `PT-${tag}-%`]))
    expect(reviews.map((r) => [r.patient_id, r.review, r.version])).toEqual([[`PT-${tag}-1`, 'approved', 6], [`PT-${tag}-2`, 'returned', 2], [`PT-${tag}-3`, 'pending', 1]])
    expect(new Set(reviews.map((r) => r.finalized_by))).toEqual(new Set([A.users.admin.id]))
    expect(await asOwner(server, (q) => q.query('select 1 from move_in_parts where move_in_id = $1', [id]))).toEqual([])
    const returned = await asOwner(server, (q) => q.query<{ reason: string }>(
      `select d.reason from review_decisions d join encounters e on e.id = d.encounter_id where e.patient_id = $1`, [`PT-${tag}-2`]))
    expect(returned[0].reason).toBe('Check the muscles. (decided by Sam Supervisor on the workstation)')
    // The server's evaluation counted the moved-in history: the encounter's findings are its own.
    const listed = await (await desk(A.users.supervisor)).get(`/api/encounters?patientId=PT-${tag}-1`)
    expect(listed.body.encounters).toHaveLength(1)
    expect(listed.body.encounters[0].decisions).toHaveLength(5)
    const log = await asOwner(server, (q) => q.query<{ action: string; patient_id: string | null }>(
      `select action, patient_id from audit_log where practice_id = $1 and (action = 'move-in-committed' and target = $2 or action = 'encounters-moved-in' and patient_id like $3)`,
      [A.id, id, `PT-${tag}-%`]))
    expect(log.map((l) => l.action).sort()).toEqual(['encounters-moved-in', 'encounters-moved-in', 'encounters-moved-in', 'move-in-committed'])
    // The attempt is kept as a desk records one: its case, score and billed lines.
    const attempts = await (await desk(A.users.admin)).get('/api/training/attempts')
    const moved = attempts.body.attempts.filter((a: { submittedAt: string }) => a.submittedAt === '2026-11-20T09:10:00.000Z')
    expect(moved.length).toBeGreaterThan(0)
    expect(moved[0]).toMatchObject({ userId: A.users.admin.id, scorePercent: 75 })
    for (const l of moved[0].lines) expect(Object.keys(l).sort()).toEqual(['code', 'modifiers', 'units'])
    // The history lines arrive as one committed import of the change feed.
    const lines = await (await desk(A.users.coder)).get(`/api/history/lines?importId=${answer.body.historyImportId as string}`)
    expect((lines.body as HistoryLineList).patients.flatMap((p) => p.keys.map(() => p.patientId)).sort()).toEqual([`PT-${tag}-1`, `PT-${tag}-1`, `PT-${tag}-3`])
    const feed = await (await desk(A.users.admin)).get('/api/sync/changes?after=0&limit=5000')
    expect(feed.body.changes.filter((c: { encounter?: { patientId: string } }) => c.encounter?.patientId.startsWith(`PT-${tag}-`))).toHaveLength(3)
  })

  it("brings the workstation's charge exports with its encounters: every desk then sees them exported, by whom on the workstation and when", async () => {
    const tag = `X${next()}`
    const data = workstationData(tag)
    const exported = chargeExportOf(`chg-${tag}-1`, `enc-${tag}-1`, '2026-10-16T09:30:00.000Z', 'approved', 'Wren Workstation')
    const orphan = chargeExportOf(`chg-${tag}-2`, `enc-${tag}-gone`, '2026-10-17T09:30:00.000Z')
    data.chargeExports = [exported.record, orphan.record]
    data.audit = [...data.audit, exported.audit, orphan.audit]
    const head = (await (await desk(A.users.coder)).get('/api/sync/changes?after=0&limit=5000')).body.head as number
    const id = await stageMoveIn(await desk(A.users.admin), backupText(data))
    const shown = await preview(A.users.admin, id)
    expect(countOf(shown.body.counts as MoveInCount[], 'chargeExports')).toEqual({ table: 'chargeExports', inFile: 2, add: 1, duplicates: 1 })
    expect(shown.body.skipped.map((s: { table: string }) => s.table)).not.toContain('chargeExports')
    const answer = await commit(A.users.admin, id)
    expect(answer.status, answer.text).toBe(200)
    const rows = await asOwner(server, (q) => q.query<{ encounter_id: string; patient_id: string; exported_at: Date; exported_by: string; workstation_user: string; status: string; file_name: string }>(
      `select c.encounter_id, e.patient_id, c.exported_at, c.exported_by, c.workstation_user, c.status, c.file_name
       from charge_exports c join encounters e on e.id = c.encounter_id where c.practice_id = $1 and e.patient_id like $2`, [A.id, `PT-${tag}-%`]))
    expect(rows.map((r) => [r.patient_id, r.exported_at.toISOString(), r.exported_by, r.workstation_user, r.status, r.file_name])).toEqual([
      [`PT-${tag}-1`, '2026-10-16T09:30:00.000Z', A.users.admin.id, 'Wren Workstation', 'approved', 'charges-20261016-101500.hl7'],
    ])
    // A coder's replica pulls it, naming the person on the workstation and the admin who moved it in.
    const feed = await (await desk(A.users.coder)).get(`/api/sync/changes?after=${head}&limit=5000`)
    const pulled = feed.body.changes.filter((c: { entity: string }) => c.entity === 'charge-export')
    expect(pulled).toHaveLength(1)
    expect(pulled[0].chargeExport).toMatchObject({ encounterId: rows[0].encounter_id, exportedAt: '2026-10-16T09:30:00.000Z', userName: `Wren Workstation (on a workstation, moved in by ${A.users.admin.name})` })
    // Moved in again (a later backup of the same workstation): the export is a duplicate.
    const again = await stageMoveIn(await desk(A.users.admin), backupText(data, '2026-12-02T09:00:00.000Z'))
    expect(countOf((await preview(A.users.admin, again)).body.counts as MoveInCount[], 'chargeExports')).toEqual({ table: 'chargeExports', inFile: 2, add: 0, duplicates: 2 })
    await (await desk(A.users.admin)).delete(`/api/admin/move-ins/${again}`)
  })

  it('the same file twice is refused (409 already-moved-in), at the start and at a commit begun before', async () => {
    const text = backupText(workstationData(`T${next()}`))
    const early = await stageMoveIn(await desk(A.users.admin), text)
    const late = await stageMoveIn(await desk(A.users.admin), text)
    expect((await commit(A.users.admin, early)).status).toBe(200)
    const before = await holdings(A.id)
    const again = await commit(A.users.admin, late)
    expect(again.status, again.text).toBe(409)
    expect(again.body.error).toBe('already-moved-in')
    const restart = await (await desk(A.users.admin)).post('/api/admin/move-ins', { fileName: 'again.json', size: Buffer.byteLength(text), fingerprint: fingerprintOf(text) })
    expect(restart.status, restart.text).toBe(409)
    expect(restart.body.error).toBe('already-moved-in')
    expect(await holdings(A.id)).toEqual(before)
  })

  it('a new export of data already moved in adds nothing: every record is a duplicate', async () => {
    const data = workstationData(`E${next()}`)
    expect((await commit(A.users.admin, await stageMoveIn(await desk(A.users.admin), backupText(data)))).status).toBe(200)
    const before = await holdings(A.id)
    const answer = await commit(A.users.admin, await stageMoveIn(await desk(A.users.admin), backupText(data, '2026-12-01T09:00:00.000Z')))
    expect(answer.status, answer.text).toBe(200)
    expect((answer.body.counts as MoveInCount[]).every((c) => c.add === 0 && c.duplicates === c.inFile)).toBe(true)
    expect(answer.body.historyImportId).toBeNull()
    expect(await holdings(A.id)).toEqual({ ...before, committed: before.committed + 1 })
  })

  it('a failure in the middle of the commit leaves nothing stored, and the move-in can be committed after', async () => {
    const id = await stageMoveIn(await desk(A.users.admin), backupText(workstationData(`F${next()}`)))
    const before = await holdings(A.id)
    // Training attempts are stored after the history, the records and the encounters.
    await asOwner(server, (q) => q.exec(`
      create function fail_move_in_test() returns trigger language plpgsql as $$ begin raise exception 'disk full (test)'; end $$;
      create trigger fail_move_in_test before insert on training_attempts for each row execute function fail_move_in_test();`))
    try {
      const failed = await commit(A.users.admin, id)
      expect(failed.status, failed.text).toBe(500)
      expect(failed.body.message).toMatch(/Nothing was saved/)
    } finally {
      await asOwner(server, (q) => q.exec('drop trigger fail_move_in_test on training_attempts; drop function fail_move_in_test();'))
    }
    expect(await holdings(A.id)).toEqual(before)
    const retried = await commit(A.users.admin, id)
    expect(retried.status, retried.text).toBe(200)
  })
})

describe('files refused whole', () => {
  it('a part changed on the way is refused (422 fingerprint-mismatch) at preview and commit, nothing stored', async () => {
    const text = backupText(workstationData(`X${next()}`))
    const admin = await desk(A.users.admin)
    const started = await admin.post('/api/admin/move-ins', { fileName: 'tampered.json', size: Buffer.byteLength(text), fingerprint: fingerprintOf(text) })
    const id = started.body.id as string
    const parts = partsOf(text, 3000)
    for (const [index, part] of parts.entries()) {
      // One character of the second part changed, the length kept.
      const sent = index === 1 ? `${part.slice(0, 100)}${part[100] === '9' ? '8' : '9'}${part.slice(101)}` : part
      expect((await admin.post(`/api/admin/move-ins/${id}/parts`, { index, text: sent })).status).toBe(200)
    }
    const before = await holdings(A.id)
    for (const answer of [await preview(A.users.admin, id), await commit(A.users.admin, id)]) {
      expect(answer.status, answer.text).toBe(422)
      expect(answer.body.error).toBe('fingerprint-mismatch')
    }
    expect(await holdings(A.id)).toEqual(before)
  })

  it('a malformed file is refused (422 invalid-backup) naming its problems, nothing stored', async () => {
    const data = workstationData(`M${next()}`)
    const text = backupText(data).replace(`"dateOfService":"2026-10-20"`, `"dateOfService":"2026-10-32"`)
    const id = await stageMoveIn(await desk(A.users.admin), text)
    const before = await holdings(A.id)
    for (const answer of [await preview(A.users.admin, id), await commit(A.users.admin, id)]) {
      expect(answer.status, answer.text).toBe(422)
      expect(answer.body.error).toBe('invalid-backup')
      expect(answer.body.message).toMatch(/encounters record 2: dateOfService/)
    }
    const notJson = await stageMoveIn(await desk(A.users.admin), '{"format": "injection-coding-worksheet-backup", "data": [')
    const refused = await preview(A.users.admin, notJson)
    expect(refused.status).toBe(422)
    expect(refused.body.message).toMatch(/not valid JSON/)
    expect(await holdings(A.id)).toEqual(before)
  })

  it('parts beyond the announced size are refused (413), and a missing part keeps the commit back (409 incomplete)', async () => {
    const text = backupText(workstationData(`S${next()}`))
    const admin = await desk(A.users.admin)
    const started = await admin.post('/api/admin/move-ins', { fileName: 'short.json', size: 10, fingerprint: fingerprintOf(text) })
    const big = await admin.post(`/api/admin/move-ins/${started.body.id as string}/parts`, { index: 0, text: text.slice(0, 11) })
    expect(big.status, big.text).toBe(413)
    const whole = await admin.post('/api/admin/move-ins', { fileName: 'gap.json', size: Buffer.byteLength(text), fingerprint: fingerprintOf(text) })
    const id = whole.body.id as string
    const parts = partsOf(text, 3000)
    for (const [index, part] of parts.entries()) if (index !== 1) await admin.post(`/api/admin/move-ins/${id}/parts`, { index, text: part })
    const gap = await commit(A.users.admin, id)
    expect(gap.status, gap.text).toBe(409)
    expect(gap.body.error).toBe('incomplete')
    expect(gap.body.message).toMatch(/Part 1/)
  })
})

describe('who may move data in', () => {
  it('supervisors, coders and trainees get 403 on every move-in route', async () => {
    const id = await stageMoveIn(await desk(A.users.admin), backupText(workstationData(`W${next()}`)))
    for (const user of [A.users.supervisor, A.users.coder, A.users.trainee]) {
      const client = await desk(user)
      for (const answer of [
        await client.post('/api/admin/move-ins', { fileName: 'x.json', size: 10, fingerprint: 'a'.repeat(64) }),
        await client.post(`/api/admin/move-ins/${id}/parts`, { index: 0, text: 'x' }),
        await client.get(`/api/admin/move-ins/${id}/preview`),
        await client.post(`/api/admin/move-ins/${id}/commit`),
        await client.delete(`/api/admin/move-ins/${id}`),
      ]) {
        expect(answer.status, answer.text).toBe(403)
        expect(answer.body.error).toBe('forbidden')
      }
    }
  })

  it("another practice's move-in is invisible (404), and another admin's is not theirs to go on with (403)", async () => {
    const id = await stageMoveIn(await desk(A.users.admin), backupText(workstationData(`V${next()}`)))
    const bravo = await desk(B.users.admin)
    for (const answer of [
      await bravo.post(`/api/admin/move-ins/${id}/parts`, { index: 0, text: 'x' }),
      await bravo.get(`/api/admin/move-ins/${id}/preview`),
      await bravo.post(`/api/admin/move-ins/${id}/commit`),
      await bravo.delete(`/api/admin/move-ins/${id}`),
    ]) {
      expect(answer.status, answer.text).toBe(404)
      expect(answer.text).not.toContain('Alpha')
    }
    const other = await (await desk(A.users.admin2)).post(`/api/admin/move-ins/${id}/commit`)
    expect(other.status, other.text).toBe(403)
    expect(other.body.error).toBe('not-yours')
    expect((await commit(A.users.admin, id)).status).toBe(200)
  })
})

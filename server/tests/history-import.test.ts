import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changeListSchema, historyLineListSchema, type Change, type HistoryLineList, type HistoryLineRecord } from '../../src/group-api/schemas.ts'
// The browser's own upload code, end to end against the server (the server never imports it).
// eslint-disable-next-line no-restricted-imports
import { ApiError } from '../../src/storage/group/api-error.ts'
// eslint-disable-next-line no-restricted-imports
import { splitHistoryText, uploadHistory } from '../../src/storage/group/history-upload.ts'
import { createTestServer, type SeededUser, type TestClient, type TestServer } from '../testing/harness.ts'
import { ONE_OF_EACH_ROLE, twoPractices, type SeededPractice } from '../testing/practices.ts'
import { groupClientFor, historyCsv, ISO_FORMAT, ISO_MAPPING, manyRows, type HistoryRowSpec } from '../testing/history.ts'
import { historyCheckPoolState } from '../services/history-check-pool.ts'
import { asOwner, closeServer } from '../testing/security.ts'

/**
 * Claim history uploaded to the server: start, parts checked again by the server, commit all or
 * nothing (idempotent), the lines read by page, the change feed, isolation between practices,
 * and finalize counting imported lines. On PGlite and on PostgreSQL.
 */

let server: TestServer
const PEOPLE = { ...ONE_OF_EACH_ROLE, second: 'coder' } as const
let A: SeededPractice<keyof typeof PEOPLE>
let B: SeededPractice<keyof typeof PEOPLE>

beforeAll(async () => {
  server = await createTestServer()
  const practices = await twoPractices(server, PEOPLE)
  A = practices.A
  B = practices.B
})
afterAll(async () => { await closeServer(server) })

async function desk(user: SeededUser): Promise<TestClient> {
  const client = server.client()
  const answer = await client.signIn(user, server)
  expect(answer.status, answer.text).toBe(200)
  return client
}

let files = 0
/** Patients unique to each test, so the practice-wide dedupe of one test does not touch another. */
const prefix = () => `PT-F${++files}`

async function upload(client: TestClient, rows: readonly HistoryRowSpec[], partChars = 400) {
  return uploadHistory(groupClientFor(server, client), { fileName: `history-${files}.csv`, text: historyCsv(rows), mapping: ISO_MAPPING, dateFormat: ISO_FORMAT }, { partChars })
}

const count = async (sql: string, params: unknown[] = []) => Number((await asOwner(server, (q) => q.query<{ n: number }>(sql, params)))[0].n)
const linesOf = (importId: string) => count('select count(*)::int as n from history_lines where import_id = $1', [importId])

/** Starts an import by hand: the head is the header row only. */
async function start(client: TestClient, lines: number, head = 'patient_id,dos,cpt,modifiers,units,provider_npi\n') {
  const answer = await client.post('/api/history/imports', { fileName: 'by-hand.csv', mapping: ISO_MAPPING, dateFormat: ISO_FORMAT, head, lines })
  expect(answer.status, answer.text).toBe(200)
  return answer.body.id as string
}

const rowsText = (rows: readonly HistoryRowSpec[]) => historyCsv(rows).split('\n').slice(1).join('\n')

describe('uploading claim history', () => {
  it('stores every line of a file sent in many parts, once; lines repeated in the file or already stored are duplicates', async () => {
    const coder = await desk(A.users.coder)
    const p = prefix()
    const rows = [...manyRows(80, 6, p), { patient: `${p}-0`, date: '2026-06-30', code: '64483', modifiers: 'RT', units: 1, provider: 'NPI1000' }]
    expect(splitHistoryText(historyCsv(rows), 400).parts.length).toBeGreaterThan(3)
    const progress: [number, number][] = []
    const first = await uploadHistory(groupClientFor(server, coder),
      { fileName: 'charges-q2.csv', text: historyCsv(rows), mapping: ISO_MAPPING, dateFormat: ISO_FORMAT },
      { partChars: 400, onProgress: (sent, total) => progress.push([sent, total]) })
    expect(first).toMatchObject({ added: 80, duplicates: 1, import: { fileName: 'charges-q2.csv', rows: 80, duplicates: 1, importedBy: A.users.coder.id } })
    expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1])
    expect(progress.map(([sent]) => sent)).toEqual([...progress.map(([sent]) => sent)].sort((a, b) => a - b))
    expect(await linesOf(first.import.id)).toBe(80)
    // The parts were checked in worker threads, not on the request's thread.
    expect(historyCheckPoolState()).toMatchObject({ inline: false, workers: expect.any(Number) })
    expect(historyCheckPoolState().workers).toBeGreaterThan(0)
    // Nothing left staged, and the lines numbered 1..80 in key order (by patient, then date).
    expect(await count('select count(*)::int as n from history_parts where import_id = $1', [first.import.id])).toBe(0)
    const stored = await asOwner(server, (q) => q.query<{ n: number; patient_id: string; date_of_service: string; modifiers: string[]; provider_id: string | null; key: string }>(
      `select n, patient_id, date_of_service::text as date_of_service, modifiers, provider_id, key from history_lines where import_id = $1 order by n`, [first.import.id]))
    expect(stored.map((r) => r.n)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1))
    const byKey = rows.slice(0, 80).map((r) => ({ r, key: `${r.patient}|${r.date}|${r.code}|${r.modifiers}|1|${r.provider}` }))
      .sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)))
    expect(stored.map((r) => r.key)).toEqual(byKey.map((x) => x.key))
    expect(stored.map((r) => [r.patient_id, r.date_of_service])).toEqual(byKey.map(({ r }) => [r.patient, r.date]))
    expect(stored.find((r) => r.key === `${p}-0|2026-06-30|64483|RT|1|NPI1000`)).toMatchObject({ modifiers: ['RT'], provider_id: 'NPI1000' })
    expect(stored.find((r) => r.key === `${p}-1|2026-06-30|64493||1|NPI1001`)).toMatchObject({ modifiers: [] })

    // The same file again (from another coder's desk): every line is already stored.
    const again = await upload(await desk(A.users.second), rows, 250)
    expect(again).toMatchObject({ added: 0, duplicates: 81 })
    expect(await linesOf(again.import.id)).toBe(0)

    const listed = await coder.get('/api/history/imports')
    expect(listed.status).toBe(200)
    expect(listed.body.imports.slice(0, 2).map((i: { id: string }) => i.id).sort()).toEqual([first.import.id, again.import.id].sort())

    // One access-log entry per commit, with its counts; one per part staged.
    const audit = await asOwner(server, (q) => q.query<{ detail: { lines: number; duplicates: number; patients: number } }>(
      `select detail from audit_log where action = 'history-imported' and target = $1`, [first.import.id]))
    expect(audit).toHaveLength(1)
    expect(audit[0].detail).toMatchObject({ lines: 80, duplicates: 1, patients: 6 })
    expect(await count(`select count(*)::int as n from audit_log where action = 'history-part-staged' and target = $1`, [first.import.id]))
      .toBe(splitHistoryText(historyCsv(rows), 400).parts.length + 1) // and the data rows among the first rows
  })

  it('the first rows alone can be the whole file (no parts), and a report title above the header is skipped as in the preview', async () => {
    const coder = await desk(A.users.coder)
    const p = prefix()
    const text = `Charge report\n,,,,,\n${historyCsv(manyRows(5, 2, p))}`
    const split = splitHistoryText(text)
    expect(split.parts).toHaveLength(0)
    const answer = await uploadHistory(groupClientFor(server, coder), { fileName: 'small.csv', text, mapping: ISO_MAPPING, dateFormat: ISO_FORMAT })
    expect(answer).toMatchObject({ added: 5, duplicates: 0 })
  })

  it('quoted values with line breaks stay in one part, and the server reads them as the preview does', async () => {
    const coder = await desk(A.users.coder)
    const p = prefix()
    const rows = manyRows(30, 3, p).map((r, i) => ({ ...r, provider: i % 4 === 0 ? `"DR ${i}\nSUITE ""B"""` : r.provider }))
    const text = historyCsv(rows)
    const split = splitHistoryText(text, 200)
    for (const part of split.parts) expect((part.text.match(/"/g) ?? []).length % 2, part.text).toBe(0)
    const answer = await uploadHistory(groupClientFor(server, coder), { fileName: 'quoted.csv', text, mapping: ISO_MAPPING, dateFormat: ISO_FORMAT }, { partChars: 200 })
    expect(answer.added).toBe(30)
    const providers = await asOwner(server, (q) => q.query<{ provider_id: string }>(`select provider_id from history_lines where import_id = $1 and provider_id like 'DR %' order by provider_id`, [answer.import.id]))
    expect(providers[0].provider_id).toBe('DR 0\nSUITE "B"')
    expect(providers).toHaveLength(8)
  })

  it('refuses a part with a bad row, naming the file\'s row and column; nothing of the import is stored and it is abandoned', async () => {
    const coder = await desk(A.users.coder)
    const p = prefix()
    const rows = manyRows(60, 5, p)
    rows[44] = { ...rows[44], date: '2026-02-30' } // file row 46 (the header is row 1)
    const before = await count('select count(*)::int as n from history_lines')
    const error = await upload(coder, rows, 300).then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 422, error: 'invalid-rows' })
    expect((error as ApiError).message).toContain("Row 46, column 'dos'")
    expect(await count('select count(*)::int as n from history_lines')).toBe(before)
    const imports = await asOwner(server, (q) => q.query<{ id: string; status: string }>(
      `select id, status from history_imports where practice_id = $1 and file_name = $2`, [A.id, `history-${files}.csv`]))
    expect(imports.map((i) => i.status)).toEqual(['aborted'])
    expect(await count('select count(*)::int as n from history_parts where import_id = $1', [imports[0].id])).toBe(0)
  })

  it('refuses a mapping that does not fit the header, and first rows with a bad row, before anything is staged', async () => {
    const coder = await desk(A.users.coder)
    const wrong = await coder.post('/api/history/imports', { fileName: 'x.csv', mapping: { ...ISO_MAPPING, provider: 9 }, dateFormat: ISO_FORMAT, head: 'patient_id,dos,cpt,modifiers,units,provider_npi\n', lines: 5 })
    expect(wrong.status).toBe(422)
    expect(wrong.body.message).toContain('Row 1')
    const bad = await coder.post('/api/history/imports', { fileName: 'x.csv', mapping: ISO_MAPPING, dateFormat: ISO_FORMAT, head: historyCsv([{ patient: 'P-1', date: '2026-02-30' }]), lines: 3 })
    expect(bad.status).toBe(422)
    expect(bad.body.message).toContain("Row 2, column 'dos'")
  })

  it('commits once per Idempotency-Key: the repeat answers the first answer and stores nothing more', async () => {
    const coder = await desk(A.users.coder)
    const p = prefix()
    const rows = manyRows(12, 3, p)
    const id = await start(coder, 13)
    expect((await coder.post(`/api/history/imports/${id}/parts`, { firstRow: 2, text: rowsText(rows) })).status).toBe(200)
    const headers = { 'Idempotency-Key': `commit-${id}` }
    const [one, two] = await Promise.all([
      coder.call('POST', `/api/history/imports/${id}/commit`, undefined, headers),
      coder.call('POST', `/api/history/imports/${id}/commit`, undefined, headers),
    ])
    expect([one.status, two.status]).toEqual([200, 200])
    expect(one.body).toEqual(two.body)
    expect(one.body).toMatchObject({ added: 12, duplicates: 0 })
    expect([one.headers.get('idempotent-replayed'), two.headers.get('idempotent-replayed')].sort()).toEqual([null, 'true'].sort())
    const third = await coder.call('POST', `/api/history/imports/${id}/commit`, undefined, headers)
    expect(third.body).toEqual(one.body)
    expect(await linesOf(id)).toBe(12)
    // Without the key, a second commit is refused: the import is done.
    const plain = await coder.post(`/api/history/imports/${id}/commit`)
    expect(plain.status).toBe(409)
    expect(plain.body.error).toBe('already-committed')
    expect(await count(`select count(*)::int as n from audit_log where action = 'history-imported' and target = $1`, [id])).toBe(1)
  })

  it('refuses to commit while rows of the file are missing, and a part that overlaps another; a resent part replaces itself', async () => {
    const coder = await desk(A.users.coder)
    const p = prefix()
    const rows = manyRows(9, 3, p)
    const lines = historyCsv(rows).split('\n').slice(1, 10)
    const id = await start(coder, 10)
    expect((await coder.post(`/api/history/imports/${id}/parts`, { firstRow: 2, text: `${lines.slice(0, 3).join('\n')}\n` })).status).toBe(200)
    // The same part again: replaces (a retry after a lost answer).
    const resent = await coder.post(`/api/history/imports/${id}/parts`, { firstRow: 2, text: `${lines.slice(0, 3).join('\n')}\n` })
    expect(resent.body).toEqual({ rows: 3, staged: 3 })
    expect((await coder.post(`/api/history/imports/${id}/parts`, { firstRow: 8, text: `${lines.slice(6, 9).join('\n')}\n` })).status).toBe(200)
    const overlap = await coder.post(`/api/history/imports/${id}/parts`, { firstRow: 3, text: `${lines.slice(1, 3).join('\n')}\n` })
    expect(overlap.status).toBe(409)
    expect(overlap.body.error).toBe('overlap')
    const early = await coder.post(`/api/history/imports/${id}/commit`)
    expect(early.status).toBe(409)
    expect(early.body).toMatchObject({ error: 'incomplete' })
    expect(early.body.message).toContain('rows 5 to 7')
    expect(await linesOf(id)).toBe(0)
    expect((await coder.post(`/api/history/imports/${id}/parts`, { firstRow: 5, text: `${lines.slice(3, 6).join('\n')}\n` })).body).toEqual({ rows: 3, staged: 9 })
    const done = await coder.post(`/api/history/imports/${id}/commit`)
    expect(done.status, done.text).toBe(200)
    expect(done.body).toMatchObject({ added: 9, duplicates: 0 })
    const past = await coder.post(`/api/history/imports/${id}/parts`, { firstRow: 12, text: 'x\n' })
    expect(past.status).toBe(409)
  })

  it('a part near 1 MB goes through although the server\'s general body limit is lower', async () => {
    const coder = await desk(A.users.coder)
    const p = prefix()
    const rows = manyRows(24_000, 800, p)
    const text = rowsText(rows)
    expect(text.length).toBeGreaterThan(600_000)
    expect(text.length).toBeLessThan(1_000_000)
    const id = await start(coder, 1 + rows.length)
    const part = await coder.post(`/api/history/imports/${id}/parts`, { firstRow: 2, text })
    expect(part.status, part.text.slice(0, 300)).toBe(200)
    expect(part.body.rows).toBe(24_000)
    expect((await coder.post(`/api/history/imports/${id}/commit`)).body).toMatchObject({ added: 24_000 })
    const tooLarge = await coder.post(`/api/history/imports/${id}/parts`, { firstRow: 2, text: 'x'.repeat(1_048_577) })
    expect(tooLarge.status).toBe(400)
  })

  it('abandons an import: its parts are dropped, and it can be neither added to nor committed', async () => {
    const coder = await desk(A.users.coder)
    const id = await start(coder, 4)
    expect((await coder.post(`/api/history/imports/${id}/parts`, { firstRow: 2, text: rowsText(manyRows(3, 1, prefix())) })).status).toBe(200)
    expect((await coder.delete(`/api/history/imports/${id}`)).status).toBe(204)
    expect((await coder.delete(`/api/history/imports/${id}`)).status).toBe(204)
    expect(await count('select count(*)::int as n from history_parts where import_id = $1', [id])).toBe(0)
    expect((await coder.post(`/api/history/imports/${id}/commit`)).body.error).toBe('aborted')
    expect((await coder.post(`/api/history/imports/${id}/parts`, { firstRow: 2, text: 'x\n' })).status).toBe(409)
  })

  it('only the person who started an import adds to it, commits or abandons it', async () => {
    const coder = await desk(A.users.coder)
    const other = await desk(A.users.supervisor)
    const id = await start(coder, 4)
    expect((await other.post(`/api/history/imports/${id}/parts`, { firstRow: 2, text: rowsText(manyRows(3, 1, prefix())) })).body.error).toBe('not-yours')
    expect((await other.post(`/api/history/imports/${id}/commit`)).body.error).toBe('not-yours')
    expect((await other.delete(`/api/history/imports/${id}`)).body.error).toBe('not-yours')
    expect((await coder.delete(`/api/history/imports/${id}`)).status).toBe(204)
  })
})

describe('who reads imported history', () => {
  it('trainees get 403 on every history route', async () => {
    const trainee = await desk(A.users.trainee)
    const id = crypto.randomUUID()
    const answers = await Promise.all([
      trainee.get('/api/history/imports'),
      trainee.get(`/api/history/lines?importId=${id}`),
      trainee.post('/api/history/imports', { fileName: 'x.csv', mapping: ISO_MAPPING, dateFormat: ISO_FORMAT, head: 'patient_id,dos,cpt\n', lines: 1 }),
      trainee.post(`/api/history/imports/${id}/parts`, { firstRow: 2, text: 'x\n' }),
      trainee.post(`/api/history/imports/${id}/commit`),
      trainee.delete(`/api/history/imports/${id}`),
    ])
    for (const a of answers) expect(a.status, a.text).toBe(403)
  })

  it('another practice never sees the lines: not through the routes, not through row security', async () => {
    const coder = await desk(A.users.coder)
    const p = prefix()
    const done = await upload(coder, manyRows(10, 2, p))
    const other = await desk(B.users.admin)
    expect((await other.get(`/api/history/lines?importId=${done.import.id}`)).status).toBe(404)
    const listed = await other.get('/api/history/imports')
    expect(listed.body.imports.map((i: { id: string }) => i.id)).not.toContain(done.import.id)
    expect((await other.post(`/api/history/imports/${done.import.id}/parts`, { firstRow: 2, text: 'x\n' })).status).toBe(404)
    expect((await other.delete(`/api/history/imports/${done.import.id}`)).status).toBe(404)
    // As the application role scoped to practice B: no row of A's import, staged part or line.
    const seen = await server.db.transaction({ practiceId: B.id }, (q) => q.query<{ t: string; n: number }>(
      `select 'lines' as t, count(*)::int as n from history_lines where import_id = $1
       union all select 'imports', count(*)::int from history_imports where id = $1
       union all select 'all lines', count(*)::int from history_lines`, [done.import.id]))
    expect(Object.fromEntries(seen.map((r) => [r.t, Number(r.n)]))).toEqual({ lines: 0, imports: 0, 'all lines': 0 })
    // Practice B's same file is its own: nothing of A's counts as a duplicate.
    const mine = await upload(await desk(B.users.coder), manyRows(10, 2, p))
    expect(mine).toMatchObject({ added: 10, duplicates: 0 })
    // Writing a line into A's practice from B's scope is refused by the policy.
    await expect(server.db.transaction({ practiceId: B.id }, (q) => q.query(
      `insert into history_lines (practice_id, import_id, n, patient_id, date_of_service, code, modifiers, units, key) values ($1, $2, 99, 'X', '2026-01-01', '64483', '{}', 1, 'k')`,
      [A.id, done.import.id]))).rejects.toThrow(/row-level security/)
  })

  it('pages the lines of an import in n order; each patient a page shows is in the access log', async () => {
    const coder = await desk(A.users.coder)
    const p = prefix()
    const done = await upload(coder, manyRows(23, 4, p))
    const reader = await desk(A.users.supervisor)
    const lines: HistoryLineRecord[] = []
    let after = 0
    let pages = 0
    for (;;) {
      const answer = await reader.get(`/api/history/lines?importId=${done.import.id}&after=${after}&limit=5`)
      expect(answer.status, answer.text).toBe(200)
      expect(historyLineListSchema.safeParse(answer.body).success).toBe(true)
      pages++
      // A page's lines by patient, column by column; the lines are numbered in key order, so a patient's lines in a page follow one another.
      const page = (answer.body as HistoryLineList).patients.flatMap((pt) => pt.dates.map((dateOfService, i): HistoryLineRecord => ({
        n: pt.first + i, patientId: pt.patientId, dateOfService, code: pt.codes[i], modifiers: pt.modifiers[i], units: pt.units[i], providerId: pt.providers[i], key: pt.keys[i],
      })))
      expect(new Set(page.map((l) => l.patientId)).size, 'each patient once in a page').toBe((answer.body as HistoryLineList).patients.length)
      lines.push(...page)
      expect(answer.body.cursor).toBe(page.at(-1)?.n ?? after)
      after = answer.body.cursor
      if (!answer.body.more) break
    }
    expect(pages).toBe(5)
    expect(lines.map((l) => l.n)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1))
    expect(lines.map((l) => l.key)).toEqual([...lines.map((l) => l.key)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))))
    expect(lines.find((l) => l.key === `${p}-0|2026-06-30|64483|RT|1|NPI1000`)).toMatchObject({ patientId: `${p}-0`, dateOfService: '2026-06-30', code: '64483', modifiers: ['RT'], units: 1, providerId: 'NPI1000' })
    const past = await reader.get(`/api/history/lines?importId=${done.import.id}&after=23`)
    expect(past.body).toEqual({ patients: [], cursor: 23, more: false })
    expect((await reader.get(`/api/history/lines?importId=${crypto.randomUUID()}`)).status).toBe(404)
    expect((await reader.get(`/api/history/lines?importId=${done.import.id}&limit=10001`)).status).toBe(400)
    const logged = await asOwner(server, (q) => q.query<{ patient_id: string }>(
      `select distinct patient_id from audit_log where action = 'history-lines-read' and user_id = $1 and detail->>'importId' = $2 order by 1`, [A.users.supervisor.id, done.import.id]))
    expect(logged.map((r) => r.patient_id)).toEqual([0, 1, 2, 3].map((i) => `${p}-${i}`))
  })
})

describe('the change feed carries imports', () => {
  async function pullAll(client: TestClient, after: number): Promise<{ changes: Change[]; cursor: number }> {
    const changes: Change[] = []
    let cursor = after
    for (;;) {
      const answer = await client.get(`/api/sync/changes?after=${cursor}&limit=1000`)
      expect(answer.status, answer.text).toBe(200)
      expect(changeListSchema.safeParse(answer.body).success, answer.text.slice(0, 300)).toBe(true)
      changes.push(...answer.body.changes)
      cursor = answer.body.cursor
      if (!answer.body.more) return { changes, cursor }
    }
  }

  it('emits one change when an import commits (none for its start, parts or an abandoned one); trainees move past it', async () => {
    const supervisor = await desk(A.users.supervisor)
    const trainee = await desk(A.users.trainee)
    const coder = await desk(A.users.coder)
    const { cursor: from } = await pullAll(supervisor, 0)
    const { cursor: traineeFrom } = await pullAll(trainee, 0)
    const abandoned = await start(coder, 4)
    await coder.post(`/api/history/imports/${abandoned}/parts`, { firstRow: 2, text: rowsText(manyRows(3, 1, prefix())) })
    await coder.delete(`/api/history/imports/${abandoned}`)
    expect((await pullAll(supervisor, from)).changes).toEqual([])
    const done = await upload(coder, manyRows(8, 2, prefix()), 100)
    const { changes, cursor } = await pullAll(supervisor, from)
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({ entity: 'history-import', id: done.import.id, op: 'upsert', historyImport: done.import })
    const ofCoder = await pullAll(coder, from)
    expect(ofCoder.changes.map((c) => c.id)).toEqual([done.import.id])
    const ofTrainee = await pullAll(trainee, traineeFrom)
    expect(ofTrainee.changes).toEqual([])
    expect(ofTrainee.cursor).toBe(cursor)
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

describe('finalize counts imported history', () => {
  it('four lumbar epidurals imported for the patient: a fifth finalized on the server gets the frequency finding', async () => {
    const coder = await desk(A.users.coder)
    const patient = `${prefix()}-EPI`
    const history = ['2026-01-12', '2026-03-09', '2026-05-04', '2026-07-06'].map((date) => ({ patient, date, code: '64483', modifiers: 'RT', provider: 'NPI1000' }))
    // Without the history, the encounter is clean.
    const control = await coder.post('/api/encounters', epiduralBody(`${patient}-CONTROL`, '2026-10-14'))
    expect(control.status, control.text).toBe(200)
    await upload(coder, history)
    const refused = await coder.post('/api/encounters', epiduralBody(patient, '2026-10-14'))
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ error: 'reason-required' })
    expect(refused.body.message).toContain('FREQ-LIMIT')
    const taken = await coder.post('/api/encounters', epiduralBody(patient, '2026-10-14', 'Medical necessity documented.'))
    expect(taken.status, taken.text).toBe(200)
    expect((taken.body.findings as { ruleId: string }[]).map((f) => f.ruleId)).toContain('FREQ-LIMIT')
  })

  it('two finalizes of one patient in parallel over imported history: one is taken, the later one carries the frequency finding', async () => {
    const deskA = await desk(A.users.coder)
    const deskB = await desk(A.users.second)
    const patient = `${prefix()}-PAR`
    await upload(deskA, ['2026-01-12', '2026-03-09', '2026-05-04'].map((date) => ({ patient, date, code: '64483', modifiers: 'RT' })))
    const answers = await Promise.all([
      deskA.post('/api/encounters', epiduralBody(patient, '2026-08-01')),
      deskB.post('/api/encounters', epiduralBody(patient, '2026-10-14')),
    ])
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
    const refused = answers.filter((a) => a.status !== 200)
    expect(refused).toHaveLength(1)
    expect(refused[0].status).toBe(409)
    expect(refused[0].body.message).toContain('FREQ-LIMIT')
    expect(await count('select count(*)::int as n from encounters where patient_id = $1', [patient])).toBe(1)
  })
})

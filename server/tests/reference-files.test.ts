import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { referenceContentSchema, referenceFileListSchema, referenceUploadResultSchema, type ReferenceUploadBody } from '../../src/group-api/reference-schemas.ts'
import type { Role } from '../../src/group-api/schemas.ts'
import { createTestServer, readEvents, ORIGIN, type SeededUser, type TestClient, type TestServer } from '../testing/harness.ts'
import { referenceCheckPoolState } from '../services/reference-check-pool.ts'
import { domainFixture, MUE_2026Q4, mueUpload, referenceFileOf } from '../testing/reference.ts'
import { asOwner, closeServer } from '../testing/security.ts'

/**
 * Public reference files, one copy per server: every role of every practice lists and downloads
 * them; admins upload (parsed again by the server, malformed files refused whole) and remove
 * their own practice's uploads; a second upload of the same period replaces the first; every
 * event stream hears of a change. On PGlite and on PostgreSQL.
 */

const fixture = domainFixture
const MUE = MUE_2026Q4
const PTP1 = fixture('ncci/fixtures/ptp-practitioner-2026q4-f1.txt')
const PTP2 = fixture('ncci/fixtures/ptp-practitioner-2026q4-f2.txt')
const PTP_BAD = fixture('ncci/fixtures/ptp-malformed-rows.txt')
const ICD_2023 = fixture('icd10/fixtures/icd10cm-order-2023-excerpt.txt')
const COVERAGE = ['article.csv', 'article_x_hcpc_code.csv', 'article_x_icd10_covered.csv', 'article_x_icd10_covered_group.csv']
  .map((name) => ({ name, text: fixture(`coverage/fixtures/${name}`) }))

const fileOf = referenceFileOf
const mueBody = mueUpload

let server: TestServer
type Practice = { id: string; users: Record<Role, SeededUser> }
let A: Practice
let B: Practice

async function seed(name: string, word: string): Promise<Practice> {
  const roles: Role[] = ['admin', 'supervisor', 'coder', 'trainee']
  const { practiceId, users } = await server.seedPractice(name, roles.map((role) => ({ email: `${word}-${role}@${word}.test`, name: `${word} ${role}`, role })))
  return { id: practiceId, users: Object.fromEntries(roles.map((r) => [r, users[`${word}-${r}@${word}.test`]])) as Record<Role, SeededUser> }
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

const stored = async () => asOwner(server, async (q) => ({
  files: Number((await q.query<{ n: number }>('select count(*)::int as n from reference_files'))[0].n),
  contents: Number((await q.query<{ n: number }>('select count(*)::int as n from reference_file_contents'))[0].n),
}))
const clear = () => asOwner(server, (q) => q.query('delete from reference_files'))

describe('uploading, listing, downloading and removing', () => {
  it('an admin loads an MUE table for the whole server; every role of every practice lists it and downloads the same bytes', async () => {
    await clear()
    const admin = await desk(A.users.admin)
    const up = await admin.post('/api/reference/files', mueBody())
    expect(up.status, up.text).toBe(200)
    expect(referenceUploadResultSchema.safeParse(up.body).success).toBe(true)
    expect(up.body.file).toMatchObject({ kind: 'ncci', keys: ['mue:2026Q4'], summary: { table: 'mue', quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: '2026-12-31' }, uploadedByName: 'alpha admin', ownPractice: true })
    expect(up.body.file.summary.entryCount).toBeGreaterThan(0)
    for (const practice of [A, B]) {
      for (const role of ['admin', 'supervisor', 'coder', 'trainee'] as const) {
        const client = await desk(practice.users[role])
        const list = await client.get('/api/reference/files')
        expect(list.status, list.text).toBe(200)
        expect(referenceFileListSchema.safeParse(list.body).success).toBe(true)
        expect(list.body.files.map((f: { id: string }) => f.id)).toEqual([up.body.file.id])
        const content = await client.get(`/api/reference/files/${up.body.file.id as string}`)
        expect(content.status, content.text).toBe(200)
        expect(referenceContentSchema.safeParse(content.body).success).toBe(true)
        expect(content.body.files[0].sha256).toBe(createHash('sha256').update(Buffer.from(MUE)).digest('hex'))
      }
    }
  })

  it('names the uploader only to the uploading practice: another practice sees the file, not who loaded it', async () => {
    const list = await (await desk(B.users.coder)).get('/api/reference/files')
    expect(list.body.files[0]).toMatchObject({ uploadedByName: null, ownPractice: false })
    expect(list.text).not.toContain('alpha')
    expect(list.text).not.toContain(A.users.admin.id)
  })

  it('writes the upload to the uploading practice\'s audit log', async () => {
    const audit = await (await desk(A.users.admin)).get('/api/admin/audit')
    expect(audit.body.entries.some((e: { action: string }) => e.action === 'reference-file-uploaded')).toBe(true)
    const other = await (await desk(B.users.admin)).get('/api/admin/audit')
    expect(other.body.entries.some((e: { action: string }) => e.action === 'reference-file-uploaded')).toBe(false)
  })

  it('a second MUE table of the same quarter replaces the first; another quarter stays beside it', async () => {
    await clear()
    const admin = await desk(A.users.admin)
    const first = await admin.post('/api/reference/files', mueBody('2026Q4'))
    const other = await admin.post('/api/reference/files', mueBody('2026Q3'))
    const second = await (await desk(B.users.admin)).post('/api/reference/files', mueBody('2026Q4'))
    expect(second.status, second.text).toBe(200)
    expect(second.body.replaced).toEqual([first.body.file.id])
    const ids = (await admin.get('/api/reference/files')).body.files.map((f: { id: string }) => f.id).sort()
    expect(ids).toEqual([other.body.file.id, second.body.file.id].sort())
    expect(await stored()).toEqual({ files: 2, contents: 2 })
  })

  it('loads a PTP table from its parts, an ICD-10-CM release and the billing articles', async () => {
    await clear()
    const admin = await desk(A.users.admin)
    const ptp = await admin.post('/api/reference/files', { meta: { kind: 'ncci', table: 'ptp', quarter: '2026Q4' }, files: [fileOf('f1.txt', PTP1), fileOf('f2.txt', PTP2)] })
    expect(ptp.status, ptp.text).toBe(200)
    expect(ptp.body.file.keys).toEqual(['ptp:2026Q4'])
    expect(ptp.body.file.files.map((f: { name: string }) => f.name)).toEqual(['f1.txt', 'f2.txt'])
    const icd = await admin.post('/api/reference/files', { meta: { kind: 'icd10', fiscalYear: 2023, release: 'october' }, files: [fileOf('icd10cm_order_2023.txt', ICD_2023)] })
    expect(icd.status, icd.text).toBe(200)
    expect(icd.body.file).toMatchObject({ keys: ['2023'], summary: { kind: 'icd10', fiscalYear: 2023, effectiveFrom: '2022-10-01', effectiveTo: '2023-09-30' } })
    const coverage = await admin.post('/api/reference/files', { meta: { kind: 'coverage' }, files: COVERAGE.map((f) => fileOf(f.name, f.text)) })
    expect(coverage.status, coverage.text).toBe(200)
    expect(coverage.body.file.keys.length).toBeGreaterThan(0)
    expect(coverage.body.file.summary.articles.map((a: { articleId: string }) => a.articleId)).toEqual(coverage.body.file.keys)
    // The check ran in the worker thread, not on the server's event loop.
    expect(referenceCheckPoolState()).toEqual({ workers: 1, inline: false })
  })

  it('only an admin of the uploading practice removes a file; another practice\'s admin is refused and the file stays', async () => {
    await clear()
    const up = await (await desk(A.users.admin)).post('/api/reference/files', mueBody())
    const id = up.body.file.id as string
    const refused = await (await desk(B.users.admin)).delete(`/api/reference/files/${id}`)
    expect(refused.status, refused.text).toBe(403)
    expect(refused.body.error).toBe('not-your-upload')
    expect(await stored()).toEqual({ files: 1, contents: 1 })
    for (const role of ['supervisor', 'coder', 'trainee'] as const) {
      expect((await (await desk(A.users[role])).delete(`/api/reference/files/${id}`)).status).toBe(403)
    }
    const removed = await (await desk(A.users.admin)).delete(`/api/reference/files/${id}`)
    expect(removed.status, removed.text).toBe(204)
    expect(await stored()).toEqual({ files: 0, contents: 0 })
    expect((await (await desk(A.users.admin)).delete(`/api/reference/files/${id}`)).status).toBe(404)
    expect((await (await desk(A.users.coder)).get(`/api/reference/files/${id}`)).status).toBe(404)
  })

  it('supervisors, coders and trainees cannot upload', async () => {
    await clear()
    for (const role of ['supervisor', 'coder', 'trainee'] as const) {
      const answer = await (await desk(A.users[role])).post('/api/reference/files', mueBody())
      expect(answer.status).toBe(403)
    }
    expect(await stored()).toEqual({ files: 0, contents: 0 })
  })
})

describe('refusals: nothing stored', () => {
  const refusals: [string, () => ReferenceUploadBody | Record<string, unknown>, number, RegExp][] = [
    ['a PTP file with malformed rows, naming row and column', () => ({ meta: { kind: 'ncci', table: 'ptp', quarter: '2026Q4' }, files: [fileOf('bad.txt', PTP_BAD)] }), 422, /bad\.txt: Row \d+/],
    ['an MUE file that is not an MUE file', () => mueBody('2026Q4', 'hello,world\n1,2\n'), 422, /mue\.csv/],
    ['an ICD-10-CM file with a bad billable flag', () => ({ meta: { kind: 'icd10', fiscalYear: 2023, release: 'october' }, files: [fileOf('icd.txt', ICD_2023.replace(/^(.{14})1/m, '$1X'))] }), 422, /icd\.txt: Row 3, column Billable flag/],
    ['an empty order file', () => ({ meta: { kind: 'icd10', fiscalYear: 2023, release: 'october' }, files: [fileOf('icd.txt', '')] }), 422, /icd\.txt/],
    ['article files missing the covered-codes file', () => ({ meta: { kind: 'coverage' }, files: COVERAGE.slice(0, 2).map((f) => fileOf(f.name, f.text)) }), 422, /./],
    ['two files for an MUE table', () => ({ meta: { kind: 'ncci', table: 'mue', quarter: '2026Q4' }, files: [fileOf('a.csv', MUE), fileOf('b.csv', MUE)] }), 422, /one file/],
    ['content that does not match its SHA-256', () => ({ ...mueBody(), files: [{ ...fileOf('mue.csv', MUE), sha256: 'a'.repeat(64) }] }), 422, /SHA-256/],
    ['content that is not gzip', () => ({ ...mueBody(), files: [{ ...fileOf('mue.csv', MUE), gzipBase64: Buffer.from(MUE).toString('base64') }] }), 422, /not gzip/],
    ['the same file name twice', () => ({ meta: { kind: 'ncci', table: 'ptp', quarter: '2026Q4' }, files: [fileOf('f.txt', PTP1), fileOf('f.txt', PTP2)] }), 400, /twice/],
    ['a quarter that is not a quarter', () => mueBody('2026Q5'), 400, /quarter/],
    ['an unknown kind', () => ({ meta: { kind: 'lcd' }, files: [fileOf('x.csv', MUE)] }), 400, /./],
    ['no files', () => ({ meta: { kind: 'coverage' }, files: [] }), 400, /./],
    ['an unknown field', () => ({ ...mueBody(), extra: 1 }), 400, /Unknown field/],
    ['base64 with foreign characters', () => ({ ...mueBody(), files: [{ ...fileOf('mue.csv', MUE), gzipBase64: '***' }] }), 400, /base64/],
  ]
  for (const [what, body, status, message] of refusals) {
    it(`refuses ${what} (${status}), storing nothing`, async () => {
      await clear()
      const answer = await (await desk(A.users.admin)).post('/api/reference/files', body())
      expect(answer.status, answer.text).toBe(status)
      expect(answer.body.message).toMatch(message)
      expect(await stored()).toEqual({ files: 0, contents: 0 })
    })
  }

  it('a refused upload leaves the earlier file of the same quarter in place', async () => {
    await clear()
    const admin = await desk(A.users.admin)
    const good = await admin.post('/api/reference/files', mueBody())
    expect((await admin.post('/api/reference/files', mueBody('2026Q4', 'x,y\n'))).status).toBe(422)
    expect((await admin.get('/api/reference/files')).body.files.map((f: { id: string }) => f.id)).toEqual([good.body.file.id])
  })
})

describe('live', () => {
  it('an upload in one practice reaches the event streams of another as a reference event', async () => {
    await clear()
    const watcher = await desk(B.users.trainee)
    const response = await server.app.request('/api/sync/events', { headers: { cookie: `icw_session=${watcher.cookie!}`, 'x-forwarded-for': watcher.ip, origin: ORIGIN } })
    expect(response.status).toBe(200)
    const reading = readEvents(response, 2)
    await new Promise((r) => setTimeout(r, 200))
    expect((await (await desk(A.users.admin)).post('/api/reference/files', mueBody())).status).toBe(200)
    const text = await reading
    expect(text).toMatch(/event: ready/)
    expect(text).toMatch(/event: reference/)
  })
})

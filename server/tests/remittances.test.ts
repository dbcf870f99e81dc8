import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changeListSchema, remittanceSchema, type Change } from '../../src/group-api/schemas.ts'
import { createTestServer, type SeededUser, type TestServer } from '../testing/harness.ts'
import { ONE_OF_EACH_ROLE, signedInDesks, twoPractices, type SeededPractice } from '../testing/practices.ts'
import { remittanceText, remittanceUpload } from '../testing/remittances.ts'
import { asOwner, closeServer, finalizeBodyFor } from '../testing/security.ts'
import { remittanceCheckPoolState } from '../services/remittance-check-pool.ts'

/**
 * The practice's imported 835 files on the server (POST /api/remittances, DELETE
 * /api/remittances/:id): parsed and matched again by the server, stored all or nothing, a payment
 * once per practice, invisible to another practice, refused to trainees, idempotent, and carried
 * by the change feed. On PGlite and on PostgreSQL.
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

const upload = async (user: SeededUser, body: unknown, headers: Record<string, string> = {}) => (await desk(user)).call('POST', '/api/remittances', body, headers)
const remove = async (user: SeededUser, id: string, headers: Record<string, string> = {}) => (await desk(user)).call('DELETE', `/api/remittances/${id}`, undefined, headers)

const stored = (practiceId: string) => asOwner(server, (q) => q.query<{ id: string; file_name: string }>(
  'select id, file_name from remittances where practice_id = $1 order by imported_at, id', [practiceId]))
const storedPayments = (practiceId: string) => asOwner(server, (q) => q.query<{ payment_key: string; remittance_id: string }>(
  'select payment_key, remittance_id from remittance_payments where practice_id = $1 order by payment_key', [practiceId]))
const headOf = async (practiceId: string) =>
  Number((await asOwner(server, (q) => q.query<{ seq: number }>('select seq from change_heads where practice_id = $1', [practiceId])))[0]?.seq ?? 0)

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

/** An encounter the practice's coder finalized, with its first coded line. */
async function finalized(user: SeededUser, patientId: string): Promise<{ id: string; code: string; date: string }> {
  const answer = await (await desk(user)).post('/api/encounters', finalizeBodyFor(patientId))
  expect(answer.status, answer.text).toBe(200)
  const lines = answer.body.lines as { code: string }[]
  expect(lines.length).toBeGreaterThan(0)
  return { id: answer.body.id as string, code: lines[0].code, date: answer.body.dateOfService as string }
}

describe('upload', () => {
  it('stores a well-formed 835, matched by the server to the practice\'s encounter, with its denied line', async () => {
    const encounter = await finalized(A.users.coder, `PT-REM-${crypto.randomUUID().slice(0, 8)}`)
    const body = remittanceUpload(remittanceText({ claimId: encounter.id, code: encounter.code, date: encounter.date }), 'acme-1.835', 'encounter-id')
    const answer = await upload(A.users.coder, body)
    expect(answer.status, answer.text).toBe(200)
    expect(remittanceSchema.safeParse(answer.body).success, answer.text.slice(0, 300)).toBe(true)
    expect(answer.body).toMatchObject({
      id: body.id, fileName: 'acme-1.835', controlNumber: 'encounter-id', userId: A.users.coder.id, userName: expect.any(String),
      payments: [{ payerName: 'ACME HEALTH', payerId: 'ACME1', paymentDate: '2026-11-21', amount: 10000, claims: 1 }],
      claims: 1, matchedClaims: 1,
    })
    expect(answer.body.paymentKeys).toEqual([expect.stringMatching(/^ACME1\|CHK\d+\|2026-11-21$/)])
    const denials = answer.body.denials as { encounterId: string | null; code: string | null; lineIndex: number | null }[]
    expect(denials).toEqual([expect.objectContaining({ encounterId: encounter.id, code: encounter.code, lineIndex: 0, remittanceLineIndex: 1, category: 'frequency' })])
    expect((await stored(A.id)).filter((r) => r.id === body.id)).toEqual([{ id: body.id, file_name: 'acme-1.835' }])
    expect((await storedPayments(A.id)).filter((p) => p.remittance_id === body.id)).toHaveLength(1)
    // Parsed in the worker thread, not on the server's event loop.
    expect(remittanceCheckPoolState()).toEqual({ workers: 1, inline: false })
  })

  it('never takes the browser\'s match: a claim naming another practice\'s encounter matches nothing', async () => {
    const theirs = await finalized(B.users.coder, `PT-REM-B-${crypto.randomUUID().slice(0, 8)}`)
    const answer = await upload(A.users.coder, remittanceUpload(remittanceText({ claimId: theirs.id, code: theirs.code, date: theirs.date }), 'other.835', 'encounter-id'))
    expect(answer.status, answer.text).toBe(200)
    expect(answer.body).toMatchObject({ claims: 1, matchedClaims: 0 })
    expect((answer.body.denials as { encounterId: string | null }[]).map((d) => d.encounterId)).toEqual([null])
  })

  it('refuses a malformed file with the parser\'s message (422) and stores nothing', async () => {
    const before = [await stored(A.id), await storedPayments(A.id), await headOf(A.id)]
    const text = remittanceText().replace(/CLP\*([^*]*)\*1\*/, 'CLP*$1*X*')
    const answer = await upload(A.users.coder, remittanceUpload(text, 'broken.835'))
    expect(answer.status, answer.text).toBe(422)
    expect(answer.body).toMatchObject({ error: 'malformed', path: 'body.text' })
    expect(answer.body.message).toMatch(/^broken\.835 cannot be imported: Segment \d+ \(CLP\), element 2: .*Nothing was stored\.$/)
    expect(Object.keys(answer.body as object).sort()).toEqual(['error', 'message', 'path'])
    const notAn835 = await upload(A.users.coder, remittanceUpload('hello, this is a CSV\n1,2,3\n', 'notes.835'))
    expect(notAn835.status, notAn835.text).toBe(422)
    expect([await stored(A.id), await storedPayments(A.id), await headOf(A.id)]).toEqual(before)
  })

  it('refuses a file whose payment is already imported (409), naming the earlier file, and stores nothing', async () => {
    const text = remittanceText({ check: `DUP${Date.now()}` })
    const first = await upload(A.users.coder, remittanceUpload(text, 'first.835'))
    expect(first.status, first.text).toBe(200)
    const before = [await stored(A.id), await storedPayments(A.id), await headOf(A.id)]
    const again = await upload(A.users.supervisor, remittanceUpload(text, 'again.835'))
    expect(again.status, again.text).toBe(409)
    expect(again.body).toMatchObject({ error: 'duplicate-payment' })
    expect(again.body.message).toMatch(/^The payment from ACME HEALTH \(check\/EFT DUP\d+, dated 2026-11-21\) was already imported from first\.835 on .* by .*Nothing was stored\./)
    expect([await stored(A.id), await storedPayments(A.id), await headOf(A.id)]).toEqual(before)
    // Another practice imports the same payment as its own.
    expect((await upload(B.users.coder, remittanceUpload(text, 'bravo.835'))).status).toBe(200)
    // Removed, the payment can come in again.
    expect((await remove(A.users.coder, first.body.id as string)).status).toBe(200)
    expect((await upload(A.users.supervisor, remittanceUpload(text, 'again.835'))).status).toBe(200)
  })

  it('refuses a file that holds one payment twice (422), and stores nothing', async () => {
    const text = remittanceText({ check: `TWICE${Date.now()}` })
    // One group with two transaction sets paying the same check.
    const set = /ST\*835\*0001\*[\s\S]*?SE\*\d+\*0001~\n?/.exec(text)![0]
    const twice = text.replace(set, set + set.replaceAll('*0001', '*0002')).replace(/GE\*1\*/, 'GE*2*')
    const before = [await stored(A.id), await storedPayments(A.id), await headOf(A.id)]
    const answer = await upload(A.users.coder, remittanceUpload(twice, 'twice.835'))
    expect(answer.status, answer.text).toBe(422)
    expect(answer.body).toMatchObject({ error: 'repeated-payment', path: 'body.text' })
    expect(answer.body.message).toMatch(/^The payment from ACME HEALTH \(check\/EFT TWICE\d+, dated 2026-11-21\) appears twice in the file\. Nothing was stored\.$/)
    expect([await stored(A.id), await storedPayments(A.id), await headOf(A.id)]).toEqual(before)
  })

  it('a file larger than the limit is refused before parsing (400), unknown fields too', async () => {
    const huge = await upload(A.users.coder, { ...remittanceUpload(), text: 'x'.repeat(5_000_001) })
    expect(huge.status, huge.text.slice(0, 200)).toBe(400)
    expect(huge.body.path).toBe('body.text')
    const odd = await upload(A.users.coder, { ...remittanceUpload(), matched: true })
    expect(odd.status).toBe(400)
  })

  it('the same upload replayed with one Idempotency-Key is stored once and answered the same', async () => {
    const body = remittanceUpload(remittanceText(), 'replayed.835')
    const headers = { 'idempotency-key': `remit-${body.id}` }
    const first = await upload(A.users.coder, body, headers)
    const second = await upload(A.users.coder, body, headers)
    expect([first.status, second.status]).toEqual([200, 200])
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(second.body).toEqual(first.body)
    expect((await stored(A.id)).filter((r) => r.id === body.id)).toHaveLength(1)
    // Without the key, the same import again is a new write: refused, nothing more stored.
    const third = await upload(A.users.coder, body)
    expect(third.status, third.text).toBe(409)
    expect((await stored(A.id)).filter((r) => r.id === body.id)).toHaveLength(1)
  })

  it('each import and removal is in the access log', async () => {
    const body = remittanceUpload(remittanceText(), 'logged.835')
    expect((await upload(A.users.coder, body)).status).toBe(200)
    expect((await remove(A.users.supervisor, body.id)).status).toBe(200)
    const entries = await asOwner(server, (q) => q.query<{ action: string; user_id: string; detail: { fileName: string } }>(
      'select action, user_id, detail from audit_log where practice_id = $1 and target = $2 order by seq', [A.id, `remittance:${body.id}`]))
    expect(entries.map((e) => [e.action, e.user_id, e.detail.fileName])).toEqual([
      ['remittance-imported', A.users.coder.id, 'logged.835'],
      ['remittance-deleted', A.users.supervisor.id, 'logged.835'],
    ])
  })
})

describe('who may', () => {
  it('a trainee may neither import nor remove (403), and nothing changes', async () => {
    const body = remittanceUpload(remittanceText(), 'trainee.835')
    const refused = await upload(A.users.trainee, body)
    expect(refused.status, refused.text).toBe(403)
    expect(refused.body.error).toBe('forbidden')
    expect((await stored(A.id)).filter((r) => r.id === body.id)).toEqual([])
    expect((await upload(A.users.coder, body)).status).toBe(200)
    expect((await remove(A.users.trainee, body.id)).status).toBe(403)
    expect((await stored(A.id)).filter((r) => r.id === body.id)).toHaveLength(1)
  })

  it('another practice can neither see nor remove an import (404), and the import stays', async () => {
    const body = remittanceUpload(remittanceText(), 'alpha-only.835')
    expect((await upload(A.users.coder, body)).status).toBe(200)
    for (const role of ['admin', 'supervisor', 'coder'] as const) {
      const answer = await remove(B.users[role], body.id)
      expect(answer.status, answer.text).toBe(404)
    }
    expect(JSON.stringify(await pullAll(B.users.admin))).not.toContain(body.id)
    expect((await stored(A.id)).filter((r) => r.id === body.id)).toHaveLength(1)
    // The same id cannot be taken over from the other practice either.
    const clash = await upload(B.users.coder, { ...remittanceUpload(remittanceText(), 'clash.835'), id: body.id })
    expect(clash.status, clash.text).toBe(409)
    expect(clash.body.error).toBe('duplicate-id')
  })

  it('admins, supervisors and coders may each import and remove', async () => {
    for (const role of ['admin', 'supervisor', 'coder'] as const) {
      const body = remittanceUpload(remittanceText(), `${role}.835`)
      expect((await upload(A.users[role], body)).status, role).toBe(200)
      expect((await remove(A.users[role], body.id)).status, role).toBe(200)
      expect((await stored(A.id)).filter((r) => r.id === body.id), role).toEqual([])
    }
  })
})

describe('the change feed', () => {
  it('carries an import to the practice\'s staff with the import as stored, and its removal as a deletion; never to trainees', async () => {
    const start = await headOf(A.id)
    const body = remittanceUpload(remittanceText(), 'feed.835')
    const imported = await upload(A.users.coder, body)
    expect(imported.status).toBe(200)
    const forStaff = (await pullAll(A.users.supervisor, start)).filter((c) => c.entity === 'remittance')
    expect(forStaff).toEqual([expect.objectContaining({ entity: 'remittance', id: body.id, op: 'upsert', remittance: imported.body })])
    expect((await pullAll(A.users.trainee, start)).filter((c) => c.entity === 'remittance')).toEqual([])

    const middle = await headOf(A.id)
    expect((await remove(A.users.admin, body.id)).status).toBe(200)
    const afterRemoval = (await pullAll(A.users.coder, middle)).filter((c) => c.entity === 'remittance')
    expect(afterRemoval).toEqual([expect.objectContaining({ entity: 'remittance', id: body.id, op: 'delete' })])
    // Read from the start, the import arrives as deleted both times: its row is gone.
    expect((await pullAll(A.users.coder, start)).filter((c) => c.entity === 'remittance').map((c) => c.op)).toEqual(['delete', 'delete'])
    // Removing it again: 404.
    expect((await remove(A.users.admin, body.id)).status).toBe(404)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RECORD_KINDS, type RecordKind } from '../../src/group-api/record-kinds.ts'
import { changeListSchema, type Change, type Role } from '../../src/group-api/schemas.ts'
import { createTestServer, type SeededUser, type TestServer } from '../testing/harness.ts'
import { ONE_OF_EACH_ROLE, signedInDesks, twoPractices, type SeededPractice } from '../testing/practices.ts'
import { chargeSettingsValue, draftValue, keyFor, ndcListEntryValue, payerProfileValue, providerValue, valueOf } from '../testing/records.ts'
import { asOwner, closeServer, finalizeBodyFor } from '../testing/security.ts'

/**
 * The practice's shared records (POST/DELETE /api/records/:kind/:key) and how the change feed
 * carries them: versions and 409 stale, who may write each kind, who reads it, another
 * practice's records and another person's drafts out of sight. On PGlite and on PostgreSQL.
 */

let server: TestServer
const PEOPLE = { ...ONE_OF_EACH_ROLE, second: 'coder' } as const
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

const path = (kind: RecordKind, key: string) => `/api/records/${kind}/${encodeURIComponent(key)}`
const save = async (user: SeededUser, kind: RecordKind, key: string, value: unknown, expectedVersion: number | null, headers: Record<string, string> = {}) =>
  (await desk(user)).call('POST', path(kind, key), { value, expectedVersion }, headers)
const remove = async (user: SeededUser, kind: RecordKind, key: string, expectedVersion: number) =>
  (await desk(user)).call('DELETE', path(kind, key), { expectedVersion })

async function pullAll(user: SeededUser, after = 0): Promise<{ changes: Change[]; cursor: number }> {
  const client = await desk(user)
  const changes: Change[] = []
  let cursor = after
  for (;;) {
    const answer = await client.get(`/api/sync/changes?after=${cursor}&limit=1000`)
    expect(answer.status, answer.text).toBe(200)
    expect(changeListSchema.safeParse(answer.body).success, answer.text.slice(0, 300)).toBe(true)
    changes.push(...(answer.body.changes as Change[]))
    cursor = answer.body.cursor as number
    if (!answer.body.more) return { changes, cursor }
  }
}
const headOf = async (practiceId: string) =>
  Number((await asOwner(server, (q) => q.query<{ seq: number }>('select seq from change_heads where practice_id = $1', [practiceId])))[0]?.seq ?? 0)
const storedRows = (practiceId: string, kind: RecordKind, key: string) =>
  asOwner(server, (q) => q.query<{ version: number; owner_id: string | null; body: unknown }>(
    'select version, owner_id, body from practice_records where practice_id = $1 and kind = $2 and key = $3 order by owner_id', [practiceId, kind, key]))

describe('versions', () => {
  it('creates a record at version 1, changes it to version 2, and deletes it from version 2', async () => {
    const key = keyFor('provider', next())
    const created = await save(A.users.coder, 'provider', key, providerValue(key, 'Dr First'), null)
    expect(created.status, created.text).toBe(200)
    expect(created.body).toMatchObject({ kind: 'provider', key, version: 1, value: { id: key, name: 'Dr First' }, updatedBy: A.users.coder.id })
    const changed = await save(A.users.supervisor, 'provider', key, providerValue(key, 'Dr Second'), 1)
    expect(changed.status, changed.text).toBe(200)
    expect(changed.body).toMatchObject({ id: created.body.id, version: 2, value: { name: 'Dr Second' }, updatedBy: A.users.supervisor.id })
    expect(await storedRows(A.id, 'provider', key)).toEqual([{ version: 2, owner_id: null, body: { id: key, name: 'Dr Second' } }])
    const deleted = await remove(A.users.admin, 'provider', key, 2)
    expect(deleted.status, deleted.text).toBe(200)
    expect(deleted.body).toEqual({ id: created.body.id, kind: 'provider', key, version: 2, deleted: true })
    expect(await storedRows(A.id, 'provider', key)).toEqual([])
  })

  it('a change made against an older version gets 409 stale with the current record, and nothing is saved', async () => {
    const key = keyFor('payer-profile', next())
    expect((await save(A.users.supervisor, 'payer-profile', key, payerProfileValue(key, 'First'), null)).status).toBe(200)
    expect((await save(A.users.admin, 'payer-profile', key, payerProfileValue(key, 'Admin edit'), 1)).status).toBe(200)
    const late = await save(A.users.supervisor, 'payer-profile', key, payerProfileValue(key, 'Supervisor edit'), 1)
    expect(late.status, late.text).toBe(409)
    expect(late.body).toMatchObject({ error: 'stale', path: 'expectedVersion', current: { key, version: 2, value: { profile: { name: 'Admin edit' } }, updatedByName: expect.any(String) } })
    expect(late.body.message).toMatch(/changed .* since you opened it/)
    const again = await save(A.users.supervisor, 'payer-profile', key, payerProfileValue(key, 'New again'), null)
    expect(again.status, again.text).toBe(409)
    expect(again.body.current).toMatchObject({ version: 2 })
    const staleDelete = await remove(A.users.supervisor, 'payer-profile', key, 1)
    expect(staleDelete.status, staleDelete.text).toBe(409)
    expect((await storedRows(A.id, 'payer-profile', key)).map((r) => r.version)).toEqual([2])
  })

  it('a change of a record deleted since is 409 stale with current null; deleting it again is 404', async () => {
    const key = keyFor('provider', next())
    expect((await save(A.users.coder, 'provider', key, providerValue(key), null)).status).toBe(200)
    expect((await remove(A.users.coder, 'provider', key, 1)).status).toBe(200)
    const late = await save(A.users.second, 'provider', key, providerValue(key, 'Dr Late'), 1)
    expect(late.status, late.text).toBe(409)
    expect(late.body).toMatchObject({ error: 'stale', current: null })
    expect((await remove(A.users.second, 'provider', key, 1)).status).toBe(404)
    expect(await storedRows(A.id, 'provider', key)).toEqual([])
  })

  it('a write sent twice with one Idempotency-Key is done once and answered the same', async () => {
    const key = keyFor('provider', next())
    const headers = { 'idempotency-key': `record-${key}-0001` }
    const first = await save(A.users.coder, 'provider', key, providerValue(key), null, headers)
    const second = await save(A.users.coder, 'provider', key, providerValue(key), null, headers)
    expect([first.status, second.status]).toEqual([200, 200])
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(second.body).toEqual(first.body)
    expect((await storedRows(A.id, 'provider', key)).map((r) => r.version)).toEqual([1])
  })

  it('each write is in the access log, a draft\'s under its patient', async () => {
    const key = keyFor('draft', next())
    expect((await save(A.users.coder, 'draft', key, draftValue(key, 'PT-AUDIT-1'), null)).status).toBe(200)
    expect((await remove(A.users.coder, 'draft', key, 1)).status).toBe(200)
    const entries = await asOwner(server, (q) => q.query<{ action: string; patient_id: string | null; user_id: string }>(
      'select action, patient_id, user_id from audit_log where practice_id = $1 and target = $2 order by seq', [A.id, `draft:${key}`]))
    expect(entries).toEqual([
      { action: 'record-created', patient_id: 'PT-AUDIT-1', user_id: A.users.coder.id },
      { action: 'record-deleted', patient_id: 'PT-AUDIT-1', user_id: A.users.coder.id },
    ])
  })
})

describe('who may write each kind', () => {
  const WRITERS: Record<RecordKind, readonly Role[]> = {
    provider: ['admin', 'supervisor', 'coder'],
    'payer-profile': ['admin', 'supervisor'],
    'practice-case': ['admin', 'supervisor'],
    'coverage-settings': ['admin', 'supervisor'],
    draft: ['admin', 'supervisor', 'coder'],
    'ndc-list-entry': ['admin', 'supervisor'],
    'charge-settings': ['admin', 'supervisor'],
  }
  const ROLES: readonly Role[] = ['admin', 'supervisor', 'coder', 'trainee']
  for (const kind of RECORD_KINDS) {
    for (const role of ROLES) {
      const allowed = WRITERS[kind].includes(role)
      it(`${role === 'admin' ? 'an' : 'a'} ${role} ${allowed ? 'may' : 'may not (403)'} save and delete ${kind} records`, async () => {
        const user = A.users[role]
        const singleton = kind === 'coverage-settings' || kind === 'charge-settings'
        const key = singleton ? 'practice' : keyFor(kind, `${role}-${next()}`)
        // One coverage-settings (charge-settings) record per practice: the previous case's goes first, through the API.
        const left = singleton ? (await storedRows(A.id, kind, key))[0] : undefined
        if (left) expect((await remove(A.users.admin, kind, key, left.version)).status).toBe(200)
        const before = await storedRows(A.id, kind, key)
        const saved = await save(user, kind, key, valueOf(kind, key), null)
        if (!allowed) {
          expect(saved.status, saved.text).toBe(403)
          expect(saved.body.error).toBe('forbidden')
          expect(await storedRows(A.id, kind, key)).toEqual(before)
          // Nor may they delete one a writer made.
          const writer = A.users[WRITERS[kind][0]]
          expect((await save(writer, kind, key, valueOf(kind, key), null)).status).toBe(200)
          const refused = await remove(user, kind, key, 1)
          expect(refused.status, refused.text).toBe(kind === 'draft' && role !== 'trainee' ? 404 : 403)
          expect((await storedRows(A.id, kind, key)).length).toBe(1)
          return
        }
        expect(saved.status, saved.text).toBe(200)
        expect((await save(user, kind, key, valueOf(kind, key), 1)).status).toBe(200)
        expect((await remove(user, kind, key, 2)).status).toBe(200)
        expect(await storedRows(A.id, kind, key)).toEqual([])
      })
    }
  }
})

describe('bad bodies are refused with the field named, and nothing is saved', () => {
  const cases: { label: string; kind: RecordKind; key: string; body: unknown; path: RegExp }[] = [
    { label: 'a provider without a name', kind: 'provider', key: 'p-bad-1', body: { value: { id: 'p-bad-1' }, expectedVersion: null }, path: /^body\.value\.name$/ },
    { label: 'a provider stored under another key', kind: 'provider', key: 'p-bad-2', body: { value: providerValue('p-other'), expectedVersion: null }, path: /^body\.value$/ },
    { label: 'a payer profile with a built-in id', kind: 'payer-profile', key: 'medicare', body: { value: payerProfileValue('medicare'), expectedVersion: null }, path: /^body\.value$/ },
    { label: 'a payer profile with a bad limit', kind: 'payer-profile', key: 'custom-bad', body: { value: { ...payerProfileValue('custom-bad'), profile: { ...payerProfileValue('custom-bad').profile, kind: 'cash' } }, expectedVersion: null }, path: /^body\.value$/ },
    { label: 'a draft with a status it cannot have', kind: 'draft', key: 'd-bad', body: { value: { ...draftValue('d-bad'), status: 'finalized' }, expectedVersion: null }, path: /^body\.value\.status$/ },
    { label: 'coverage settings under another key', kind: 'coverage-settings', key: 'other', body: { value: { id: 'other', choices: {}, settings: {}, updatedAt: null }, expectedVersion: null }, path: /^body\.value\.id$/ },
    { label: 'an NDC list entry with a 10-digit NDC', kind: 'ndc-list-entry', key: 'n-bad-1', body: { value: { ...ndcListEntryValue('n-bad-1'), ndc11: '1234567890' }, expectedVersion: null }, path: /^body\.value\.ndc11$/ },
    { label: 'an NDC list entry that ends before it starts', kind: 'ndc-list-entry', key: 'n-bad-2', body: { value: { ...ndcListEntryValue('n-bad-2'), effectiveTo: '2025-12-31' }, expectedVersion: null }, path: /^body\.value\.effectiveTo$/ },
    { label: 'an NDC list entry with a unit claims do not take', kind: 'ndc-list-entry', key: 'n-bad-3', body: { value: { ...ndcListEntryValue('n-bad-3'), unit: 'MG' }, expectedVersion: null }, path: /^body\.value\.unit$/ },
    { label: 'charge settings under another key', kind: 'charge-settings', key: 'other', body: { value: { ...chargeSettingsValue(), id: 'other' }, expectedVersion: null }, path: /^body\.value\.id$/ },
    { label: 'charge settings with a column of a field the export does not know', kind: 'charge-settings', key: 'practice', body: { value: { ...chargeSettingsValue(), columns: [{ header: 'Fee', field: 'price' }] }, expectedVersion: null }, path: /^body\.value\.columns\.0\.field$/ },
    { label: 'charge settings without the receiving application', kind: 'charge-settings', key: 'practice', body: { value: { ...chargeSettingsValue(), receivingApplication: undefined }, expectedVersion: null }, path: /^body\.value\.receivingApplication$/ },
    { label: 'no expectedVersion', kind: 'provider', key: 'p-bad-3', body: { value: providerValue('p-bad-3') }, path: /^body\.expectedVersion$/ },
    { label: 'expectedVersion 0', kind: 'provider', key: 'p-bad-4', body: { value: providerValue('p-bad-4'), expectedVersion: 0 }, path: /^body\.expectedVersion$/ },
    { label: 'an unknown field', kind: 'provider', key: 'p-bad-5', body: { value: providerValue('p-bad-5'), expectedVersion: null, force: true }, path: /^body\.force$/ },
  ]
  for (const c of cases) {
    it(`${c.label} (400)`, async () => {
      // The practice's one charge-settings record may be there from the cases above: it stays as it was.
      const before = await storedRows(A.id, c.kind, c.key)
      const answer = await (await desk(A.users.admin)).call('POST', path(c.kind, c.key), c.body)
      expect(answer.status, answer.text).toBe(400)
      expect(answer.body.error).toBe('invalid')
      expect(answer.body.path, answer.text).toMatch(c.path)
      expect(await storedRows(A.id, c.kind, c.key)).toEqual(before)
    })
  }
  it('an unknown kind or a key with a control character is refused (400)', async () => {
    const admin = await desk(A.users.admin)
    expect((await admin.call('POST', '/api/records/remittance/r1', { value: {}, expectedVersion: null })).status).toBe(400)
    expect((await admin.call('POST', `/api/records/provider/${encodeURIComponent('p\u0007x')}`, { value: providerValue('p\u0007x'), expectedVersion: null })).status).toBe(400)
  })
})

describe('who reads what', () => {
  it('another practice\'s records are invisible: its feed shows none, and the same key is a record of its own', async () => {
    const key = keyFor('provider', next())
    expect((await save(A.users.coder, 'provider', key, providerValue(key, 'Dr Alpha'), null)).status).toBe(200)
    const bravo = await pullAll(B.users.admin)
    expect(bravo.changes.filter((c) => c.entity === 'record' && c.record?.key === key)).toEqual([])
    const own = await save(B.users.coder, 'provider', key, providerValue(key, 'Dr Bravo'), null)
    expect(own.status, own.text).toBe(200)
    expect(own.body.version).toBe(1)
    expect((await remove(B.users.coder, 'provider', key, 1)).status).toBe(200)
    expect(await storedRows(A.id, 'provider', key)).toEqual([{ version: 1, owner_id: null, body: { id: key, name: 'Dr Alpha' } }])
  })

  it('a draft is its owner\'s alone: not in another coder\'s or the admin\'s feed, and they cannot change or delete it', async () => {
    const key = keyFor('draft', next())
    const saved = await save(A.users.coder, 'draft', key, draftValue(key, 'PT-PRIVATE-1'), null)
    expect(saved.status, saved.text).toBe(200)
    for (const other of [A.users.second, A.users.admin, A.users.supervisor]) {
      const feed = await pullAll(other)
      expect(feed.changes.filter((c) => c.id === saved.body.id), other.email).toEqual([])
      expect(JSON.stringify(feed.changes)).not.toContain('PT-PRIVATE-1')
      expect((await save(other, 'draft', key, draftValue(key, 'PT-TAKEOVER'), 1)).body).toMatchObject({ error: 'stale', current: null })
      expect((await remove(other, 'draft', key, 1)).status).toBe(404)
    }
    const mine = await pullAll(A.users.coder)
    expect(mine.changes.filter((c) => c.id === saved.body.id)).toEqual([expect.objectContaining({ op: 'upsert', record: expect.objectContaining({ kind: 'draft', key, value: draftValue(key, 'PT-PRIVATE-1') }) })])
    // The same key in another person's drafts is their own record.
    const theirs = await save(A.users.second, 'draft', key, draftValue(key, 'PT-SECOND'), null)
    expect(theirs.status, theirs.text).toBe(200)
    expect(theirs.body.id).not.toBe(saved.body.id)
    expect((await storedRows(A.id, 'draft', key)).map((r) => r.owner_id).sort()).toEqual([A.users.coder.id, A.users.second.id].sort())
  })

  it('the feed carries each record change once, in order, to those who may read its kind, deletions included', async () => {
    const start = await headOf(A.id)
    const n = next()
    const provider = keyFor('provider', n)
    const practiceCase = keyFor('practice-case', n)
    const draft = keyFor('draft', n)
    const ids: Record<string, string> = {}
    ids.provider = (await save(A.users.supervisor, 'provider', provider, providerValue(provider, 'Dr One'), null)).body.id as string
    expect((await save(A.users.coder, 'provider', provider, providerValue(provider, 'Dr Two'), 1)).status).toBe(200)
    ids.practiceCase = (await save(A.users.supervisor, 'practice-case', practiceCase, valueOf('practice-case', practiceCase), null)).body.id as string
    ids.draft = (await save(A.users.coder, 'draft', draft, draftValue(draft), null)).body.id as string
    expect((await remove(A.users.supervisor, 'provider', provider, 2)).status).toBe(200)
    expect((await remove(A.users.coder, 'draft', draft, 1)).status).toBe(200)

    const seen = async (user: SeededUser) => (await pullAll(user, start)).changes.filter((c) => c.entity === 'record')
    const summary = (changes: Change[]) => changes.map((c) => `${c.id === ids.provider ? 'provider' : c.id === ids.practiceCase ? 'case' : c.id === ids.draft ? 'draft' : c.id}:${c.op}`)

    const coder = await seen(A.users.coder)
    // Both writes of the provider happened before the pull: each change arrives once, with the row as it is now (deleted).
    expect(summary(coder)).toEqual(['provider:delete', 'provider:delete', 'case:upsert', 'draft:delete', 'provider:delete', 'draft:delete'])
    expect(new Set(coder.map((c) => c.seq)).size).toBe(coder.length)
    expect(coder.map((c) => c.seq)).toEqual([...coder.map((c) => c.seq)].sort((a, b) => a - b))
    expect(summary(await seen(A.users.supervisor))).toEqual(['provider:delete', 'provider:delete', 'case:upsert', 'provider:delete'])
    expect(summary(await seen(A.users.trainee))).toEqual(['case:upsert'])
    expect(summary(await seen(A.users.second))).toEqual(['provider:delete', 'provider:delete', 'case:upsert', 'provider:delete'])
  })

  it('a record still there arrives with its kind, key, version, value and who changed it last', async () => {
    const start = await headOf(A.id)
    const key = keyFor('payer-profile', next())
    expect((await save(A.users.supervisor, 'payer-profile', key, payerProfileValue(key, 'One'), null)).status).toBe(200)
    expect((await save(A.users.admin, 'payer-profile', key, payerProfileValue(key, 'Two'), 1)).status).toBe(200)
    const changes = (await pullAll(A.users.coder, start)).changes
    expect(changes).toHaveLength(2)
    for (const c of changes) {
      expect(c.record).toMatchObject({ kind: 'payer-profile', key, version: 2, value: payerProfileValue(key, 'Two'), updatedBy: A.users.admin.id, updatedAt: expect.any(String) })
    }
    expect((await pullAll(A.users.trainee, start)).changes).toEqual([])
  })

  it('an NDC list entry a supervisor saves reaches every staff role\'s feed, not a trainee\'s', async () => {
    const start = await headOf(A.id)
    const key = keyFor('ndc-list-entry', next())
    expect((await save(A.users.supervisor, 'ndc-list-entry', key, ndcListEntryValue(key, 'J3301'), null)).status).toBe(200)
    for (const reader of [A.users.admin, A.users.supervisor, A.users.coder]) {
      const changes = (await pullAll(reader, start)).changes.filter((c) => c.entity === 'record')
      expect(changes.map((c) => c.record), reader.email).toEqual([expect.objectContaining({ kind: 'ndc-list-entry', key, value: ndcListEntryValue(key, 'J3301') })])
    }
    expect((await pullAll(A.users.trainee, start)).changes).toEqual([])
    expect((await pullAll(B.users.admin, start)).changes.filter((c) => c.record?.key === key)).toEqual([])
  })

  it('the charge file settings a supervisor saves reach every staff role\'s feed; a coder may read them, not change or delete them; a trainee reads none; another practice has none', async () => {
    // One record per practice: continue from whatever version the earlier cases left.
    const left = (await storedRows(A.id, 'charge-settings', 'practice'))[0]?.version ?? null
    const start = await headOf(A.id)
    const saved = await save(A.users.supervisor, 'charge-settings', 'practice', chargeSettingsValue('Practice PM'), left)
    expect(saved.status, saved.text).toBe(200)
    const version = saved.body.version as number
    for (const reader of [A.users.admin, A.users.supervisor, A.users.coder]) {
      const changes = (await pullAll(reader, start)).changes.filter((c) => c.entity === 'record')
      expect(changes.map((c) => c.record), reader.email).toEqual([expect.objectContaining({ kind: 'charge-settings', key: 'practice', version, value: chargeSettingsValue('Practice PM') })])
    }
    const refused = await save(A.users.coder, 'charge-settings', 'practice', chargeSettingsValue('Coder PM'), version)
    expect(refused.status, refused.text).toBe(403)
    expect((await remove(A.users.coder, 'charge-settings', 'practice', version)).status).toBe(403)
    expect((await pullAll(A.users.trainee, start)).changes).toEqual([])
    expect(await storedRows(A.id, 'charge-settings', 'practice')).toEqual([{ version, owner_id: null, body: chargeSettingsValue('Practice PM') }])
    // Practice B sees none of A's, and has no record of its own to change or delete.
    expect((await pullAll(B.users.admin, start)).changes.filter((c) => c.record?.kind === 'charge-settings')).toEqual([])
    expect((await remove(B.users.admin, 'charge-settings', 'practice', version)).status).toBe(404)
    expect(await storedRows(B.id, 'charge-settings', 'practice')).toEqual([])
  })
})

describe('the NDC list in the server\'s coding', () => {
  it('a finalized J3301 line carries the practice\'s NDC on a date the entry is used on, and none before its first day', async () => {
    const key = keyFor('ndc-list-entry', next())
    const entry = { ...ndcListEntryValue(key, 'J3301'), ndc11: '55555444433', unit: 'ME', effectiveFrom: '2026-10-01' }
    expect((await save(B.users.supervisor, 'ndc-list-entry', key, entry, null)).status).toBe(200)
    const coder = await desk(B.users.coder)
    const finalizeOn = async (dateOfService: string) => {
      const body = finalizeBodyFor(`PT-NDC-${next()}`)
      const answer = await coder.call('POST', '/api/encounters', { ...body, encounter: { ...body.encounter, dateOfService } })
      expect(answer.status, answer.text).toBe(200)
      return (answer.body.lines as { code: string; ndc?: unknown }[]).find((l) => l.code === 'J3301')
    }
    expect((await finalizeOn('2026-10-14'))?.ndc).toEqual({ ndc11: '55555444433', quantity: 40, unit: 'ME', from: 'practice-list' })
    expect((await finalizeOn('2026-09-30'))?.ndc).toBeUndefined()
  })
})

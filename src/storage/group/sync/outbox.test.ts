import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { IDEMPOTENCY_KEY, IDEMPOTENCY_RETENTION_DAYS, ROUTES } from '../../../group-api/index.ts'
import { ApiError } from '../api-error.ts'
import { createFakeSyncServer, encounterInput, PEOPLE, type FakeSyncServer } from './fake-sync-server.ts'
import { createOutbox, isTooOldToReplay, OUTBOX_ROUTES, TOO_OLD, type OutboxOptions } from './outbox.ts'
import { deleteReplica, openReplica, type Replica } from './replica.ts'
import type { OutboxMutation } from './types.ts'

let n = 0
const opened: { practiceId: string; replica: Replica }[] = []
async function freshTabs(count: number) {
  const practiceId = `00000000-0000-4000-8000-${(++n).toString().padStart(12, '0')}`
  const tabs: Replica[] = []
  for (let i = 0; i < count; i++) {
    const replica = await openReplica(practiceId, PEOPLE.sam.id)
    opened.push({ practiceId, replica })
    tabs.push(replica)
  }
  return tabs
}
afterEach(async () => {
  const all = opened.splice(0)
  for (const o of all) o.replica.close()
  for (const practiceId of new Set(all.map((o) => o.practiceId))) await deleteReplica(practiceId, PEOPLE.sam.id)
})

async function setup(options: Partial<OutboxOptions> = {}, server: FakeSyncServer = createFakeSyncServer({ me: PEOPLE.sam })) {
  const [replica] = await freshTabs(1)
  const failures: string[] = []
  const outbox = createOutbox({ client: server.client, replica: replica, onFailure: (kind) => failures.push(kind), ...options })
  return { server, replica: replica, outbox, failures }
}

const finalize = (patientId: string, overrides: Parameters<typeof encounterInput>[1] = {}): OutboxMutation => ({ route: 'finalize', body: { encounter: encounterInput(patientId, overrides) } })
const addAttempt = (caseId: string): OutboxMutation => ({ route: 'addAttempt', body: { caseId, scorePercent: 60, lines: [] } })
const writeKeys = (server: FakeSyncServer) => server.requests.filter((r) => r.route !== 'changes').map((r) => r.idempotencyKey)

describe('the outbox', () => {
  it('can send every write the contract marks idempotent, but the commits of the history upload and of a move-in (their uploads send them)', () => {
    const sentByUploads = ['commitHistoryImport', 'commitMoveIn']
    const idempotent = Object.entries(ROUTES).filter(([name, spec]) => 'idempotent' in spec && spec.idempotent && !sentByUploads.includes(name)).map(([name]) => name)
    expect([...OUTBOX_ROUTES].sort()).toEqual(idempotent.sort())
  })

  it('holds back, never replays, an entry older than the server\'s key retention less a day; sent again by the person, it goes with a new key', async () => {
    let clock = '2026-11-01T08:00:00.000Z'
    let retention: number | undefined = 5
    const { server, replica, outbox } = await setup({ now: () => clock, retentionDays: () => retention })
    const old = await outbox.enqueue(finalize('PT-OLD'))
    const recent = await outbox.enqueue(finalize('PT-NEW'))
    await replica.putOutboxEntry({ ...recent, createdAt: '2026-11-04T08:00:00.000Z' })
    // Four days and a minute after the old one: past 5 - 1 days; the recent one is a day old.
    clock = '2026-11-05T08:01:00.000Z'
    await outbox.drain()
    expect(server.encounters().map((e) => e.patientId)).toEqual(['PT-NEW'])
    const [held] = await replica.outbox()
    expect(held).toMatchObject({ order: old.order, key: old.key, state: 'needs-attention', lastError: { status: null, error: TOO_OLD } })
    expect(held.lastError?.message).toMatch(/waited more than 4 days/)
    await outbox.drain()
    expect(server.writes).toHaveLength(1)
    await outbox.retry(old.order)
    await outbox.drain()
    expect(server.encounters().map((e) => e.patientId)).toEqual(['PT-NEW', 'PT-OLD'])
    expect(writeKeys(server).at(-1)).not.toBe(old.key)
    // Without a retention from the session, the default 8 days apply.
    retention = undefined
    const later = await outbox.enqueue(finalize('PT-LATER'))
    clock = '2026-11-12T08:00:00.000Z'
    await outbox.drain()
    expect(server.encounters().map((e) => e.patientId)).toContain('PT-LATER')
    expect(isTooOldToReplay(later, '2026-11-13T08:01:00.000Z', IDEMPOTENCY_RETENTION_DAYS)).toBe(true)
    expect(isTooOldToReplay(later, '2026-11-12T08:00:00.000Z', IDEMPOTENCY_RETENTION_DAYS)).toBe(false)
  })

  it('sends the entries in the order they were queued, each with its own key, and stores each answer', async () => {
    const { server, replica, outbox } = await setup()
    for (const patient of ['PT-A', 'PT-B', 'PT-C']) await outbox.enqueue(finalize(patient))
    await outbox.enqueue(addAttempt('case-9'))
    await outbox.drain()
    expect(server.encounters().map((e) => e.patientId)).toEqual(['PT-A', 'PT-B', 'PT-C'])
    expect(server.writes.map((w) => w.route)).toEqual(['finalize', 'finalize', 'finalize', 'addAttempt'])
    const keys = writeKeys(server)
    expect(new Set(keys).size).toBe(4)
    for (const key of keys) expect(key).toMatch(IDEMPOTENCY_KEY)
    expect(await replica.outbox()).toEqual([])
    expect((await replica.allEncounters()).map((e) => e.patientId).sort()).toEqual(['PT-A', 'PT-B', 'PT-C'])
    expect((await replica.allAttempts()).map((a) => a.caseId)).toEqual(['case-9'])
  })

  it('keeps an entry and its key when the answer is lost, and the retry is done once by the server', async () => {
    const { server, replica, outbox, failures } = await setup()
    const entry = await outbox.enqueue(finalize('PT-A'))
    server.loseNextAnswer('finalize')
    await outbox.drain()
    expect(failures).toEqual(['unreachable'])
    expect(await replica.outbox()).toEqual([{ ...entry, attempts: 1, lastError: expect.objectContaining({ status: 0, error: 'network' }) as unknown }])
    await outbox.drain()
    expect(server.writes).toHaveLength(1)
    expect(writeKeys(server)).toEqual([entry.key, entry.key])
    expect(await replica.outbox()).toEqual([])
    expect(await replica.allEncounters()).toEqual(server.encounters())
  })

  it('writes once on the server when two tabs send the same entry', async () => {
    const server = createFakeSyncServer({ me: PEOPLE.sam })
    const [one, two] = await freshTabs(2)
    const tabs = [one, two].map((replica) => createOutbox({ client: server.client, replica }))
    await tabs[0].enqueue(addAttempt('case-1'))
    await Promise.all(tabs.map((t) => t.drain()))
    expect(server.requests.filter((r) => r.route === 'addAttempt')).toHaveLength(2)
    expect(server.writes).toHaveLength(1)
    expect(await one.outbox()).toEqual([])
    expect(await one.allAttempts()).toEqual(server.attempts())
  })

  it('stops at an unreachable server, leaving that entry and the ones after it in order', async () => {
    const { server, replica, outbox, failures } = await setup()
    await outbox.enqueue(finalize('PT-A'))
    await outbox.enqueue(finalize('PT-B'))
    server.setOffline(true)
    await outbox.drain()
    expect(failures).toEqual(['unreachable'])
    expect(server.requests.filter((r) => r.route === 'finalize')).toHaveLength(1)
    expect((await replica.outbox()).map((e) => [e.body, e.state, e.attempts])).toEqual([
      [finalize('PT-A').body, 'pending', 1], [finalize('PT-B').body, 'pending', 0],
    ])
    server.setOffline(false)
    await outbox.drain()
    expect(server.encounters().map((e) => e.patientId)).toEqual(['PT-A', 'PT-B'])
  })

  it('sends nothing while it may not (sync stopped, or waiting to retry)', async () => {
    let allowed = false
    const { server, outbox } = await setup({ canSend: () => allowed })
    await outbox.enqueue(addAttempt('case-1'))
    await outbox.drain()
    expect(server.requests).toEqual([])
    allowed = true
    await outbox.drain()
    expect(server.writes).toHaveLength(1)
  })

  it('keeps the entry pending and reports signed-out on 401', async () => {
    const { server, replica, outbox, failures } = await setup()
    await outbox.enqueue(addAttempt('case-1'))
    server.signOut()
    await outbox.drain()
    expect(failures).toEqual(['signed-out'])
    expect((await replica.outbox()).map((e) => e.state)).toEqual(['pending'])
  })
})

describe('entries the server refuses', () => {
  it('puts a 409 stale decision in needs-attention with the server\'s message, keeps the body, and sends the next entry', async () => {
    const { server, replica, outbox } = await setup()
    const coded = server.finalize({ encounter: encounterInput('PT-A') }, PEOPLE.casey)
    server.decide(coded.id, { action: 'approve' }, PEOPLE.tia)
    const decision: OutboxMutation = { route: 'decide', params: { id: coded.id }, body: { action: 'return', reason: 'Add the level.', expectedVersion: 1 } }
    await outbox.enqueue(decision)
    await outbox.enqueue(addAttempt('case-1'))
    await outbox.drain()
    const [refused, ...rest] = await replica.outbox()
    expect(rest).toEqual([])
    expect(refused).toMatchObject({ ...decision, state: 'needs-attention', attempts: 1, lastError: { status: 409, error: 'stale', message: expect.stringMatching(/reviewed this encounter since/) as unknown } })
    expect((await replica.allAttempts()).map((a) => a.caseId)).toEqual(['case-1'])
    expect(await replica.outboxCounts()).toEqual({ pending: 0, needsAttention: 1 })
  })

  it('sends a reason-required finalize again with the reason the user adds, under a fresh key', async () => {
    const { server, replica, outbox } = await setup()
    const entry = await outbox.enqueue(finalize('PT-A', { diagnoses: [] }))
    await outbox.drain()
    expect((await replica.outboxEntry(entry.order))?.lastError?.error).toBe('reason-required')
    await outbox.retry(entry.order, { body: { encounter: encounterInput('PT-A', { diagnoses: [] }), reason: 'Diagnosis confirmed by phone.' } })
    await outbox.drain()
    expect(server.encounters().map((e) => e.reason)).toEqual(['Diagnosis confirmed by phone.'])
    const [first, second] = writeKeys(server)
    expect(first).toBe(entry.key)
    expect(second).not.toBe(entry.key)
    expect(await replica.outbox()).toEqual([])
  })

  it.each([
    ['403 forbidden', new ApiError(403, 'forbidden', 'Only reviewers can do this.')],
    ['400 from the server', new ApiError(400, 'invalid-request', 'The case id is not known.')],
    ['422 idempotency-key-reused', new ApiError(422, 'idempotency-key-reused', 'This idempotency key was used for another request.')],
  ])('puts an entry answered %s in needs-attention and goes on', async (_label, error) => {
    const { server, replica, outbox } = await setup()
    server.failNext('addAttempt', error)
    await outbox.enqueue(addAttempt('case-1'))
    await outbox.enqueue(addAttempt('case-2'))
    await outbox.drain()
    expect((await replica.outbox()).map((e) => [e.body, e.state, e.lastError?.message])).toEqual([[addAttempt('case-1').body, 'needs-attention', error.message]])
    expect(server.attempts().map((a) => a.caseId)).toEqual(['case-2'])
  })

  it('puts an entry the client cannot send (a body outside the contract) in needs-attention without sending it', async () => {
    const { server, replica, outbox } = await setup()
    await outbox.enqueue({ route: 'addAttempt', body: { caseId: 'case-1', scorePercent: 140, lines: [] } })
    await outbox.drain()
    expect(server.requests).toEqual([])
    expect((await replica.outbox())[0]).toMatchObject({ state: 'needs-attention', lastError: { status: 400, error: 'invalid-request' } })
  })

  it('sends an entry whose answer could not be read again as it was, under the same key, and refuses a new body for it', async () => {
    const { server, replica, outbox } = await setup()
    server.failNext('addAttempt', new ApiError(200, 'bad-response', 'The server\'s answer could not be read.'))
    const entry = await outbox.enqueue(addAttempt('case-1'))
    await outbox.drain()
    await expect(outbox.retry(entry.order, { body: addAttempt('case-2').body })).rejects.toThrow(/only be sent again as it was/)
    await outbox.retry(entry.order)
    await outbox.drain()
    expect(writeKeys(server)).toEqual([entry.key, entry.key])
    expect(await replica.outbox()).toEqual([])
  })

  it('discards a refused entry; a pending one can be neither discarded nor retried', async () => {
    const { server, replica, outbox } = await setup()
    server.failNext('addAttempt', new ApiError(403, 'forbidden', 'No.'))
    const refused = await outbox.enqueue(addAttempt('case-1'))
    await outbox.drain()
    server.setOffline(true)
    const waiting = await outbox.enqueue(addAttempt('case-2'))
    await expect(outbox.discard(waiting.order)).rejects.toThrow(/still waiting to be sent/)
    await expect(outbox.retry(waiting.order)).rejects.toThrow(/still waiting to be sent/)
    await outbox.discard(refused.order)
    expect((await replica.outbox()).map((e) => e.order)).toEqual([waiting.order])
    await expect(outbox.discard(refused.order)).rejects.toThrow(/no longer in the outbox/)
  })
})

describe('shared records and drafts in the outbox', () => {
  const draftSave = (key: string, note: string): OutboxMutation => ({
    route: 'saveRecord', params: { kind: 'draft', key }, body: { value: { id: key, note }, expectedVersion: null }, local: { versionAtSend: true },
  })
  const draftDelete = (key: string): OutboxMutation => ({ route: 'deleteRecord', params: { kind: 'draft', key }, body: { expectedVersion: 1 }, local: { versionAtSend: true } })

  it('coalesces consecutive saves of one draft into one write, sent with the latest value', async () => {
    const { server, replica, outbox } = await setup()
    for (const note of ['L', 'L4', 'L4-L5', 'L4-L5 left']) await outbox.enqueue(draftSave('d-1', note))
    await outbox.enqueue(draftSave('d-2', 'other draft'))
    expect(await replica.outbox()).toHaveLength(2)
    await outbox.drain()
    expect(server.writes.map((w) => w.route)).toEqual(['saveRecord', 'saveRecord'])
    expect(server.records().map((r) => [r.key, r.version, (r.value as { note: string }).note])).toEqual([['d-1', 1, 'L4-L5 left'], ['d-2', 1, 'other draft']])
    expect((await replica.record('draft', 'd-1'))?.value).toEqual({ id: 'd-1', note: 'L4-L5 left' })
  })

  it('a save after the first was sent is a new write against the version the server answered', async () => {
    const { server, replica, outbox } = await setup()
    await outbox.enqueue(draftSave('d-3', 'first'))
    await outbox.drain()
    await outbox.enqueue(draftSave('d-3', 'second'))
    await outbox.enqueue(draftSave('d-3', 'third'))
    await outbox.drain()
    expect(server.writes.map((w) => w.route)).toEqual(['saveRecord', 'saveRecord'])
    expect(server.records()[0]).toMatchObject({ version: 2, value: { id: 'd-3', note: 'third' } })
    expect((await replica.record('draft', 'd-3'))?.version).toBe(2)
    expect(await replica.outbox()).toEqual([])
  })

  it('a save is not coalesced into one that failed to reach the server (its key may have been used)', async () => {
    const { server, replica, outbox } = await setup()
    server.setOffline(true)
    await outbox.enqueue(draftSave('d-4', 'one'))
    await outbox.drain()
    await outbox.enqueue(draftSave('d-4', 'two'))
    expect((await replica.outbox()).map((e) => (e.body as { value: { note: string } }).value.note)).toEqual(['one', 'two'])
    server.setOffline(false)
    await outbox.drain()
    expect(server.records()[0]).toMatchObject({ version: 2, value: { note: 'two' } })
  })

  it('deleting a draft the server never had sends nothing; deleting a synced one deletes it from its current version', async () => {
    const { server, replica, outbox } = await setup()
    await outbox.enqueue(draftDelete('never-sent'))
    await outbox.enqueue(draftSave('d-5', 'kept'))
    await outbox.drain()
    expect(server.writes.map((w) => w.route)).toEqual(['saveRecord'])
    await outbox.enqueue(draftDelete('d-5'))
    await outbox.drain()
    expect(server.writes.map((w) => w.route)).toEqual(['saveRecord', 'deleteRecord'])
    expect(server.records()).toEqual([])
    expect(await replica.record('draft', 'd-5')).toBeUndefined()
    expect(await replica.outbox()).toEqual([])
  })

  it('deleting a draft whose only save is still waiting unsent takes the save back: nothing is sent', async () => {
    const { server, replica, outbox } = await setup()
    server.setOffline(true)
    await outbox.enqueue(draftSave('d-6', 'typed offline'))
    await outbox.enqueue(addAttempt('between'))
    await outbox.enqueue(draftDelete('d-6'))
    expect((await replica.outbox()).map((e) => e.route)).toEqual(['addAttempt'])
    server.setOffline(false)
    await outbox.drain()
    expect(server.writes.map((w) => w.route)).toEqual(['addAttempt'])
    expect(server.records()).toEqual([])
  })

  it('deleting a draft the server has takes back its unsent save and still deletes it; a save already tried is kept', async () => {
    const { server, replica, outbox } = await setup()
    const waiting = async () => (await replica.outbox()).map((e) => `${e.route} ${e.route === 'saveRecord' || e.route === 'deleteRecord' ? e.params.key : ''}`)
    await outbox.enqueue(draftSave('d-7', 'synced'))
    await outbox.drain()
    server.setOffline(true)
    await outbox.enqueue(draftSave('d-8', 'tried once'))
    await outbox.drain()
    await outbox.enqueue(draftDelete('d-8'))
    expect(await waiting()).toEqual(['saveRecord d-8', 'deleteRecord d-8'])
    await outbox.enqueue(draftSave('d-7', 'edited offline'))
    await outbox.enqueue(draftDelete('d-7'))
    expect(await waiting()).toEqual(['saveRecord d-8', 'deleteRecord d-8', 'deleteRecord d-7'])
    server.setOffline(false)
    await outbox.drain()
    expect(server.records()).toEqual([])
    expect(await replica.outbox()).toEqual([])
  })

  it('a provider saved against an older version waits for the user as stale; the server keeps its version', async () => {
    const { server, replica, outbox } = await setup()
    server.saveRecord('provider', 'NPI-1', { id: 'NPI-1', name: 'Dr A' }, null, PEOPLE.casey)
    await outbox.enqueue({ route: 'saveRecord', params: { kind: 'provider', key: 'NPI-1' }, body: { value: { id: 'NPI-1', name: 'Dr B' }, expectedVersion: null } })
    await outbox.drain()
    const [entry] = await replica.outbox()
    expect(entry).toMatchObject({ state: 'needs-attention', lastError: { status: 409, error: 'stale' } })
    expect(server.records()[0]).toMatchObject({ version: 1, value: { name: 'Dr A' } })
  })
})

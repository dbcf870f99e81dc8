import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { openDB } from 'idb'
import type { Change, ChangeList, ChargeExportSummary, Decision, EncounterSummary, RemittanceSummary } from '../../../group-api/index.ts'
import { PEOPLE } from './fake-sync-server.ts'
import { deleteReplica, openReplica, REPLICA_VERSION, replicaName, type Replica } from './replica.ts'
import type { TrainingAttempt } from './types.ts'

let n = 0
const opened: { practiceId: string; replica: Replica }[] = []
async function freshReplica() {
  const practiceId = `00000000-0000-4000-8000-${(++n).toString().padStart(12, '0')}`
  const replica = await openReplica(practiceId, PEOPLE.casey.id)
  opened.push({ practiceId, replica })
  return replica
}
afterEach(async () => {
  for (const o of opened.splice(0)) {
    o.replica.close()
    await deleteReplica(o.practiceId, PEOPLE.casey.id)
  }
})

const uuid = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`

function summary(i: number, overrides: Partial<EncounterSummary> = {}): EncounterSummary {
  return {
    id: uuid(i), patientId: 'PT-1', dateOfService: '2026-11-20', finalizedAt: `2026-11-26T09:00:0${i % 10}.000Z`, finalizedBy: PEOPLE.casey.id,
    finalizedByName: PEOPLE.casey.name, review: 'pending', lines: [], findings: [], reason: null, version: 1, encounter: { patientId: 'PT-1' }, decisions: [],
    ...overrides,
  }
}
function attempt(i: number, overrides: Partial<TrainingAttempt> = {}): TrainingAttempt {
  return { id: uuid(i), userId: PEOPLE.casey.id, caseId: 'case-1', scorePercent: 80, submittedAt: `2026-11-26T10:00:0${i % 10}.000Z`, lines: [], ...overrides }
}
function returnDecision(i: number, reason: string | null, decidedAt: string): Decision {
  return { id: uuid(1000 + i), lineIndex: null, action: 'return', reason, decidedBy: PEOPLE.sam.id, decidedByName: PEOPLE.sam.name, decidedAt }
}

const upsert = (seq: number, encounter: EncounterSummary): Change => ({ seq, entity: 'encounter', id: encounter.id, op: 'upsert', encounter })
const page = (changes: Change[], cursor: number, more = false, head = cursor): ChangeList => ({ changes, cursor, more, head })

describe('the replica', () => {
  it('is one database per practice and person', () => {
    expect(replicaName(PEOPLE.sam.id, PEOPLE.casey.id)).toBe(`icw-replica-${PEOPLE.sam.id}-${PEOPLE.casey.id}`)
  })

  it('applies a page and moves the cursor to the page\'s, and marks the time once the feed is read to its end', async () => {
    const replica = await freshReplica()
    expect(await replica.meta()).toEqual({ cursor: 0, head: 0, lastSyncedAt: null })
    const first = page([upsert(1, summary(1)), { seq: 2, entity: 'training-attempt', id: uuid(2), op: 'upsert', attempt: attempt(2) }], 4, true, 9)
    expect(await replica.applyPage(0, first, '2026-11-26T11:00:00.000Z')).toBe(true)
    expect(await replica.meta()).toEqual({ cursor: 4, head: 9, lastSyncedAt: null })
    expect(await replica.applyPage(4, page([upsert(9, summary(3))], 9), '2026-11-26T11:00:05.000Z')).toBe(true)
    expect(await replica.meta()).toEqual({ cursor: 9, head: 9, lastSyncedAt: '2026-11-26T11:00:05.000Z' })
    expect((await replica.allEncounters()).map((e) => e.id)).toEqual([uuid(1), uuid(3)])
    expect(await replica.allAttempts()).toEqual([attempt(2)])
  })

  it('replaces a row with the state a later change carries, and removes it on a delete', async () => {
    const replica = await freshReplica()
    await replica.applyPage(0, page([upsert(1, summary(1)), upsert(2, summary(2))], 2), 'now')
    await replica.applyPage(2, page([upsert(3, summary(1, { review: 'approved', version: 2 })), { seq: 4, entity: 'encounter', id: uuid(2), op: 'delete' }], 4), 'now')
    expect(await replica.allEncounters()).toEqual([summary(1, { review: 'approved', version: 2 })])
  })

  it('leaves the rows and the cursor as they were when a page fails midway (a row that cannot be stored)', async () => {
    const replica = await freshReplica()
    await replica.applyPage(0, page([upsert(1, summary(1))], 1), '2026-11-26T11:00:00.000Z')
    const broken = page([
      upsert(2, summary(2)),
      upsert(3, summary(1, { review: 'approved', version: 2 })),
      upsert(4, summary(4, { encounter: () => 'not storable' })),
    ], 4)
    await expect(replica.applyPage(1, broken, '2026-11-26T11:05:00.000Z')).rejects.toThrow(/synced changes could not be stored, so nothing was changed/)
    expect(await replica.meta()).toEqual({ cursor: 1, head: 1, lastSyncedAt: '2026-11-26T11:00:00.000Z' })
    expect(await replica.allEncounters()).toEqual([summary(1)])
  })

  it('leaves the rows and the cursor as they were when a change comes without its row', async () => {
    const replica = await freshReplica()
    const broken = page([upsert(1, summary(1)), { seq: 2, entity: 'encounter', id: uuid(2), op: 'upsert' }], 2)
    await expect(replica.applyPage(0, broken, 'now')).rejects.toThrow(/change 2 .* without the row/)
    expect(await replica.meta()).toEqual({ cursor: 0, head: 0, lastSyncedAt: null })
    expect(await replica.allEncounters()).toEqual([])
  })

  it('does not apply a page pulled from a cursor another tab has moved past', async () => {
    const replica = await freshReplica()
    expect(await replica.applyPage(0, page([upsert(5, summary(1, { version: 3 }))], 5), 'now')).toBe(true)
    expect(await replica.applyPage(0, page([upsert(2, summary(1, { version: 1 }))], 2), 'now')).toBe(false)
    expect((await replica.meta()).cursor).toBe(5)
    expect((await replica.encounter(uuid(1)))?.version).toBe(3)
  })
})

describe('reading the replica', () => {
  it('lists a patient\'s encounters newest date of service first', async () => {
    const replica = await freshReplica()
    await replica.applyPage(0, page([
      upsert(1, summary(1, { patientId: 'PT-7', dateOfService: '2026-10-01' })),
      upsert(2, summary(2, { patientId: 'PT-8', dateOfService: '2026-10-05' })),
      upsert(3, summary(3, { patientId: 'PT-7', dateOfService: '2026-11-02' })),
    ], 3), 'now')
    expect((await replica.encountersOfPatient('PT-7')).map((e) => e.dateOfService)).toEqual(['2026-11-02', '2026-10-01'])
  })

  it('queues the encounters pending review, oldest finalized first', async () => {
    const replica = await freshReplica()
    await replica.applyPage(0, page([
      upsert(1, summary(1, { finalizedAt: '2026-11-26T09:30:00.000Z' })),
      upsert(2, summary(2, { review: 'approved' })),
      upsert(3, summary(3, { finalizedAt: '2026-11-26T08:00:00.000Z' })),
      upsert(4, summary(4, { review: 'not-needed' })),
    ], 4), 'now')
    expect((await replica.reviewQueue()).map((e) => e.id)).toEqual([uuid(3), uuid(1)])
  })

  it('gives a coder the encounters returned to them, with the reviewer\'s latest note', async () => {
    const replica = await freshReplica()
    const mineReturned = summary(1, {
      review: 'returned', version: 3,
      decisions: [returnDecision(1, 'Add the level.', '2026-11-26T12:00:00.000Z'), returnDecision(2, 'And the side.', '2026-11-26T12:05:00.000Z')],
    })
    await replica.applyPage(0, page([
      upsert(1, mineReturned),
      upsert(2, summary(2, { review: 'returned', finalizedBy: PEOPLE.tia.id, decisions: [returnDecision(3, 'Not yours', '2026-11-26T12:00:00.000Z')] })),
      upsert(3, summary(3, { review: 'pending' })),
    ], 3), 'now')
    const returned = await replica.returnedTo(PEOPLE.casey.id)
    expect(returned).toEqual([{
      encounter: mineReturned, note: 'And the side.', returnedBy: PEOPLE.sam.name, returnedAt: '2026-11-26T12:05:00.000Z', returns: mineReturned.decisions,
    }])
  })

  it('lists a person\'s practice attempts oldest first, and no one else\'s', async () => {
    const replica = await freshReplica()
    const change = (seq: number, a: TrainingAttempt): Change => ({ seq, entity: 'training-attempt', id: a.id, op: 'upsert', attempt: a })
    await replica.applyPage(0, page([
      change(1, attempt(1, { submittedAt: '2026-11-26T10:05:00.000Z' })),
      change(2, attempt(2, { userId: PEOPLE.tia.id })),
      change(3, attempt(3, { submittedAt: '2026-11-26T10:01:00.000Z' })),
    ], 3), 'now')
    expect((await replica.attemptsOf(PEOPLE.casey.id)).map((a) => a.id)).toEqual([uuid(3), uuid(1)])
  })
})

describe('the outbox table', () => {
  const draft = (caseId: string) => ({
    route: 'addAttempt' as const, body: { caseId, scorePercent: 90, lines: [] }, key: `key-${caseId}-0001`,
    createdAt: '2026-11-26T10:00:00.000Z', state: 'pending' as const, attempts: 0, lastError: null,
  })

  it('numbers entries in the order they were added and gives the first one still pending', async () => {
    const replica = await freshReplica()
    const a = await replica.addOutboxEntry(draft('a'))
    const b = await replica.addOutboxEntry(draft('b'))
    const c = await replica.addOutboxEntry(draft('c'))
    expect(a.order).toBeLessThan(b.order)
    expect(b.order).toBeLessThan(c.order)
    await replica.putOutboxEntry({ ...a, state: 'needs-attention' })
    expect((await replica.nextPending())?.order).toBe(b.order)
    expect(await replica.outboxCounts()).toEqual({ pending: 2, needsAttention: 1 })
    expect((await replica.outbox()).map((e) => e.body)).toEqual([a.body, b.body, c.body])
  })

  it('stores a write\'s answer and removes its entry together, without moving the cursor', async () => {
    const replica = await freshReplica()
    const entry = await replica.addOutboxEntry(draft('a'))
    await replica.completeOutboxEntry(entry.order, { attempt: attempt(7) })
    expect(await replica.outbox()).toEqual([])
    expect(await replica.allAttempts()).toEqual([attempt(7)])
    expect((await replica.meta()).cursor).toBe(0)
  })

  it('keeps the entry when its answer cannot be stored', async () => {
    const replica = await freshReplica()
    const entry = await replica.addOutboxEntry(draft('a'))
    await expect(replica.completeOutboxEntry(entry.order, { attempt: attempt(7, { lines: [() => 1] }) })).rejects.toThrow(/could not be stored/)
    expect(await replica.outbox()).toEqual([entry])
    expect(await replica.allAttempts()).toEqual([])
  })
})

describe('shared records (version 3)', () => {
  const record = (id: number, key: string, version: number, name: string) => ({
    id: uuid(id), kind: 'provider' as const, key, version, value: { id: key, name }, updatedBy: PEOPLE.sam.id, updatedByName: PEOPLE.sam.name, updatedAt: '2026-11-26T10:00:00.000Z',
  })
  const recordChange = (seq: number, r: ReturnType<typeof record>): Change => ({ seq, entity: 'record', id: r.id, op: 'upsert', record: r })

  it('keeps each record by kind and key, the latest version, and drops it when the feed deletes its id', async () => {
    const replica = await freshReplica()
    const seen: string[] = []
    replica.subscribe((tables) => seen.push(...tables))
    expect(await replica.applyPage(0, page([recordChange(1, record(901, 'NPI-1', 1, 'Dr A')), recordChange(2, record(902, 'NPI-2', 1, 'Dr B')), recordChange(3, record(901, 'NPI-1', 2, 'Dr A2'))], 3), 'now')).toBe(true)
    expect((await replica.records('provider')).map((r) => [r.key, r.version, (r.value as { name: string }).name])).toEqual([['NPI-1', 2, 'Dr A2'], ['NPI-2', 1, 'Dr B']])
    expect(await replica.records('payer-profile')).toEqual([])
    expect(seen).toContain('records')
    // A deletion of an id no longer under its key (made again since) leaves the new one alone.
    await replica.applyPage(3, page([{ seq: 4, entity: 'record', id: uuid(902), op: 'delete' }, { seq: 5, entity: 'record', id: uuid(999), op: 'delete' }], 5), 'now')
    expect((await replica.records('provider')).map((r) => r.key)).toEqual(['NPI-1'])
  })

  it('an older version arriving after a newer one (an answer crossing a pull) does not go back', async () => {
    const replica = await freshReplica()
    await replica.applyPage(0, page([recordChange(1, record(903, 'NPI-3', 2, 'Newer'))], 1), 'now')
    await replica.applyPage(1, page([recordChange(2, record(903, 'NPI-3', 1, 'Older'))], 2), 'now')
    expect((await replica.record('provider', 'NPI-3'))?.value).toEqual({ id: 'NPI-3', name: 'Newer' })
  })
})

describe('remittances (version 4)', () => {
  const remittance = (i: number, importedAt: string): RemittanceSummary => ({
    id: uuid(i), fileName: `file-${i}.835`, importedAt, userId: PEOPLE.casey.id, userName: PEOPLE.casey.name, controlNumber: 'encounter-id-or-patient-id',
    paymentKeys: [`ACME1|EFT${i}|2026-11-21`], payments: [{ payerName: 'ACME', payerId: 'ACME1', paymentDate: '2026-11-21', checkOrEftNumber: `EFT${i}`, amount: 100, claims: 1 }],
    claims: 1, matchedClaims: 0, denials: [], unmatchedClaims: [], unmatchedLines: [],
  })
  const imported = (seq: number, r: RemittanceSummary): Change => ({ seq, entity: 'remittance', id: r.id, op: 'upsert', remittance: r })

  it('keeps the practice\'s imports from the feed, newest first, and drops one the feed deletes', async () => {
    const replica = await freshReplica()
    const seen: string[] = []
    replica.subscribe((tables) => seen.push(...tables))
    const [older, newer] = [remittance(801, '2026-11-26T09:00:00.000Z'), remittance(802, '2026-11-26T10:00:00.000Z')]
    expect(await replica.applyPage(0, page([imported(1, older), imported(2, newer)], 2), 'now')).toBe(true)
    expect(await replica.remittances()).toEqual([newer, older])
    expect(seen).toEqual(['remittances'])
    await replica.applyPage(2, page([{ seq: 3, entity: 'remittance', id: older.id, op: 'delete' }], 3), 'now')
    expect((await replica.remittances()).map((r) => r.id)).toEqual([newer.id])
  })

  it('refuses a page whose remittance change comes without its row, and keeps nothing of the page', async () => {
    const replica = await freshReplica()
    const good = remittance(803, '2026-11-26T09:00:00.000Z')
    await expect(replica.applyPage(0, page([imported(1, good), { seq: 2, entity: 'remittance', id: uuid(804), op: 'upsert' }], 2), 'now')).rejects.toThrow()
    expect(await replica.remittances()).toEqual([])
    expect((await replica.meta()).cursor).toBe(0)
  })

  it('a replica made by the previous version opens with its rows and cursor, and an empty remittance table', async () => {
    const practiceId = `00000000-0000-4000-8000-${(++n).toString().padStart(12, '0')}`
    const old = await openDB(replicaName(practiceId, PEOPLE.casey.id), 3, {
      upgrade(db) {
        db.createObjectStore('encounters', { keyPath: 'id' })
        db.createObjectStore('attempts', { keyPath: 'id' })
        db.createObjectStore('meta', { keyPath: 'id' })
        db.createObjectStore('outbox', { keyPath: 'order', autoIncrement: true }).createIndex('state', 'state')
        db.createObjectStore('historyImports', { keyPath: 'id' }).createIndex('importedAt', 'importedAt')
        db.createObjectStore('history', { keyPath: ['patientId', 'importId', 'first'] }).createIndex('patientId', 'patientId')
        db.createObjectStore('attemptLinks', { keyPath: 'serverId' })
        db.createObjectStore('dismissed', { keyPath: 'id' })
        const records = db.createObjectStore('records', { keyPath: ['kind', 'key'] })
        records.createIndex('id', 'id', { unique: true })
        records.createIndex('kind', 'kind')
      },
    })
    await old.put('meta', { id: 'sync', cursor: 7, head: 9, lastSyncedAt: null })
    await old.put('encounters', summary(805))
    old.close()
    expect(REPLICA_VERSION).toBe(5)
    const replica = await openReplica(practiceId, PEOPLE.casey.id)
    opened.push({ practiceId, replica })
    expect(await replica.meta()).toEqual({ cursor: 7, head: 9, lastSyncedAt: null })
    expect((await replica.allEncounters()).map((e) => e.id)).toEqual([uuid(805)])
    expect(await replica.remittances()).toEqual([])
    expect(await replica.chargeExports()).toEqual([])
  })
})

describe('charge exports (version 5)', () => {
  const chargeExport = (i: number, exportedAt: string): ChargeExportSummary => ({
    id: uuid(i), encounterId: uuid(i + 50), exportedAt, userId: PEOPLE.casey.id, userName: PEOPLE.casey.name, format: 'hl7', fileName: `charges-${i}.hl7`, status: 'approved',
  })
  const exported = (seq: number, e: ChargeExportSummary): Change => ({ seq, entity: 'charge-export', id: e.id, op: 'upsert', chargeExport: e })

  it("keeps the practice's charge exports from the feed, oldest first, and tells the app its charge-export table changed", async () => {
    const replica = await freshReplica()
    const seen: string[] = []
    replica.subscribe((tables) => seen.push(...tables))
    const [older, newer] = [chargeExport(811, '2026-11-26T09:00:00.000Z'), chargeExport(812, '2026-11-26T10:00:00.000Z')]
    expect(await replica.applyPage(0, page([exported(1, newer), exported(2, older)], 2), 'now')).toBe(true)
    expect(await replica.chargeExports()).toEqual([older, newer])
    expect(seen).toEqual(['chargeExports'])
  })

  it('refuses a page whose charge-export change comes without its row, and keeps nothing of the page', async () => {
    const replica = await freshReplica()
    const good = chargeExport(813, '2026-11-26T09:00:00.000Z')
    await expect(replica.applyPage(0, page([exported(1, good), { seq: 2, entity: 'charge-export', id: uuid(814), op: 'upsert' }], 2), 'now')).rejects.toThrow()
    expect(await replica.chargeExports()).toEqual([])
    expect((await replica.meta()).cursor).toBe(0)
  })

  it('a replica made by version 4 opens with its rows and cursor, and an empty charge-export table', async () => {
    const practiceId = `00000000-0000-4000-8000-${(++n).toString().padStart(12, '0')}`
    const old = await openDB(replicaName(practiceId, PEOPLE.casey.id), 4, {
      upgrade(db) {
        db.createObjectStore('encounters', { keyPath: 'id' })
        db.createObjectStore('attempts', { keyPath: 'id' })
        db.createObjectStore('meta', { keyPath: 'id' })
        db.createObjectStore('outbox', { keyPath: 'order', autoIncrement: true }).createIndex('state', 'state')
        db.createObjectStore('historyImports', { keyPath: 'id' }).createIndex('importedAt', 'importedAt')
        db.createObjectStore('history', { keyPath: ['patientId', 'importId', 'first'] }).createIndex('patientId', 'patientId')
        db.createObjectStore('attemptLinks', { keyPath: 'serverId' })
        db.createObjectStore('dismissed', { keyPath: 'id' })
        const records = db.createObjectStore('records', { keyPath: ['kind', 'key'] })
        records.createIndex('id', 'id', { unique: true })
        records.createIndex('kind', 'kind')
        db.createObjectStore('remittances', { keyPath: 'id' }).createIndex('importedAt', 'importedAt')
      },
    })
    await old.put('meta', { id: 'sync', cursor: 4, head: 4, lastSyncedAt: null })
    await old.put('encounters', summary(815))
    old.close()
    const replica = await openReplica(practiceId, PEOPLE.casey.id)
    opened.push({ practiceId, replica })
    expect(await replica.meta()).toEqual({ cursor: 4, head: 4, lastSyncedAt: null })
    expect((await replica.allEncounters()).map((e) => e.id)).toEqual([uuid(815)])
    expect(await replica.chargeExports()).toEqual([])
  })
})

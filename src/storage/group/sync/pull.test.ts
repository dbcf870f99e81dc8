import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { Change } from '../../../group-api/index.ts'
import { ApiError } from '../api-error.ts'
import { createFakeGroupClient } from '../fake-client.ts'
import { createFakeSyncServer, encounterInput, PEOPLE, type FakeSyncServer, type Person } from './fake-sync-server.ts'
import { createPuller } from './pull.ts'
import { deleteReplica, openReplica, type Replica } from './replica.ts'

let n = 0
const opened: { practiceId: string; replica: Replica }[] = []
async function freshReplica() {
  return (await freshTabs(1))[0]
}
/** Tabs of the same person, each with its own connection to one replica. */
async function freshTabs(count: number) {
  const practiceId = `00000000-0000-4000-8000-${(++n).toString().padStart(12, '0')}`
  const tabs: Replica[] = []
  for (let i = 0; i < count; i++) {
    const replica = await openReplica(practiceId, PEOPLE.casey.id)
    opened.push({ practiceId, replica })
    tabs.push(replica)
  }
  return tabs
}
afterEach(async () => {
  const all = opened.splice(0)
  for (const o of all) o.replica.close()
  for (const practiceId of new Set(all.map((o) => o.practiceId))) await deleteReplica(practiceId, PEOPLE.casey.id)
})

/** A coder's view: encounters, and only their own practice attempts. */
const coderReads = (change: Change) => change.entity === 'encounter' || change.attempt?.userId === PEOPLE.casey.id

/** The replica, with a record of every change it applied (shared by tabs). */
function recording(replica: Replica, applied: number[] = []) {
  const wrapped: Replica = {
    ...replica,
    async applyPage(after, page, at) {
      const ok = await replica.applyPage(after, page, at)
      if (ok) applied.push(...page.changes.map((c) => c.seq))
      return ok
    },
  }
  return { replica: wrapped, applied }
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))
const attemptBody = (caseId: string) => ({ caseId, scorePercent: 75, lines: [{ code: '64493', modifiers: ['RT'], units: 1 }] })

function seed(server: FakeSyncServer, count: number) {
  for (let i = 0; i < count; i++) server.finalize({ encounter: encounterInput(`PT-${i}`) }, PEOPLE.sam)
}

describe('pulling the change feed', () => {
  it('pulls page after page from the cursor until the server says there are no more', async () => {
    const server = createFakeSyncServer()
    seed(server, 7)
    const replica = await freshReplica()
    const puller = createPuller({ client: server.client, replica, pageSize: 3, now: () => '2026-11-26T12:00:00.000Z' })
    await puller.request()
    expect(server.requests.map((r) => r.query)).toEqual([{ after: 0, limit: 3 }, { after: 3, limit: 3 }, { after: 6, limit: 3 }])
    expect(byId(await replica.allEncounters())).toEqual(byId(server.encounters()))
    expect(await replica.meta()).toEqual({ cursor: 7, head: 7, lastSyncedAt: '2026-11-26T12:00:00.000Z' })
    expect(puller.cursor()).toBe(7)
  })

  it('stores the cursor the server gives even past the last change this person may read', async () => {
    const server = createFakeSyncServer({ readable: coderReads })
    server.finalize({ encounter: encounterInput('PT-1') }, PEOPLE.sam)
    server.addAttempt(attemptBody('case-1'), PEOPLE.tia)
    server.addAttempt(attemptBody('case-2'), PEOPLE.tia)
    const replica = await freshReplica()
    const puller = createPuller({ client: server.client, replica, pageSize: 2 })
    await puller.request()
    expect((await replica.meta()).cursor).toBe(3)
    expect(await replica.allAttempts()).toEqual([])
    server.addAttempt(attemptBody('case-3'))
    await puller.request()
    expect(server.requests.at(-1)?.query).toEqual({ after: 3, limit: 2 })
    expect((await replica.allAttempts()).map((a) => a.caseId)).toEqual(['case-3'])
  })

  it('runs one pull at a time: requests made while it runs get one more pull after it', async () => {
    const server = createFakeSyncServer()
    seed(server, 2)
    const replica = await freshReplica()
    const puller = createPuller({ client: server.client, replica })
    const first = puller.request()
    server.finalize({ encounter: encounterInput('PT-late') }, PEOPLE.sam)
    const second = puller.request()
    const third = puller.request()
    await Promise.all([first, second, third])
    expect(server.maxChangesInFlight).toBe(1)
    expect(server.requests.map((r) => r.query)).toEqual([{ after: 0, limit: 1000 }, { after: 3, limit: 1000 }])
    expect((await replica.allEncounters()).map((e) => e.patientId).sort()).toEqual(['PT-0', 'PT-1', 'PT-late'])
  })

  it('keeps the pages applied before a failed one, reports the failure once, and goes on from there next time', async () => {
    const server = createFakeSyncServer()
    seed(server, 4)
    const replica = await freshReplica()
    const failures: unknown[] = []
    const puller = createPuller({ client: server.client, replica, pageSize: 2, onFailure: (e) => failures.push(e) })
    server.failNext('changes', new ApiError(0, 'network', 'unreachable'))
    await puller.request()
    expect(failures).toHaveLength(1)
    expect((await replica.meta()).cursor).toBe(0)
    await puller.request()
    expect((await replica.meta()).cursor).toBe(4)
    expect(await replica.allEncounters()).toHaveLength(4)
  })

  it('refuses a feed whose cursor goes back, leaving the replica as it was', async () => {
    const replica = await freshReplica()
    await replica.applyPage(0, { changes: [], cursor: 5, more: false, head: 5 }, 'then')
    const fake = createFakeGroupClient().on('changes', () => ({ changes: [], cursor: 2, more: false, head: 2 }))
    const failures: unknown[] = []
    await createPuller({ client: fake, replica, onFailure: (e) => failures.push(e) }).request()
    expect(String(failures[0])).toMatch(/went back or stood still/)
    expect((await replica.meta()).cursor).toBe(5)
  })
})

type Op =
  | { kind: 'finalize'; patient: number; by: 'casey' | 'sam' }
  | { kind: 'decide'; pick: number; action: 'approve' | 'return' }
  | { kind: 'attempt'; by: 'casey' | 'tia' }
  | { kind: 'delete'; pick: number }
  | { kind: 'pull'; tab: 0 | 1; wait: boolean }
  | { kind: 'tick' }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('finalize' as const), patient: fc.nat(3), by: fc.constantFrom('casey' as const, 'sam' as const) }),
  fc.record({ kind: fc.constant('decide' as const), pick: fc.nat(), action: fc.constantFrom('approve' as const, 'return' as const) }),
  fc.record({ kind: fc.constant('attempt' as const), by: fc.constantFrom('casey' as const, 'tia' as const) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('pull' as const), tab: fc.constantFrom(0 as const, 1 as const), wait: fc.boolean() }),
  fc.record({ kind: fc.constant('tick' as const) }),
)

function write(server: FakeSyncServer, op: Op) {
  const people: Record<string, Person> = PEOPLE
  const list = server.encounters()
  if (op.kind === 'finalize') server.finalize({ encounter: encounterInput(`PT-${op.patient}`) }, people[op.by])
  else if (op.kind === 'attempt') server.addAttempt(attemptBody(`case-${server.head()}`), people[op.by])
  else if (op.kind === 'decide' && list.length > 0) {
    const target = list[op.pick % list.length]
    server.decide(target.id, { action: op.action, reason: op.action === 'return' ? 'Check the level.' : undefined }, target.finalizedBy === PEOPLE.sam.id ? PEOPLE.tia : PEOPLE.sam)
  } else if (op.kind === 'delete' && list.length > 0) server.deleteEncounter(list[op.pick % list.length].id)
}

describe('pulling while the practice keeps writing (property)', () => {
  it('ends equal to what the server holds for this person, having applied every readable change exactly once, in order, with two tabs pulling', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 40 }), fc.integer({ min: 1, max: 4 }), async (ops, pageSize) => {
        const server = createFakeSyncServer({ readable: coderReads })
        const applied: number[] = []
        const tabs = (await freshTabs(2)).map((tab) => recording(tab, applied).replica)
        const pullers = tabs.map((replica) => createPuller({ client: server.client, replica, pageSize }))
        const replica = tabs[0]
        const running: Promise<void>[] = []
        for (const op of ops) {
          if (op.kind === 'pull') {
            const pull = pullers[op.tab].request()
            if (op.wait) await pull
            else running.push(pull)
          } else if (op.kind === 'tick') await new Promise((resolve) => setTimeout(resolve, 0))
          else write(server, op)
        }
        await Promise.all(running)
        await pullers[0].request()
        const expected = server.readableRows()
        expect(byId(await replica.allEncounters())).toEqual(byId(expected.encounters))
        expect(byId(await replica.allAttempts())).toEqual(byId(expected.attempts))
        expect(applied).toEqual(server.readableSeqs())
        expect((await replica.meta()).cursor).toBe(server.head())
      }),
      { numRuns: 60 },
    )
  }, 60_000)
})

import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createContext, evaluate, type Encounter } from '../../domain/index.ts'
import type { EncounterSummary } from '../../group-api/index.ts'
import type { AuditRecord, DraftRecord, EncounterRecord, StoreTable, TrainingAttemptRecord } from '../types.ts'
import { ApiError } from './api-error.ts'
import { auditOfEncounter, encounterRecordOf } from './group-mapping.ts'
import type { GroupClient } from './client.ts'
import { createHistoryLoader } from './sync/history-loader.ts'
import { createFakeSyncServer, PEOPLE, type FakeSyncServer, type Person } from './sync/fake-sync-server.ts'
import { deleteReplica, openReplica } from './sync/replica.ts'
import { openTestDesk } from './test-desk.ts'

const TODAY = '2026-11-26'
const NOW = `${TODAY}T12:00:00.000Z`

/** The server codes encounters with the rule module, as the real one does (without history here). */
const coder = (encounter: Encounter) => {
  const result = evaluate({ schemaVersion: 1, encounter, history: [] }, createContext(TODAY))
  return { lines: result.lines, findings: result.findings }
}
const newServer = () => createFakeSyncServer({ coder })

function epidural(patientId: string, dateOfService: string, overrides: Partial<Encounter> = {}): Encounter {
  return {
    dateOfService, patientId, providerId: 'DR-A', placeOfService: '11', claimType: 'professional', payerProfile: 'medicare',
    priorAuthorization: null, diagnoses: ['M54.16'],
    procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L5-S1', side: 'right' }] }],
    drugs: [], otherLines: [], documentation: {},
    ...overrides,
  }
}

/** The worksheet's draft of an encounter, as the app gives it (here: the encounter itself as the values). */
const draftOf = (encounter: Encounter, id: string, now: string): DraftRecord => ({
  id, createdAt: now, updatedAt: now, patientId: encounter.patientId, dateOfService: encounter.dateOfService, values: { encounter }, status: 'draft', returnNote: null,
})

/** The worksheet's record of a finalized encounter (toEncounterRecord). */
function recordOf(id: string, encounter: Encounter, reason: string | null = null, by = PEOPLE.casey.id): EncounterRecord {
  const result = evaluate({ schemaVersion: 1, encounter, history: [] }, createContext(TODAY))
  const counts = { error: 0, warning: 0, info: 0 }
  for (const f of result.findings) counts[f.severity] += 1
  return {
    id, finalizedAt: NOW, patientId: encounter.patientId, providerId: encounter.providerId, dateOfService: encounter.dateOfService, payerProfile: result.payerProfileId,
    encounter, lines: result.lines, findings: result.findings, counts, review: counts.error + counts.warning > 0 ? 'pending' : 'not-needed', finalizeReason: reason, finalizedBy: by,
  }
}

const PRACTICE = '00000000-0000-4000-8000-0000000000b1'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const desk = (server: FakeSyncServer, person: Person, practiceId = PRACTICE) => openTestDesk(server, person, { practiceId, now: NOW, cleanups, draftOf })

/** A synced encounter as the server answers it. */
const serverEncounter = (server: FakeSyncServer, encounter: Encounter, by: Person = PEOPLE.casey, reason?: string): EncounterSummary =>
  server.finalize({ encounter, ...(reason ? { reason } : {}) }, by)

describe('server encounters read as the app\'s records', () => {
  it('maps an encounter with a warning to a record that needs review, with its coder, provider, payer and counts', () => {
    const summary = serverEncounter(newServer(), epidural('PT-1', '2026-11-02'))
    const record = encounterRecordOf(summary)
    expect(record).toMatchObject({
      id: summary.id, patientId: 'PT-1', dateOfService: '2026-11-02', providerId: 'DR-A', payerProfile: 'medicare', finalizedBy: PEOPLE.casey.id,
      finalizeReason: null, lines: summary.lines, findings: summary.findings,
    })
    expect(record.lines.map((l) => `${l.code} ${l.modifiers.join(' ')}`)).toEqual(['64483 RT'])
    const { warning, error, info } = record.counts
    expect(warning + error + info).toBe(record.findings.length)
    expect(record.review).toBe(record.findings.some((f) => f.severity !== 'info') ? 'pending' : 'not-needed')
  })

  it('reads the finalize and each decision as audit entries, line by line, with where each line came from', () => {
    const server = newServer()
    const summary = serverEncounter(server, epidural('PT-1', '2026-11-02', { procedures: [
      { type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L5-S1', side: 'right' }] },
      { type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'bilateral' }] },
    ] }), PEOPLE.casey, 'Documented in the note.')
    server.decide(summary.id, { action: 'override', lineIndex: 0, reason: 'Rule does not apply to this case — The payer confirmed it by phone.' }, PEOPLE.sam)
    const after = server.decide(summary.id, { action: 'return', reason: 'Add the level to the note.' }, PEOPLE.sam)
    const log = auditOfEncounter(after)
    expect(log.map((e) => [e.action, e.lineIndex, e.from, e.to, e.reason, e.note])).toEqual([
      ['finalize', null, null, 'pending', null, 'Documented in the note.'],
      ['override', 0, 'pending', 'overridden', 'Rule does not apply to this case', 'The payer confirmed it by phone.'],
      ['return', 0, 'overridden', 'returned', null, 'Add the level to the note.'],
      ['return', 1, 'pending', 'returned', null, 'Add the level to the note.'],
    ])
    expect(log.slice(1).map((e) => e.userName)).toEqual([PEOPLE.sam.name, PEOPLE.sam.name, PEOPLE.sam.name])
    expect(new Set(log.map((e) => e.id)).size).toBe(4)
  })
})

describe('the group store', () => {
  it('finalizes through the outbox: the draft goes once the outbox holds it, the encounter shows and counts at once, then as the server has it', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.casey)
    server.setOffline(true)
    const encounter = epidural('PT-7', '2026-11-02')
    await a.local.saveDraft(draftOf(encounter, 'draft-1', NOW))
    await a.store.finalize(recordOf('draft-1', encounter), 'draft-1', [])
    expect(await a.local.getDraft('draft-1')).toBeUndefined()
    const outbox = await a.engine.outbox()
    expect(outbox.map((e) => [e.route, e.state])).toEqual([['finalize', 'pending']])
    expect(outbox[0]?.body).toEqual({ encounter })
    expect((await a.store.listAllEncounters()).map((e) => e.id)).toEqual(['draft-1'])
    expect((await a.store.patientHistory('PT-7')).map((h) => `${h.dateOfService} ${h.code}`)).toEqual(['2026-11-02 64483'])
    expect((await a.store.listAudit()).map((e) => [e.encounterId, e.action])).toEqual([['draft-1', 'finalize']])
    expect(await a.store.findPatients('PT', 10)).toEqual([{ patientId: 'PT-7', encounters: 1, historyLines: 0 }])

    server.setOffline(false)
    await a.engine.pull()
    await a.settle()
    const [stored] = server.encounters()
    expect((await a.store.listAllEncounters()).map((e) => e.id)).toEqual([stored?.id])
    expect(await a.store.patientHistory('PT-7')).toHaveLength(1)
    expect(await a.engine.outbox()).toEqual([])
  })

  it('refuses at once, keeping the draft, a finalize the server could never take', async () => {
    const a = await desk(newServer(), PEOPLE.casey)
    const encounter = epidural('PT-7', '2026-11-02')
    await a.local.saveDraft(draftOf(encounter, 'draft-1', NOW))
    await expect(a.store.finalize(recordOf('draft-1', encounter, 'x'.repeat(501)), 'draft-1', [])).rejects.toThrow(/up to 500 characters/)
    expect(await a.local.getDraft('draft-1')).toBeDefined()
    expect(await a.engine.outbox()).toEqual([])
  })

  it('keeps a finalize the server refuses for attention: reopened as a draft with the work kept, or sent again with a reason', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.casey)
    server.failNext('finalize', new ApiError(409, 'reason-required', 'The server\'s check found an error (FREQ-LIMIT): finalize with a written reason, or correct the encounter.', 'reason'))
    const encounter = epidural('PT-7', '2026-11-02')
    await a.store.finalize(recordOf('draft-1', encounter), 'draft-1', [])
    await a.settle()
    const [refused] = await a.store.waitingChanges()
    expect(refused?.entry.state).toBe('needs-attention')
    expect(refused?.entry.lastError).toMatchObject({ status: 409, error: 'reason-required' })
    // Refused: it no longer shows as finalized, and the frequency counter does not count it.
    expect(await a.store.listAllEncounters()).toEqual([])
    expect(await a.store.patientHistory('PT-7')).toEqual([])

    const draftId = await a.store.reopenAsDraft(refused.entry.order)
    expect(draftId).toBe('draft-1')
    expect((await a.store.getDraft('draft-1'))?.values).toEqual({ encounter })
    expect(await a.store.waitingChanges()).toEqual([])

    server.failNext('finalize', new ApiError(409, 'reason-required', 'Give a reason.', 'reason'))
    await a.store.finalize(recordOf('draft-1', encounter), 'draft-1', [])
    await a.settle()
    const [again] = await a.store.waitingChanges()
    await a.store.retryChange(again.entry.order, { encounter, reason: 'The fifth session was medically necessary.' })
    await a.settle()
    expect(await a.store.waitingChanges()).toEqual([])
    expect(server.encounters().map((e) => e.reason)).toEqual(['The fifth session was medically necessary.'])
  })

  it('sends review decisions as decide mutations against the version each one leaves, and shows them before the server answers', async () => {
    const server = newServer()
    const summary = serverEncounter(server, epidural('PT-7', '2026-11-02'))
    const b = await desk(server, PEOPLE.sam)
    server.setOffline(true)
    const entry = (id: string, lineIndex: number, action: string, to: string, note: string | null, reason: string | null = null): AuditRecord => ({
      id, at: NOW, userId: PEOPLE.sam.id, userName: PEOPLE.sam.name, encounterId: summary.id, lineIndex, action, from: 'pending', to, reason, note,
    })
    await b.store.appendAudit([entry('d1', 0, 'override', 'overridden', 'Payer confirmed.', 'Other'), entry('d2', 0, 'approve', 'approved', null)])
    const bodies = (await b.engine.outbox()).map((e) => (e.route === 'decide' ? e.body : null))
    expect(bodies).toEqual([
      { action: 'override', lineIndex: 0, reason: 'Other — Payer confirmed.', expectedVersion: 1 },
      { action: 'approve', lineIndex: 0, expectedVersion: 2 },
    ])
    expect((await b.store.listAudit(summary.id)).map((e) => e.id)).toEqual([`${summary.id}:finalize`, 'd1', 'd2'])
    await expect(b.store.appendAudit([entry('d3', 0, 'reopen', 'pending', 'Look again.')])).rejects.toThrow(/does not take "reopen"/)
    await expect(b.store.appendAudit([entry('d4', 0, 'approve', 'approved', 'x'.repeat(501))])).rejects.toThrow(/up to 500 characters/)

    server.setOffline(false)
    await b.engine.pull()
    await b.settle()
    const log = await b.store.listAudit(summary.id)
    expect(log.map((e) => [e.action, e.reason, e.note, e.userId])).toEqual([
      ['finalize', null, null, PEOPLE.casey.id],
      ['override', 'Other', 'Payer confirmed.', PEOPLE.sam.id],
      ['approve', null, null, PEOPLE.sam.id],
    ])
  })

  it('puts a returned encounter in its coder\'s drafts with the note, at another desk too, until the coder finalizes it again', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.casey)
    const encounter = epidural('PT-7', '2026-11-02')
    await a.store.finalize(recordOf('draft-1', encounter), 'draft-1', [])
    await a.settle()
    const [finalized] = server.encounters()
    const b = await desk(server, PEOPLE.sam)
    const record = (await b.store.listAllEncounters())[0]
    const returned = await b.store.returnToCoder(draftOf(record.encounter, record.id, NOW), [{
      id: 'r1', at: NOW, userId: PEOPLE.sam.id, userName: PEOPLE.sam.name, encounterId: record.id, lineIndex: 0, action: 'return', from: 'pending', to: 'returned', reason: null, note: 'Add the imaging report.',
    }])
    expect(returned.id).toBe(finalized?.id)
    await b.settle()
    await a.engine.pull()
    await a.settle()

    const drafts = await a.store.listDrafts()
    expect(drafts.map((d) => [d.id, d.status, d.returnNote])).toEqual([[finalized?.id, 'returned', 'Add the imaging report.']])
    expect((await a.store.getDraft(finalized.id))?.values).toEqual({ encounter })
    // The same coder at another desk sees it too; the supervisor does not.
    const a2 = await desk(server, PEOPLE.casey, '00000000-0000-4000-8000-0000000000b2')
    expect((await a2.store.listDrafts()).map((d) => d.returnNote)).toEqual(['Add the imaging report.'])
    expect(await b.store.listDrafts()).toEqual([])
    // A returned encounter does not count until finalized again.
    expect(await a.store.patientHistory('PT-7')).toEqual([])

    await a.store.finalize(recordOf(finalized.id, encounter), finalized.id, [])
    expect(await a.store.listDrafts()).toEqual([])
    await a.settle()
    await a2.engine.pull()
    await a2.settle()
    expect(await a2.store.listDrafts()).toEqual([])
    expect((await a2.store.listAllEncounters()).map((e) => e.id)).not.toContain(finalized?.id)
    expect(await a2.store.patientHistory('PT-7')).toHaveLength(1)
  })

  it('finalizing a returned encounter again replaces it on the server: the returned one leaves the ledger, the review queue and the counts at every desk', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.casey)
    const b = await desk(server, PEOPLE.sam)
    const first = serverEncounter(server, epidural('PT-9', '2026-11-02'))
    server.decide(first.id, { action: 'return', reason: 'The note dates it 2026-11-03.' }, PEOPLE.sam)
    await a.engine.pull()
    await a.settle()
    expect((await a.store.listDrafts()).map((d) => d.id)).toEqual([first.id])

    const corrected = epidural('PT-9', '2026-11-03')
    await a.store.finalize(recordOf(first.id, corrected), first.id, [])
    await a.settle()
    const [old, replacement] = [server.encounters().find((e) => e.id === first.id), server.encounters().find((e) => e.id !== first.id)]
    expect(old).toMatchObject({ review: 'replaced', replacedBy: replacement?.id })
    expect(replacement?.dateOfService).toBe('2026-11-03')

    await b.engine.pull()
    await b.settle()
    for (const at of [a, b]) {
      expect((await at.store.listAllEncounters()).map((e) => e.id)).toEqual([replacement?.id])
      expect((await at.store.listEncounters('PT-9')).map((e) => e.dateOfService)).toEqual(['2026-11-03'])
      expect((await at.store.patientHistory('PT-9')).map((l) => l.dateOfService)).toEqual(['2026-11-03'])
      expect(await at.store.findPatients('PT-9', 5)).toEqual([{ patientId: 'PT-9', encounters: 1, historyLines: 0 }])
    }
    expect(await a.store.listDrafts()).toEqual([])
  })

  it('a finalize of a returned encounter another desk already replaced waits for attention, never as a second copy', async () => {
    const server = newServer()
    const first = serverEncounter(server, epidural('PT-10', '2026-11-02'))
    server.decide(first.id, { action: 'return', reason: 'Wrong level.' }, PEOPLE.sam)
    const a = await desk(server, PEOPLE.casey)
    server.finalize({ encounter: epidural('PT-10', '2026-11-02'), replaces: first.id }, PEOPLE.casey)
    // This desk has not pulled the replacement yet: it still sees the encounter returned.
    await a.store.finalize(recordOf(first.id, epidural('PT-10', '2026-11-02')), first.id, [])
    await a.settle()
    expect(server.encounters().filter((e) => e.patientId === 'PT-10')).toHaveLength(2)
    const [waiting] = await a.store.waitingChanges()
    expect(waiting.entry).toMatchObject({ route: 'finalize', state: 'needs-attention', body: { replaces: first.id } })
  })

  it('tells the screens when the replica changes, with the app\'s tables it touches', async () => {
    const server = newServer()
    const b = await desk(server, PEOPLE.sam)
    const heard: StoreTable[][] = []
    const stop = b.store.subscribe((tables) => heard.push([...tables]))
    serverEncounter(server, epidural('PT-7', '2026-11-02'))
    await vi.waitFor(() => expect(heard.flat()).toContain('encounters'))
    expect(heard.flat()).toEqual(expect.arrayContaining(['audit', 'drafts']))
    stop()
    const count = heard.length
    serverEncounter(server, epidural('PT-8', '2026-11-02'))
    await vi.waitFor(async () => expect((await b.store.listAllEncounters()).length).toBe(2))
    expect(heard.length).toBe(count)
  })

  it('counts imported claim history from the server in the patient\'s history and finds the patient by it', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.casey)
    const line = (patientId: string, dateOfService: string) => ({ patientId, dateOfService, code: '64483', modifiers: ['RT'], units: 1, providerId: 'DR-B', key: `${patientId}|${dateOfService}` })
    server.importHistory('pm-export.csv', [line('PT-9', '2026-02-01'), line('PT-9', '2026-05-01'), line('PT-10', '2026-03-01')])
    await vi.waitFor(async () => expect(await a.store.patientHistory('PT-9')).toHaveLength(2))
    expect((await a.store.patientHistory('PT-9')).map((h) => `${h.dateOfService} ${h.code} ${h.providerId}`)).toEqual(['2026-02-01 64483 DR-B', '2026-05-01 64483 DR-B'])
    expect(await a.store.findPatients('PT-', 10)).toEqual([
      { patientId: 'PT-10', encounters: 0, historyLines: 1 },
      { patientId: 'PT-9', encounters: 0, historyLines: 2 },
    ])
    expect((await a.store.listImports()).map((i) => [i.fileName, i.rows])).toEqual([['pm-export.csv', 3]])
  })

  /** A replica of Casey's that has read the feed announcing a committed 7-line import (3 patients), none of its lines yet. */
  async function replicaWithImport(practiceId: string) {
    const server = newServer()
    const replica = await openReplica(practiceId, PEOPLE.casey.id)
    cleanups.push(async () => { replica.close(); await deleteReplica(practiceId, PEOPLE.casey.id) })
    const lines = Array.from({ length: 7 }, (_, i) => ({ patientId: `PT-${i % 3}`, dateOfService: `2026-0${1 + i}-01`, code: '64483', modifiers: [], units: 1, providerId: null, key: `k${i}` }))
    const imported = server.importHistory('big.csv', lines)
    await replica.applyPage(0, server.changes(0, 100), NOW)
    return { server, replica, lines, imported }
  }

  it('reads imported lines page by page and picks up where it stopped', async () => {
    const { server, replica, imported } = await replicaWithImport('00000000-0000-4000-8000-0000000000b3')
    // The second page's request gets no answer (the network dropped).
    let calls = 0
    const client: GroupClient = {
      ...server.client,
      request: ((...args: Parameters<GroupClient['request']>) => (++calls === 2 ? Promise.reject(new ApiError(0, 'network', 'offline')) : server.client.request(...args))) as GroupClient['request'],
    }
    const failures: unknown[] = []
    const loader = createHistoryLoader({ client, replica, pageSize: 3, onFailure: (e) => failures.push(e) })
    await loader.request()
    expect(failures).toHaveLength(1)
    expect((await replica.unreadImports()).map((i) => [i.id, i.linesCursor])).toEqual([[imported.id, 3]])
    await loader.request()
    // The pages after 0, 3 and 6 were asked for at once; the one after 3 never reached the server.
    const reads = server.requests.filter((r) => r.route === 'historyLines').map((r) => (r.query as { after: number }).after)
    expect(reads).toEqual([0, 6, 3, 6])
    expect(await replica.unreadImports()).toEqual([])
    expect((await replica.historyOfPatient('PT-0')).flatMap((c) => c.lines.map((l) => l.key))).toEqual(['k0', 'k3', 'k6'])
    expect((await replica.historyImports()).map((i) => [i.linesCursor, i.linesComplete])).toEqual([[7, true]])
  })

  it('asks for the next pages of lines while it stores this one, and drops them when another tab got ahead', async () => {
    const { server, replica, lines, imported } = await replicaWithImport('00000000-0000-4000-8000-0000000000b4')
    const reads = () => server.requests.filter((r) => r.route === 'historyLines').map((r) => (r.query as { after: number }).after)
    // When each page is stored, which pages had been asked for.
    const askedWhenStoring: number[][] = []
    let otherTab = false
    const watched = {
      ...replica,
      async applyHistoryPage(importId: string, after: number, page: Parameters<typeof replica.applyHistoryPage>[2]) {
        askedWhenStoring.push(reads())
        if (otherTab) {
          // Another tab of this person stores the rest of the import first.
          otherTab = false
          let cursor = after
          for (;;) {
            const rest = await server.client.request('historyLines', { query: { importId, after: cursor, limit: 3 } })
            await replica.applyHistoryPage(importId, cursor, rest)
            cursor = rest.cursor
            if (!rest.more) break
          }
          return false
        }
        return replica.applyHistoryPage(importId, after, page)
      },
    }
    const loader = createHistoryLoader({ client: server.client, replica: watched, pageSize: 3 })
    await loader.request()
    // Three pages in flight (the import's 7 lines): all asked for before the first is stored.
    expect(askedWhenStoring).toEqual([[0, 3, 6], [0, 3, 6], [0, 3, 6]])
    expect((await replica.historyImports()).map((i) => [i.id, i.linesCursor, i.linesComplete])).toEqual([[imported.id, 7, true]])

    const second = server.importHistory('second.csv', lines.map((l) => ({ ...l, key: `second-${l.key}` })))
    // The feed's last change is the second import's commit.
    const beforeSecond = server.changes(0, 100).cursor - 1
    await replica.applyPage(beforeSecond, server.changes(beforeSecond, 100), NOW)
    otherTab = true
    const before = reads().length
    await loader.request()
    // The pages of the second import were read ahead for nothing: the other tab stored it all.
    expect(reads().slice(before, before + 3)).toEqual([0, 3, 6])
    expect((await replica.historyImports()).find((i) => i.id === second.id)).toMatchObject({ linesCursor: 7, linesComplete: true })
    expect((await replica.historyOfPatient('PT-0')).flatMap((c) => c.lines.map((l) => l.key))).toEqual(['k0', 'k3', 'k6', 'second-k0', 'second-k3', 'second-k6'])
  })

  it('keeps at most the pages asked for in flight at once, and stores every line once, in order', async () => {
    const { server, replica } = await replicaWithImport('00000000-0000-4000-8000-0000000000b5')
    let open = 0
    let most = 0
    const client: GroupClient = {
      ...server.client,
      request: (async (...args: Parameters<GroupClient['request']>) => {
        open++
        most = Math.max(most, open)
        try {
          await new Promise((r) => setTimeout(r, 5))
          return await server.client.request(...args)
        } finally {
          open--
        }
      }) as GroupClient['request'],
    }
    await createHistoryLoader({ client, replica, pageSize: 1, pagesAhead: 2 }).request()
    expect(most).toBe(2)
    expect(server.requests.filter((r) => r.route === 'historyLines').map((r) => (r.query as { after: number }).after)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect((await replica.historyOfPatient('PT-0')).flatMap((c) => c.lines.map((l) => l.key))).toEqual(['k0', 'k3', 'k6'])
    expect((await replica.historyImports()).map((i) => [i.linesCursor, i.linesComplete])).toEqual([[7, true]])
  })

  it('stores every line once when the server numbers the lines with gaps (the pages read ahead start elsewhere)', async () => {
    const { server, replica, imported } = await replicaWithImport('00000000-0000-4000-8000-0000000000b6')
    // The server's lines numbered 2, 4, ..., 14 instead of 1 to 7: a page after 3 is not where the second page starts.
    const asked: number[] = []
    const client: GroupClient = {
      ...server.client,
      request: (async (_route: string, input: { query: { importId: string; after: number; limit: number } }) => {
        asked.push(input.query.after)
        const page = await server.client.request('historyLines', { query: { ...input.query, after: Math.floor(input.query.after / 2) } })
        return { ...page, patients: page.patients.map((p) => ({ ...p, first: p.first * 2 })), cursor: page.cursor * 2 }
      }) as unknown as GroupClient['request'],
    }
    await createHistoryLoader({ client, replica, pageSize: 3 }).request()
    expect(asked).toEqual([0, 3, 6, 6, 12])
    expect((await replica.historyImports()).map((i) => [i.id, i.linesCursor, i.linesComplete])).toEqual([[imported.id, 14, true]])
    const stored = (await Promise.all(['PT-0', 'PT-1', 'PT-2'].map((p) => replica.historyOfPatient(p)))).flat().flatMap((c) => c.lines.map((l) => l.key))
    expect(stored.sort()).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6'])
  })

  it('records a training attempt on the server and keeps the full record here, listed once', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.casey)
    const attempt = {
      id: 'att-1', caseId: 'tpi-01', caseSource: 'shipped', caseTitle: 'Trigger points', caseLevel: 'new', families: ['trigger-point'], userId: PEOPLE.casey.id, userName: PEOPLE.casey.name,
      startedAt: NOW, submittedAt: NOW, lines: [{ code: '20552', modifiers: [], units: 1 }, { code: 'bad', modifiers: [], units: 1 }], flaggedRuleIds: [], input: null,
      answerKey: { lines: [{ code: '20552', modifiers: [], units: 1 }], findings: [] }, score: 0.8, lineScore: 1, findingScore: 0.5, percent: 80, caughtRules: [], missedRules: [], falseFlags: [],
    } as TrainingAttemptRecord
    const training = await a.store.training()
    server.setOffline(true)
    await training.addAttempt(attempt)
    expect((await training.listAttempts(PEOPLE.casey.id)).map((x) => x.id)).toEqual(['att-1'])
    server.setOffline(false)
    await a.engine.pull()
    await a.settle()
    expect(server.attempts().map((x) => [x.caseId, x.scorePercent, x.lines])).toEqual([['tpi-01', 80, [{ code: '20552', modifiers: [], units: 1 }]]])
    expect(await training.listAttempts(PEOPLE.casey.id)).toEqual([attempt])
  })
})

describe('the practice\'s shared records and a person\'s drafts (issue 13)', () => {
  it('a provider and a payer profile saved at one desk show at once there, and at another desk once synced', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.sam)
    const b = await desk(server, PEOPLE.casey)
    await a.store.saveProvider({ id: 'NPI-7', name: 'Dr Seven' })
    expect(await a.store.listProviders()).toEqual([{ id: 'NPI-7', name: 'Dr Seven' }])
    await a.settle()
    await b.settle()
    expect(await b.store.listProviders()).toEqual([{ id: 'NPI-7', name: 'Dr Seven' }])
    await b.store.saveProvider({ id: 'NPI-7', name: 'Dr Seven Renamed' })
    await b.settle()
    await a.settle()
    expect(server.records()).toEqual([expect.objectContaining({ key: 'NPI-7', version: 2 })])
    expect(await a.store.listProviders()).toEqual([{ id: 'NPI-7', name: 'Dr Seven Renamed' }])
    await a.store.deleteProvider('NPI-7')
    await a.settle()
    await b.settle()
    expect(await b.store.listProviders()).toEqual([])
    // This workstation's own providers stay in its local store; nothing is uploaded.
    expect(await a.local.listProviders()).toEqual([])
  })

  it('the NDC list is a shared record: saved at one desk, read at another in code order, and deleted for both', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.sam)
    const b = await desk(server, PEOPLE.casey)
    const entry = (id: string, hcpcs: string, effectiveFrom: string | null) => ({
      id, hcpcs, ndc11: '12345678901', description: `${hcpcs} vial`, unit: 'ML' as const, effectiveFrom, effectiveTo: null, updatedAt: NOW,
    })
    await a.store.saveNdcEntry(entry('n-2', 'J3301', null))
    await a.store.saveNdcEntry(entry('n-1', 'J1100', '2026-01-01'))
    expect((await a.store.listNdcList()).map((e) => e.id)).toEqual(['n-1', 'n-2'])
    await a.settle()
    await b.settle()
    expect(await b.store.listNdcList()).toEqual([entry('n-1', 'J1100', '2026-01-01'), entry('n-2', 'J3301', null)])
    expect(server.records().map((r) => [r.kind, r.key])).toEqual([['ndc-list-entry', 'n-2'], ['ndc-list-entry', 'n-1']])
    await a.store.deleteNdcEntry('n-2')
    await a.settle()
    await b.settle()
    expect((await b.store.listNdcList()).map((e) => e.id)).toEqual(['n-1'])
    // Not kept in this workstation's own store.
    expect(await a.local.listNdcList()).toEqual([])
    await expect(a.store.saveNdcEntry({ ...entry('n-3', 'J1100', null), ndc11: '1234-5678-90' })).rejects.toThrow(/Not saved: ndc11/)
  })

  it('the charge file settings are one shared record: none at first, saved at one desk, read at another once synced, never in the local store', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.sam)
    const b = await desk(server, PEOPLE.casey)
    const settings = (receivingApplication: string) => ({
      id: 'practice' as const, sendingApplication: 'ICW', sendingFacility: 'Spine Clinic', receivingApplication, receivingFacility: '',
      columns: [{ header: 'Acct', field: 'patientAccount' as const }, { header: 'CPT', field: 'code' as const }], updatedAt: NOW,
    })
    expect(await b.store.getChargeSettings()).toBeNull()
    await a.store.saveChargeSettings(settings('PMS'))
    expect(await a.store.getChargeSettings()).toEqual(settings('PMS'))
    await a.settle()
    await b.settle()
    expect(await b.store.getChargeSettings()).toEqual(settings('PMS'))
    await a.store.saveChargeSettings(settings('Athena'))
    await a.settle()
    await b.settle()
    expect(await b.store.getChargeSettings()).toEqual(settings('Athena'))
    expect(server.records().map((r) => [r.kind, r.key, r.version])).toEqual([['charge-settings', 'practice', 2]])
    expect(await a.local.getChargeSettings()).toBeNull()
    await expect(a.store.saveChargeSettings({ ...settings('PMS'), columns: [{ header: 'Fee', field: 'price' as never }] })).rejects.toThrow(/Not saved: columns\.0\.field/)
  })

  it('a record that does not fit its kind is refused before anything is queued', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.sam)
    await expect(a.store.saveProvider({ id: 'NPI-8', name: 5 as unknown as string })).rejects.toThrow(/Not saved: name/)
    expect(await a.engine.outbox()).toEqual([])
  })

  it('a draft is synced as the person\'s record with its latest values, opens from the synced copy without the local one, and finalizing it deletes it on the server', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.casey)
    const encounter = epidural('PT-DESK', '2026-11-20')
    const draft = draftOf(encounter, 'draft-desk', NOW)
    await a.store.saveDraft(draft)
    await a.store.saveDraft({ ...draft, updatedAt: `${TODAY}T12:01:00.000Z`, patientId: 'PT-DESK-2' })
    await a.settle()
    expect(server.records().map((r) => [r.kind, r.key, (r.value as DraftRecord).patientId])).toEqual([['draft', 'draft-desk', 'PT-DESK-2']])
    // Another desk has no local copy: only the synced one (here: this desk's local copy removed behind the store's back).
    await a.local.deleteDraft('draft-desk')
    expect((await a.store.listDrafts()).map((d) => d.id)).toEqual(['draft-desk'])
    expect((await a.store.getDraft('draft-desk'))?.values).toEqual({ encounter })
    await a.store.finalize(recordOf('draft-desk', encounter), 'draft-desk')
    await a.settle()
    await vi.waitFor(() => expect(server.records()).toEqual([]))
    await a.settle()
    expect(await a.store.listDrafts()).toEqual([])
  })

  it('an autosave still under way when the worksheet is finalized lands before the draft\'s deletion: no draft comes back, here or on the server', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.casey)
    const encounter = epidural('PT-RACE', '2026-11-21')
    // This browser's save is slow; the finalize comes while it is under way.
    const save = a.local.saveDraft.bind(a.local)
    vi.spyOn(a.local, 'saveDraft').mockImplementation(async (draft) => {
      await new Promise((resolve) => setTimeout(resolve, 30))
      await save(draft)
    })
    // Not awaited, as the worksheet's autosave timer fires while the person confirms the finalize.
    const saving = a.store.saveDraft(draftOf(encounter, 'draft-race', NOW))
    await a.store.finalize(recordOf('draft-race', encounter), 'draft-race')
    await saving
    expect(await a.local.getDraft('draft-race')).toBeUndefined()
    await a.settle()
    expect(server.records()).toEqual([])
    expect(await a.engine.outbox()).toEqual([])
    expect((await a.store.listAllEncounters()).map((e) => e.patientId)).toEqual(['PT-RACE'])
    expect(await a.store.listDrafts()).toEqual([])
  })
})

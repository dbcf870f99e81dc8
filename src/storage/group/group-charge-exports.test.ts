import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { createContext, evaluate, type Encounter } from '../../domain/index.ts'
import { describeChange } from '../../features/sync/describe-change.ts'
import type { AuditRecord, ChargeExportRecord, StoreTable } from '../types.ts'
import { ApiError } from './api-error.ts'
import { createFakeSyncServer, PEOPLE, type FakeSyncServer, type Person } from './sync/fake-sync-server.ts'
import { openTestDesk } from './test-desk.ts'

/**
 * The charge-export log in group mode: an export is sent through the outbox and shows at once at
 * the desk that made it; the server records it (its time, its person) and every other desk of
 * the practice reads it from its replica, so no desk offers that encounter again unknowingly.
 */

const TODAY = '2026-11-26'
const NOW = `${TODAY}T12:00:00.000Z`
const PRACTICE = '00000000-0000-4000-8000-0000000000c2'

const coder = (encounter: Encounter) => {
  const result = evaluate({ schemaVersion: 1, encounter, history: [] }, createContext(TODAY))
  return { lines: result.lines, findings: result.findings }
}
const newServer = () => createFakeSyncServer({ coder })

function epidural(patientId: string, dateOfService = '2026-11-02'): Encounter {
  return {
    dateOfService, patientId, providerId: 'DR-A', placeOfService: '11', claimType: 'professional', payerProfile: 'medicare',
    priorAuthorization: null, diagnoses: ['M54.16'],
    procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L5-S1', side: 'right' }] }],
    drugs: [], otherLines: [], documentation: {},
  }
}

/** An encounter ready for a charge file: finalized by Casey and, when it needs review, approved by Sam. */
function ready(server: FakeSyncServer, patientId: string) {
  const encounter = server.finalize({ encounter: epidural(patientId) }, PEOPLE.casey)
  return encounter.review === 'pending' ? server.decide(encounter.id, { action: 'approve' }, PEOPLE.sam) : encounter
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const desk = (server: FakeSyncServer, person: Person) => openTestDesk(server, person, { practiceId: PRACTICE, now: NOW, cleanups })

/** What the charge screen hands the store: one record and one audit entry per encounter, by this desk's clock. */
function exportOf(encounterIds: readonly string[], by: Person, fileName = 'charges-20261126-120000.hl7', format: 'hl7' | 'csv' = 'hl7') {
  const records: ChargeExportRecord[] = encounterIds.map((encounterId) => ({ id: crypto.randomUUID(), encounterId, exportedAt: NOW, userId: by.id, userName: by.name, format, fileName }))
  const audit: AuditRecord[] = encounterIds.map((encounterId) => ({
    id: crypto.randomUUID(), at: NOW, userId: by.id, userName: by.name, encounterId, lineIndex: null, action: 'charge-export',
    from: null, to: 'no-findings', reason: null, note: `HL7 DFT^P03 file ${fileName}`,
  }))
  return { records, audit }
}

describe('charge exports in group mode', () => {
  it("an export shows at once at its desk, reaches the server, and the other desk then lists it with who exported it, in its audit log too", async () => {
    const server = newServer()
    const encounter = ready(server, 'PT-CHG-1')
    const a = await desk(server, PEOPLE.casey)
    const b = await desk(server, PEOPLE.sam)
    const changed: StoreTable[] = []
    a.store.subscribe((tables) => changed.push(...tables))
    server.setOffline(true)
    const { records, audit } = exportOf([encounter.id], PEOPLE.casey)
    await a.store.recordChargeExports(records, audit)
    expect(await a.store.listChargeExports()).toEqual(records)
    expect((await a.store.listAudit(encounter.id)).filter((e) => e.action === 'charge-export')).toEqual(audit)
    expect(changed).toContain('chargeExports')
    expect(server.chargeExports()).toEqual([])
    expect((await a.engine.outbox())[0]).toMatchObject({ route: 'recordChargeExports', state: 'pending', body: { encounterIds: [encounter.id], format: 'hl7', fileName: 'charges-20261126-120000.hl7' } })
    // Nothing in this browser's own store: the practice's log is the server's.
    expect(await a.local.listChargeExports()).toEqual([])

    server.setOffline(false)
    await a.engine.pull()
    await a.settle()
    const [stored] = server.chargeExports()
    expect(stored).toMatchObject({ encounterId: encounter.id, userId: PEOPLE.casey.id, userName: 'Casey Coder', status: encounter.review === 'approved' ? 'approved' : 'no-findings' })
    expect(await a.engine.outbox()).toEqual([])
    const mine = await a.store.listChargeExports()
    expect(mine).toEqual([{ id: stored.id, encounterId: encounter.id, exportedAt: stored.exportedAt, userId: PEOPLE.casey.id, userName: 'Casey Coder', format: 'hl7', fileName: 'charges-20261126-120000.hl7' }])

    await b.engine.pull()
    expect(await b.store.listChargeExports()).toEqual(mine)
    const logged = (await b.store.listAudit()).filter((e) => e.action === 'charge-export')
    expect(logged).toEqual([expect.objectContaining({ encounterId: encounter.id, userName: 'Casey Coder', at: stored.exportedAt, to: stored.status, note: 'HL7 DFT^P03 file charges-20261126-120000.hl7' })])
    expect(await b.store.listAudit('00000000-0000-4000-8000-00000000ffff')).toEqual([])
  })

  it('an overridden encounter\'s export is logged as overridden, as the server derived it, whatever this desk said', async () => {
    const server = newServer()
    const encounter = server.finalize({ encounter: { ...epidural('PT-CHG-2'), diagnoses: [] }, reason: 'Documented.' }, PEOPLE.casey)
    server.decide(encounter.id, { action: 'override', reason: 'Diagnosis is in the note.' }, PEOPLE.sam)
    const a = await desk(server, PEOPLE.casey)
    const { records, audit } = exportOf([encounter.id], PEOPLE.casey)
    await a.store.recordChargeExports(records, audit)
    await a.settle()
    expect((await a.store.listAudit(encounter.id)).filter((e) => e.action === 'charge-export').map((e) => e.to)).toEqual(['overridden'])
  })

  it('an export whose answer was lost is sent again with the same key and recorded once', async () => {
    const server = newServer()
    const encounter = ready(server, 'PT-CHG-3')
    const a = await desk(server, PEOPLE.casey)
    server.loseNextAnswer('recordChargeExports')
    const { records, audit } = exportOf([encounter.id], PEOPLE.casey)
    await a.store.recordChargeExports(records, audit)
    await a.settle()
    await a.engine.pull()
    await a.settle()
    expect(server.chargeExports()).toHaveLength(1)
    expect(server.writes.filter((w) => w.route === 'recordChargeExports')).toHaveLength(1)
    const sends = server.requests.filter((r) => r.route === 'recordChargeExports')
    expect(sends).toHaveLength(2)
    expect(sends[0].idempotencyKey).toBe(sends[1].idempotencyKey)
    expect(await a.store.listChargeExports()).toHaveLength(1)
  })

  it('an export the server refuses stays listed (its file was made) as a refused change, until it is discarded', async () => {
    const server = newServer()
    const encounter = ready(server, 'PT-CHG-4')
    const a = await desk(server, PEOPLE.casey)
    server.failNext('recordChargeExports', new ApiError(409, 'not-ready', 'The encounter of PT-CHG-4 on 2026-11-02 is still awaiting review: it cannot be exported yet. Nothing was recorded.', 'body.encounterIds.0'))
    const { records, audit } = exportOf([encounter.id], PEOPLE.casey, 'refused.hl7')
    await a.store.recordChargeExports(records, audit)
    await a.settle()
    expect(server.chargeExports()).toEqual([])
    expect(await a.store.listChargeExports()).toEqual(records)
    const [waiting] = await a.store.waitingChanges()
    expect(waiting.entry).toMatchObject({ route: 'recordChargeExports', state: 'needs-attention', lastError: { status: 409, error: 'not-ready' } })
    expect(describeChange(waiting, (iso) => iso)).toMatchObject({ title: 'Record the charge export refused.hl7 (1 encounter)', state: 'refused' })
    await a.store.discardChange(waiting.entry.order)
    expect(await a.store.listChargeExports()).toEqual([])
  })

  it('refuses, before any file is made, an encounter finalized here that has not reached the server; once synced it exports', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.casey)
    server.setOffline(true)
    const encounter = epidural('PT-CHG-5')
    const result = evaluate({ schemaVersion: 1, encounter, history: [] }, createContext(TODAY))
    await a.store.finalize({
      id: 'draft-1', finalizedAt: NOW, patientId: encounter.patientId, providerId: encounter.providerId, dateOfService: encounter.dateOfService, payerProfile: result.payerProfileId,
      encounter, lines: result.lines, findings: result.findings, counts: { error: 0, warning: 0, info: 0 }, review: 'not-needed', finalizeReason: null, finalizedBy: PEOPLE.casey.id,
    }, 'draft-1')
    const [pending] = await a.store.listAllEncounters()
    expect(pending.patientId).toBe('PT-CHG-5')
    const early = exportOf([pending.id], PEOPLE.casey)
    await expect(a.store.recordChargeExports(early.records, early.audit)).rejects.toThrow(/^An encounter in this batch has not reached the group server yet/)
    expect((await a.engine.outbox()).map((e) => e.route)).toEqual(['finalize'])
    server.setOffline(false)
    await a.engine.pull()
    await a.settle()
    const [synced] = server.encounters()
    expect(synced.id).not.toBe(pending.id)
    if (synced.review === 'pending') server.decide(synced.id, { action: 'approve' }, PEOPLE.sam)
    await a.engine.pull()
    await a.settle()
    const later = exportOf([synced.id], PEOPLE.casey)
    await a.store.recordChargeExports(later.records, later.audit)
    await a.settle()
    expect(server.chargeExports().map((e) => e.encounterId)).toEqual([synced.id])
  })

  it('refuses before queueing exports naming more than one file, or an id the server cannot take; nothing to record is a no-op', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.casey)
    const one = exportOf(['00000000-0000-4000-8000-000000000aa1'], PEOPLE.casey, 'one.hl7')
    const two = exportOf(['00000000-0000-4000-8000-000000000aa2'], PEOPLE.casey, 'two.csv', 'csv')
    await expect(a.store.recordChargeExports([...one.records, ...two.records], [...one.audit, ...two.audit])).rejects.toThrow(/^One charge file at a time/)
    const local = exportOf(['E-LOCAL-1'], PEOPLE.casey)
    await expect(a.store.recordChargeExports(local.records, local.audit)).rejects.toThrow(/has not reached the group server yet/)
    await a.store.recordChargeExports([], [])
    expect(await a.engine.outbox()).toEqual([])
  })
})

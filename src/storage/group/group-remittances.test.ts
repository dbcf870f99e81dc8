import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { createContext, evaluate, type Encounter } from '../../domain/index.ts'
import { matchRemittance, parseRemittanceFile, type Remittance } from '../../domain/remittance/index.ts'
import { build835 } from '../../domain/remittance/testing/build-835.ts'
import { buildImportRecord } from '../../features/remittance/model.ts'
import { describeChange } from '../../features/sync/describe-change.ts'
import { REMITTANCE_MAX_CHARS } from '../../group-api/index.ts'
import type { RemittanceImportRecord, StoreTable } from '../types.ts'
import { createFakeSyncServer, PEOPLE, type FakeSyncServer, type Person } from './sync/fake-sync-server.ts'
import { openTestDesk } from './test-desk.ts'

/**
 * Imported 835 files in group mode: sent as the file's text through the outbox, parsed and
 * matched again by the server, read back from the replica at every desk; removed the same way.
 */

const TODAY = '2026-11-26'
const NOW = `${TODAY}T12:00:00.000Z`
const PRACTICE = '00000000-0000-4000-8000-0000000000c1'

const coder = (encounter: Encounter) => {
  const result = evaluate({ schemaVersion: 1, encounter, history: [] }, createContext(TODAY))
  return { lines: result.lines, findings: result.findings }
}
const newServer = () => createFakeSyncServer({ coder })

function epidural(patientId: string, dateOfService: string): Encounter {
  return {
    dateOfService, patientId, providerId: 'DR-A', placeOfService: '11', claimType: 'professional', payerProfile: 'medicare',
    priorAuthorization: null, diagnoses: ['M54.16'],
    procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L5-S1', side: 'right' }] }],
    drugs: [], otherLines: [], documentation: {},
  }
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const desk = (server: FakeSyncServer, person: Person) => openTestDesk(server, person, { practiceId: PRACTICE, now: NOW, cleanups })

let checks = 0
/** An 835 paying one claim (CLP01 `claimId`) with a denied 64483 line on the date. */
function file835(claimId: string, date = '2026-11-02', check = `EFT${++checks}`): string {
  return build835({
    payerName: 'ACME HEALTH', payerId: 'ACME1', paymentDate: '2026-11-21', checkNumber: check,
    claims: [{
      patientControlNumber: claimId, status: '1', charge: 20000, paid: 0, payerClaimNumber: `PCN-${check}`, from: date,
      lines: [{ code: '64483', modifiers: ['RT'], charge: 20000, paid: 0, date, adjustments: [{ group: 'CO', reason: '119', amount: 20000 }] }],
    }],
  })
}

function parsed(text: string): Remittance[] {
  const result = parseRemittanceFile(text)
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
  return result.remittances
}

/** What the screen stores: the import as this desk matched it (here against no encounters at all). */
function importOf(text: string, fileName: string, id = crypto.randomUUID()): RemittanceImportRecord {
  const remittances = parsed(text)
  return buildImportRecord({ id, fileName, importedAt: NOW, user: PEOPLE.casey, remittances, match: matchRemittance(remittances, []) })
}

const source = (text: string) => ({ text, controlNumber: 'encounter-id-or-patient-id' as const })

describe('remittances in group mode', () => {
  it('an import waits in the outbox and shows at once as matched here; once sent, the server\'s match replaces it at both desks', async () => {
    const server = newServer()
    const encounter = server.finalize({ encounter: epidural('PT-REM-1', '2026-11-02') })
    const a = await desk(server, PEOPLE.casey)
    const b = await desk(server, PEOPLE.sam)
    const changed: StoreTable[] = []
    a.store.subscribe((tables) => changed.push(...tables))
    server.setOffline(true)
    const text = file835(encounter.id)
    const record = importOf(text, 'acme.835')
    expect(record.matchedClaims).toBe(0)
    await a.store.importRemittance(record, source(text))
    expect(await a.store.listRemittances()).toEqual([record])
    expect(changed).toContain('remittances')
    expect(server.remittances()).toEqual([])
    expect((await a.engine.outbox())[0]).toMatchObject({ route: 'importRemittance', state: 'pending', body: { id: record.id, fileName: 'acme.835', text, controlNumber: 'encounter-id-or-patient-id' } })
    // Nothing in this browser's own store: the practice's copy is the server's.
    expect(await a.local.listRemittances()).toEqual([])

    server.setOffline(false)
    await a.engine.pull()
    await a.settle()
    expect(server.remittances().map((r) => r.id)).toEqual([record.id])
    const mine = await a.store.listRemittances()
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ id: record.id, fileName: 'acme.835', userId: PEOPLE.casey.id, matchedClaims: 1, paymentKeys: record.paymentKeys })
    expect(mine[0].denials).toEqual([expect.objectContaining({ encounterId: encounter.id, lineIndex: 0, category: 'frequency' })])
    expect(await a.engine.outbox()).toEqual([])
    await b.engine.pull()
    expect(await b.store.listRemittances()).toEqual(mine)
  })

  it('refuses at once a payment already imported at another desk, naming the file; nothing is queued', async () => {
    const server = newServer()
    const text = file835('PT-REM-2')
    server.importRemittance({ id: crypto.randomUUID(), fileName: 'first.835', controlNumber: 'patient-id', text }, PEOPLE.sam)
    const a = await desk(server, PEOPLE.casey)
    await expect(a.store.importRemittance(importOf(text, 'again.835'), source(text)))
      .rejects.toThrow(/^The payment from ACME HEALTH \(check\/EFT EFT\d+, dated 2026-11-21\) was already imported from first\.835 on .* by Sam Supervisor\. Nothing was stored\./)
    expect(await a.engine.outbox()).toEqual([])
    // Another payment is taken.
    const other = file835('PT-REM-2')
    await a.store.importRemittance(importOf(other, 'other.835'), source(other))
    await a.settle()
    expect(server.remittances().map((r) => r.fileName).sort()).toEqual(['first.835', 'other.835'])
  })

  it('refuses a file over the server\'s limit, and an import without its file, before queueing', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.casey)
    const text = file835('PT-REM-3')
    const record = importOf(text, 'big.835')
    await expect(a.store.importRemittance(record, source(text + ' '.repeat(REMITTANCE_MAX_CHARS)))).rejects.toThrow(/takes 835 files of up to 5,000,000 characters/)
    await expect(a.store.importRemittance(record)).rejects.toThrow(/cannot send remittance files/)
    expect(await a.engine.outbox()).toEqual([])
  })

  it('a file the server refuses waits for the person as a refused change, and is not listed as imported', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.casey)
    const text = file835('PT-REM-4')
    // The server's parser is the judge: here it refuses what this desk's accepted (a newer server's check).
    server.failNext('importRemittance', new (await import('./api-error.ts')).ApiError(422, 'malformed', 'bad.835 cannot be imported: Segment 5 (CLP), element 2: … Nothing was stored.', 'body.text'))
    await a.store.importRemittance(importOf(text, 'bad.835'), source(text))
    await a.settle()
    expect(server.remittances()).toEqual([])
    expect(await a.store.listRemittances()).toEqual([])
    const [waiting] = await a.store.waitingChanges()
    expect(waiting?.entry).toMatchObject({ route: 'importRemittance', state: 'needs-attention', lastError: { status: 422, error: 'malformed' } })
    const view = describeChange(waiting, (iso) => iso)
    expect(view).toMatchObject({ title: 'Import remittance file bad.835', state: 'refused' })
    expect(view.status).toMatch(/^The server refused it: bad\.835 cannot be imported/)
  })

  it('an import whose answer was lost is sent again with the same key and stored once', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.casey)
    const text = file835('PT-REM-5')
    server.loseNextAnswer('importRemittance')
    await a.store.importRemittance(importOf(text, 'lost.835'), source(text))
    await a.settle()
    await a.engine.pull()
    await a.settle()
    expect(server.remittances()).toHaveLength(1)
    expect(await a.engine.outbox()).toEqual([])
    expect(server.writes.filter((w) => w.route === 'importRemittance')).toHaveLength(1)
    const sends = server.requests.filter((r) => r.route === 'importRemittance')
    expect(sends).toHaveLength(2)
    expect(sends[0].idempotencyKey).toBe(sends[1].idempotencyKey)
    expect((await a.store.listRemittances()).map((r) => r.fileName)).toEqual(['lost.835'])
  })

  it('a removal goes at once here, through the outbox to the server, and from the other desk on its next pull', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.casey)
    const b = await desk(server, PEOPLE.sam)
    const text = file835('PT-REM-6')
    const record = importOf(text, 'remove-me.835')
    await a.store.importRemittance(record, source(text))
    await a.settle()
    await b.engine.pull()
    expect((await b.store.listRemittances()).map((r) => r.id)).toEqual([record.id])

    server.setOffline(true)
    await b.store.deleteRemittance(record.id)
    expect(await b.store.listRemittances()).toEqual([])
    const [waiting] = await b.store.waitingChanges()
    expect(describeChange(waiting, (iso) => iso).title).toBe('Remove remittance file remove-me.835')
    server.setOffline(false)
    await b.engine.pull()
    await b.settle()
    expect(server.remittances()).toEqual([])
    expect(await b.engine.outbox()).toEqual([])
    await a.engine.pull()
    expect(await a.store.listRemittances()).toEqual([])
    // Its payment may come in again.
    await a.store.importRemittance(importOf(text, 'again.835'), source(text))
    await a.settle()
    expect(server.remittances().map((r) => r.fileName)).toEqual(['again.835'])
  })

  it('a removal of a file removed meanwhile at another desk (404) is done, not refused', async () => {
    const server = newServer()
    const a = await desk(server, PEOPLE.casey)
    const text = file835('PT-REM-7')
    const record = importOf(text, 'twice-removed.835')
    await a.store.importRemittance(record, source(text))
    await a.settle()
    server.deleteRemittance(record.id)
    await a.store.deleteRemittance(record.id)
    await a.settle()
    expect(await a.engine.outbox()).toEqual([])
    expect(await a.store.listRemittances()).toEqual([])
  })
})

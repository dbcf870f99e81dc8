import { describe, expect, it } from 'vitest'
import { attemptLinesOf, encounterKeyOf, lookupOf, planMoveIn, readBackup, reviewAfterLog, serverIdOf } from '../services/move-in-plan.ts'
import { backupText, chargeExportOf, decisionEntry, emptyBackupData, encounterRecord, historyRecord, workstationData } from '../testing/move-in.ts'

/** The move-in's plan, without a database: dedupe keys, review states, what the file becomes. */

const PRACTICE = '00000000-0000-4000-8000-00000000a001'
const none = { encounterIds: new Set<string>(), encounterKeys: new Set<string>(), historyKeys: new Set<string>(), records: new Set<string>(), attemptIds: new Set<string>(), chargeExportIds: new Set<string>() }

describe('review state after the workstation\'s decisions', () => {
  const entry = (lineIndex: number, to: string) => ({ lineIndex, to })

  it('an encounter whose every line needing review was approved or overridden is approved', () => {
    expect(reviewAfterLog('pending', [entry(0, 'approved'), entry(1, 'overridden')], [0, 1])).toBe('approved')
  })

  it('a line left undecided keeps it pending (the near miss)', () => {
    expect(reviewAfterLog('pending', [entry(0, 'approved')], [0, 1])).toBe('pending')
  })

  it('a line returned last makes it returned; approved after a return, it is approved', () => {
    expect(reviewAfterLog('pending', [entry(0, 'approved'), entry(1, 'returned')], [0, 1])).toBe('returned')
    expect(reviewAfterLog('pending', [entry(1, 'returned'), entry(1, 'approved'), entry(0, 'approved')], [0, 1])).toBe('approved')
  })

  it('a line reopened after its approval is pending again', () => {
    expect(reviewAfterLog('pending', [entry(0, 'approved'), entry(0, 'pending')], [0])).toBe('pending')
  })

  it("an encounter the server's evaluation finds nothing in needs no review, whatever the workstation decided", () => {
    expect(reviewAfterLog('not-needed', [entry(0, 'returned')], [])).toBe('not-needed')
  })
})

describe('dedupe keys', () => {
  it('an encounter is the same by its facts whatever the order of its lines and modifiers', () => {
    const a = encounterKeyOf('PT-1', '2026-10-14', [{ code: '64483', modifiers: ['RT', '50'], units: 1 }, { code: '77003', modifiers: [], units: 1 }])
    const b = encounterKeyOf('PT-1', '2026-10-14', [{ code: '77003', modifiers: [], units: 1 }, { code: '64483', modifiers: ['50', 'rt'], units: 1 }])
    expect(a).toBe(b)
    expect(encounterKeyOf('PT-1', '2026-10-14', [{ code: '64483', modifiers: ['RT', '50'], units: 2 }, { code: '77003', modifiers: [], units: 1 }])).not.toBe(a)
  })

  it("a moved-in id is the practice's own: the same workstation id gives another id in another practice", () => {
    const here = serverIdOf(PRACTICE, 'encounter', 'enc-1')
    expect(here).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(serverIdOf(PRACTICE, 'encounter', 'enc-1')).toBe(here)
    expect(serverIdOf('00000000-0000-4000-8000-00000000b001', 'encounter', 'enc-1')).not.toBe(here)
  })

  it('the history key is computed again, not read from the file', () => {
    const data = emptyBackupData()
    data.history = [{ ...historyRecord('PT-1', '2026-06-01'), key: 'forged-key' }]
    const read = readBackup(backupText(data))
    expect(read.history[0].key).toBe('PT-1|2026-06-01|64483|RT|1|NPI1000')
  })
})

describe('the plan', () => {
  it('adds what the practice lacks and counts the rest as duplicates', () => {
    const data = workstationData('Q')
    const read = readBackup(backupText(data))
    const existing = {
      ...none,
      encounterIds: new Set([serverIdOf(PRACTICE, 'encounter', 'enc-Q-1')]),
      historyKeys: new Set([read.history[0].key]),
      records: new Set(['provider:prov-Q']),
    }
    const plan = planMoveIn(read, PRACTICE, existing)
    expect(plan.counts.map((c) => [c.table, c.add, c.duplicates])).toEqual([
      ['encounters', 1, 1], ['history', 2, 1], ['providers', 0, 1], ['payerProfiles', 1, 0], ['practiceCases', 1, 0], ['coverageSettings', 0, 0], ['ndcList', 0, 0], ['chargeSettings', 0, 0], ['attempts', 1, 0], ['chargeExports', 0, 0],
    ])
    expect(plan.encounters.map((e) => e.localId)).toEqual(['enc-Q-2'])
    expect(lookupOf(read, PRACTICE).patientIds).toEqual(['PT-Q-1', 'PT-Q-2'])
  })

  it("carries an encounter's decisions made since its last finalize on the workstation, not those before", () => {
    const data = emptyBackupData()
    data.encounters = [encounterRecord('enc-1', 'PT-1')]
    data.audit = [
      decisionEntry('a1', 'enc-1', 0, 'return', 'returned', '2026-10-15T10:00:00.000Z', 'Fix it.'),
      { ...decisionEntry('a2', 'enc-1', 0, 'approve', 'approved', '2026-10-16T10:00:00.000Z'), lineIndex: null, action: 'finalize', from: null, to: 'pending' },
      decisionEntry('a3', 'enc-1', 1, 'approve', 'approved', '2026-10-17T10:00:00.000Z'),
    ]
    const plan = planMoveIn(readBackup(backupText(data)), PRACTICE, none)
    expect(plan.encounters[0].log.map((l) => l.id)).toEqual(['a3'])
    expect(plan.decisions).toBe(1)
  })

  it("brings the charge exports of the encounters now in the practice, mapped to their server ids, with the workstation's time, person and logged status", () => {
    const data = emptyBackupData()
    data.encounters = [encounterRecord('enc-1', 'PT-1'), encounterRecord('enc-2', 'PT-2'), encounterRecord('enc-3', 'PT-3')]
    const brought = chargeExportOf('chg-1', 'enc-1', '2026-10-20T10:15:00.000Z', 'overridden')
    const earlierMove = chargeExportOf('chg-2', 'enc-2', '2026-10-21T10:15:00.000Z')
    const sameFacts = chargeExportOf('chg-3', 'enc-3', '2026-10-22T10:15:00.000Z')
    const noEncounter = chargeExportOf('chg-4', 'enc-gone', '2026-10-23T10:15:00.000Z')
    data.chargeExports = [brought.record, earlierMove.record, sameFacts.record, noEncounter.record]
    data.audit = [brought.audit, earlierMove.audit, sameFacts.audit, noEncounter.audit]
    const read = readBackup(backupText(data))
    expect(lookupOf(read, PRACTICE).chargeExportIds).toEqual(['chg-1', 'chg-2', 'chg-3', 'chg-4'].map((id) => serverIdOf(PRACTICE, 'charge-export', id)))
    // enc-2 was moved in before (its derived id is in the practice); enc-3's facts are already there under another id.
    const sameFactsKey = new Set([encounterKeyOf('PT-3', '2026-10-14', data.encounters[2].lines)])
    const plan = planMoveIn(read, PRACTICE, { ...none, encounterIds: new Set([serverIdOf(PRACTICE, 'encounter', 'enc-2')]), encounterKeys: sameFactsKey })
    expect(plan.chargeExports).toEqual([
      { id: serverIdOf(PRACTICE, 'charge-export', 'chg-1'), localId: 'chg-1', encounterId: serverIdOf(PRACTICE, 'encounter', 'enc-1'), exportedAt: '2026-10-20T10:15:00.000Z', userName: 'Casey Coder', format: 'hl7', fileName: 'charges-20261020-101500.hl7', status: 'overridden' },
      { id: serverIdOf(PRACTICE, 'charge-export', 'chg-2'), localId: 'chg-2', encounterId: serverIdOf(PRACTICE, 'encounter', 'enc-2'), exportedAt: '2026-10-21T10:15:00.000Z', userName: 'Casey Coder', format: 'hl7', fileName: 'charges-20261021-101500.hl7', status: 'approved' },
    ])
    expect(plan.counts.find((c) => c.table === 'chargeExports')).toEqual({ table: 'chargeExports', inFile: 4, add: 2, duplicates: 2 })
    expect(plan.skipped.map((s) => s.table)).not.toContain('chargeExports')
    // Moved in again: already there by id.
    const again = planMoveIn(read, PRACTICE, {
      ...none, chargeExportIds: new Set(plan.chargeExports.map((c) => c.id)), encounterIds: new Set(plan.chargeExports.map((c) => c.encounterId)), encounterKeys: sameFactsKey,
    })
    expect(again.chargeExports).toEqual([])
  })

  it("brings the workstation's charge file settings as the practice's one charge-settings record, unless the practice has its own", () => {
    const data = emptyBackupData()
    const settings = {
      id: 'practice' as const, sendingApplication: 'ICW', sendingFacility: 'Spine Clinic', receivingApplication: 'PMS', receivingFacility: '',
      columns: [{ header: 'Acct', field: 'patientAccount' as const }, { header: 'CPT', field: 'code' as const }], updatedAt: '2026-11-20T09:30:00.000Z',
    }
    data.chargeSettings = [settings]
    const read = readBackup(backupText(data))
    const plan = planMoveIn(read, PRACTICE, none)
    expect(plan.records).toEqual([{ kind: 'charge-settings', key: 'practice', value: settings }])
    expect(plan.counts.find((c) => c.table === 'chargeSettings')).toMatchObject({ inFile: 1, add: 1, duplicates: 0 })
    const kept = planMoveIn(read, PRACTICE, { ...none, records: new Set(['charge-settings:practice']) })
    expect(kept.records).toEqual([])
    expect(kept.counts.find((c) => c.table === 'chargeSettings')).toMatchObject({ inFile: 1, add: 0, duplicates: 1 })
  })

  it('refuses charge file settings with a column of a field the export does not know', () => {
    const data = emptyBackupData()
    data.chargeSettings = [{ id: 'practice', sendingApplication: 'ICW', sendingFacility: '', receivingApplication: '', receivingFacility: '', columns: [{ header: 'Fee', field: 'price' as never }], updatedAt: '2026-11-20T09:30:00.000Z' }]
    expect(() => readBackup(backupText(data))).toThrow(/chargeSettings record 1: columns\[0\]\.field must be one of 'encounterId'/)
  })

  it('keeps an attempt\'s billed lines as a desk records them', () => {
    expect(attemptLinesOf([{ code: ' 20552 ', modifiers: ['rt', 'bad!'], units: 1.4 }, { code: 'J3490X', modifiers: [], units: 1 }])).toEqual([{ code: '20552', modifiers: ['RT'], units: 1 }])
  })

  it('refuses an encounter whose facts name another patient than its record', () => {
    const data = emptyBackupData()
    const record = encounterRecord('enc-1', 'PT-1')
    data.encounters = [{ ...record, encounter: { ...record.encounter, patientId: 'PT-2' } }]
    expect(() => readBackup(backupText(data))).toThrow(/encounters record 1: its patient and date of service are not those of its encounter/)
  })
})

import { describe, expect, it } from 'vitest'
import type { ChargeExportRecord, EncounterRecord } from '../../storage/types.ts'
import { chargeBatch, holdReason, toChargeEncounter, type ChargeCandidate, type LineReviewStatus } from './batch.ts'

const line = (code: string) => ({ code, modifiers: [], units: 1, label: 'label', procedureIndex: 0, origin: 'procedure' as const, ruleIds: [], trace: [] })

function candidate(id: string, statuses: LineReviewStatus[], overrides: Partial<EncounterRecord> = {}, decidedAt: string | null = null): ChargeCandidate {
  const record = {
    id, finalizedAt: '2026-11-20T10:00:00.000Z', patientId: `PT-${id}`, providerId: 'DR-A', dateOfService: '2026-11-18', payerProfile: 'medicare',
    encounter: { placeOfService: '11', diagnoses: ['M54.16', 'M47.816'] } as unknown as EncounterRecord['encounter'],
    lines: statuses.map(() => line('64493')), findings: [], counts: { error: 0, warning: 0, info: 0 }, review: 'not-needed', finalizeReason: null,
    ...overrides,
  } satisfies EncounterRecord
  return { record, statuses, decidedAt }
}

const exported = (encounterId: string, exportedAt = '2026-11-25T09:00:00.000Z'): ChargeExportRecord =>
  ({ id: `x-${encounterId}-${exportedAt}`, encounterId, exportedAt, userId: 'u-1', userName: 'Casey Coder', format: 'hl7', fileName: 'charges.hl7' })

const all = { since: null, includeExported: false }

describe('holdReason', () => {
  it('lets through an encounter whose lines needed no review or were approved or overridden', () => {
    expect(holdReason(candidate('E1', ['no-findings', 'approved', 'overridden']))).toBeNull()
  })
  it('holds back an encounter with a line still awaiting review, counting the lines', () => {
    expect(holdReason(candidate('E1', ['approved', 'pending']))).toBe('Awaiting review (1 of 2 lines).')
  })
  it('holds back an encounter returned to the coder before one awaiting review', () => {
    expect(holdReason(candidate('E1', ['returned', 'pending', 'returned']))).toBe('Returned to the coder (2 of 3 lines).')
  })
  it('holds back an encounter without claim lines', () => {
    expect(holdReason(candidate('E1', []))).toBe('It has no claim lines.')
  })
})

describe('chargeBatch', () => {
  it('offers the settled encounters in date-of-service order and lists the held ones with their reasons', () => {
    const batch = chargeBatch([
      candidate('E2', ['approved'], { dateOfService: '2026-11-19' }),
      candidate('E1', ['no-findings']),
      candidate('E3', ['pending']),
    ], [], all)
    expect(batch.ready.map((r) => r.candidate.record.id)).toEqual(['E1', 'E2'])
    expect(batch.held.map((h) => [h.candidate.record.id, h.reason])).toEqual([['E3', 'Awaiting review (1 of 1 lines).']])
    expect(batch.alreadyExported).toBe(0)
  })

  it('leaves out encounters exported before unless a re-export is asked for, then shows the earlier exports', () => {
    const candidates = [candidate('E1', ['approved']), candidate('E2', ['approved'])]
    const exports = [exported('E1', '2026-11-26T09:00:00.000Z'), exported('E1', '2026-11-25T09:00:00.000Z')]
    const batch = chargeBatch(candidates, exports, all)
    expect(batch.ready.map((r) => r.candidate.record.id)).toEqual(['E2'])
    expect(batch.alreadyExported).toBe(1)
    expect(batch.exported.map((r) => [r.candidate.record.id, r.exports.map((e) => e.exportedAt)])).toEqual([
      ['E1', ['2026-11-25T09:00:00.000Z', '2026-11-26T09:00:00.000Z']],
    ])
    const again = chargeBatch(candidates, exports, { since: null, includeExported: true })
    expect(again.ready.map((r) => [r.candidate.record.id, r.exports.map((e) => e.exportedAt)])).toEqual([
      ['E1', ['2026-11-25T09:00:00.000Z', '2026-11-26T09:00:00.000Z']], ['E2', []],
    ])
  })

  it('counts an encounter from its last review decision, else its finalization, against the since date', () => {
    const batch = chargeBatch([
      candidate('OLD', ['no-findings'], { finalizedAt: '2026-11-10T10:00:00.000Z' }),
      candidate('DECIDED', ['approved'], { finalizedAt: '2026-11-10T10:00:00.000Z' }, '2026-11-21T08:00:00.000Z'),
      candidate('SAME-DAY', ['no-findings'], { finalizedAt: '2026-11-21T23:59:00.000Z' }),
    ], [], { since: '2026-11-21', includeExported: false })
    expect(batch.ready.map((r) => [r.candidate.record.id, r.readyAt])).toEqual([
      ['DECIDED', '2026-11-21T08:00:00.000Z'], ['SAME-DAY', '2026-11-21T23:59:00.000Z'],
    ])
  })
})

describe('toChargeEncounter', () => {
  it('takes the place of service and the diagnoses in box 21 order from the encounter', () => {
    const e = toChargeEncounter(candidate('E1', ['approved']).record)
    expect(e).toMatchObject({ encounterId: 'E1', patientId: 'PT-E1', providerId: 'DR-A', dateOfService: '2026-11-18', placeOfService: '11', payerProfile: 'medicare', diagnoses: ['M54.16', 'M47.816'] })
    expect(e.lines).toHaveLength(1)
  })
})

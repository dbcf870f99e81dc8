import { describe, expect, it } from 'vitest'
import { createContext, evaluate, evaluationInputSchema } from '../../domain/index.ts'
import type { UserRecord } from '../../storage/types.ts'
import { blockingIssues, toEncounterRecord, toFinalizeAudit } from './finalize.ts'

const input = (procedures: unknown[]) => evaluationInputSchema.parse({
  encounter: { dateOfService: '2026-10-14', patientId: 'PT-1', providerId: 'DR-A', placeOfService: '11', claimType: 'professional', payerProfile: 'medicare', diagnoses: ['M47.816'], procedures },
})

describe('finalize', () => {
  it('sends an encounter with findings to review and keeps the reason', () => {
    const i = input([{ type: 'facet-injection', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: null }] }])
    const r = evaluate(i, createContext('2026-11-26'))
    const rec = toEncounterRecord('d1', i, r, 'Side confirmed by phone with the provider', '2026-11-26T10:00:00.000Z')
    expect(rec).toMatchObject({ id: 'd1', patientId: 'PT-1', review: 'pending', finalizeReason: 'Side confirmed by phone with the provider' })
    expect(rec.counts.error).toBeGreaterThan(0)
  })

  it('needs no review when nothing is flagged', () => {
    const i = input([])
    const r = { ...evaluate(i, createContext('2026-11-26')), findings: [] }
    expect(toEncounterRecord('d2', i, r, null, 'now').review).toBe('not-needed')
  })

  it('blocks on header gaps and half-typed rows, not on anything else', () => {
    expect(blockingIssues([{ path: 'patientId', message: 'x' }, { path: 'drugs.0.dose', message: 'y' }, { path: 'somethingElse', message: 'z' }]).map((i) => i.path)).toEqual(['patientId', 'drugs.0.dose'])
  })

  it('records who finalized it, and an audit entry that sends it to review with the reason as note', () => {
    const casey: UserRecord = { id: 'u-casey', name: 'Casey Coder', role: 'coder', createdAt: '2026-11-01T09:00:00.000Z' }
    const i = input([{ type: 'facet-injection', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: null }] }])
    const rec = toEncounterRecord('d1', i, evaluate(i, createContext('2026-11-26')), 'Side confirmed by phone with the provider', '2026-11-26T10:00:00.000Z', casey)
    expect(rec.finalizedBy).toBe('u-casey')
    expect(toFinalizeAudit(rec, casey, 'a-1')).toEqual({
      id: 'a-1', at: '2026-11-26T10:00:00.000Z', userId: 'u-casey', userName: 'Casey Coder', encounterId: 'd1', lineIndex: null,
      action: 'finalize', from: null, to: 'pending', reason: null, note: 'Side confirmed by phone with the provider',
    })
  })

  it('audits a clean encounter as finalized with no findings', () => {
    const sam: UserRecord = { id: 'u-sam', name: 'Sam', role: 'trainee', createdAt: 'then' }
    const i = input([])
    const rec = toEncounterRecord('d2', i, { ...evaluate(i, createContext('2026-11-26')), findings: [] }, null, 'now', sam)
    expect(toFinalizeAudit(rec, sam, 'a-2')).toMatchObject({ action: 'finalize', from: null, to: 'no-findings', note: null, userId: 'u-sam' })
  })

  it('leaves finalizedBy null when no profile is chosen', () => {
    const i = input([])
    expect(toEncounterRecord('d3', i, evaluate(i, createContext('2026-11-26')), null, 'now').finalizedBy).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { createContext, evaluate, evaluationInputSchema } from '../../domain/index.ts'
import { blockingIssues, toEncounterRecord } from './finalize.ts'

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
})

import { describe, expect, it } from 'vitest'
import { medicareProfile } from '../data/payer-profiles.ts'
import { claim, findings, rfa, run } from '../testing/builders.ts'

const kx = (dateOfService: string, code = '64493') => ({ dateOfService, code, modifiers: ['RT', 'KX'], units: 1, providerId: 'DR-B' })

describe('radiofrequency ablation coding', () => {
  it('bills the first lumbar joint as one unit of 64635', () => {
    expect(claim(run({ procedures: [rfa([['L4-L5', 'right']])] }))).toEqual(['64635-RT x1'])
  })

  it('bills each additional joint as a unit of 64636 on one line, per joint not per nerve', () => {
    const r = run({ procedures: [rfa([['L3-L4', 'right'], ['L4-L5', 'right'], ['L5-S1', 'right']])] })
    expect(claim(r)).toEqual(['64635-RT x1', '64636-RT x2'])
    // The merged line's trace still names both joints it bills.
    expect(r.lines[1]?.trace).toContainEqual({ fact: 'level', value: 'L4-L5; L5-S1' })
    expect(r.lines[1]?.ruleIds).toContain('LINE-MERGE')
  })

  it('keeps a line per joint with the payer\'s distinguishing modifier when its profile asks for it', () => {
    const perLevel = { ...medicareProfile, id: 'per-level-plan', repeatedLines: { format: 'line-per-level' as const, modifier: 'XS' as const, source: 'test profile' } }
    const r = run({ payerProfile: 'per-level-plan', procedures: [rfa([['L2-L3', 'right'], ['L3-L4', 'right'], ['L4-L5', 'right'], ['L5-S1', 'right']])] }, [], { payerProfiles: [medicareProfile, perLevel] })
    expect(claim(r)).toEqual(['64635-RT x1', '64636-RT x1', '64636-RT-XS x2'])
  })

  it('codes cervical joints 64633/64634', () => {
    expect(claim(run({ procedures: [rfa([['C3-C4', 'left'], ['C4-C5', 'left']])] }))).toEqual(['64633-LT x1', '64634-LT x1'])
  })

  it('uses 50 on each line for bilateral joints on Medicare professional claims', () => {
    expect(claim(run({ procedures: [rfa([['L4-L5', 'bilateral'], ['L5-S1', 'bilateral']])] }))).toEqual(['64635-50 x1', '64636-50 x1'])
  })

  it('uses RT and LT lines for bilateral joints on ASC facility claims', () => {
    expect(claim(run({ claimType: 'facility', placeOfService: '24', procedures: [rfa([['L4-L5', 'bilateral']])] }))).toEqual(['64635-RT x1', '64635-LT x1'])
  })
})

describe('radiofrequency ablation checks', () => {
  it('errors on a joint with no side, not with one', () => {
    expect(findings(run({ procedures: [rfa([['L4-L5', null]])] }), 'RFA-SIDE-MISSING')).toHaveLength(1)
    expect(findings(run({ procedures: [rfa([['L4-L5', 'left']])] }), 'RFA-SIDE-MISSING')).toHaveLength(0)
  })

  it.each(['none', 'ultrasound'] as const)('errors on RFA with %s guidance', (guidance) => {
    expect(findings(run({ procedures: [rfa([['L4-L5', 'left']], guidance)] }), 'RFA-GUIDANCE')).toHaveLength(1)
  })

  it('does not flag RFA under CT guidance', () => {
    expect(findings(run({ procedures: [rfa([['L4-L5', 'left']], 'ct')] }), 'RFA-GUIDANCE')).toHaveLength(0)
  })

  it('notes that a third joint may be non-covered (unverified), not for two joints', () => {
    expect(findings(run({ procedures: [rfa([['L3-L4', 'left'], ['L4-L5', 'left'], ['L5-S1', 'left']])] }), 'RFA-THIRD-JOINT')[0]?.severity).toBe('info')
    expect(findings(run({ procedures: [rfa([['L4-L5', 'left'], ['L5-S1', 'left']])] }), 'RFA-THIRD-JOINT')).toHaveLength(0)
  })

  it('warns about two regions in one RFA session', () => {
    expect(findings(run({ procedures: [rfa([['C5-C6', 'left'], ['L4-L5', 'left']])] }), 'RFA-MULTI-REGION')).toHaveLength(1)
  })

  it('warns on an initial RFA with fewer than two diagnostic blocks on file', () => {
    const r = run({ procedures: [rfa([['L4-L5', 'left']])] }, [kx('2026-06-01')])
    expect(findings(r, 'RFA-DIAGNOSTIC-BLOCKS')[0]?.message).toMatch(/shows 1 diagnostic/)
  })

  it('accepts an initial RFA with two diagnostic blocks on file from any provider', () => {
    expect(findings(run({ procedures: [rfa([['L4-L5', 'right']])] }, [kx('2026-06-01'), kx('2026-07-01')]), 'RFA-DIAGNOSTIC-BLOCKS')).toHaveLength(0)
  })

  it('does not count diagnostic blocks in the other region', () => {
    expect(findings(run({ procedures: [rfa([['L4-L5', 'left']])] }, [kx('2026-06-01', '64490'), kx('2026-07-01', '64490')]), 'RFA-DIAGNOSTIC-BLOCKS')).toHaveLength(1)
  })

  it('does not ask for new blocks before a repeat RFA within two years', () => {
    const history = [{ dateOfService: '2025-12-01', code: '64635', modifiers: ['LT'], units: 1 }]
    expect(findings(run({ procedures: [rfa([['L4-L5', 'left']])] }, history), 'RFA-DIAGNOSTIC-BLOCKS')).toHaveLength(0)
  })

  it('asks for the blocks to be repeated when the last RFA is two years old or more', () => {
    const history = [kx('2023-01-10'), kx('2023-02-10'), { dateOfService: '2023-03-01', code: '64635', modifiers: ['LT'], units: 1 }]
    expect(findings(run({ procedures: [rfa([['L4-L5', 'left']])] }, history), 'RFA-DIAGNOSTIC-BLOCKS')[0]?.message).toMatch(/two years or more/)
  })

  it('errors on an RFA with no joint', () => {
    expect(findings(run({ procedures: [rfa([])] }), 'RFA-NO-LEVELS')).toHaveLength(1)
    expect(findings(run({ procedures: [rfa([['L4-L5', 'left']])] }), 'RFA-NO-LEVELS')).toHaveLength(0)
  })

  it('merges a joint entered twice and warns', () => {
    const r = run({ procedures: [rfa([['L4-L5', 'left'], ['L4-L5', 'right']])] })
    expect(claim(r)).toEqual(['64635-50 x1'])
    expect(findings(r, 'RFA-DUPLICATE-JOINT')).toHaveLength(1)
    expect(findings(run({ procedures: [rfa([['L4-L5', 'left'], ['L5-S1', 'left']])] }), 'RFA-DUPLICATE-JOINT')).toHaveLength(0)
  })

  it('codes T12-L1 ablation with the thoracic codes and notes it is unverified', () => {
    const r = run({ procedures: [rfa([['T12-L1', 'left']])] })
    expect(claim(r)).toEqual(['64633-LT x1'])
    expect(findings(r, 'RFA-T12L1')).toHaveLength(1)
    expect(findings(run({ procedures: [rfa([['L1-L2', 'left']])] }), 'RFA-T12L1')).toHaveLength(0)
  })
})

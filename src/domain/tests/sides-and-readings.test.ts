import { describe, expect, it } from 'vitest'
import { facet, findings, interlaminar, rfa, run, tpi, transforaminal } from '../testing/builders.ts'


// Readings the reference settles one way (sides of a facet block and an ablation; the category of an
// unclassified drug code) or leaves open (sides of diagnostic blocks; the region of T12-L1 for facet
// codes), where an open one must say it is unverified.
describe('sides, unclassified drugs and T12-L1', () => {
  it('bills only the ablation when a block and an ablation share a level and side, not across sides (FAC-RFA-SAME-LEVEL)', () => {
    expect(findings(run({ procedures: [facet([['L4-L5', 'left']]), rfa([['L4-L5', 'right']])] }), 'FAC-RFA-SAME-LEVEL')).toHaveLength(0)
    expect(findings(run({ procedures: [facet([['L4-L5', 'left']]), rfa([['L4-L5', 'left']])] }), 'FAC-RFA-SAME-LEVEL')).toHaveLength(1)
    expect(findings(run({ procedures: [facet([['L4-L5', 'bilateral']]), rfa([['L4-L5', 'right']])] }), 'FAC-RFA-SAME-LEVEL')).toHaveLength(1)
    expect(findings(run({ procedures: [facet([['L4-L5', null]]), rfa([['L4-L5', 'right']])] }), 'FAC-RFA-SAME-LEVEL')).toHaveLength(1)
  })
  it('treats lidocaine billed under J3490 as a local anesthetic, and the trigger point reminder names the lidocaine-only exception', () => {
    const r = run({ procedures: [tpi([['trapezius', 'left', 2]])], drugs: [{ code: 'J3490', name: 'lidocaine 1%', dose: 3, unit: 'mL', category: 'local-anesthetic' }] })
    expect(findings(r, 'DRUG-LOCAL-ANESTHETIC')).toHaveLength(1)
    expect(findings(run({ procedures: [tpi([['trapezius', 'left', 2]])], drugs: [{ code: 'J3490', name: 'sodium bicarbonate', dose: 2, unit: 'mL', category: 'other' }] }), 'DRUG-LOCAL-ANESTHETIC')).toHaveLength(0)
    expect(findings(run({ payerProfile: 'commercial-example', procedures: [tpi([['trapezius', 'left', 2]])], drugs: [{ code: 'J3490', name: 'lidocaine 1%', dose: 3, unit: 'mL', category: 'local-anesthetic' }] }), 'DRUG-LOCAL-ANESTHETIC')).toHaveLength(0)
    expect(findings(run({ procedures: [tpi([['trapezius', 'left', 2]])] }), 'TPI-NO-INJECTANT')[0]?.message).toMatch(/local anesthetic alone/)
    expect(findings(run({ payerProfile: 'commercial-example', procedures: [tpi([['trapezius', 'left', 2]])] }), 'TPI-NO-INJECTANT')[0]?.message).not.toMatch(/local anesthetic alone/)
  })
  it('says when a second region comes only from T12-L1 on facet, RFA or interlaminar codes, not on transforaminal codes', () => {
    expect(findings(run({ procedures: [facet([['T12-L1', 'right'], ['L1-L2', 'right']], 'therapeutic')] }), 'FAC-MULTI-REGION')[0]?.message).toMatch(/not verified/)
    expect(findings(run({ procedures: [rfa([['T12-L1', 'right'], ['L1-L2', 'right']])] }), 'RFA-MULTI-REGION')[0]?.message).toMatch(/not verified/)
    expect(findings(run({ procedures: [facet([['C5-C6', 'left'], ['L4-L5', 'left']], 'therapeutic')] }), 'FAC-MULTI-REGION')[0]?.message).not.toMatch(/T12-L1/)
    expect(findings(run({ procedures: [facet([['T11-T12', 'left'], ['T12-L1', 'left'], ['L1-L2', 'left']], 'therapeutic')] }), 'FAC-MULTI-REGION')[0]?.message).not.toMatch(/T12-L1/)
    expect(findings(run({ procedures: [transforaminal([['T12-L1', 'right'], ['L1-L2', 'right']])] }), 'ESI-MULTI-REGION')[0]?.message).not.toMatch(/T12-L1/)
    expect(findings(run({ procedures: [interlaminar([['T12-L1', null]]), transforaminal([['L1-L2', 'right']])] }), 'ESI-MULTI-REGION')[0]?.message).toMatch(/T12-L1/)
  })
})

describe('diagnostic blocks on the ablated side (RFA-DIAGNOSTIC-BLOCKS, unverified)', () => {
  const kx2 = (d: string, side: string, code = '64493') => ({ dateOfService: d, code, modifiers: side === '50' ? ['50', 'KX'] : [side, 'KX'], units: 1 })
  it('warns (unverified) when the region has two blocks but not on the ablated side', () => {
    const f = findings(run({ procedures: [rfa([['L4-L5', 'left']])] }, [kx2('2026-06-01', 'RT'), kx2('2026-07-01', 'RT')]), 'RFA-DIAGNOSTIC-BLOCKS')
    expect(f[0]?.message).toMatch(/fewer than two on the left side.*not verified/)
    expect(findings(run({ procedures: [rfa([['L4-L5', 'left']])] }, [kx2('2026-06-01', '50'), kx2('2026-07-01', 'LT')]), 'RFA-DIAGNOSTIC-BLOCKS')).toHaveLength(0)
    expect(findings(run({ procedures: [rfa([['L4-L5', 'bilateral']])] }, [kx2('2026-06-01', 'LT'), kx2('2026-07-01', 'LT')]), 'RFA-DIAGNOSTIC-BLOCKS')[0]?.message).toMatch(/right side/)
  })
})

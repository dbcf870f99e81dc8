import { describe, expect, it } from 'vitest'
import { claim, facet, findings, rfa, run } from '../testing/builders.ts'

describe('facet injection coding', () => {
  it('codes L4-L5 and L5-S1 (guide example) as 64493 then 64494', () => {
    expect(claim(run({ procedures: [facet([['L4-L5', 'right'], ['L5-S1', 'right']], 'therapeutic')] }))).toEqual(['64493-RT x1', '64494-RT x1'])
  })

  it('orders levels head to tail whatever the entry order', () => {
    expect(claim(run({ procedures: [facet([['L5-S1', 'left'], ['L4-L5', 'left']], 'therapeutic')] }))).toEqual(['64493-LT x1', '64494-LT x1'])
  })

  it('codes cervical levels with 64490/64491', () => {
    expect(claim(run({ procedures: [facet([['C5-C6', 'left'], ['C6-C7', 'left']], 'therapeutic')] }))).toEqual(['64490-LT x1', '64491-LT x1'])
  })

  it('bills the third and fourth levels as one unit of 64495', () => {
    const r = run({ dateOfService: '2024-01-10', procedures: [facet([['L2-L3', 'right'], ['L3-L4', 'right'], ['L4-L5', 'right'], ['L5-S1', 'right']], 'therapeutic')] })
    expect(claim(r)).toEqual(['64493-RT x1', '64494-RT x1', '64495-RT x1'])
  })

  it('bills bilateral L4-L5 as one 64493 line with 50 for Medicare professional claims', () => {
    expect(claim(run({ procedures: [facet([['L4-L5', 'bilateral']], 'therapeutic')] }))).toEqual(['64493-50 x1'])
  })

  it('bills bilateral L4-L5 as two lines RT and LT, never 50, on an ASC facility claim', () => {
    expect(claim(run({ claimType: 'facility', placeOfService: '24', procedures: [facet([['L4-L5', 'bilateral']], 'therapeutic')] }))).toEqual(['64493-RT x1', '64493-LT x1'])
  })

  it('bills bilateral as two RT/LT lines under the commercial example profile', () => {
    expect(claim(run({ payerProfile: 'commercial-example', procedures: [facet([['L4-L5', 'bilateral'], ['L5-S1', 'bilateral']], 'therapeutic')] })))
      .toEqual(['64493-RT x1', '64493-LT x1', '64494-RT x1', '64494-LT x1'])
  })

  it('puts 50 before KX on a diagnostic bilateral line and KX on every diagnostic line', () => {
    expect(claim(run({ procedures: [facet([['L4-L5', 'bilateral'], ['L5-S1', 'left']], 'diagnostic')] }))).toEqual(['64493-50-KX x1', '64494-LT-KX x1'])
  })

  it('adds no KX to therapeutic lines', () => {
    expect(claim(run({ procedures: [facet([['L4-L5', 'left']], 'therapeutic')] }))).toEqual(['64493-LT x1'])
  })

  it('merges left and right entries of one level into a bilateral level and warns', () => {
    const r = run({ procedures: [facet([['L4-L5', 'left'], ['L4-L5', 'right']], 'therapeutic')] })
    expect(claim(r)).toEqual(['64493-50 x1'])
    expect(findings(r, 'FAC-DUPLICATE-LEVEL')).toHaveLength(1)
  })

  it('keeps a level without a side undocumented whatever the entry order of its duplicates', () => {
    for (const order of [[['L4-L5', 'bilateral'], ['L4-L5', null]], [['L4-L5', null], ['L4-L5', 'bilateral']]] as const) {
      const r = run({ procedures: [facet(order, 'therapeutic')] })
      expect(claim(r)).toEqual(['64493 x1'])
      expect(findings(r, 'FAC-SIDE-MISSING')).toHaveLength(1)
    }
  })

  it('moves ultrasound-guided injections to 0216T/0217T and warns that Medicare does not cover them', () => {
    const r = run({ procedures: [facet([['L4-L5', 'right'], ['L5-S1', 'right']], 'therapeutic', 'ultrasound')] })
    expect(claim(r)).toEqual(['0216T-RT x1', '0217T-RT x1'])
    expect(findings(r, 'FAC-ULTRASOUND')[0]?.fix).toMatch(/ABN/)
  })

  it('codes cervical ultrasound injections 0213T/0214T/0215T', () => {
    const r = run({ dateOfService: '2024-01-10', procedures: [facet([['C3-C4', 'left'], ['C4-C5', 'left'], ['C5-C6', 'left']], 'therapeutic', 'ultrasound')] })
    expect(claim(r)).toEqual(['0213T-LT x1', '0214T-LT x1', '0215T-LT x1'])
  })

  it('codes T12-L1 with the thoracic facet codes and says that is unverified', () => {
    const r = run({ procedures: [facet([['T12-L1', 'left']], 'therapeutic')] })
    expect(claim(r)).toEqual(['64490-LT x1'])
    expect(findings(r, 'FAC-T12L1')[0]?.severity).toBe('info')
  })

  it('gives no T12-L1 note for L1-L2', () => {
    expect(findings(run({ procedures: [facet([['L1-L2', 'left']], 'therapeutic')] }), 'FAC-T12L1')).toHaveLength(0)
  })
})

describe('facet injection checks', () => {
  it('errors on a level without a side (the line rejects), not when the side is given', () => {
    const r = run({ procedures: [facet([['L4-L5', null]], 'therapeutic')] })
    expect(claim(r)).toEqual(['64493 x1'])
    const [f] = findings(r, 'FAC-SIDE-MISSING')
    expect(f?.severity).toBe('error')
    expect(f?.lineIndexes).toEqual([0])
    expect(findings(run({ procedures: [facet([['L4-L5', 'left']], 'therapeutic')] }), 'FAC-SIDE-MISSING')).toHaveLength(0)
  })

  it('errors when no imaging guidance is recorded, not with CT', () => {
    expect(findings(run({ procedures: [facet([['L4-L5', 'left']], 'therapeutic', 'none')] }), 'FAC-GUIDANCE-NONE')).toHaveLength(1)
    expect(findings(run({ procedures: [facet([['L4-L5', 'left']], 'therapeutic', 'ct')] }), 'FAC-GUIDANCE-NONE')).toHaveLength(0)
  })

  it('errors on a third level for Medicare after the 2024 revisions, on the 64495 line', () => {
    const r = run({ procedures: [facet([['L3-L4', 'right'], ['L4-L5', 'right'], ['L5-S1', 'right']], 'therapeutic')] })
    const [f] = findings(r, 'FAC-LEVEL-LIMIT')
    expect(f?.severity).toBe('error')
    expect(f?.lineIndexes).toEqual([2])
  })

  it('does not apply the third-level rule before 2024-07-07, to two levels, or to the commercial example', () => {
    expect(findings(run({ dateOfService: '2024-07-06', procedures: [facet([['L3-L4', 'right'], ['L4-L5', 'right'], ['L5-S1', 'right']], 'therapeutic')] }), 'FAC-LEVEL-LIMIT')).toHaveLength(0)
    expect(findings(run({ procedures: [facet([['L4-L5', 'right'], ['L5-S1', 'right']], 'therapeutic')] }), 'FAC-LEVEL-LIMIT')).toHaveLength(0)
    expect(findings(run({ payerProfile: 'commercial-example', procedures: [facet([['L3-L4', 'right'], ['L4-L5', 'right'], ['L5-S1', 'right']], 'therapeutic')] }), 'FAC-LEVEL-LIMIT')).toHaveLength(0)
  })

  it('codes each region with its own primary and warns about two regions in one session', () => {
    const r = run({ procedures: [facet([['C5-C6', 'left'], ['L4-L5', 'left']], 'therapeutic')] })
    expect(claim(r)).toEqual(['64490-LT x1', '64493-LT x1'])
    expect(findings(r, 'FAC-MULTI-REGION')).toHaveLength(1)
    expect(findings(run({ procedures: [facet([['L4-L5', 'left'], ['L5-S1', 'left']], 'therapeutic')] }), 'FAC-MULTI-REGION')).toHaveLength(0)
  })

  it('errors on 77003 billed with a facet injection (imaging is included), not without it', () => {
    const r = run({ procedures: [facet([['L4-L5', 'left']], 'therapeutic')], otherLines: [{ code: '77003', modifiers: [], units: 1 }] })
    expect(findings(r, 'IMG-BUNDLED')[0]?.lineIndexes).toEqual([1, 0])
    expect(findings(run({ procedures: [facet([['L4-L5', 'left']], 'therapeutic')] }), 'IMG-BUNDLED')).toHaveLength(0)
  })

  it('warns when a facet injection and RFA hit the same level the same day, not different levels', () => {
    expect(findings(run({ procedures: [facet([['L4-L5', 'left']], 'diagnostic'), rfa([['L4-L5', 'left']])] }), 'FAC-RFA-SAME-LEVEL')).toHaveLength(1)
    expect(findings(run({ procedures: [facet([['L3-L4', 'left']], 'diagnostic'), rfa([['L4-L5', 'left']])] }), 'FAC-RFA-SAME-LEVEL')).toHaveLength(0)
  })

  it('errors on a facet procedure with no level', () => {
    expect(findings(run({ procedures: [facet([], 'therapeutic')] }), 'FAC-NO-LEVELS')).toHaveLength(1)
  })
})

describe('hospital outpatient prior authorization', () => {
  const lumbar = facet([['L4-L5', 'left']], 'therapeutic')

  it('errors on a Medicare OPD facility facet claim on or after 2023-07-01 with no UTN', () => {
    const [f] = findings(run({ claimType: 'facility', placeOfService: '22', procedures: [lumbar] }), 'PA-OPD-FACILITY')
    expect(f?.severity).toBe('error')
    expect(f?.category).toBe('prior-authorization')
  })

  it.each([
    ['a UTN is recorded', { claimType: 'facility', placeOfService: '19', priorAuthorization: 'UTN12345678' }],
    ['the date is before 2023-07-01', { claimType: 'facility', placeOfService: '22', dateOfService: '2023-06-30' }],
    ['the place is an ASC', { claimType: 'facility', placeOfService: '24' }],
    ['the place is the office', { claimType: 'professional', placeOfService: '11' }],
    ['the payer is not Medicare', { claimType: 'facility', placeOfService: '22', payerProfile: 'commercial-example' }],
  ] as const)('does not require it when %s', (_name, enc) => {
    const r = run({ ...enc, procedures: [lumbar] })
    expect(findings(r, 'PA-OPD-FACILITY')).toHaveLength(0)
    expect(findings(r, 'PA-OPD-PROFESSIONAL')).toHaveLength(0)
  })

  it('warns on the professional claim for an OPD facet without a recorded authorization', () => {
    expect(findings(run({ claimType: 'professional', placeOfService: '19', procedures: [lumbar] }), 'PA-OPD-PROFESSIONAL')).toHaveLength(1)
  })

  it('covers RFA codes too', () => {
    expect(findings(run({ claimType: 'facility', placeOfService: '22', procedures: [rfa([['L4-L5', 'left']])] }), 'PA-OPD-FACILITY')).toHaveLength(1)
  })

  it('leaves 64495 off the list after August 2024 but keeps it before', () => {
    const three = facet([['L3-L4', 'left'], ['L4-L5', 'left'], ['L5-S1', 'left']], 'therapeutic')
    const after = findings(run({ claimType: 'facility', placeOfService: '22', dateOfService: '2024-09-01', procedures: [three] }), 'PA-OPD-FACILITY')[0]
    expect(after?.message).not.toMatch(/64495/)
    const before = findings(run({ claimType: 'facility', placeOfService: '22', dateOfService: '2024-03-01', procedures: [three] }), 'PA-OPD-FACILITY')[0]
    expect(before?.message).toMatch(/64495/)
  })
})

import { describe, expect, it } from 'vitest'
import { claim, facet, findings, interlaminar, run, tpi, transforaminal } from '../testing/builders.ts'

describe('diagnoses', () => {
  it('errors when no diagnosis is entered on a claim with lines', () => {
    expect(findings(run({ diagnoses: [], procedures: [facet([['L4-L5', 'left']])] }), 'DX-REQUIRED')).toHaveLength(1)
    expect(findings(run({ diagnoses: [], procedures: [] }), 'DX-REQUIRED')).toHaveLength(0)
  })

  it.each(['M47816', 'M47.816', 'G89.18', 'M79.1'])('accepts %s as ICD-10-CM format', (dx) => {
    expect(findings(run({ diagnoses: [dx], procedures: [facet([['L4-L5', 'left']])] }), 'DX-FORMAT')).toHaveLength(0)
  })

  it.each(['XYZ', '12345', 'M4', 'M47.81678'])('rejects %s as ICD-10-CM format', (dx) => {
    expect(findings(run({ diagnoses: [dx], procedures: [facet([['L4-L5', 'left']])] }), 'DX-FORMAT')).toHaveLength(1)
  })

  it('warns when no diagnosis supports the family, and says the groups are inferred', () => {
    const [f] = findings(run({ diagnoses: ['M54.50'], procedures: [facet([['L4-L5', 'left']])] }), 'DX-SUPPORT')
    expect(f?.message).toMatch(/inferred/)
  })

  it.each([
    ['facet with lumbar spondylosis M47.816', ['M47.816'], facet([['L4-L5', 'left']])],
    ['facet written without the point, M47816', ['M47816'], facet([['L4-L5', 'left']])],
    ['epidural with radiculopathy M54.16', ['M54.16'], transforaminal([['L4-L5', 'left']])],
    ['epidural for postoperative pain G89.18', ['G89.18'], interlaminar([['L4-L5', null]])],
    ['trigger points with myalgia M79.18', ['M79.18'], tpi([['trapezius', 'left', 1]])],
  ] as const)('does not warn on a supporting diagnosis: %s', (_name, diagnoses, procedure) => {
    expect(findings(run({ diagnoses: [...diagnoses], procedures: [procedure] }), 'DX-SUPPORT')).toHaveLength(0)
  })

  it('warns on radiculopathy coded with a facet injection', () => {
    expect(findings(run({ diagnoses: ['M47.816', 'M54.16'], procedures: [facet([['L4-L5', 'left']])] }), 'DX-RED-FLAG')).toHaveLength(1)
  })

  it('warns on axial low back pain alone with an epidural, not when radiculopathy is also coded', () => {
    expect(findings(run({ diagnoses: ['M54.50'], procedures: [transforaminal([['L4-L5', 'left']])] }), 'DX-RED-FLAG')).toHaveLength(1)
    expect(findings(run({ diagnoses: ['M54.50', 'M54.16'], procedures: [transforaminal([['L4-L5', 'left']])] }), 'DX-RED-FLAG')).toHaveLength(0)
  })

  it('warns on fibromyalgia with trigger points', () => {
    expect(findings(run({ diagnoses: ['M79.7'], procedures: [tpi([['trapezius', 'left', 1]])] }), 'DX-RED-FLAG')).toHaveLength(1)
  })
})

describe('claim-level checks', () => {
  it('warns on a same-day E/M without 25, not with 25', () => {
    const proc = [facet([['L4-L5', 'left']])]
    expect(findings(run({ procedures: proc, otherLines: [{ code: '99213', modifiers: [], units: 1 }] }), 'EM-MODIFIER-25')).toHaveLength(1)
    expect(findings(run({ procedures: proc, otherLines: [{ code: '99213', modifiers: ['25'], units: 1 }] }), 'EM-MODIFIER-25')).toHaveLength(0)
  })

  it('errors on an add-on typed without its primary', () => {
    expect(findings(run({ otherLines: [{ code: '64494', modifiers: ['RT'], units: 1 }] }), 'ADDON-WITHOUT-PRIMARY')).toHaveLength(1)
    expect(findings(run({ procedures: [facet([['L4-L5', 'left'], ['L5-S1', 'left']])] }), 'ADDON-WITHOUT-PRIMARY')).toHaveLength(0)
  })

  it('notes an other line outside the catalog', () => {
    expect(findings(run({ otherLines: [{ code: '12345', modifiers: [], units: 1 }] }), 'OTHER-UNKNOWN-CODE')).toHaveLength(1)
    expect(findings(run({ otherLines: [{ code: '99213', modifiers: [], units: 1 }] }), 'OTHER-UNKNOWN-CODE')).toHaveLength(0)
  })

  it('carries other lines after procedure and drug lines, with modifiers in billing order', () => {
    const r = run({
      procedures: [facet([['L4-L5', 'left']], 'therapeutic')],
      drugs: [{ code: 'J3301', name: '', dose: 40, unit: 'mg', category: 'steroid' }],
      otherLines: [{ code: '99213', modifiers: ['KX', '25'], units: 1 }],
    })
    expect(claim(r)).toEqual(['64493-LT x1', 'J3301 x4', '99213-25-KX x1'])
  })

  it('keeps claim order by procedure: an epidural entered first comes before a facet', () => {
    expect(claim(run({ procedures: [transforaminal([['L4-L5', 'left']]), facet([['C5-C6', 'left']], 'therapeutic')] }))).toEqual(['64483-LT x1', '64490-LT x1'])
  })

  it('errors on a date of service after today', () => {
    expect(findings(run({ dateOfService: '2026-12-01', procedures: [facet([['L4-L5', 'left']])] }), 'DOS-FUTURE')).toHaveLength(1)
    expect(findings(run({ dateOfService: '2026-11-26', procedures: [facet([['L4-L5', 'left']])] }), 'DOS-FUTURE')).toHaveLength(0)
  })

  it('errors on an unknown payer profile and falls back to Medicare', () => {
    const r = run({ payerProfile: 'acme-health', procedures: [facet([['L4-L5', 'bilateral']])] })
    expect(findings(r, 'PAYER-PROFILE-UNKNOWN')).toHaveLength(1)
    expect(r.payerProfileId).toBe('medicare')
  })

  it('notes an unverified bilateral format (Medicare hospital outpatient facility claim), not a verified one', () => {
    expect(findings(run({ claimType: 'facility', placeOfService: '22', priorAuthorization: 'UTN1', procedures: [facet([['L4-L5', 'bilateral']])] }), 'BILAT-UNVERIFIED')).toHaveLength(1)
    expect(findings(run({ procedures: [facet([['L4-L5', 'bilateral']])] }), 'BILAT-UNVERIFIED')).toHaveLength(0)
  })

  it('says there is nothing to code for an empty encounter', () => {
    expect(findings(run({ procedures: [] }), 'NO-PROCEDURES')).toHaveLength(1)
  })
})

describe('documentation checklist', () => {
  it('reports each unticked item of the family in the encounter', () => {
    const r = run({ procedures: [facet([['L4-L5', 'left']], 'diagnostic')] })
    expect(r.findings.filter((f) => f.ruleId.startsWith('DOC-FACET')).map((f) => f.ruleId).sort()).toEqual(['DOC-FACET-FUNCTION', 'DOC-FACET-IMAGING', 'DOC-FACET-LEVELS', 'DOC-FACET-PAIN-SCORES'])
  })

  it('asks therapeutic facet injections why RFA is not indicated', () => {
    expect(findings(run({ procedures: [facet([['L4-L5', 'left']], 'therapeutic')] }), 'DOC-FACET-RFA-REASON')).toHaveLength(1)
  })

  it('stops reporting an item once it is ticked', () => {
    const r = run({ procedures: [facet([['L4-L5', 'left']], 'diagnostic')], documentation: { 'facet-levels': true, 'facet-imaging': true } })
    expect(findings(r, 'DOC-FACET-LEVELS')).toHaveLength(0)
    expect(findings(r, 'DOC-FACET-PAIN-SCORES')).toHaveLength(1)
  })

  it('asks nothing of a family that is not in the encounter', () => {
    expect(run({ procedures: [facet([['L4-L5', 'left']])] }).findings.some((f) => f.ruleId.startsWith('DOC-ESI'))).toBe(false)
  })
})

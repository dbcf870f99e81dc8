import { describe, expect, it } from 'vitest'
import type { Drug } from '../schema.ts'
import { claim, findings, run, tpi, transforaminal } from '../testing/builders.ts'

const drug = (code: string, dose: number, unit: Drug['unit'] = 'mg', category: Drug['category'] = 'steroid', name = ''): Drug => ({ code, name, dose, unit, category })
const withTf = { procedures: [transforaminal([['L4-L5', 'left']])] }

describe('drug units', () => {
  it.each([
    ['J3301 triamcinolone 40 mg is 4 units (per 10 mg)', drug('J3301', 40), 'J3301 x4'],
    ['J3301 15 mg rounds up to 2 units', drug('J3301', 15), 'J3301 x2'],
    ['J1010 methylprednisolone 80 mg is 80 units (per 1 mg)', drug('J1010', 80), 'J1010 x80'],
    ['J1100 dexamethasone 10 mg is 10 units', drug('J1100', 10), 'J1100 x10'],
    ['J1100 4000 mcg is 4 units', drug('J1100', 4000, 'mcg'), 'J1100 x4'],
    ['J0665 bupivacaine 5 mg is 10 units (per 0.5 mg)', drug('J0665', 5, 'mg', 'local-anesthetic'), 'J0665 x10'],
    ['J0702 betamethasone 1 mL is 1 unit', drug('J0702', 1, 'mL'), 'J0702 x1'],
    ['J0702 betamethasone 12 mg is 2 units at 6 mg per unit (Medicare profile)', drug('J0702', 12), 'J0702 x2'],
    ['J1030 40 mg before the 2024 deletion is 1 unit', drug('J1030', 40), 'J1030 x1'],
  ] as const)('%s', (_name, d, expected) => {
    const dos = d.code === 'J1030' ? '2024-03-01' : '2026-10-14'
    expect(claim(run({ ...withTf, dateOfService: dos, drugs: [d] })).slice(1)).toEqual([expected])
  })

  it('writes the Box 19 text "drug name dose" for an unclassified drug, one unit', () => {
    const r = run({ ...withTf, drugs: [drug('J3490', 2, 'mL', 'other', 'sodium bicarbonate 8.4%')] })
    expect(r.lines[1]).toMatchObject({ code: 'J3490', units: 1, box19: 'sodium bicarbonate 8.4%, 2 mL' })
  })

  it('errors on an unclassified drug without a name, not with one', () => {
    expect(findings(run({ ...withTf, drugs: [drug('J3490', 2, 'mL', 'other')] }), 'DRUG-BOX19-NAME')).toHaveLength(1)
    expect(findings(run({ ...withTf, drugs: [drug('J3490', 2, 'mL', 'other', 'ketorolac')] }), 'DRUG-BOX19-NAME')).toHaveLength(0)
  })

  it('errors on a per-mg drug dosed in mL (no concentration) and codes no line', () => {
    const r = run({ ...withTf, drugs: [drug('J3301', 1, 'mL')] })
    expect(claim(r)).toEqual(['64483-LT x1'])
    expect(findings(r, 'DRUG-DOSE-UNIT')[0]?.fix).toMatch(/mg/)
  })

  it('errors on a drug code outside the catalog', () => {
    const r = run({ ...withTf, drugs: [drug('J9999', 1)] })
    expect(claim(r)).toEqual(['64483-LT x1'])
    expect(findings(r, 'DRUG-UNKNOWN')).toHaveLength(1)
  })
})

describe('drug code validity', () => {
  it('errors on J1030 after its deletion on 2024-04-01, with J1010 and the units in the fix', () => {
    const [f] = findings(run({ ...withTf, drugs: [drug('J1030', 40)] }), 'DRUG-DELETED')
    expect(f?.severity).toBe('error')
    expect(f?.fix).toMatch(/J1010.*40 unit/)
  })

  it('accepts J1030 on 2024-03-31 and J1010 on 2024-04-01', () => {
    expect(findings(run({ ...withTf, dateOfService: '2024-03-31', drugs: [drug('J1030', 40)] }), 'DRUG-DELETED')).toHaveLength(0)
    expect(findings(run({ ...withTf, dateOfService: '2024-04-01', drugs: [drug('J1010', 40)] }), 'DRUG-NOT-YET-VALID')).toHaveLength(0)
  })

  it('errors on J1010 before 2024-04-01', () => {
    expect(findings(run({ ...withTf, dateOfService: '2024-03-31', drugs: [drug('J1010', 40)] }), 'DRUG-NOT-YET-VALID')).toHaveLength(1)
  })

  it('errors on C9399 on a professional claim, not on a facility claim', () => {
    expect(findings(run({ ...withTf, drugs: [drug('C9399', 1, 'mL', 'other', 'x')] }), 'DRUG-FACILITY-ONLY')).toHaveLength(1)
    expect(findings(run({ ...withTf, claimType: 'facility', placeOfService: '22', priorAuthorization: 'UTN1', drugs: [drug('C9399', 1, 'mL', 'other', 'x')] }), 'DRUG-FACILITY-ONLY')).toHaveLength(0)
  })

  it('errors on S0020 for Medicare, not for the commercial example', () => {
    expect(findings(run({ ...withTf, drugs: [drug('S0020', 30, 'mL', 'local-anesthetic')] }), 'DRUG-S-CODE')).toHaveLength(1)
    expect(findings(run({ ...withTf, payerProfile: 'commercial-example', drugs: [drug('S0020', 30, 'mL', 'local-anesthetic')] }), 'DRUG-S-CODE')).toHaveLength(0)
  })

  it('errors on J2001 (IV lidocaine) billed with an injection', () => {
    expect(findings(run({ ...withTf, drugs: [drug('J2001', 20, 'mg', 'local-anesthetic')] }), 'DRUG-IV-ONLY')).toHaveLength(1)
  })

  it('warns that a local anesthetic is not separately payable for Medicare, not for a steroid or another payer', () => {
    expect(findings(run({ ...withTf, drugs: [drug('J0665', 5, 'mg', 'local-anesthetic')] }), 'DRUG-LOCAL-ANESTHETIC')).toHaveLength(1)
    expect(findings(run({ ...withTf, drugs: [drug('J3301', 40)] }), 'DRUG-LOCAL-ANESTHETIC')).toHaveLength(0)
    expect(findings(run({ ...withTf, payerProfile: 'commercial-example', drugs: [drug('J0665', 5, 'mg', 'local-anesthetic')] }), 'DRUG-LOCAL-ANESTHETIC')).toHaveLength(0)
  })

  it('warns on J3304 (knee only) with a spine injection', () => {
    expect(findings(run({ ...withTf, drugs: [drug('J3304', 32)] }), 'DRUG-NOT-SPINAL')).toHaveLength(1)
  })

  it('notes the J0702 unit convention, only for J0702', () => {
    expect(findings(run({ ...withTf, drugs: [drug('J0702', 6)] }), 'DRUG-J0702-UNITS')).toHaveLength(1)
    expect(findings(run({ ...withTf, drugs: [drug('J3301', 40)] }), 'DRUG-J0702-UNITS')).toHaveLength(0)
  })

  it('notes a category that differs from the catalog', () => {
    expect(findings(run({ ...withTf, drugs: [drug('J3301', 40, 'mg', 'local-anesthetic')] }), 'DRUG-CATEGORY-MISMATCH')).toHaveLength(1)
  })

  it('notes drugs on a professional claim in a facility setting, not in the office', () => {
    expect(findings(run({ ...withTf, placeOfService: '24', drugs: [drug('J3301', 40)] }), 'DRUG-FACILITY-SETTING')).toHaveLength(1)
    expect(findings(run({ ...withTf, placeOfService: '11', drugs: [drug('J3301', 40)] }), 'DRUG-FACILITY-SETTING')).toHaveLength(0)
  })

  it('errors on a biologic with trigger points too (T6), not with a facet injection alone', () => {
    expect(findings(run({ procedures: [tpi([['trapezius', 'left', 1]])], drugs: [drug('J3590', 3, 'mL', 'biologic', 'PRP')] }), 'BIOLOGIC-INJECTANT')).toHaveLength(1)
  })
})

import { describe, expect, it } from 'vitest'
import { commercialExampleProfile, medicareProfile } from '../data/payer-profiles.ts'
import { claim, findings, run, transforaminal } from '../testing/builders.ts'

const esi = transforaminal([['L4-L5', 'left']])
const dex = { code: 'J1100', name: 'dexamethasone sodium phosphate', dose: 8, unit: 'mg' as const, category: 'steroid' as const }
const bicarb = { code: 'J3490', name: 'sodium bicarbonate 8.4%', dose: 2, unit: 'mL' as const, category: 'other' as const }
const medicaid = { ...commercialExampleProfile, id: 'state-medicaid', name: 'State Medicaid', ndc: { required: 'all-drugs' as const, source: 'test: Medicaid asks for NDCs' } }
const profiles = { payerProfiles: [medicareProfile, commercialExampleProfile, medicaid] }
const list = [{ hcpcs: 'J1100', ndc11: '99999010101', description: 'dexamethasone 4 mg/mL, 1 mL vial', unit: 'ME' as const, effectiveFrom: '2026-01-01', effectiveTo: null }]

describe('NDC on drug lines', () => {
  it("puts the practice's NDC for the code on the line, padded, with the quantity from the dose", () => {
    const r = run({ drugs: [dex], procedures: [esi] }, [], { ndcList: list })
    expect(r.lines[1]?.ndc).toEqual({ ndc11: '99999010101', quantity: 8, unit: 'ME', from: 'practice-list' })
    expect(run({ drugs: [dex], procedures: [esi], dateOfService: '2025-12-31' }, [], { ndcList: list }).lines[1]?.ndc).toBeUndefined()
    expect(r.lines[1]?.ruleIds).toContain('NDC-LINE')
  })

  it('takes the NDC typed on the drug over the list, reading a 5-3-2 layout', () => {
    const r = run({ drugs: [{ ...dex, ndc: '12345-678-90', ndcQuantity: 2, ndcUnit: 'ML' }], procedures: [esi] }, [], { ndcList: list })
    expect(r.lines[1]?.ndc).toEqual({ ndc11: '12345067890', quantity: 2, unit: 'ML', from: 'entered' })
  })

  it('refuses an NDC it cannot read, on its line', () => {
    const [f] = findings(run({ drugs: [{ ...dex, ndc: '1234567890' }], procedures: [esi] }), 'NDC-FORMAT')
    expect(f?.message).toMatch(/10 digits and no hyphens/)
    expect(f?.lineIndexes).toEqual([1])
  })

  it('errors when a payer that asks for NDCs on every drug gets none, and not for Medicare on a classified drug', () => {
    expect(findings(run({ payerProfile: 'state-medicaid', drugs: [dex], procedures: [esi] }, [], profiles), 'NDC-MISSING')[0]?.message).toMatch(/J1100 has no NDC: State Medicaid asks for the NDC on every drug line/)
    expect(findings(run({ drugs: [dex], procedures: [esi] }, [], profiles), 'NDC-MISSING')).toHaveLength(0)
  })

  it("asks Medicare's NDC for an unclassified drug and writes it into Box 19", () => {
    expect(findings(run({ drugs: [bicarb], procedures: [esi] }), 'NDC-MISSING')).toHaveLength(1)
    const r = run({ drugs: [{ ...bicarb, ndc: '99999-0202-05', ndcUnit: 'ML' }], procedures: [esi] })
    expect(findings(r, 'NDC-MISSING')).toHaveLength(0)
    expect(r.lines[1]?.box19).toBe('sodium bicarbonate 8.4%, 2 mL, NDC 99999-0202-05')
  })

  it('asks for the quantity and unit where the NDC is required, and not where it is not', () => {
    expect(findings(run({ drugs: [{ ...bicarb, ndc: '99999-0202-05' }], procedures: [esi] }), 'NDC-QUANTITY')[0]?.message).toMatch(/has no unit/)
    expect(findings(run({ drugs: [{ ...bicarb, ndc: '99999-0202-05', ndcUnit: 'UN' }], procedures: [esi] }), 'NDC-QUANTITY')[0]?.message).toMatch(/has no quantity/)
    expect(findings(run({ drugs: [{ ...dex, ndc: '99999-0101-01' }], procedures: [esi] }), 'NDC-QUANTITY')).toHaveLength(0)
  })

  it('keeps two packages of one drug on two lines, and adds one package given twice', () => {
    const two = run({ drugs: [{ ...dex, ndc: '99999-0101-01', ndcUnit: 'ML', ndcQuantity: 1 }, { ...dex, ndc: '99999-0303-01', ndcUnit: 'ML', ndcQuantity: 1 }], procedures: [esi] })
    expect(claim(two)).toEqual(['64483-LT x1', 'J1100 x8', 'J1100 x8'])
    const same = run({ drugs: [{ ...dex, ndc: '99999-0101-01', ndcUnit: 'ML', ndcQuantity: 1 }, { ...dex, ndc: '99999-0101-01', ndcUnit: 'ML', ndcQuantity: 1 }], procedures: [esi] })
    expect(claim(same)).toEqual(['64483-LT x1', 'J1100 x16'])
    expect(same.lines[1]?.ndc?.quantity).toBe(2)
  })
})

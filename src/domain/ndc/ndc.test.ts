import { describe, expect, it } from 'vitest'
import { checkNdcQuantity, compareNdcListEntries, defaultNdc, formatNdc11, readNdc, unclassifiedDrugNarrative, type NdcListEntry } from './ndc.ts'

describe('NDC to the 11-digit claim form', () => {
  it.each([
    ['4-4-2', '1234-5678-90', '01234567890'],
    ['5-3-2', '12345-678-90', '12345067890'],
    ['5-4-1', '12345-6789-0', '12345678900'],
    ['5-4-2 with hyphens', '12345-6789-01', '12345678901'],
    ['5-4-2 as 11 digits', '12345678901', '12345678901'],
    ['with spaces around', ' 0409-4888-02 ', '00409488802'],
  ])('pads %s in the right segment', (_layout, raw, ndc11) => {
    const r = readNdc(raw)
    expect(r.ok && r.ndc11).toBe(ndc11)
  })

  it.each([
    ['an empty value', '', /empty/],
    ['10 digits without hyphens', '1234567890', /10 digits and no hyphens/],
    ['letters', '12A45-6789-01', /is not an NDC/],
    ['two parts', '12345-678901', /is not an NDC/],
    ['a 3-4-2 layout', '123-4567-89', /parts of 3-4-2 digits/],
    ['a 6-3-2 layout', '123456-789-01', /parts of 6-3-2 digits/],
    ['12 digits', '123456789012', /is not an NDC/],
  ])('refuses %s', (_name, raw, message) => {
    const r = readNdc(raw)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(message)
  })

  it('writes the 11-digit form 5-4-2', () => {
    expect(formatNdc11('00409488802')).toBe('00409-4888-02')
  })

  it('checks the quantity', () => {
    expect(checkNdcQuantity(1)).toBeNull()
    expect(checkNdcQuantity(0.125)).toBeNull()
    expect(checkNdcQuantity(0)).toMatch(/more than 0/)
    expect(checkNdcQuantity(1.2345)).toMatch(/3 decimals/)
  })
})

describe("the practice's NDC list", () => {
  const list: NdcListEntry[] = [
    { hcpcs: 'J1100', ndc11: '00641036721', description: 'dexamethasone 4 mg/mL, 1 mL vial (old)', unit: 'ML', effectiveFrom: null, effectiveTo: '2026-06-30' },
    { hcpcs: 'J1100', ndc11: '63323016501', description: 'dexamethasone 4 mg/mL, 1 mL vial', unit: 'ML', effectiveFrom: '2026-07-01', effectiveTo: null },
  ]
  it('gives the entry in force on the date of service', () => {
    expect(defaultNdc(list, 'J1100', '2026-06-30')?.ndc11).toBe('00641036721')
    expect(defaultNdc(list, 'J1100', '2026-07-01')?.ndc11).toBe('63323016501')
    expect(defaultNdc(list, 'J3301', '2026-07-01')).toBeNull()
  })
})

describe('the unclassified drug narrative', () => {
  it('reads drug name, dose, NDC', () => {
    expect(unclassifiedDrugNarrative('hyaluronidase', '150 units', '00409488802')).toBe('hyaluronidase, 150 units, NDC 00409-4888-02')
  })

  it('shortens a long name so the dose and NDC fit in 80 characters', () => {
    const text = unclassifiedDrugNarrative('a very long compounded preparation name that goes on and on past any sensible length', '2 mL', '12345678901')
    expect(text.length).toBeLessThanOrEqual(80)
    expect(text).toMatch(/…, 2 mL, NDC 12345-6789-01$/)
  })
})

describe('the order of a practice NDC list', () => {
  const entry = (hcpcs: string, ndc11: string, effectiveFrom: string | null) => ({ hcpcs, ndc11, description: 'vial', unit: 'ML' as const, effectiveFrom, effectiveTo: null })
  it('sorts by code, then the entry used from the latest date first, so the default on a date both are in force is the newer one', () => {
    const older = entry('J1100', '11111222233', '2025-01-01')
    const newer = entry('J1100', '44444555566', '2026-07-01')
    const open = entry('J1100', '77777888899', null)
    const other = entry('J0702', '12345678901', '2026-01-01')
    const list = [open, older, other, newer].sort(compareNdcListEntries)
    expect(list).toEqual([other, newer, older, open])
    expect(defaultNdc(list, 'J1100', '2026-08-01')?.ndc11).toBe('44444555566')
    expect(defaultNdc(list, 'J1100', '2026-06-30')?.ndc11).toBe('11111222233')
    expect(defaultNdc(list, 'J1100', '2024-12-31')?.ndc11).toBe('77777888899')
  })
})

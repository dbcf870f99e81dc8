import { describe, expect, it } from 'vitest'
import type { NdcListRecord } from '../../storage/index.ts'
import { EMPTY_NDC_ENTRY, ndcDrugCodes, ndcEntryDates, ndcEntryValuesOf, readNdcEntry, type NdcEntryValues } from './ndc-list-model.ts'

const NOW = '2026-11-26T10:00:00.000Z'
const values = (over: Partial<NdcEntryValues> = {}): NdcEntryValues => ({
  hcpcs: 'J1100', ndc: '12345-6789-01', unit: 'ML', description: 'dexamethasone 10 mg/mL, 1 mL vial', effectiveFrom: '', effectiveTo: '', ...over,
})
const stored = (over: Partial<NdcListRecord> = {}): NdcListRecord => ({
  id: 'n-1', hcpcs: 'J1100', ndc11: '12345678901', description: 'dexamethasone vial', unit: 'ML', effectiveFrom: '2026-01-01', effectiveTo: null, updatedAt: NOW, ...over,
})
const read = (v: NdcEntryValues, list: readonly NdcListRecord[] = [], id = 'new') => readNdcEntry(v, { id, now: NOW, list })
const errorsOf = (v: NdcEntryValues, list: readonly NdcListRecord[] = [], id = 'new') => {
  const r = read(v, list, id)
  return r.ok ? {} : r.errors
}

describe('reading an NDC list entry', () => {
  it('keeps the NDC in the 11-digit form, padding each 10-digit package layout in the right place', () => {
    const cases: [string, string][] = [
      ['1234-5678-90', '01234567890'],
      ['12345-678-90', '12345067890'],
      ['12345-6789-0', '12345678900'],
      ['12345-6789-01', '12345678901'],
      ['12345678901', '12345678901'],
    ]
    for (const [typed, ndc11] of cases) {
      const r = read(values({ ndc: typed }))
      expect(r.ok && r.record.ndc11, typed).toBe(ndc11)
    }
  })

  it('makes the record with trimmed text, empty dates as null, the id and the time it was saved', () => {
    expect(read(values({ hcpcs: ' j1100 ', description: '  dexamethasone   10 mg/mL ', effectiveFrom: '2026-01-01' }))).toEqual({
      ok: true,
      record: { id: 'new', hcpcs: 'J1100', ndc11: '12345678901', description: 'dexamethasone 10 mg/mL', unit: 'ML', effectiveFrom: '2026-01-01', effectiveTo: null, updatedAt: NOW },
    })
  })

  it('says what is missing in each field of an empty form', () => {
    expect(errorsOf({ ...EMPTY_NDC_ENTRY })).toEqual({
      hcpcs: 'Pick the drug code the NDC is billed with.',
      ndc: 'Enter the NDC as printed on the package, e.g. 12345-6789-01.',
      unit: 'Pick the unit the NDC quantity is counted in.',
      description: 'Name the drug and package, e.g. dexamethasone 10 mg/mL, 1 mL vial.',
    })
  })

  it('refuses a code the worksheet does not bill, and an NDC whose layout is unknown or wrong', () => {
    expect(errorsOf(values({ hcpcs: 'J9999' })).hcpcs).toBe('J9999 is not a drug code the worksheet bills.')
    expect(errorsOf(values({ ndc: '1234567890' })).ndc).toMatch(/has 10 digits and no hyphens/)
    expect(errorsOf(values({ ndc: '123-45678-90' })).ndc).toMatch(/parts of 3-5-2 digits/)
    expect(errorsOf(values({ ndc: 'abc' })).ndc).toMatch(/is not an NDC/)
  })

  it('refuses a unit claims do not take, a name over 80 characters and dates that are not real or run backwards', () => {
    expect(errorsOf(values({ unit: 'MG' as never })).unit).toBe('Pick the unit the NDC quantity is counted in.')
    expect(errorsOf(values({ description: 'x'.repeat(81) })).description).toBe('Keep the name to 80 characters (now 81).')
    expect(read(values({ description: 'x'.repeat(80) })).ok).toBe(true)
    expect(errorsOf(values({ effectiveFrom: '2026-02-30' })).effectiveFrom).toBe('Use a real date written YYYY-MM-DD, or leave it empty.')
    expect(errorsOf(values({ effectiveFrom: '2026-03-01', effectiveTo: '2026-02-28' })).effectiveTo).toBe('The last day must not be before the first day.')
    expect(read(values({ effectiveFrom: '2026-03-01', effectiveTo: '2026-03-01' })).ok).toBe(true)
  })

  it('refuses the same NDC of a code listed twice for one day, but not on other days, for another code or when editing itself', () => {
    const list = [stored({ effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' })]
    expect(errorsOf(values({ effectiveFrom: '2026-06-30' }), list).ndc).toBe('12345-6789-01 is already listed for J1100 on some of these days: change its dates instead.')
    expect(errorsOf(values(), list).ndc).toMatch(/already listed/)
    expect(read(values({ effectiveFrom: '2026-07-01' }), list).ok).toBe(true)
    expect(read(values({ hcpcs: 'J3301' }), list).ok).toBe(true)
    expect(read(values({ ndc: '12345-6789-02' }), list).ok).toBe(true)
    expect(read(values(), list, 'n-1').ok).toBe(true)
  })
})

describe('showing an entry', () => {
  it('shows a stored entry hyphenated 5-4-2 with its dates as typed', () => {
    expect(ndcEntryValuesOf(stored({ effectiveTo: '2026-12-31' }))).toEqual({
      hcpcs: 'J1100', ndc: '12345-6789-01', unit: 'ML', description: 'dexamethasone vial', effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31',
    })
    expect(ndcEntryValuesOf(stored({ effectiveFrom: null })).effectiveFrom).toBe('')
  })

  it('says the days an entry is used on', () => {
    expect(ndcEntryDates({ effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' })).toBe('2026-01-01 to 2026-06-30')
    expect(ndcEntryDates({ effectiveFrom: '2026-01-01', effectiveTo: null })).toBe('from 2026-01-01')
    expect(ndcEntryDates({ effectiveFrom: null, effectiveTo: '2026-06-30' })).toBe('until 2026-06-30')
    expect(ndcEntryDates({ effectiveFrom: null, effectiveTo: null })).toBe('any date')
  })

  it('offers every drug code of the drug table, in code order', () => {
    const codes = ndcDrugCodes.map((d) => d.code)
    expect(codes).toContain('J1100')
    expect(codes).toContain('J3490')
    expect(codes).toEqual([...codes].sort())
  })
})

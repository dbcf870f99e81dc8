import { describe, expect, it } from 'vitest'
import { detectColumns } from './index.ts'

describe('detectColumns', () => {
  it.each([
    [['Patient', 'Date of Service', 'Code'], { patient: 0, dateOfService: 1, code: 2 }],
    [['Patient ID', 'Service Date', 'CPT'], { patient: 0, dateOfService: 1, code: 2 }],
    [['Account', 'From Date', 'HCPCS'], { patient: 0, dateOfService: 1, code: 2 }],
    [['MRN', 'DOS', 'Procedure Code'], { patient: 0, dateOfService: 1, code: 2 }],
    [['Acct #', 'D.O.S.', 'Proc Code'], { patient: 0, dateOfService: 1, code: 2 }],
    [['  patient_id ', 'DATE-OF-SERVICE', 'cpt/hcpcs'], { patient: 0, dateOfService: 1, code: 2 }],
    // An ID column beats a name column, whichever comes first.
    [['Patient Name', 'Patient ID', 'DOS', 'CPT'], { patient: 1, dateOfService: 2, code: 3 }],
    [['Chart #', 'Patient', 'DOS', 'CPT'], { patient: 0, dateOfService: 2, code: 3 }],
  ])('finds the required columns in %j', (header, expected) => {
    const m = detectColumns(header)
    expect(m).toMatchObject({ ...expected, missing: [] })
  })

  it('reads numbered modifier columns in number order', () => {
    expect(detectColumns(['Patient ID', 'DOS', 'CPT', 'Mod 2', 'Mod 1', 'Mod 3', 'Mod 4']).modifiers).toEqual([4, 3, 5, 6])
    expect(detectColumns(['Patient ID', 'DOS', 'CPT', 'Modifier 1', 'Modifier 2']).modifiers).toEqual([3, 4])
  })

  it('reads one combined modifier column', () => {
    expect(detectColumns(['Patient ID', 'DOS', 'CPT', 'Modifiers']).modifiers).toEqual([3])
  })

  it.each([
    ['Units', 3], ['Qty', 3], ['Days/Units', 3], ['Days or Units', 3],
  ])('finds units in %s', (name, index) => {
    expect(detectColumns(['Patient ID', 'DOS', 'CPT', name]).units).toBe(index)
  })

  it.each([['Rendering Provider'], ['Provider'], ['NPI'], ['Doctor']])('finds the provider in %s', (name) => {
    expect(detectColumns(['Patient ID', 'DOS', 'CPT', name]).provider).toBe(3)
  })

  it('prefers the rendering provider NPI and ignores billing and referring providers', () => {
    const m = detectColumns(['Patient ID', 'DOS', 'CPT', 'Billing Provider', 'Referring Provider', 'Provider', 'Rendering Provider NPI'])
    expect(m.provider).toBe(6)
  })

  it('does not take posting, birth or diagnosis columns', () => {
    const m = detectColumns(['Patient ID', 'Post Date', 'DOB', 'Diagnosis Code', 'ICD-10', 'POS'])
    expect(m).toMatchObject({ patient: 0, dateOfService: null, code: null, missing: ['dateOfService', 'code'] })
  })

  it('does not mistake object-prototype names for header names', () => {
    expect(detectColumns(['constructor', 'toString', '__proto__', 'hasOwnProperty']).missing).toEqual(['patient', 'dateOfService', 'code'])
  })

  it('reports every missing required field, and leaves optional ones null', () => {
    expect(detectColumns([])).toEqual({
      patient: null, dateOfService: null, code: null, modifiers: [], units: null, provider: null,
      missing: ['patient', 'dateOfService', 'code'],
    })
  })
})

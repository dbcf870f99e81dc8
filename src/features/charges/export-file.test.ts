import { describe, expect, it } from 'vitest'
import { DEFAULT_CHARGE_COLUMNS } from '../../domain/charges/index.ts'
import { chargeFileName, columnProblems, exportedStatus, parseChargeSettings } from './export-file.ts'

describe('parseChargeSettings', () => {
  it('falls back to the default columns and names when nothing or nonsense is saved', () => {
    expect(parseChargeSettings(null).columns).toEqual(DEFAULT_CHARGE_COLUMNS)
    expect(parseChargeSettings('{not json').sendingApplication).toBe('ICW')
  })
  it('keeps the saved names and the columns whose field exists, dropping unknown fields', () => {
    const s = parseChargeSettings(JSON.stringify({ receivingApplication: 'PMS', columns: [{ header: 'Acct', field: 'patientAccount' }, { header: 'X', field: 'price' }] }))
    expect(s.receivingApplication).toBe('PMS')
    expect(s.columns).toEqual([{ header: 'Acct', field: 'patientAccount' }])
  })
})

describe('columnProblems', () => {
  it('accepts unique headers and refuses none, an empty one or a repeated one', () => {
    expect(columnProblems([{ header: 'A', field: 'code' }, { header: 'B', field: 'units' }])).toEqual([])
    expect(columnProblems([])).toEqual(['Add at least one column.'])
    expect(columnProblems([{ header: ' ', field: 'code' }, { header: 'A', field: 'code' }, { header: 'A ', field: 'units' }]))
      .toEqual(['Column 1 needs a header.', 'Column 3: the header "A" is used twice.'])
  })
})

describe('file name and exported status', () => {
  it('names the file by its creation time', () => {
    expect(chargeFileName('hl7', '2026-11-27T09:05:03.000Z')).toBe('charges-20261127-090503.hl7')
  })
  it('records overridden before approved before no findings', () => {
    expect(exportedStatus(['approved', 'overridden'])).toBe('overridden')
    expect(exportedStatus(['no-findings', 'approved'])).toBe('approved')
    expect(exportedStatus(['no-findings'])).toBe('no-findings')
  })
})

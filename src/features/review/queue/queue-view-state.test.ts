import { describe, expect, it } from 'vitest'
import type { FacetCounts } from '../model/filters.ts'
import { users } from '../model/test-fixtures.ts'
import type { QueueRow } from '../model/types.ts'
import { facetOptions } from './facet-options.ts'
import { DEFAULT_SORT, describeFilters, localToday, nextSorting, onlyRows } from './queue-view-state.ts'

describe('nextSorting', () => {
  it.each([
    ['a click on another column sorts by it alone, ascending', [], 'code', false, [{ id: 'code', desc: false }]],
    ['a click on the leading column flips it', [{ id: 'code', desc: false }], 'code', false, [{ id: 'code', desc: true }]],
    ['a click on the default order\'s lead flips it', [], 'severity', false, [{ id: 'severity', desc: false }]],
    ['a click on a later key makes it the only key', [{ id: 'code', desc: true }, { id: 'units', desc: false }], 'units', false, [{ id: 'units', desc: false }]],
    ['Shift adds a key after the others', [{ id: 'code', desc: true }], 'units', true, [{ id: 'code', desc: true }, { id: 'units', desc: false }]],
    ['Shift flips an ascending key in place', [{ id: 'code', desc: false }, { id: 'units', desc: false }], 'code', true, [{ id: 'code', desc: true }, { id: 'units', desc: false }]],
    ['Shift removes a descending key', [{ id: 'code', desc: true }, { id: 'units', desc: false }], 'code', true, [{ id: 'units', desc: false }]],
    ['Shift on the default order extends it', [], 'payer', true, [...DEFAULT_SORT, { id: 'payer', desc: false }]],
  ] as const)('%s', (_, current, id, additive, expected) => {
    expect(nextSorting(current, id, additive)).toEqual(expected)
  })

  it('stores the default order as [] so that the URL stays short', () => {
    expect(nextSorting([{ id: 'severity', desc: true }, { id: 'dateOfService', desc: false }, { id: 'code', desc: true }], 'code', true)).toEqual([])
    expect(nextSorting([{ id: 'severity', desc: true }], 'severity', true)).toEqual([])
  })
})

describe('onlyRows', () => {
  const rows = [{ rowId: 'E1:0' }, { rowId: 'E1:1' }, { rowId: 'E2:0' }] as QueueRow[]
  it('keeps every row without a drill-down, else only the listed ones in queue order', () => {
    expect(onlyRows(rows, null)).toBe(rows)
    expect(onlyRows(rows, ['E2:0', 'E1:0', 'nope:3']).map((r) => r.rowId)).toEqual(['E1:0', 'E2:0'])
    expect(onlyRows(rows, [])).toEqual([])
  })
})

describe('describeFilters', () => {
  it('says the filters in words for the printout', () => {
    expect(describeFilters({})).toBe('No filters.')
    expect(describeFilters({ severity: ['error', 'warning'], coder: ['', 'u1'], dateFrom: '2026-10-01', search: '  kx ' }))
      .toBe('Filters: Severity error, warning; Coder not recorded, u1; Service from 2026-10-01; Search “kx”.')
  })
})

describe('localToday', () => {
  it('is the local calendar date', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })
})

describe('facetOptions', () => {
  const facets: FacetCounts = {
    severity: new Map([['warning', 4], ['error', 2]]), category: new Map(), rule: new Map([['UNITS', 1], ['DOC-2', 3], ['DOC-10', 2]]),
    provider: new Map(), coder: new Map([['u-coder', 5], ['', 1]]), payer: new Map(), status: new Map([['approved', 1], ['pending', 5]]),
  }
  it('orders severity and status the review\'s way and others A to Z (numbers by value)', () => {
    expect(facetOptions('severity', facets, {}, []).map((o) => o.label)).toEqual(['Error', 'Warning'])
    expect(facetOptions('status', facets, {}, []).map((o) => o.label)).toEqual(['Pending review', 'Approved'])
    expect(facetOptions('rule', facets, {}, []).map((o) => o.value)).toEqual(['DOC-2', 'DOC-10', 'UNITS'])
  })
  it('names coders by their profile, and keeps a picked value with no line left at 0', () => {
    expect(facetOptions('coder', facets, {}, [users.coder])).toEqual([
      { value: 'u-coder', label: 'Casey Coder', count: 5 }, { value: '', label: 'Not recorded', count: 1 },
    ])
    expect(facetOptions('severity', facets, { severity: ['info'] }, []).at(-1)).toEqual({ value: 'info', label: 'Info', count: 0 })
  })
})

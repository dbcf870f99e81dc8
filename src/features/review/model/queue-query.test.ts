import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CATEGORIES, SEVERITIES } from '../../../domain/types.ts'
import { QUEUE_COLUMNS } from './export.ts'
import { SORT_COLUMNS, type QueueFilters, type SortRule } from './filters.ts'
import { DEFAULT_QUEUE_QUERY, formatQueueQuery, hasActiveFilters, parseQueueQuery, type QueueQuery } from './queue-query.ts'
import { REVIEW_STATUSES } from './types.ts'

describe('parseQueueQuery', () => {
  it('reads an empty query as the defaults', () => {
    expect(parseQueueQuery('')).toEqual(DEFAULT_QUEUE_QUERY)
    expect(parseQueueQuery('?')).toEqual(DEFAULT_QUEUE_QUERY)
  })

  it('reads repeated filter params, dates, search, sorting, hidden columns, all lines and rows', () => {
    const q = parseQueueQuery('severity=error&severity=warning&category=modifier&rule=PTP-1&provider=DR-A&coder=u1&coder=&payer=medicare'
      + '&status=pending&from=2026-10-01&to=2026-10-31&q=64493&sort=dateOfService.desc,code.asc&hide=ruleIds,units&all=1&rows=e1:0,e2:3')
    expect(q).toEqual<QueueQuery>({
      filters: {
        severity: ['error', 'warning'], category: ['modifier'], rule: ['PTP-1'], provider: ['DR-A'], coder: ['u1', ''],
        payer: ['medicare'], status: ['pending'], dateFrom: '2026-10-01', dateTo: '2026-10-31', search: '64493',
      },
      sorting: [{ id: 'dateOfService', desc: true }, { id: 'code', desc: false }],
      hidden: ['ruleIds', 'units'],
      includeAllLines: true,
      rowIds: ['e1:0', 'e2:3'],
    })
  })

  it('ignores unknown params and values it cannot use', () => {
    const q = parseQueueQuery('severity=fatal&category=nope&status=done&from=10/01/2026&to=2026-1-1&sort=bogus.asc,code.sideways,code&hide=nope&all=yes&rows=bad,e1:x&zzz=1&rule=')
    expect(q).toEqual({ ...DEFAULT_QUEUE_QUERY, rowIds: [] })
  })

  it('keeps the first direction when a column is sorted twice, and drops repeated values', () => {
    const q = parseQueueQuery('sort=code.desc,code.asc&payer=a&payer=a&hide=units,units')
    expect(q.sorting).toEqual([{ id: 'code', desc: true }])
    expect(q.filters.payer).toEqual(['a'])
    expect(q.hidden).toEqual(['units'])
  })

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => { parseQueueQuery(text) }))
  })
})

describe('formatQueueQuery', () => {
  it('omits the defaults', () => {
    expect(formatQueueQuery({})).toBe('')
    expect(formatQueueQuery(DEFAULT_QUEUE_QUERY)).toBe('')
  })

  it('writes params in a fixed order whatever order the object has', () => {
    expect(formatQueueQuery({ includeAllLines: true, sorting: [{ id: 'units', desc: true }], filters: { search: 'kx', status: ['approved'], severity: ['error'] } }))
      .toBe('severity=error&status=approved&q=kx&sort=units.desc&all=1')
  })

  it('writes a drill-down row list even when empty, so it is not mistaken for all rows', () => {
    expect(formatQueueQuery({ rowIds: [] })).toBe('rows=')
    expect(parseQueueQuery(formatQueueQuery({ rowIds: [] })).rowIds).toEqual([])
  })
})

const text = fc.string({ minLength: 1, maxLength: 8 })
const filtersArb: fc.Arbitrary<QueueFilters> = fc.record({
  severity: fc.uniqueArray(fc.constantFrom(...SEVERITIES), { minLength: 1 }),
  category: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { minLength: 1 }),
  rule: fc.uniqueArray(text, { minLength: 1, maxLength: 3 }),
  provider: fc.uniqueArray(text, { minLength: 1, maxLength: 3 }),
  coder: fc.uniqueArray(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 3 }),
  payer: fc.uniqueArray(text, { minLength: 1, maxLength: 3 }),
  status: fc.uniqueArray(fc.constantFrom(...REVIEW_STATUSES), { minLength: 1 }),
  dateFrom: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  dateTo: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  search: text,
}, { requiredKeys: [] })

const sortingArb: fc.Arbitrary<SortRule[]> = fc.uniqueArray(
  fc.record({ id: fc.constantFrom(...SORT_COLUMNS), desc: fc.boolean() }), { selector: (s) => s.id, maxLength: 4 })

const queryArb: fc.Arbitrary<QueueQuery> = fc.record({
  filters: filtersArb,
  sorting: sortingArb,
  hidden: fc.uniqueArray(fc.constantFrom(...QUEUE_COLUMNS.map((c) => c.id))),
  includeAllLines: fc.boolean(),
  rowIds: fc.option(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/), fc.nat(40)).map(([e, i]) => `${e}:${i}`), { maxLength: 5 }), { nil: null }),
})

describe('round trip', () => {
  it('parse(format(q)) gives q back', () => {
    fc.assert(fc.property(queryArb, (q) => {
      expect(parseQueueQuery(formatQueueQuery(q))).toEqual(q)
    }), { numRuns: 300 })
  })

  it('format is canonical: formatting a parsed query gives the same string', () => {
    fc.assert(fc.property(queryArb, (q) => {
      const once = formatQueueQuery(q)
      expect(formatQueueQuery(parseQueueQuery(once))).toBe(once)
    }))
  })
})

describe('hasActiveFilters', () => {
  it.each<[QueueFilters, boolean]>([
    [{}, false],
    [{ severity: [] }, false],
    [{ search: '' }, false],
    [{ payer: ['medicare'] }, true],
    [{ dateTo: '2026-10-01' }, true],
    [{ search: 'kx' }, true],
  ])('%j → %s', (filters, expected) => {
    expect(hasActiveFilters(filters)).toBe(expected)
  })
})

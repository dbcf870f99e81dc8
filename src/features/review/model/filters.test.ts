import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CATEGORIES, SEVERITIES } from '../../../domain/index.ts'
import {
  FACETS, facetCounts, filterQueue, queueView, SORT_COLUMNS, sortQueue, STATUS_SORT_ORDER, UNKNOWN_CODER, type FacetKey,
  type QueueFilters, type SortColumn, type SortRule,
} from './filters.ts'
import { SEVERITY_RANK } from './queue-rows.ts'
import { REVIEW_STATUSES, type QueueRow } from './types.ts'

function row(overrides: Partial<QueueRow> & { rowId: string }): QueueRow {
  return {
    encounterId: overrides.rowId.split(':')[0] ?? 'E', lineIndex: 0, dateOfService: '2026-10-14', patientId: 'PT-1', providerId: 'DR-A',
    coderId: 'u1', coderName: 'Ann', payer: 'medicare', code: '64493', modifiers: '', units: 1,
    topFinding: { ruleId: 'R1', message: 'Needs KX' }, severity: 'warning', category: 'modifier', ruleIds: ['R1'],
    findingCount: 1, hasError: false, status: 'pending', ...overrides,
  }
}

const rows: QueueRow[] = [
  row({ rowId: 'a:0', severity: 'error', category: 'imaging', ruleIds: ['IMG', 'DX'], topFinding: { ruleId: 'IMG', message: '77003 is bundled' }, code: '77003', dateOfService: '2026-10-01' }),
  row({ rowId: 'b:0', providerId: 'DR-B', coderId: 'u2', coderName: 'bob', payer: 'evicore', dateOfService: '2026-10-15', patientId: 'PT-2' }),
  row({ rowId: 'c:0', status: 'approved', ruleIds: ['DX'], topFinding: { ruleId: 'DX', message: 'Diagnosis not in groups' }, category: 'diagnosis', dateOfService: '2026-10-31', units: 4, code: 'J3301' }),
  row({ rowId: 'd:0', status: 'no-findings', severity: null, category: null, ruleIds: [], topFinding: null, coderId: null, coderName: '', units: 2 }),
]
const ids = (list: readonly QueueRow[]) => list.map((r) => r.rowId)

describe('filterQueue', () => {
  it.each<[string, QueueFilters, string[]]>([
    ['nothing picked: every line', {}, ['a:0', 'b:0', 'c:0', 'd:0']],
    ['an empty pick is no filter', { severity: [], rule: [] }, ['a:0', 'b:0', 'c:0', 'd:0']],
    ['severity', { severity: ['error'] }, ['a:0']],
    ['severity never matches a line without findings', { severity: ['error', 'warning', 'info'] }, ['a:0', 'b:0', 'c:0']],
    ['category', { category: ['diagnosis', 'imaging'] }, ['a:0', 'c:0']],
    ['rule: any of the line\'s rules', { rule: ['DX'] }, ['a:0', 'c:0']],
    ['provider', { provider: ['DR-B'] }, ['b:0']],
    ['coder', { coder: ['u2'] }, ['b:0']],
    ['unknown coder', { coder: [UNKNOWN_CODER] }, ['d:0']],
    ['payer', { payer: ['medicare'] }, ['a:0', 'c:0', 'd:0']],
    ['status', { status: ['approved', 'no-findings'] }, ['c:0', 'd:0']],
    ['date from, inclusive', { dateFrom: '2026-10-15' }, ['b:0', 'c:0']],
    ['date to, inclusive', { dateTo: '2026-10-14' }, ['a:0', 'd:0']],
    ['date range', { dateFrom: '2026-10-02', dateTo: '2026-10-30' }, ['b:0', 'd:0']],
    ['open date bounds', { dateFrom: '', dateTo: null }, ['a:0', 'b:0', 'c:0', 'd:0']],
    ['facets together', { payer: ['medicare'], severity: ['warning'] }, ['c:0']],
    ['search: patient', { search: 'pt-2' }, ['b:0']],
    ['search: code', { search: 'J33' }, ['c:0']],
    ['search: rule id', { search: 'img' }, ['a:0']],
    ['search: message, any case', { search: '  BUNDLED ' }, ['a:0']],
    ['search: not across two fields', { search: '77003r' }, []],
    ['search and facet', { search: 'DX', status: ['approved'] }, ['c:0']],
  ])('%s', (_name, filters, expected) => {
    expect(ids(filterQueue(rows, filters))).toEqual(expected)
  })
})

describe('facetCounts', () => {
  it('counts every value of every facet with no filter, a line once per rule', () => {
    const f = facetCounts(rows, {})
    expect(f.severity).toEqual(new Map([['error', 1], ['warning', 2]]))
    expect(f.rule).toEqual(new Map([['IMG', 1], ['DX', 2], ['R1', 1]]))
    expect(f.coder).toEqual(new Map([['u1', 2], ['u2', 1], [UNKNOWN_CODER, 1]]))
    expect(f.status).toEqual(new Map([['pending', 2], ['approved', 1], ['no-findings', 1]]))
  })

  it("applies every other filter to a facet but not its own, like TanStack's faceted row model", () => {
    const f = facetCounts(rows, { payer: ['medicare'], severity: ['warning'] })
    expect(f.severity).toEqual(new Map([['error', 1], ['warning', 1]]))
    expect(f.payer).toEqual(new Map([['medicare', 1], ['evicore', 1]]))
    expect(f.provider).toEqual(new Map([['DR-A', 1]]))
  })

  it('applies search and dates to every facet', () => {
    expect(facetCounts(rows, { search: 'PT-2', severity: ['error'] }).severity).toEqual(new Map([['warning', 1]]))
    expect(facetCounts(rows, { dateTo: '2026-10-01' }).status).toEqual(new Map([['pending', 1]]))
  })
})

describe('sortQueue', () => {
  it.each<[SortRule[], string[]]>([
    [[], ['a:0', 'b:0', 'c:0', 'd:0']],
    [[{ id: 'dateOfService', desc: true }], ['c:0', 'b:0', 'd:0', 'a:0']],
    [[{ id: 'units', desc: false }], ['a:0', 'b:0', 'd:0', 'c:0']],
    [[{ id: 'severity', desc: true }], ['a:0', 'b:0', 'c:0', 'd:0']],
    [[{ id: 'severity', desc: false }], ['d:0', 'b:0', 'c:0', 'a:0']],
    [[{ id: 'status', desc: false }], ['a:0', 'b:0', 'c:0', 'd:0']],
    [[{ id: 'status', desc: true }], ['d:0', 'c:0', 'a:0', 'b:0']],
    [[{ id: 'coderName', desc: false }], ['d:0', 'a:0', 'c:0', 'b:0']],
    [[{ id: 'payer', desc: false }, { id: 'units', desc: true }], ['b:0', 'c:0', 'd:0', 'a:0']],
    [[{ id: 'topFinding', desc: false }], ['d:0', 'c:0', 'a:0', 'b:0']],
    [[{ id: 'category', desc: true }], ['b:0', 'a:0', 'c:0', 'd:0']],
  ])('sorts by %j, ties in input order', (sorting, expected) => {
    expect(ids(sortQueue(rows, sorting))).toEqual(expected)
  })

  it('leaves its input alone', () => {
    const input = [...rows]
    sortQueue(input, [{ id: 'units', desc: true }])
    expect(input).toEqual(rows)
  })
})

/** The same filters written the slow and obvious way, to check the one-pass version against. */
function referenceMatches(r: QueueRow, f: QueueFilters, skip: FacetKey | null): boolean {
  const picked = (facet: FacetKey) => facet !== skip && (f[facet]?.length ?? 0) > 0
  const has = (facet: FacetKey, value: string | null) => value !== null && (f[facet] as readonly string[]).includes(value)
  if (picked('severity') && !has('severity', r.severity)) return false
  if (picked('category') && !has('category', r.category)) return false
  if (picked('rule') && !r.ruleIds.some((id) => has('rule', id))) return false
  if (picked('provider') && !has('provider', r.providerId)) return false
  if (picked('coder') && !has('coder', r.coderId ?? '')) return false
  if (picked('payer') && !has('payer', r.payer)) return false
  if (picked('status') && !has('status', r.status)) return false
  if (f.dateFrom && r.dateOfService < f.dateFrom) return false
  if (f.dateTo && r.dateOfService > f.dateTo) return false
  const needle = (f.search ?? '').trim().toLowerCase()
  return needle === '' || [r.patientId, r.code, ...r.ruleIds, r.topFinding?.message ?? ''].some((t) => t.toLowerCase().includes(needle))
}

const rowArb = fc.record({
  lineIndex: fc.nat(3), dateOfService: fc.constantFrom('2026-01-01', '2026-02-01', '2026-03-01'),
  patientId: fc.constantFrom('PT-1', 'PT-2', 'pt-3'), providerId: fc.constantFrom('DR-A', 'DR-B'),
  coderId: fc.constantFrom('u1', 'u2', null), payer: fc.constantFrom('medicare', 'evicore'),
  code: fc.constantFrom('64493', '64494', 'J3301'), units: fc.nat(4),
  severity: fc.constantFrom(...SEVERITIES, null), category: fc.constantFrom('modifier', 'imaging', null),
  ruleIds: fc.uniqueArray(fc.constantFrom('R1', 'R2', 'R3'), { maxLength: 3 }), message: fc.constantFrom('Needs KX', 'bundled', ''),
  status: fc.constantFrom(...REVIEW_STATUSES),
}).map((r) => row({
  ...r, rowId: `${r.patientId}:${r.lineIndex}`, coderName: r.coderId ?? '', category: r.category,
  topFinding: r.ruleIds[0] ? { ruleId: r.ruleIds[0], message: r.message } : null,
}))

const filtersArb: fc.Arbitrary<QueueFilters> = fc.record({
  severity: fc.subarray([...SEVERITIES]), category: fc.subarray(['modifier', 'imaging', 'drug'] as (typeof CATEGORIES)[number][]),
  rule: fc.subarray(['R1', 'R2', 'R9']), provider: fc.subarray(['DR-A', 'DR-B']), coder: fc.subarray(['u1', '']),
  payer: fc.subarray(['medicare']), status: fc.subarray([...REVIEW_STATUSES]),
  dateFrom: fc.constantFrom(null, '', '2026-02-01'), dateTo: fc.constantFrom(null, '2026-02-01'),
  search: fc.constantFrom('', 'pt', 'PT-3', 'kx', 'r2', '6449', ' bundled '),
}, { requiredKeys: [] })

describe('queueView', () => {
  it('filters, sorts and counts facets as the slow reference does', () => {
    fc.assert(fc.property(fc.array(rowArb, { maxLength: 40 }), filtersArb, (list, filters) => {
      const view = queueView(list, filters, [{ id: 'units', desc: false }])
      const expected = list.filter((r) => referenceMatches(r, filters, null))
      expect(ids(view.rows)).toEqual(ids([...expected].sort((a, b) => a.units - b.units)))
      expect(view.total).toBe(list.length)
      for (const facet of FACETS) {
        const counts = new Map<string, number>()
        for (const r of list) {
          if (!referenceMatches(r, filters, facet)) continue
          const values = facet === 'rule' ? r.ruleIds : [{ severity: r.severity, category: r.category, provider: r.providerId,
            coder: r.coderId ?? '', payer: r.payer, status: r.status }[facet]]
          for (const v of values) if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1)
        }
        expect(view.facets[facet]).toEqual(counts)
      }
    }), { numRuns: 300 })
  })
})

/** The documented sort order, the slow way. */
function referenceKey(r: QueueRow, column: SortColumn): string | number {
  if (column === 'units') return r.units
  if (column === 'severity') return r.severity === null ? 0 : SEVERITY_RANK[r.severity]
  if (column === 'status') return STATUS_SORT_ORDER.indexOf(r.status)
  if (column === 'topFinding') return r.topFinding?.ruleId ?? ''
  if (column === 'category') return r.category ?? ''
  if (column === 'coderName') return r.coderName.toLowerCase()
  return r[column]
}

describe('sortQueue against the slow reference', () => {
  const sortingArb = fc.uniqueArray(fc.record({ id: fc.constantFrom(...SORT_COLUMNS), desc: fc.boolean() }), {
    selector: (rule) => rule.id, maxLength: SORT_COLUMNS.length,
  })

  it('orders by every rule in turn, ties in input order (also with all 12 columns, past a packed numeric key)', () => {
    fc.assert(fc.property(fc.array(rowArb, { maxLength: 60 }), sortingArb, (list, sorting) => {
      const expected = list.map((r, i) => ({ r, i })).sort((a, b) => {
        for (const { id, desc } of sorting) {
          const x = referenceKey(a.r, id)
          const y = referenceKey(b.r, id)
          if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1)
        }
        return a.i - b.i
      }).map(({ r }) => r)
      expect(sortQueue(list, sorting)).toEqual(expected)
    }), { numRuns: 300 })
  })

  it('falls back to a comparator when the columns have too many values to pack into one number', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), minLength: 6, maxLength: 6 })
    const wide = fc.array(fc.record({ patientId: text, code: text, coderName: text, payer: text, providerId: text, modifiers: text }), { minLength: 600, maxLength: 600 })
      .map((list) => list.map((fields, i) => row({ rowId: `w:${i}`, ...fields })))
    const sorting: SortRule[] = [
      { id: 'payer', desc: false }, { id: 'patientId', desc: true }, { id: 'code', desc: false },
      { id: 'coderName', desc: false }, { id: 'providerId', desc: true }, { id: 'modifiers', desc: false },
    ]
    fc.assert(fc.property(wide, (list) => {
      const expected = list.map((r, i) => ({ r, i })).sort((a, b) => {
        for (const { id, desc } of sorting) {
          const x = referenceKey(a.r, id)
          const y = referenceKey(b.r, id)
          if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1)
        }
        return a.i - b.i
      }).map(({ r }) => r.rowId)
      expect(ids(sortQueue(list, sorting))).toEqual(expected)
    }), { numRuns: 10 })
  })
})

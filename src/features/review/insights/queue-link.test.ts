import { describe, expect, it } from 'vitest'
import { formatQueueQuery, parseQueueQuery } from '../model/queue-query.ts'
import { computeInsights } from './insights-model.ts'
import { MAX_LINKED_ROWS, queueLinkOf } from './queue-link.ts'
import { denied, finding, line, record, remittance, users } from './test-fixtures.ts'

/** `n` encounters of one line each, flagged by rule R1 in October 2026. */
function many(n: number) {
  return Array.from({ length: n }, (_, i) => record({
    id: `E${i}`, dateOfService: `2026-10-${String((i % 28) + 1).padStart(2, '0')}`, lines: [line()],
    findings: [finding({ ruleId: 'R1', severity: 'warning', category: 'modifier', lineIndexes: [0] })],
  }))
}

describe('queue link', () => {
  it('opens a bar\'s lines by row id, every line of the encounter for a claim-level denial', () => {
    const encounters = [record({ id: 'E1', lines: [line(), line({ code: '64494' })], findings: [finding({ lineIndexes: [1] })] })]
    const result = computeInsights({
      encounters, audit: [], users: Object.values(users), range: { from: null, to: null },
      remittances: [remittance('R1', [denied({ encounterId: 'E1', lineIndex: null })])],
    })
    const chart = result.charts['flags-rule']
    expect(queueLinkOf(chart, chart.bars[0], result.lines, result.range)).toEqual({ kind: 'query', query: { rowIds: ['E1:1'], includeAllLines: true }, rows: 1 })
    const denials = result.charts['denials-category']
    const link = queueLinkOf(denials, denials.bars[0], result.lines, result.range)
    expect(link).toEqual({ kind: 'query', query: { rowIds: ['E1:0', 'E1:1'], includeAllLines: true }, rows: 2 })
    if (link.kind === 'query') expect(parseQueueQuery(formatQueueQuery(link.query)).rowIds).toEqual(['E1:0', 'E1:1'])
  })

  it('uses the queue\'s filters instead of row ids past the link limit', () => {
    const range = { from: '2026-10-05', to: null }
    const result = computeInsights({ encounters: many(MAX_LINKED_ROWS * 2), audit: [], users: [], remittances: [], range })
    const byRule = result.charts['flags-rule']
    expect(byRule.bars[0].count).toBeGreaterThan(MAX_LINKED_ROWS)
    expect(queueLinkOf(byRule, byRule.bars[0], result.lines, range)).toEqual({
      kind: 'query', query: { filters: { dateFrom: '2026-10-05', rule: ['R1'] }, includeAllLines: false }, rows: byRule.bars[0].count,
    })
    const byMonth = result.charts['flags-month']
    expect(queueLinkOf(byMonth, byMonth.bars[0], result.lines, range)).toMatchObject({ query: { filters: { dateFrom: '2026-10-05', dateTo: '2026-10-31' } } })
    const byCategory = result.charts['flags-category']
    expect(queueLinkOf(byCategory, byCategory.bars[0], result.lines, range)).toMatchObject({ query: { filters: { category: ['modifier'] } } })
  })

  it('says why a denial bar cannot open: unmatched, or too many lines for a link', () => {
    const encounters = many(MAX_LINKED_ROWS + 1)
    const result = computeInsights({
      encounters, audit: [], users: [], range: { from: null, to: null },
      remittances: [remittance('R1', [
        ...encounters.map((e) => denied({ encounterId: e.id, lineIndex: 0, category: 'coverage' })),
        denied({ encounterId: null, lineIndex: null, category: 'other' }),
      ])],
    })
    const chart = result.charts['denials-category']
    const [coverage, other] = chart.bars
    expect(queueLinkOf(chart, coverage, result.lines, result.range)).toMatchObject({ kind: 'none', reason: expect.stringContaining('narrow the date range') as string })
    expect(queueLinkOf(chart, other, result.lines, result.range)).toMatchObject({ kind: 'none', reason: expect.stringContaining('not matched to an encounter') as string })
  })
})

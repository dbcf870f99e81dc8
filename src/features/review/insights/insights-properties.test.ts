import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Finding } from '../../../domain/index.ts'
import { DENIAL_CATEGORIES } from '../../../domain/remittance/index.ts'
import { lineStatuses } from '../model/audit.ts'
import { queueRows } from '../model/queue-rows.ts'
import type { AuditEntry } from '../model/types.ts'
import { inRange } from './date-range.ts'
import { computeInsights, denialDate, type InsightsInput } from './insights-model.ts'
import { CHART_IDS, type InsightChart } from './insights-types.ts'
import { MAX_LINKED_ROWS, queueLinkOf, rowIdsOfBar } from './queue-link.ts'
import { denied, finding, line, override, record, remittance, users } from './test-fixtures.ts'

const DATES = ['2026-01-15', '2026-01-31', '2026-02-01', '2026-03-10', '2026-05-20']

const findingArb: fc.Arbitrary<Finding> = fc.record({
  ruleId: fc.constantFrom('R1', 'R2', 'R3'), severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
  category: fc.constantFrom('modifier' as const, 'frequency' as const, 'units' as const),
  target: fc.oneof(fc.constant('encounter' as const), fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 2 }), fc.nat(1).map((p) => ({ procedure: p }))),
}).map(({ target, ...f }) => finding({
  ...f, ...(target === 'encounter' ? {} : Array.isArray(target) ? { lineIndexes: target } : { procedureIndex: target.procedure }),
}))

const encountersArb = fc.uniqueArray(fc.record({
  id: fc.constantFrom('E1', 'E2', 'E3', 'E4', 'E5', 'E6'), dateOfService: fc.constantFrom(...DATES),
  providerId: fc.constantFrom('DR-A', 'DR-B'), payerProfile: fc.constantFrom('medicare', 'aetna'),
  finalizedBy: fc.constantFrom(users.coder.id, users.trainee.id, null),
  lines: fc.array(fc.nat(1), { minLength: 1, maxLength: 3 }), findings: fc.array(findingArb, { maxLength: 4 }),
}), { selector: (e) => e.id, maxLength: 6 }).map((list) => list.map((e) => record({
  ...e, lines: e.lines.map((procedureIndex, i) => line({ code: `6449${i}`, procedureIndex })),
})))

function inputArb(): fc.Arbitrary<InsightsInput> {
  return encountersArb.chain((encounters) => fc.record({
    encounters: fc.constant(encounters),
    audit: fc.array(fc.record({ e: fc.constantFrom('E1', 'E2', 'E3'), line: fc.nat(2), day: fc.constantFrom('2026-02-01', '2026-04-01', '2026-06-01') }), { maxLength: 5 })
      .map((list) => list.map((a, i) => override(a.e, a.line, `${a.day}T1${i}:00:00.000Z`, i % 2 ? users.supervisor : users.supervisor2))),
    users: fc.constant(Object.values(users)),
    remittances: fc.array(fc.array(fc.record({
      encounterId: fc.constantFrom('E1', 'E2', 'E3', 'E9', null), lineIndex: fc.constantFrom(0, 1, 2, null),
      dateOfService: fc.constantFrom(...DATES, null), paymentDate: fc.constantFrom('2026-03-01', '2026-07-01'),
      category: fc.constantFrom(...DENIAL_CATEGORIES), amount: fc.nat(100000), providerId: fc.constantFrom('DR-A', null),
      payerName: fc.constantFrom('MEDICARE', 'AETNA', ''),
    }), { maxLength: 6 }), { maxLength: 3 }).map((files) => files.map((d, i) => remittance(`R${i}`, d.map((x) => denied(x))))),
    range: fc.constantFrom({ from: null, to: null }, { from: '2026-02-01', to: null }, { from: null, to: '2026-01-31' }, { from: '2026-01-31', to: '2026-03-10' }),
  }))
}

const sum = (chart: InsightChart, of: (b: InsightChart['bars'][number]) => number) => chart.bars.reduce((n, b) => n + of(b), 0)

describe('insights properties', () => {
  it('every bar\'s count equals its drill-down lines, each known and listed once', () => {
    fc.assert(fc.property(inputArb(), (input) => {
      const result = computeInsights(input)
      for (const id of CHART_IDS) {
        for (const bar of result.charts[id].bars) {
          expect(bar.count).toBe(bar.lineIds.length)
          expect(new Set(bar.lineIds).size).toBe(bar.lineIds.length)
          for (const lineId of bar.lineIds) expect(result.lines.has(lineId)).toBe(true)
          if (bar.severity) expect(bar.severity.error + bar.severity.warning).toBe(bar.count)
          if (bar.amount !== null) expect(bar.amount).toBe(bar.lineIds.reduce((n, l) => n + (result.lines.get(l)?.denial?.amount ?? 0), 0))
        }
      }
    }))
  })

  it('totals by category equal totals by provider, payer and month, for flags, denials and amounts', () => {
    fc.assert(fc.property(inputArb(), (input) => {
      const { charts, totals } = computeInsights(input)
      for (const id of ['flags-category', 'flags-provider', 'flags-payer', 'flags-month'] as const) expect(sum(charts[id], (b) => b.count)).toBe(totals.flaggedLines)
      for (const id of ['denials-category', 'denials-provider', 'denials-payer', 'denials-month'] as const) {
        expect(sum(charts[id], (b) => b.count)).toBe(totals.deniedLines)
        expect(sum(charts[id], (b) => b.amount ?? 0)).toBe(totals.deniedAmount)
      }
      for (const id of ['overridden-coder', 'overridden-supervisor'] as const) expect(sum(charts[id], (b) => b.count)).toBe(totals.overriddenThenDenied)
    }))
  })

  it('flags exactly the lines the review queue shows for the range', () => {
    fc.assert(fc.property(inputArb(), (input) => {
      const result = computeInsights(input)
      const queue = queueRows(input.encounters, { users: input.users, statuses: lineStatuses(input.audit as AuditEntry[]), includeAllLines: false })
        .filter((r) => inRange(r.dateOfService, input.range)).map((r) => r.rowId)
      const flagged = result.charts['flags-provider'].bars.flatMap((b) => b.lineIds)
      expect(flagged.sort()).toEqual(queue.sort())
      // Every flagged line has a rule behind it.
      const byRule = new Set(result.charts['flags-rule'].bars.flatMap((b) => b.lineIds))
      expect(byRule).toEqual(new Set(queue))
    }))
  })

  it('counts every denial of the range once, and only overridden matched lines as overridden then denied', () => {
    fc.assert(fc.property(inputArb(), (input) => {
      const result = computeInsights(input)
      const expected = input.remittances.flatMap((r) => r.denials).filter((d) => inRange(denialDate(d), input.range)).length
      expect(result.totals.deniedLines).toBe(expected)
      const byRule = new Set(result.charts['denials-rule'].bars.flatMap((b) => b.lineIds))
      expect(byRule.size).toBe(expected)
      for (const id of result.charts['overridden-coder'].bars.flatMap((b) => b.lineIds)) {
        const l = result.lines.get(id)
        expect(l?.override).not.toBeNull()
        expect(l?.rowIds.length).toBeGreaterThan(0)
        expect((l?.override?.at ?? '').slice(0, 10) <= (l?.denial?.paymentDate ?? '')).toBe(true)
      }
    }))
  })

  it('links a bar to the queue rows of its lines, or to filters past the link limit', () => {
    fc.assert(fc.property(inputArb(), (input) => {
      const result = computeInsights(input)
      for (const id of CHART_IDS) {
        const chart = result.charts[id]
        for (const bar of chart.bars) {
          const link = queueLinkOf(chart, bar, result.lines, result.range)
          const rowIds = rowIdsOfBar(bar, result.lines)
          if (rowIds.length === 0) expect(link.kind).toBe('none')
          else expect(link).toEqual({ kind: 'query', query: { rowIds, includeAllLines: true }, rows: rowIds.length })
          expect(rowIds.length).toBeLessThanOrEqual(MAX_LINKED_ROWS)
        }
      }
    }))
  })
})

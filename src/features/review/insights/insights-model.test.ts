import { describe, expect, it } from 'vitest'
import { computeInsights, NO_RULE_KEY, UNMATCHED_KEY, type InsightsInput } from './insights-model.ts'
import type { ChartId, Insights } from './insights-types.ts'
import { audit, denied, finding, line, override, record, remittance, users } from './test-fixtures.ts'

const ALL = { from: null, to: null }

/** E1: a modifier warning on its first line, a clean second line. E2: a frequency error and the same modifier warning. */
function encounters() {
  return [
    record({
      id: 'E1', providerId: 'DR-A', payerProfile: 'medicare', dateOfService: '2026-10-14',
      lines: [line({ code: '64493' }), line({ code: '64494', procedureIndex: 1 })],
      findings: [finding({ ruleId: 'MOD-KX', severity: 'warning', category: 'modifier', lineIndexes: [0] })],
    }),
    record({
      id: 'E2', patientId: 'PT-2002', providerId: 'DR-B', payerProfile: 'aetna', dateOfService: '2026-09-02', finalizedBy: users.trainee.id,
      lines: [line({ code: '64483' })],
      findings: [
        finding({ ruleId: 'FREQ-ESI', severity: 'error', category: 'frequency', lineIndexes: [0] }),
        finding({ ruleId: 'MOD-KX', severity: 'warning', category: 'modifier', lineIndexes: [0] }),
        finding({ ruleId: 'INFO-NOTE', severity: 'info', category: 'documentation' }),
      ],
    }),
  ]
}

function insights(overrides: Partial<InsightsInput> = {}): Insights {
  return computeInsights({ encounters: encounters(), audit: [], users: Object.values(users), remittances: [], range: ALL, ...overrides })
}

/** "label=count" of each bar: the chart as a reader sees it. */
function bars(result: Insights, id: ChartId): string[] {
  return result.charts[id].bars.map((b) => `${b.label}=${b.count}`)
}

describe('flags', () => {
  it('counts each flagged line once by its top finding, split by severity', () => {
    const result = insights()
    expect(result.totals.flaggedLines).toBe(2)
    expect(bars(result, 'flags-category')).toEqual(['Frequency=1', 'Modifier=1'])
    expect(result.charts['flags-category'].bars.map((b) => b.severity)).toEqual([{ error: 1, warning: 0 }, { error: 0, warning: 1 }])
    expect(bars(result, 'flags-provider')).toEqual(['DR-A=1', 'DR-B=1'])
    expect(bars(result, 'flags-payer')).toEqual(['aetna=1', 'medicare=1'])
  })

  it('counts a line under each rule that flagged it, with that rule\'s severity, and leaves info findings out', () => {
    const result = insights()
    expect(bars(result, 'flags-rule')).toEqual(['MOD-KX=2', 'FREQ-ESI=1'])
    const kx = result.charts['flags-rule'].bars[0]
    expect(kx.severity).toEqual({ error: 0, warning: 2 })
    expect(kx.lineIds).toEqual(['E1:0', 'E2:0'])
  })

  it('shows every month from the first to the last, quiet months as zero', () => {
    const result = insights({ encounters: [...encounters(), record({ id: 'E3', dateOfService: '2026-12-01', findings: [finding({ lineIndexes: [0] })] })] })
    expect(bars(result, 'flags-month')).toEqual(['2026-09=1', '2026-10=1', '2026-11=0', '2026-12=1'])
  })

  it('labels providers, payers and rules by name when names are given', () => {
    const result = insights({
      providerNames: new Map([['DR-A', 'Dr. Avery']]), payerNames: new Map([['medicare', 'Medicare (default)']]),
      ruleTitles: new Map([['MOD-KX', 'KX modifier']]),
    })
    expect(bars(result, 'flags-provider')).toContain('Dr. Avery=1')
    expect(bars(result, 'flags-payer')).toContain('Medicare (default)=1')
    expect(bars(result, 'flags-rule')).toContain('KX modifier (MOD-KX)=2')
  })

  it('keeps only the dates of service in the range', () => {
    const result = insights({ range: { from: '2026-10-01', to: '2026-10-31' } })
    expect(result.totals.flaggedLines).toBe(1)
    expect(result.totals.encounters).toBe(1)
    expect(bars(result, 'flags-category')).toEqual(['Modifier=1'])
  })

  it('counts the flagged lines a supervisor overrode, and gives each line its status and coder', () => {
    const result = insights({ audit: [override('E2', 0)] })
    expect(result.totals.overriddenLines).toBe(1)
    expect(result.lines.get('E2:0')).toMatchObject({ status: 'overridden', coderName: users.trainee.name, lineNumber: 1, ruleIds: ['FREQ-ESI', 'MOD-KX', 'INFO-NOTE'] })
    expect(result.lines.get('E1:0')).toMatchObject({ status: 'pending', severity: 'warning', denial: null })
  })

  it('shows nothing when no encounter is finalized', () => {
    const result = insights({ encounters: [] })
    expect(result.totals).toMatchObject({ encounters: 0, flaggedLines: 0, deniedLines: 0 })
    expect(Object.values(result.charts).every((c) => c.bars.length === 0)).toBe(true)
  })
})

describe('denials', () => {
  const files = () => [
    remittance('R1', [
      denied({ encounterId: 'E1', lineIndex: 0, category: 'modifier', amount: 25000 }),
      denied({ encounterId: 'E1', lineIndex: 1, code: '64494', category: 'frequency', carcCodes: ['119'], amount: 12000 }),
    ]),
    remittance('R2', [
      denied({ encounterId: null, lineIndex: null, patientControlNumber: 'ZZ-9', providerId: null, dateOfService: null, paymentDate: '2026-08-30', payerName: 'AETNA', category: 'prior-authorization', carcCodes: ['197'], amount: 40000 }),
      denied({ encounterId: 'E2', lineIndex: null, code: null, dateOfService: '2026-09-02', providerId: 'DR-B', payerName: 'AETNA', category: 'coverage', carcCodes: ['50'], amount: 90000 }),
    ]),
  ]

  it('counts denied lines and their amounts by category, payer and provider', () => {
    const result = insights({ remittances: files() })
    expect(result.totals).toMatchObject({ deniedLines: 4, deniedAmount: 167000, remittanceFiles: 2 })
    expect(bars(result, 'denials-category')).toEqual(['Coverage or medical necessity=1', 'Prior authorization=1', 'Modifier=1', 'Frequency limit=1'])
    expect(result.charts['denials-payer'].bars.map((b) => [b.label, b.count, b.amount])).toEqual([
      ['AETNA', 2, 130000], ['MEDICARE JURISDICTION L', 2, 37000],
    ])
    expect(bars(result, 'denials-provider')).toEqual(['DR-A=2', 'DR-B=1', 'Provider not recorded=1'])
  })

  it('puts a denial under the rule that flagged its line, or calls out that no rule did or that it matched no encounter', () => {
    const result = insights({ remittances: files() })
    const chart = result.charts['denials-rule']
    expect(chart.bars.map((b) => [b.key, b.count, b.special])).toEqual([
      [NO_RULE_KEY, 1, 'no-rule'], [UNMATCHED_KEY, 1, 'unmatched'],
      ['MOD-KX', 2, null], ['FREQ-ESI', 1, null], ['INFO-NOTE', 1, null],
    ])
    expect(chart.bars.find((b) => b.key === NO_RULE_KEY)?.lineIds).toEqual(['R1#1'])
    expect(chart.bars.find((b) => b.key === NO_RULE_KEY)?.label).toBe('No rule flagged it')
  })

  it('reads a claim-level denial as about every line of its encounter', () => {
    const result = insights({ remittances: files() })
    expect(result.lines.get('R2#1')).toMatchObject({ rowIds: ['E2:0'], lineNumber: null, patientId: 'PT-2002', ruleIds: ['FREQ-ESI', 'MOD-KX', 'INFO-NOTE'] })
    expect(result.lines.get('R2#0')).toMatchObject({ rowIds: [], patientId: 'ZZ-9', providerId: '' })
  })

  it('counts a denial in the month of its date of service, else of its payment date', () => {
    const result = insights({ remittances: files() })
    expect(bars(result, 'denials-month')).toEqual(['2026-08=1', '2026-09=1', '2026-10=2'])
    expect(insights({ remittances: files(), range: { from: '2026-09-01', to: null } }).totals.deniedLines).toBe(3)
  })
})

describe('overridden then denied', () => {
  const file = (paymentDate = '2026-11-10') => [remittance('R1', [
    denied({ encounterId: 'E2', lineIndex: 0, code: '64483', providerId: 'DR-B', category: 'frequency', carcCodes: ['119'], amount: 50000, paymentDate }),
    denied({ encounterId: 'E1', lineIndex: 0, amount: 25000, paymentDate }),
  ])]

  it('finds the denied lines a supervisor had overridden, by rule, coder and supervisor', () => {
    const result = insights({ remittances: file(), audit: [override('E2', 0, '2026-10-01T10:00:00.000Z', users.supervisor2)] })
    expect(result.totals).toMatchObject({ overriddenThenDenied: 1, overriddenThenDeniedAmount: 50000 })
    expect(bars(result, 'overridden-rule')).toEqual(['FREQ-ESI=1', 'MOD-KX=1'])
    expect(bars(result, 'overridden-coder')).toEqual([`${users.trainee.name}=1`])
    expect(bars(result, 'overridden-supervisor')).toEqual([`${users.supervisor2.name}=1`])
    expect(result.lines.get('R1#0')).toMatchObject({
      override: { supervisorName: users.supervisor2.name, reason: 'Documentation supports the service', note: 'Op note documents both levels.' },
      denial: { category: 'frequency', carcCodes: ['119'], amount: 50000 },
    })
  })

  it('counts an override made on the payment date, but not one made after the payer decided', () => {
    expect(insights({ remittances: file('2026-10-01'), audit: [override('E2', 0, '2026-10-01T23:00:00.000Z')] }).totals.overriddenThenDenied).toBe(1)
    expect(insights({ remittances: file('2026-09-30'), audit: [override('E2', 0, '2026-10-01T10:00:00.000Z')] }).totals.overriddenThenDenied).toBe(0)
  })

  it('still counts a line overridden then reopened: it was overridden when the claim went out', () => {
    const reopened = audit({ encounterId: 'E2', lineIndex: 0, at: '2026-10-02T10:00:00.000Z', action: 'reopen', from: 'overridden', to: 'pending' })
    const result = insights({ remittances: file(), audit: [override('E2', 0, '2026-10-01T10:00:00.000Z'), reopened] })
    expect(result.totals.overriddenThenDenied).toBe(1)
    expect(result.lines.get('R1#0')?.status).toBe('pending')
  })

  it('names the latest override when a line was overridden twice', () => {
    const result = insights({ remittances: file(), audit: [override('E2', 0, '2026-10-01T10:00:00.000Z'), override('E2', 0, '2026-10-05T10:00:00.000Z', users.supervisor2)] })
    expect(bars(result, 'overridden-supervisor')).toEqual([`${users.supervisor2.name}=1`])
  })

  it('shows a coder who is not recorded as such', () => {
    const encs = encounters().map((e) => (e.id === 'E2' ? { ...e, finalizedBy: null } : e))
    const result = insights({ encounters: encs, remittances: file(), audit: [override('E2', 0)] })
    expect(bars(result, 'overridden-coder')).toEqual(['Coder not recorded=1'])
  })
})

import { describe, expect, it } from 'vitest'
import { checkMeta, isHcpcsCode, parseYyyymmdd, quarterBounds, quarterOf, showValue } from './field-rules.ts'

describe('isHcpcsCode accepts exactly the CPT and HCPCS Level II shapes', () => {
  it.each(['64493', '20552', '99213', '0213T', '0001F', '0001U', '0002M', '0001A', 'J3301', 'G0480', 'A0425'])(
    'accepts %s',
    (code) => expect(isHcpcsCode(code)).toBe(true),
  )
  it.each(['6449', '644930', 'j3301', '0213t', 'J330A', 'JJ301', 'ABCDE', '64 93', ' 6449', '', '６４４９３'])(
    'refuses %j',
    (code) => expect(isHcpcsCode(code)).toBe(false),
  )
})

describe('parseYyyymmdd accepts only real calendar dates', () => {
  it.each([
    ['20260101', '2026-01-01'],
    ['20240229', '2024-02-29'],
    ['20000229', '2000-02-29'],
    ['19960101', '1996-01-01'],
    ['20231231', '2023-12-31'],
  ])('reads %s as %s', (raw, iso) => expect(parseYyyymmdd(raw)).toBe(iso))

  it.each(['20250231', '20230229', '19000229', '20251301', '20250001', '20250100', '18991231', '2025011', '2025-01-01', '2025010a', ''])(
    'refuses %j',
    (raw) => expect(parseYyyymmdd(raw)).toBeNull(),
  )
})

describe('quarters', () => {
  it.each([
    ['2026-01-01', '2026Q1'],
    ['2026-03-31', '2026Q1'],
    ['2026-04-01', '2026Q2'],
    ['2026-09-30', '2026Q3'],
    ['2026-10-01', '2026Q4'],
    ['2026-12-31', '2026Q4'],
  ])('quarterOf(%s) is %s', (date, quarter) => expect(quarterOf(date)).toBe(quarter))

  it.each([
    ['2026Q1', '2026-01-01', '2026-03-31'],
    ['2026Q2', '2026-04-01', '2026-06-30'],
    ['2026Q3', '2026-07-01', '2026-09-30'],
    ['2026Q4', '2026-10-01', '2026-12-31'],
  ])('quarterBounds(%s) runs %s to %s', (quarter, from, to) => expect(quarterBounds(quarter)).toEqual({ from, to }))

  it('puts every day of a quarter back in that quarter', () => {
    for (const q of ['2024Q1', '2025Q2', '2026Q3', '2026Q4']) {
      const { from, to } = quarterBounds(q)
      expect([quarterOf(from), quarterOf(to)]).toEqual([q, q])
    }
  })

  it.each(['2026-13-01', '2026-02-30', '20261001', ''])('quarterOf throws RangeError for %j', (bad) => {
    expect(() => quarterOf(bad)).toThrow(RangeError)
  })

  it.each(['2026Q5', '2026Q0', '2026-Q4', 'Q4 2026', '26Q4'])('quarterBounds throws RangeError for %j', (bad) => {
    expect(() => quarterBounds(bad)).toThrow(RangeError)
  })
})

describe('checkMeta', () => {
  it('normalises an absent effectiveTo to null', () => {
    expect(checkMeta({ quarter: '2026Q4', effectiveFrom: '2026-10-01' })).toEqual({
      ok: true,
      meta: { quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: null },
      warnings: [],
    })
  })

  it('reports every bad field at row 0', () => {
    const result = checkMeta({ quarter: '2026Q9', effectiveFrom: 'soon', effectiveTo: 'later' })
    expect(result.ok === false && result.errors.map((e) => [e.row, e.message])).toEqual([
      [0, `Metadata 'quarter' must be a quarter written like 2026Q4 (got "2026Q9").`],
      [0, `Metadata 'effectiveFrom' must be a real date written YYYY-MM-DD (got "soon").`],
      [0, `Metadata 'effectiveTo' must be a real date written YYYY-MM-DD (got "later").`],
    ])
  })

  it('refuses meta that is not an object at all', () => {
    const result = checkMeta(null as unknown as { quarter: string; effectiveFrom: string })
    expect(result.ok).toBe(false)
  })
})

describe('showValue', () => {
  it('quotes, flattens control characters and cuts long values', () => {
    expect(showValue('')).toBe('(empty)')
    expect(showValue('a\nb')).toBe(`'a b'`)
    expect(showValue('x'.repeat(60))).toBe(`'${'x'.repeat(40)}…'`)
  })
})

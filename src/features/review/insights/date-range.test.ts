import { describe, expect, it } from 'vitest'
import { addDays, addMonths, inRange, isIsoDate, monthInRange, monthsBetween, presetRange } from './date-range.ts'

describe('date range', () => {
  it('counts the last 3, 6 and 12 months back from today, ending today', () => {
    expect(presetRange('last-3', '2026-11-27')).toEqual({ from: '2026-08-28', to: '2026-11-27' })
    expect(presetRange('last-6', '2026-11-27')).toEqual({ from: '2026-05-28', to: '2026-11-27' })
    expect(presetRange('last-12', '2026-11-27')).toEqual({ from: '2025-11-28', to: '2026-11-27' })
    expect(presetRange('all', '2026-11-27')).toEqual({ from: null, to: null })
  })

  it('clamps to the end of a shorter month and crosses years', () => {
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28')
    expect(addMonths('2024-05-31', -3)).toBe('2024-02-29')
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15')
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(presetRange('last-3', '2026-05-31')).toEqual({ from: '2026-03-01', to: '2026-05-31' })
  })

  it('includes both ends, and a missing date only in an open range', () => {
    const range = { from: '2026-02-01', to: '2026-02-28' }
    expect(['2026-01-31', '2026-02-01', '2026-02-28', '2026-03-01'].map((d) => inRange(d, range))).toEqual([false, true, true, false])
    expect(inRange(null, range)).toBe(false)
    expect(inRange(null, { from: null, to: null })).toBe(true)
    expect(inRange('2020-01-01', { from: null, to: '2026-01-01' })).toBe(true)
  })

  it('lists the months between two months, and cuts a month to the range', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(monthInRange('2026-02', { from: null, to: null })).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(monthInRange('2026-02', { from: '2026-02-10', to: '2026-02-20' })).toEqual({ from: '2026-02-10', to: '2026-02-20' })
  })

  it('accepts only real ISO dates', () => {
    expect(['2026-02-28', '2026-02-29', '2026-13-01', '26-01-01', ''].map(isIsoDate)).toEqual([true, false, false, false, false])
  })
})

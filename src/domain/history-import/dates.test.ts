import { describe, expect, it } from 'vitest'
import { detectDateFormat, expandTwoDigitYear, readDate } from './index.ts'

describe('detectDateFormat', () => {
  it.each([
    [['2026-03-04', '2025-12-31'], 'YYYY-MM-DD'],
    [['03/04/2026', '12/31/2025'], 'MM/DD/YYYY'],
    [['3/4/2026', '12/31/2025'], 'M/D/YYYY'],
    [['03/04/26', '12/31/99'], 'MM/DD/YY'],
    [['20260304', '20251231'], 'YYYYMMDD'],
    [['04.03.2026', '31.12.2025'], 'DD.MM.YYYY'],
    // Slash dates are month first even when every sample would also read day first.
    [['03/04/2026', '05/06/2026'], 'MM/DD/YYYY'],
    [['03/04/2026 00:00:00', ' 12/31/2025 '], 'MM/DD/YYYY'],
    [['', '2026-03-04', ''], 'YYYY-MM-DD'],
  ] as const)('%j → %s', (samples, expected) => {
    expect(detectDateFormat([...samples])).toBe(expected)
  })

  it.each([
    [[]],
    [['', '  ']],
    [['31/12/2025']], // day-first slash dates are not a format we read
    [['02/30/2026']], // not a real date under any format
    [['2026-03-04', '03/04/2026']], // mixed formats
    [['yesterday']],
    [['2026-02-29']], // 2026 is not a leap year
  ])('%j → null', (samples) => {
    expect(detectDateFormat(samples)).toBeNull()
  })

  it('knows leap years', () => {
    expect(detectDateFormat(['02/29/2024', '02/29/2000'])).toBe('MM/DD/YYYY')
    expect(detectDateFormat(['02/29/1900'])).toBeNull()
  })
})

describe('two-digit years (our rule: 00–69 → 20xx, 70–99 → 19xx)', () => {
  it.each([[0, 2000], [26, 2026], [69, 2069], [70, 1970], [99, 1999]])('%i → %i', (yy, yyyy) => {
    expect(expandTwoDigitYear(yy)).toBe(yyyy)
  })

  it('reads MM/DD/YY through the pivot', () => {
    expect(readDate('1/2/70', 'MM/DD/YY')).toEqual({ ok: true, iso: '1970-01-02' })
    expect(readDate('1/2/69', 'MM/DD/YY')).toEqual({ ok: true, iso: '2069-01-02' })
  })
})

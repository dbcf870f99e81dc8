import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dedupeAgainst, historyRowKey, parseHistoryCsv, type ParsedHistoryRow } from './index.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

function rowsOf(text: string): ParsedHistoryRow[] {
  const result = parseHistoryCsv(text)
  if (!result.ok) throw new Error(result.errors[0]?.message)
  return result.rows
}

const base: ParsedHistoryRow = { patientId: '100245', dateOfService: '2026-01-06', code: '64493', modifiers: ['50', 'KX'], units: 1, providerId: '1234567893', sourceRow: 2 }

describe('historyRowKey', () => {
  it('is patient|date|code|sorted modifiers|units|provider', () => {
    expect(historyRowKey(base)).toBe('100245|2026-01-06|64493|50,KX|1|1234567893')
    expect(historyRowKey({ ...base, providerId: undefined, modifiers: [] })).toBe('100245|2026-01-06|64493||1|')
  })

  it('ignores modifier order and the source row', () => {
    const reordered: ParsedHistoryRow = { ...base, modifiers: ['KX', '50'], sourceRow: 99 }
    expect(historyRowKey(reordered)).toBe(historyRowKey(base))
  })

  it.each([
    ['patient', { patientId: '100246' }],
    ['date', { dateOfService: '2026-01-07' }],
    ['code', { code: '64494' }],
    ['modifiers', { modifiers: ['50'] }],
    ['units', { units: 2 }],
    ['provider', { providerId: '1111111111' }],
  ])('changes with the %s', (_, change) => {
    expect(historyRowKey({ ...base, ...change })).not.toBe(historyRowKey(base))
  })
})

describe('dedupeAgainst', () => {
  it.each([['kareo-charges.csv'], ['advancedmd-charge-detail.csv'], ['minimal-iso.csv']])(
    're-importing %s adds nothing',
    (name) => {
      const first = dedupeAgainst(new Set(), rowsOf(fixture(name)))
      expect(first.duplicates).toEqual([])
      const ledger = new Set(first.fresh.map(historyRowKey))
      const second = dedupeAgainst(ledger, rowsOf(fixture(name)))
      expect(second.fresh).toEqual([])
      expect(second.duplicates).toHaveLength(first.fresh.length)
    },
  )

  it('keeps lines the ledger does not have and drops a line listed twice in one batch', () => {
    const ledger = new Set([historyRowKey(base)])
    const other = { ...base, code: '64494', sourceRow: 3 }
    const result = dedupeAgainst(ledger, [base, other, { ...other, sourceRow: 4 }])
    expect(result.fresh).toEqual([other])
    expect(result.duplicates.map((r) => r.sourceRow)).toEqual([2, 4])
  })

  it('parse warns about a line repeated within the file', () => {
    const result = parseHistoryCsv('Patient ID,DOS,CPT\n1,2026-01-01,64490\n1,2026-01-01,64490\n')
    expect(result.ok && result.warnings.join('\n')).toMatch(/1 row repeats an earlier row of the file exactly/)
  })
})

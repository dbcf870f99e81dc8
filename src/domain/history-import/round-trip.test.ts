import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseHistoryCsv, type DateFormat, type ParsedHistoryRow } from './index.ts'

const pad = (n: number) => String(n).padStart(2, '0')

/** Writes an ISO date the way a file in `format` would. */
function writeDate(iso: string, format: DateFormat): string {
  const [y, m, d] = iso.split('-') as [string, string, string]
  switch (format) {
    case 'YYYY-MM-DD': return iso
    case 'MM/DD/YYYY': return `${m}/${d}/${y}`
    case 'M/D/YYYY': return `${Number(m)}/${Number(d)}/${y}`
    case 'MM/DD/YY': return `${m}/${d}/${y.slice(2)}`
    case 'YYYYMMDD': return `${y}${m}${d}`
    case 'DD.MM.YYYY': return `${d}.${m}.${y}`
  }
}

const quote = (v: string) => `"${v.replace(/"/g, '""')}"`

const isoDate = fc
  .record({ y: fc.integer({ min: 1970, max: 2069 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`)
const code = fc.oneof(fc.stringMatching(/^\d{5}$/), fc.stringMatching(/^\d{4}[FT]$/), fc.stringMatching(/^[A-Z]\d{4}$/))
const modifier = fc.stringMatching(/^[0-9A-Z]{2}$/)
const provider = fc
  .stringMatching(/^[A-Za-z0-9 ,."'-]{1,20}$/)
  .map((s) => s.trim())
  .filter((s) => s !== '')

const historyRow = fc.record(
  {
    patientId: fc.stringMatching(/^[0-9][0-9A-Z-]{0,11}$/),
    dateOfService: isoDate,
    code,
    modifiers: fc.uniqueArray(modifier, { maxLength: 4 }),
    units: fc.integer({ min: 1, max: 999 }),
    providerId: provider,
  },
  { requiredKeys: ['patientId', 'dateOfService', 'code', 'modifiers', 'units'] },
)

describe('serialise → parse round trip', () => {
  it('any valid rows written as a PM export parse back to the same rows', () => {
    fc.assert(
      fc.property(
        fc.array(historyRow, { minLength: 1, maxLength: 30 }),
        fc.constantFrom<DateFormat>('YYYY-MM-DD', 'MM/DD/YYYY', 'M/D/YYYY', 'MM/DD/YY', 'YYYYMMDD', 'DD.MM.YYYY'),
        fc.boolean(),
        fc.constantFrom(',', '\t'),
        fc.constantFrom('\n', '\r\n'),
        (rows, format, numbered, delimiter, eol) => {
          const header = ['Patient ID', 'DOS', 'CPT', ...(numbered ? ['Mod 1', 'Mod 2', 'Mod 3', 'Mod 4'] : ['Modifiers']), 'Units', 'Rendering Provider']
          const lines = rows.map((r) => {
            const mods = numbered ? [0, 1, 2, 3].map((i) => r.modifiers[i] ?? '') : [r.modifiers.join(' ')]
            return [r.patientId, writeDate(r.dateOfService, format), r.code, ...mods, String(r.units), r.providerId ?? '']
              .map(quote)
              .join(delimiter)
          })
          const text = [header.join(delimiter), ...lines].join(eol) + eol
          const result = parseHistoryCsv(text)
          if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)))
          const expected: ParsedHistoryRow[] = rows.map((r, i) => {
            const row: ParsedHistoryRow = { patientId: r.patientId, dateOfService: r.dateOfService, code: r.code, modifiers: r.modifiers, units: r.units, sourceRow: i + 2 }
            if (r.providerId !== undefined) row.providerId = r.providerId
            return row
          })
          expect(result.rows).toEqual(expected)
        },
      ),
      { numRuns: 300 },
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseMueFile } from './parse-mue.ts'
import { parsePtpFile } from './parse-ptp.ts'
import type { MueAdjudicationIndicator, MueEntry, PtpEdit, PtpModifierIndicator } from './types.ts'

/**
 * Any valid table, written out in the CMS layout (notice rows, the header as CMS wraps it,
 * CMS quoting), parses back to the same entries, whatever delimiter, line ending and BOM.
 */

const META = { quarter: '2026Q4', effectiveFrom: '2026-10-01' }

const digit = fc.constantFrom(...'0123456789')
const capital = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
const code = fc.oneof(
  fc.tuple(digit, digit, digit, digit, fc.oneof(digit, capital)).map((cs) => cs.join('')),
  fc.tuple(capital, digit, digit, digit, digit).map((cs) => cs.join('')),
)
// Rationales with everything that needs quoting: delimiters, quotes, line breaks.
const rationale = fc
  .array(fc.constantFrom('a', 'Z', ' ', ',', '\t', '|', '"', '/', ':', '\n', '\r\n', 'é', '®'), { maxLength: 24 })
  .map((parts) => parts.join('').trim())

const daysIn = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31)
const pad = (n: number, w: number) => String(n).padStart(w, '0')
/** A calendar date as [ISO, YYYYMMDD]. */
const date = fc
  .tuple(fc.integer({ min: 1996, max: 2030 }), fc.integer({ min: 1, max: 12 }))
  .chain(([y, m]) => fc.integer({ min: 1, max: daysIn(y, m) }).map((d) => [y, m, d] as const))
  .map(([y, m, d]) => ({ iso: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`, raw: `${pad(y, 4)}${pad(m, 2)}${pad(d, 2)}` }))

const layout = fc.record({
  delimiter: fc.constantFrom(',', '\t', '|'),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  trailingEmpty: fc.boolean(),
})

function field(value: string, delimiter: string): string {
  return value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r')
    ? `"${value.replaceAll('"', '""')}"`
    : value
}

const MAI_TEXT: Record<MueAdjudicationIndicator, string[]> = {
  1: ['1', '1 Line Edit'],
  2: ['2', '2 Date of Service Edit: Policy'],
  3: ['3', '3 Date of Service Edit: Clinical'],
}

describe('a table written in the CMS layout parses back to the same entries', () => {
  it('holds for practitioner MUE tables', () => {
    const entry = fc.record({
      code,
      value: fc.integer({ min: 0, max: 99_999 }),
      mai: fc.constantFrom<MueAdjudicationIndicator>(1, 2, 3),
      rationale,
      bareMai: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.code, minLength: 1, maxLength: 40 }), layout, (rows, how) => {
        const d = how.delimiter
        const tail = how.trailingEmpty ? d + d : ''
        const lines = [
          field('CPT codes, descriptions and other data only are copyright 2025 American Medical Association.\n\nCPT® is a registered trademark.', d) + d + d + d,
          [field('HCPCS/\nCPT Code', d), 'Practitioner Services MUE Values', 'MUE Adjudication Indicator', 'MUE Rationale'].join(d),
          ...rows.map((r) => [r.code, String(r.value), field(MAI_TEXT[r.mai][r.bareMai ? 0 : 1] ?? '', d), field(r.rationale, d)].join(d) + tail),
        ]
        const text = (how.bom ? '\uFEFF' : '') + lines.join(how.eol) + how.eol
        const result = parseMueFile(text, META)
        if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)))
        const expected: MueEntry[] = rows.map(({ code: c, value, mai, rationale: r }) => ({ code: c, value, mai, rationale: r }))
        expect([...result.table.entries.values()]).toEqual(expected)
        expect(result.warnings).toEqual([])
      }),
      { numRuns: 150 },
    )
  })

  it('holds for practitioner PTP tables', () => {
    const edit = fc.record({
      column1: code,
      column2: code,
      dates: fc.tuple(date, date, fc.boolean()),
      modifierIndicator: fc.constantFrom<PtpModifierIndicator>(0, 1, 9),
      rationale,
      before1996: fc.boolean(),
      blankDeletion: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 40 }), layout, (rows, how) => {
        const d = how.delimiter
        const tail = how.trailingEmpty ? d : ''
        const blank = (n: number) => d.repeat(n)
        const lines = [
          'CPT only copyright 2025 American Medical Association.  All rights reserved.' + blank(6),
          'Column1/Column2 Edits' + blank(6),
          ['Column 1', 'Column 2', '*=in existence', 'Effective', 'Deletion', 'Modifier', 'PTP Edit Rationale'].join(d),
          ['', '', 'prior to 1996', 'Date', 'Date', '0=not allowed', ''].join(d),
          ['', '', '', '', '*=no data', '1=allowed', ''].join(d),
          ['', '', '', '', '', '9=not applicable', ''].join(d),
        ]
        const expected = new Map<string, PtpEdit[]>()
        for (const r of rows) {
          const [a, b, deleted] = r.dates
          const [from, to] = a.iso <= b.iso ? [a, b] : [b, a]
          const deletion = deleted ? to.raw : r.blankDeletion ? '' : '*'
          lines.push([r.column1, r.column2, r.before1996 ? '*' : '', from.raw, deletion, String(r.modifierIndicator), field(r.rationale, d)].join(d) + tail)
          const parsed: PtpEdit = {
            column1: r.column1,
            column2: r.column2,
            effectiveFrom: from.iso,
            deletedOn: deleted ? to.iso : null,
            modifierIndicator: r.modifierIndicator,
            rationale: r.rationale,
          }
          const list = expected.get(r.column1)
          if (list) list.push(parsed)
          else expected.set(r.column1, [parsed])
        }
        const text = (how.bom ? '\uFEFF' : '') + lines.join(how.eol) + how.eol
        const result = parsePtpFile(text, META)
        if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)))
        expect([...result.table.edits.entries()]).toEqual([...expected.entries()])
        expect(result.warnings).toEqual([])
      }),
      { numRuns: 150 },
    )
  })
})

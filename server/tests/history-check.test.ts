import { describe, expect, it } from 'vitest'
import { historyRowKey, parseHistoryCsv } from '../../src/domain/history-import/index.ts'
import { checkHistory, type CheckedLines } from '../services/history-check.ts'
import { ISO_FORMAT, ISO_MAPPING } from '../testing/history.ts'

/** Reads a PostgreSQL array literal of quoted elements back (the form checkHistory writes). */
function readLiteral(text: string): string[] {
  expect(text.startsWith('{') && text.endsWith('}')).toBe(true)
  const out: string[] = []
  let i = 1
  while (i < text.length - 1) {
    if (text[i] === ',') { i++; continue }
    if (text[i] !== '"') {
      const end = text.indexOf(',', i) === -1 ? text.length - 1 : Math.min(text.indexOf(',', i), text.length - 1)
      out.push(text.slice(i, end))
      i = end
      continue
    }
    let value = ''
    i++
    while (text[i] !== '"') {
      if (text[i] === '\\') i++
      value += text[i]
      i++
    }
    out.push(value)
    i++
  }
  return out
}

describe('the server\'s check of a history part', () => {
  const head = 'patient_id,dos,cpt,modifiers,units,provider_npi\n'
  const text = [
    'pt-1,2026-01-05,64483,rt,1,NPI1',
    'PT-2,2026-01-06,64493,"50 kx",2,"DR ""Q"" \\\\ SUITE"',
    'PT-3,2026-01-07,j3301,,1,',
    'PT-4,2026-01-08,64635,LT RT 59,1,{braces},',
  ].join('\n').replace(',{braces},', ',"{braces},x"') + '\n'

  it('answers the lines as array literals that read back to what the parser read, keys equal to historyRowKey', () => {
    const result = checkHistory({ head, mapping: ISO_MAPPING, dateFormat: ISO_FORMAT, part: { firstRow: 2, text } })
    expect(result.ok).toBe(true)
    const { literals, lines, patients } = result as CheckedLines
    const parsed = parseHistoryCsv(head + text, { mapping: ISO_MAPPING, dateFormat: ISO_FORMAT })
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(lines).toBe(4)
    expect(patients).toBe(4)
    expect(readLiteral(literals.keys)).toEqual(parsed.rows.map((r) => historyRowKey(r)))
    expect(readLiteral(literals.providers)).toEqual(parsed.rows.map((r) => r.providerId ?? ''))
    expect(readLiteral(literals.providers)[1]).toBe('DR "Q" \\\\ SUITE')
    expect(readLiteral(literals.modifiers)).toEqual(parsed.rows.map((r) => r.modifiers.join(' ')))
    expect(readLiteral(literals.patientIds)).toEqual(['pt-1', 'PT-2', 'PT-3', 'PT-4'])
    expect(readLiteral(literals.codes)).toEqual(['64483', '64493', 'J3301', '64635'])
    expect(literals.units).toBe('{1,2,1,1}')
    expect(literals.dates).toBe('{2026-01-05,2026-01-06,2026-01-07,2026-01-08}')
  })

  it('names the file\'s rows in a refusal, and takes first rows without data as nothing to stage', () => {
    const bad = checkHistory({ head, mapping: ISO_MAPPING, dateFormat: ISO_FORMAT, part: { firstRow: 500, text: 'PT-1,2026-01-05,64483,,1,\nPT-2,2026-13-01,64483,,1,\n' } })
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining("Row 501, column 'dos'") })
    expect(checkHistory({ head, mapping: ISO_MAPPING, dateFormat: ISO_FORMAT, part: null })).toMatchObject({ ok: true, lines: 0 })
  })
})

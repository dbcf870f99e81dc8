import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvCell, csvField, csvRecord, neutralizeFormula, toCsv } from './csv.ts'

/** A minimal RFC 4180 reader, to prove that what toCsv writes reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let cell = ''
  let i = 0
  while (i < text.length) {
    if (text[i] === '"') {
      i++
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') { cell += '"'; i += 2 }
        else if (text[i] === '"') { i++; break }
        else if (i >= text.length) throw new Error('unterminated quote')
        else cell += text[i++]
      }
    } else if (text[i] === ',') { record.push(cell); cell = ''; i++ }
    else if (text.startsWith('\r\n', i)) { record.push(cell); records.push(record); record = []; cell = ''; i += 2 }
    else cell += text[i++]
  }
  if (cell !== '' || record.length > 0) throw new Error('last record has no CRLF')
  return records
}

describe('neutralizeFormula', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('puts an apostrophe before %j, which a spreadsheet would run', (cell) => {
    expect(neutralizeFormula(cell)).toBe(`'${cell}`)
  })

  it.each(['', 'PT-1001', 'a=b', ' =1', "'=1", '64493', '2026-10-14'])('leaves %j alone', (cell) => {
    expect(neutralizeFormula(cell)).toBe(cell)
  })
})

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['a\r\nb', '"a\r\nb"'],
    ['a\nb', '"a\nb"'],
    ['tab\there', 'tab\there'],
  ])('writes %j as %j', (cell, field) => {
    expect(csvField(cell)).toBe(field)
  })
})

describe('csvCell and csvRecord', () => {
  it('neutralises before quoting, so the apostrophe is inside the quotes', () => {
    expect(csvCell('=HYPERLINK("http://x.test","x")')).toBe(`"'=HYPERLINK(""http://x.test"",""x"")"`)
    expect(csvCell('-2,3')).toBe(`"'-2,3"`)
  })

  it('ends every record with CRLF', () => {
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\r\n')
    expect(csvRecord([])).toBe('\r\n')
  })
})

describe('toCsv', () => {
  it('writes the header, then the rows', () => {
    expect(toCsv(['Code', 'Note'], [['64493', 'left, then right'], ['J3301', '@risk']])).toBe(
      'Code,Note\r\n64493,"left, then right"\r\nJ3301,\'@risk\r\n',
    )
  })

  it('is the header alone for no rows', () => {
    expect(toCsv(['A'], [])).toBe('A\r\n')
  })

  it('reads back as the same cells (neutralised ones with their apostrophe), whatever they hold', () => {
    const cellText = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', ' ', 'é') })
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 1, maxLength: 4 }), { maxLength: 5 }), (rows) => {
        const header = ['h']
        const width = rows[0]?.length ?? 1
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''))
        const parsed = parseCsv(toCsv(header.concat(Array<string>(width - 1).fill('h')), table))
        expect(parsed.slice(1)).toEqual(table.map((r) => r.map(neutralizeFormula)))
        for (const record of parsed) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
      }),
    )
  })
})

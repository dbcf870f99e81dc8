import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseHistoryCsv, type HistoryImportError, type HistoryParseOptions, type ParsedHistoryRow } from './index.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

function parseOk(text: string, options?: HistoryParseOptions) {
  const result = parseHistoryCsv(text, options)
  if (!result.ok) throw new Error(`expected ok, got:\n${result.errors.map((e) => `${e.row} ${e.column ?? ''} ${e.message}`).join('\n')}`)
  return result
}

const row = (r: Omit<ParsedHistoryRow, 'modifiers' | 'units'> & Partial<ParsedHistoryRow>): ParsedHistoryRow => ({
  modifiers: [],
  units: 1,
  ...r,
})

describe('parseHistoryCsv on format-faithful exports', () => {
  it('reads a Kareo/Tebra-style Charges export (Mod 1..Mod 4, MM/DD/YYYY, CRLF, quoted names and fees)', () => {
    const result = parseOk(fixture('kareo-charges.csv'))
    expect(result.dateFormat).toBe('MM/DD/YYYY')
    expect(result.mapping).toEqual({ patient: 1, dateOfService: 3, code: 5, modifiers: [7, 8, 9, 10], units: 11, provider: 12 })
    const dr = { providerId: 'PATEL, ANITA MD' }
    expect(result.rows).toEqual([
      row({ patientId: '100245', dateOfService: '2026-01-06', code: '64483', modifiers: ['RT'], sourceRow: 2, ...dr }),
      row({ patientId: '100245', dateOfService: '2026-01-06', code: '77003', modifiers: ['26'], sourceRow: 3, ...dr }),
      row({ patientId: '100245', dateOfService: '2026-01-06', code: 'J1040', sourceRow: 4, ...dr }),
      row({ patientId: '100245', dateOfService: '2026-02-17', code: '64493', modifiers: ['50', 'KX'], sourceRow: 5, providerId: 'NGUYEN, DAVID DO' }),
      row({ patientId: '100911', dateOfService: '2026-02-20', code: '20553', sourceRow: 6, ...dr }),
      row({ patientId: '100911', dateOfService: '2026-02-20', code: '99213', modifiers: ['25'], sourceRow: 7, ...dr }),
      row({ patientId: '100911', dateOfService: '2026-03-09', code: '62323', sourceRow: 8, providerId: 'NGUYEN, DAVID DO' }),
    ])
    expect(result.warnings.join('\n')).toMatch(/1 of 7 rows have codes the rule module does not know \(J1040\)/)
  })

  it('warnings: false reads the same rows without warnings; errors are still reported (the server re-check of a part)', () => {
    const text = fixture('advancedmd-charge-detail.csv')
    const full = parseOk(text)
    expect(full.warnings.length).toBeGreaterThan(0)
    const quiet = parseOk(text, { warnings: false })
    expect(quiet.warnings).toEqual([])
    expect(quiet.rows).toEqual(full.rows)
    expect(quiet.mapping).toEqual(full.mapping)
    expect(quiet.dateFormat).toBe(full.dateFormat)
    const bad = parseHistoryCsv('Patient,DOS,CPT\nPT-1,2026-01-06,6448\n', { warnings: false })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.errors.map((e) => e.row)).toEqual([2])
  })

  it('reads an AdvancedMD-style charge detail report (title rows, Chart #, Proc Code, combined modifiers, 1.00 units)', () => {
    const result = parseOk(fixture('advancedmd-charge-detail.csv'))
    expect(result.dateFormat).toBe('M/D/YYYY')
    expect(result.mapping).toEqual({ patient: 0, dateOfService: 2, code: 3, modifiers: [4], units: 5, provider: 6 })
    expect(result.rows).toEqual([
      row({ patientId: 'A100245', dateOfService: '2026-01-06', code: '64484', modifiers: ['RT'], providerId: 'PATEL_A', sourceRow: 5 }),
      row({ patientId: 'A100245', dateOfService: '2026-01-06', code: '64483', modifiers: ['RT', 'KX'], providerId: 'PATEL_A', sourceRow: 6 }),
      row({ patientId: 'A100911', dateOfService: '2026-02-20', code: '64635', modifiers: ['50', 'KX'], providerId: 'NGUYEN_D', sourceRow: 7 }),
      row({ patientId: 'A100911', dateOfService: '2026-02-20', code: '64636', modifiers: ['50', 'KX'], units: 2, providerId: 'NGUYEN_D', sourceRow: 8 }),
      // A lower-case code is valid once upper-cased.
      row({ patientId: 'A100977', dateOfService: '2025-12-29', code: 'J3301', units: 4, providerId: 'PATEL_A', sourceRow: 9 }),
    ])
    expect(result.warnings.join('\n')).toMatch(/Skipped 2 rows above the header \(row 4\)/)
  })

  it('reads a minimal ISO export and ignores trailing blank lines', () => {
    const result = parseOk(fixture('minimal-iso.csv'))
    expect(result.dateFormat).toBe('YYYY-MM-DD')
    expect(result.rows).toEqual([
      row({ patientId: 'P-0001', dateOfService: '2026-01-05', code: '64490', modifiers: ['RT'], providerId: '1234567893', sourceRow: 2 }),
      row({ patientId: 'P-0001', dateOfService: '2026-04-06', code: '64490', modifiers: ['RT'], providerId: '1234567893', sourceRow: 3 }),
      row({ patientId: 'P-0002', dateOfService: '2025-11-30', code: '0213T', modifiers: ['50'], sourceRow: 4 }),
    ])
    expect(result.warnings).toEqual([])
  })

  it('reads a tab-separated export with a BOM, YYYYMMDD dates and no units column (1 unit each, with a warning)', () => {
    const text = '\uFEFFAcct #\tDate of Service\tHCPCS\tMod 1\tMod 2\tNPI\r\n12345\t20260105\t64490\tRT\t\t1234567893\r\n'
    const result = parseOk(text)
    expect(result.dateFormat).toBe('YYYYMMDD')
    expect(result.rows).toEqual([row({ patientId: '12345', dateOfService: '2026-01-05', code: '64490', modifiers: ['RT'], providerId: '1234567893', sourceRow: 2 })])
    expect(result.warnings.join('\n')).toMatch(/no units column; every line counts as 1 unit/)
  })

  it('reads semicolon-separated DD.MM.YYYY dates day first', () => {
    const result = parseOk('MRN;Service Date;Code;Qty\n9001;04.03.2026;62321;1\n')
    expect(result.dateFormat).toBe('DD.MM.YYYY')
    expect(result.rows[0]?.dateOfService).toBe('2026-03-04')
  })

  it('reads two-digit years by our pivot (00–69 → 20xx, 70–99 → 19xx) and says so', () => {
    const result = parseOk('Patient ID,DOS,CPT\n1,03/04/26,64490\n2,12/31/99,64490\n')
    expect(result.dateFormat).toBe('MM/DD/YY')
    expect(result.rows.map((r) => r.dateOfService)).toEqual(['2026-03-04', '1999-12-31'])
    expect(result.warnings.join('\n')).toMatch(/2 dates had two-digit years/)
  })

  it('accepts a midnight time after the date, and honours a mapping and date format chosen by the user', () => {
    const text = 'A,B,C,D\nX1,2026-03-04 00:00:00,64483,2\n'
    const result = parseOk(text, {
      mapping: { patient: 0, dateOfService: 1, code: 2, modifiers: [], units: 3, provider: null },
      dateFormat: 'YYYY-MM-DD',
    })
    expect(result.rows).toEqual([row({ patientId: 'X1', dateOfService: '2026-03-04', code: '64483', units: 2, sourceRow: 2 })])
  })

  it('reads a quoted value spanning lines and reports the row it starts on', () => {
    const result = parseOk('Patient ID,DOS,CPT,Provider\n7,2026-01-01,64490,"Dr A\nsecond line"\n8,2026-01-02,64491,B\n')
    expect(result.rows.map((r) => r.sourceRow)).toEqual([2, 4])
  })
})

// ---------------------------------------------------------------- malformed files

const HEADER = 'Patient ID,DOS,CPT,Mod 1,Mod 2,Mod 3,Mod 4,Units,Rendering Provider'
const GOOD_ROWS = [
  '100245,01/06/2026,64483,RT,,,,1,1234567893',
  '100245,01/06/2026,77003,26,,,,1,1234567893',
  '100911,02/20/2026,20553,,,,,1,1234567893',
  '100911,03/09/2026,62323,,,,,1,1234567893',
  '100977,03/10/2026,64493,50,KX,,,1,1234567893',
  '100977,03/11/2026,64494,50,,,,1,1234567893',
  '100988,03/12/2026,64490,LT,,,,1,1234567893',
  '100988,03/13/2026,64491,LT,,,,1,1234567893',
]
/** The good file with row `n` (1-based file line; the header is row 1) replaced. */
function withRow(n: number, replacement: string, rows = GOOD_ROWS): string {
  const lines = [HEADER, ...rows]
  lines[n - 1] = replacement
  return lines.join('\n') + '\n'
}
const GOOD = withRow(2, GOOD_ROWS[0] ?? '')
const COMBINED_HEADER = 'Account,Service Date,Procedure Code,Modifiers,Qty,Provider'

interface Bad {
  name: string
  text: string
  options?: HistoryParseOptions
  row: number
  column?: string
  message: RegExp
}

const junk = Array.from({ length: 400 }, (_, i) => String.fromCharCode(1 + (i % 7))).join('')

const MALFORMED: Bad[] = [
  { name: 'empty file', text: '', row: 0, message: /The file is empty/ },
  { name: 'only whitespace', text: '  \n\t\r\n  ', row: 0, message: /only blank space/ },
  { name: 'binary junk with NUL bytes', text: 'PNG\u0000\u0001\u0002\u0000IHDR', row: 0, message: /NUL bytes/ },
  { name: 'binary junk without NUL bytes', text: junk, row: 0, message: /control characters/ },
  { name: 'a ZIP / .xlsx file', text: 'PK\u0003\u0004\u0014\u0000\u0006\u0000', row: 0, message: /ZIP archive or an Excel \.xlsx/ },
  { name: 'too large for maxBytes', text: GOOD, options: { maxBytes: 100 }, row: 0, message: /too large: \d+ characters, over the limit of 100/ },
  { name: 'header only', text: HEADER + '\n\n', row: 1, message: /no claim lines follow/ },
  { name: 'missing required column (no date)', text: 'Patient ID,CPT,Units\n1,64490,1\n', row: 1, message: /missing the required column 'Date of service'/ },
  { name: 'unmappable header', text: 'foo,bar,baz\n1,2,3\n', row: 0, message: /No header row in the first 20 rows.*'foo', 'bar', 'baz'/ },
  { name: 'bad date in row 7', text: withRow(7, '100977,03/xx/2026,64494,50,,,,1,1234567893'), row: 7, column: 'DOS', message: /'03\/xx\/2026' is not a date of service under MM\/DD\/YYYY/ },
  { name: 'impossible date 02/30/2026', text: withRow(3, '100245,02/30/2026,77003,26,,,,1,1'), row: 3, column: 'DOS', message: /February 2026 has 28 days/ },
  { name: 'month 13', text: withRow(4, '100911,13/01/2026,20553,,,,,1,1'), row: 4, column: 'DOS', message: /no month 13/ },
  { name: 'a two-digit year among four-digit years', text: withRow(5, '100911,3/9/26,62323,,,,,1,1'), row: 5, column: 'DOS', message: /'3\/9\/26' is not a date of service under MM\/DD\/YYYY/ },
  { name: 'empty date', text: withRow(5, '100911,,62323,,,,,1,1'), row: 5, column: 'DOS', message: /the date is empty/ },
  { name: 'no date format fits the column', text: 'Patient ID,DOS,CPT\n1,soon,64490\n2,later,64490\n', row: 2, column: 'DOS', message: /no date format fits/ },
  { name: 'user date format that does not fit', text: GOOD, options: { dateFormat: 'DD.MM.YYYY' }, row: 2, column: 'DOS', message: /under DD\.MM\.YYYY: it is not written in that format/ },
  { name: 'code too short', text: withRow(6, '100977,03/10/2026,6449,50,,,,1,1'), row: 6, column: 'CPT', message: /'6449' is not a CPT\/HCPCS code/ },
  { name: 'code of letters', text: withRow(6, '100977,03/10/2026,ABCDE,50,,,,1,1'), row: 6, column: 'CPT', message: /'ABCDE' is not a CPT\/HCPCS code/ },
  { name: 'empty code', text: withRow(6, '100977,03/10/2026,,50,,,,1,1'), row: 6, column: 'CPT', message: /\(empty\) is not a CPT\/HCPCS code/ },
  { name: 'modifier of three characters', text: withRow(2, '100245,01/06/2026,64483,RTX,,,,1,1'), row: 2, column: 'Mod 1', message: /'RTX' is not a modifier/ },
  { name: 'five modifiers in one column', text: `${COMBINED_HEADER}\n1,01/06/2026,64483,50 KX RT LT 59,1,A\n`, row: 2, column: 'Modifiers', message: /5 modifiers \(50 KX RT LT 59\); a claim line carries at most 4/ },
  { name: 'the same modifier twice', text: `${COMBINED_HEADER}\n1,01/06/2026,64483,"50,50",1,A\n`, row: 2, column: 'Modifiers', message: /modifier 50 appears twice/ },
  { name: 'units 0', text: withRow(8, '100988,03/12/2026,64490,LT,,,,0,1'), row: 8, column: 'Units', message: /'0' is not a unit count: units must be at least 1/ },
  { name: 'units 1.5', text: withRow(8, '100988,03/12/2026,64490,LT,,,,1.5,1'), row: 8, column: 'Units', message: /'1\.5' is not a unit count: units are whole numbers/ },
  { name: 'units abc', text: withRow(8, '100988,03/12/2026,64490,LT,,,,abc,1'), row: 8, column: 'Units', message: /'abc' is not a unit count: it is not a number/ },
  { name: 'negative units', text: withRow(8, '100988,03/12/2026,64490,LT,,,,-2,1'), row: 8, column: 'Units', message: /'-2' is not a unit count: units must be at least 1/ },
  { name: 'empty units in a units column', text: withRow(8, '100988,03/12/2026,64490,LT,,,,,1'), row: 8, column: 'Units', message: /the units are empty/ },
  { name: 'implausible units', text: withRow(8, '100988,03/12/2026,64490,LT,,,,100000,1'), row: 8, column: 'Units', message: /above 9999/ },
  { name: 'duplicated header mid-file', text: withRow(5, HEADER), row: 5, message: /repeats the header row \(row 1\)/ },
  { name: 'a second header written differently', text: withRow(5, 'patient id,dos,cpt,mod 1,mod 2,mod 3,mod 4,units,npi'), row: 5, message: /looks like another header row/ },
  { name: 'footer "Total" row', text: GOOD + 'Total,,,,,,,8,\n', row: 10, message: /totals or footer row \('Total'\)/ },
  { name: 'footer "Grand Total:" row', text: GOOD + 'Grand Total:,8 charges\n', row: 10, message: /totals or footer row \('Grand Total:'\)/ },
  { name: 'unterminated quote', text: withRow(4, '100911,02/20/2026,20553,,,,,1,"Dr Patel'), row: 4, message: /closing '"' is missing/ },
  { name: 'text after a closing quote', text: withRow(4, '100911,"02/20/2026"x,20553,,,,,1,1'), row: 4, message: /unexpected text after the closing '"'/ },
  { name: 'mixed delimiters (a tab-separated row in a CSV)', text: withRow(3, '100245\t01/06/2026\t77003\t26\t\t\t\t1\t1'), row: 3, message: /has 1 value but the header \(row 1\) has 9 columns.*other than commas/ },
  { name: 'row with extra cells', text: withRow(3, '100245,01/06/2026,77003,26,,,,1,1,EXTRA'), row: 3, message: /value in position 10, beyond the header's 9 columns: 'EXTRA'/ },
  { name: 'row with too few cells', text: withRow(3, '100245,01/06/2026,77003'), row: 3, message: /has 3 values but the header \(row 1\) has 9 columns/ },
  { name: 'name "Last, First" in patient column', text: withRow(2, '"Smith, John",01/06/2026,64483,RT,,,,1,1'), row: 2, column: 'Patient ID', message: /'Smith, John' looks like a person's name/ },
  { name: 'name "First Last" in patient column', text: withRow(2, 'John Smith,01/06/2026,64483,RT,,,,1,1'), row: 2, column: 'Patient ID', message: /looks like a person's name/ },
  { name: 'empty patient', text: withRow(9, ',03/13/2026,64491,LT,,,,1,1'), row: 9, column: 'Patient ID', message: /account number is empty/ },
  { name: 'user mapping pointing past the header', text: GOOD, options: { mapping: { patient: 0, dateOfService: 1, code: 20, modifiers: [], units: null, provider: null } }, row: 1, message: /'Procedure code \(CPT\/HCPCS\)' in column 21, but the header has 9 columns/ },
  { name: 'user mapping with two fields in one column', text: GOOD, options: { mapping: { patient: 0, dateOfService: 1, code: 2, modifiers: [], units: 2, provider: null } }, row: 1, message: /both 'Procedure code \(CPT\/HCPCS\)' and 'Units' in column 3/ },
  { name: 'user mapping without a patient column', text: GOOD, options: { mapping: { patient: null, dateOfService: 1, code: 2, modifiers: [], units: null, provider: null } }, row: 1, message: /no column for 'Patient \(account number\)'/ },
]

describe('parseHistoryCsv rejects malformed files with a row/column message', () => {
  it(`has at least 30 malformed cases (${MALFORMED.length})`, () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(30)
  })

  it('accepts the good base file the cases are cut from', () => {
    expect(parseOk(GOOD).rows).toHaveLength(8)
  })

  it.each(MALFORMED)('$name', ({ text, options, row: expectedRow, column, message }) => {
    const result = parseHistoryCsv(text, options)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect('rows' in result).toBe(false)
    const hit = result.errors.find((e: HistoryImportError) => message.test(e.message))
    expect(hit, result.errors.map((e) => `${e.row} ${e.column ?? '-'} ${e.message}`).join('\n')).toBeDefined()
    expect(hit?.row).toBe(expectedRow)
    expect(hit?.column).toBe(column)
    if (expectedRow > 0) expect(hit?.message).toMatch(new RegExp(`^(Row ${expectedRow}\\b|Column )`))
  })

  it('refuses a 50 MB file over maxBytes without scanning it, and a 61 MB one under the default limit', () => {
    const line = '100245,01/06/2026,64483,RT,,,,1,1234567893\n'
    // A row with an unterminated quote and a bad date: a scan would report them too.
    const big = HEADER + '\n' + '"100245,13/45/2026,64483\n' + line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))
    expect(big.length).toBeGreaterThan(50 * 1024 * 1024)
    const result = parseHistoryCsv(big, { maxBytes: 40 * 1024 * 1024 })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ row: 0, message: expect.stringMatching(/too large/) as unknown })])
    const huge = 'x'.repeat(61 * 1024 * 1024)
    const second = parseHistoryCsv(huge)
    expect(second.ok).toBe(false)
    if (!second.ok) expect(second.errors).toEqual([expect.objectContaining({ row: 0, message: expect.stringMatching(/over the limit of 62914560/) as unknown })])
  })

  it('caps the list at 100 errors and says how many more', () => {
    const rows = Array.from({ length: 150 }, (_, i) => `${i + 1},01/06/2026,64483,RT,,,,0,1`)
    const result = parseHistoryCsv([HEADER, ...rows].join('\n'))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toHaveLength(101)
    expect(result.errors[100]?.message).toBe('…and 50 more errors.')
  })

  it('lists every bad row, not just the first', () => {
    const text = withRow(3, '100245,02/30/2026,77003,26,,,,1,1', GOOD_ROWS).replace('64491,LT,,,,1', '64491,LT,,,,x')
    const result = parseHistoryCsv(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.map((e) => [e.row, e.column])).toEqual([[3, 'DOS'], [9, 'Units']])
  })
})

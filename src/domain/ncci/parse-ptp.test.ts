import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { mergePtpTables, parsePtpFile } from './parse-ptp.ts'
import type { ParseResult, PtpEdit, PtpTable } from './types.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

const F1 = fixture('ptp-practitioner-2026q4-f1.txt')
const F2 = fixture('ptp-practitioner-2026q4-f2.txt')
/** Notice, title and the four wrapped header rows (lines 1-6); rows appended start on line 7. */
const HEAD = F1.slice(0, F1.indexOf('0213T\t'))
const META = { quarter: '2026Q4', effectiveFrom: '2026-10-01' }
const OK_ROW = '64493\t77003\t\t20100101\t*\t0\tCPT Manual or CMS manual coding instruction'

const withRows = (...rows: string[]) => HEAD + rows.join('\n') + '\n'
const row = (...cells: string[]) => cells.join('\t')

function table(result: ParseResult<PtpTable>): PtpTable {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
  return result.table
}

const allEdits = (t: PtpTable): PtpEdit[] => [...t.edits.values()].flat()

describe('parsePtpFile reads the CMS practitioner PTP layout', () => {
  const result = parsePtpFile(F1, META)

  it('reads every data row under the notice, title and four-row header, with no warnings', () => {
    expect(result.ok && result.warnings).toEqual([])
    expect(allEdits(table(result))).toHaveLength(33)
    expect(table(result).edits.size).toBe(16)
  })

  it('converts dates to ISO and reads "*" as no deletion date', () => {
    expect(table(result).edits.get('64493')?.find((e) => e.column2 === '77003')).toEqual({
      column1: '64493',
      column2: '77003',
      effectiveFrom: '2010-01-01',
      deletedOn: null,
      modifierIndicator: 0,
      rationale: 'CPT Manual or CMS manual coding instruction',
    })
  })

  it('keeps both windows of a pair deleted and re-added, in file order', () => {
    const windows = table(result).edits.get('64483')?.filter((e) => e.column2 === '76942')
    expect(windows?.map((e) => [e.effectiveFrom, e.deletedOn, e.modifierIndicator])).toEqual([
      ['2011-01-01', '2023-12-31', 1],
      ['2024-01-01', null, 0],
    ])
  })

  it('reads a retroactive deletion (deletion date = effective date, indicator 9)', () => {
    expect(table(result).edits.get('64493')?.find((e) => e.column2 === '76942')).toMatchObject({
      effectiveFrom: '2010-01-01',
      deletedOn: '2010-01-01',
      modifierIndicator: 9,
    })
  })

  it('reads past the "in existence prior to 1996" mark', () => {
    expect(table(result).edits.get('20552')?.find((e) => e.column2 === '99213')).toMatchObject({
      effectiveFrom: '1996-01-01',
      modifierIndicator: 1,
      rationale: 'Misuse of column two code with column one code',
    })
  })

  it('carries the quarter and effective dates from meta onto the table', () => {
    expect(table(result)).toMatchObject({ kind: 'ptp-practitioner', quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: null })
  })
})

describe('parsePtpFile tolerates what CMS files and their copies do', () => {
  const expected = allEdits(table(parsePtpFile(F1, META)))
  const editsOf = (text: string) => allEdits(table(parsePtpFile(text, META)))
  const oneLineHeader = 'Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\t' +
    'Modifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale\n'
  const body = F1.slice(HEAD.length)

  it.each([
    ['CRLF line endings', F1.replaceAll('\n', '\r\n')],
    ['a UTF-8 byte-order mark', `\uFEFF${F1}`],
    ['blank lines before the header and between rows', `\n\n${F1.replace('0214T\t', '\n\n0214T\t')}\n\n`],
    ['trailing empty columns', F1.replaceAll('instruction\n', 'instruction\t\t\n')],
    ['the whole header on one row (a spreadsheet export)', oneLineHeader + body],
    ['a header in capitals without spaces', oneLineHeader.replace('Column 1\tColumn 2', 'COLUMN1\tCOLUMN2') + body],
    ['a comma-separated copy with a quoted rationale', (oneLineHeader + body).replaceAll('\t', ',')],
    ['a pipe-separated copy', (oneLineHeader + body).replaceAll('\t', '|')],
    ['a blank deletion date for an edit in force', F1.replaceAll('\t*\t0\t', '\t\t0\t').replaceAll('\t*\t1\t', '\t\t1\t')],
  ])('reads the same edits with %s', (_label, text) => {
    expect(editsOf(text)).toEqual(expected)
  })

  it('keeps a comma inside a quoted rationale of a comma-separated copy', () => {
    const text = 'Column 1,Column 2,Effective Date,Deletion Date,Modifier,PTP Edit Rationale\n' +
      '64493,77003,20100101,*,0,"Misuse of column two code, with ""column one"" code"\n'
    expect(editsOf(text)[0]?.rationale).toBe('Misuse of column two code, with "column one" code')
  })

  it('skips identical notice and header rows repeated mid-file (parts joined end to end) and says so', () => {
    const result = parsePtpFile(F1 + F2, META)
    expect(allEdits(table(result))).toHaveLength(33 + 5)
    expect(result.ok && result.warnings.join(' ')).toMatch(/Skipped 6 rows repeating the notice or header/)
  })

  it('leaves rationales empty, with a warning, for a file without a rationale column', () => {
    const result = parsePtpFile('Column 1\tColumn 2\tEffective Date\tDeletion Date\tModifier\n64493\t77003\t20100101\t*\t0\n', META)
    expect(allEdits(table(result))[0]?.rationale).toBe('')
    expect(result.ok && result.warnings.join(' ')).toMatch(/no 'PTP Edit Rationale' column/)
  })

  it('accepts an edit deleted on the day it took effect with indicator 0 or 1 (deletion not before effective)', () => {
    expect(editsOf(withRows(row('64493', '77003', '', '20240101', '20240101', '1', 'x')))[0]?.deletedOn).toBe('2024-01-01')
  })
})

interface RejectCase {
  name: string
  text: string
  meta?: { quarter: string; effectiveFrom: string; effectiveTo?: string | null }
  maxBytes?: number
  row: number
  column?: string
  message: RegExp
}

const C1 = 'Column 1'
const C2 = 'Column 2'
const EFF = 'Effective Date'
const DEL = 'Deletion Date *=no data'
const MOD = 'Modifier 0=not allowed 1=allowed 9=not applicable'
const R = 'Mutually exclusive procedures'

const rejects: RejectCase[] = [
  { name: 'an empty file', text: '', row: 0, message: /^The file is empty\.$/ },
  { name: 'a whitespace-only file', text: '\t\t\n   \r\n', row: 0, message: /only blank space/ },
  { name: 'binary junk with NUL bytes', text: 'Column 1\u0000\u0000\u0001\u0002', row: 0, message: /NUL bytes/ },
  { name: 'the zip itself', text: 'PK\u0003\u0004junk', row: 0, message: /ZIP archive/ },
  { name: 'a header with no data rows', text: HEAD, row: 3, message: /^Row 3: the practitioner PTP header is here but no data rows follow it\.$/ },
  { name: 'a notice and title with no header', text: F1.slice(0, F1.indexOf('Column 1\t')), row: 0, message: /No practitioner PTP header row/ },
  { name: 'a header without the deletion column', text: 'Column 1\tColumn 2\tEffective Date\tModifier\tPTP Edit Rationale\n64493\t77003\t20100101\t0\tx\n', row: 1, message: /missing the required column 'Deletion Date \*=no data'/ },
  { name: 'a bad column 1 code', text: withRows(row('6449', '77003', '', '20100101', '*', '0', R)), row: 7, column: C1, message: /^Row 7, column 'Column 1': '6449' is not a HCPCS\/CPT code/ },
  { name: 'a bad column 2 code', text: withRows(row('64493', '77O12', '', '20100101', '*', '0', R)), row: 7, column: C2, message: /'77O12' is not a HCPCS\/CPT code/ },
  { name: 'an empty column 2', text: withRows(row('64493', '', '', '20100101', '*', '0', R)), row: 7, column: C2, message: /\(empty\) is not a HCPCS/ },
  { name: 'effective date 20250231', text: withRows(row('64493', '77003', '', '20250231', '*', '0', R)), row: 7, column: EFF, message: /^Row 7, column 'Effective Date': '20250231' is not a real date written YYYYMMDD/ },
  { name: 'an ISO effective date', text: withRows(row('64493', '77003', '', '2025-01-01', '*', '0', R)), row: 7, column: EFF, message: /'2025-01-01' is not a real date/ },
  { name: 'effective date 00000000', text: withRows(row('64493', '77003', '', '00000000', '*', '0', R)), row: 7, column: EFF, message: /'00000000' is not a real date/ },
  { name: 'an empty effective date', text: withRows(row('64493', '77003', '', '', '*', '0', R)), row: 7, column: EFF, message: /\(empty\) is not a real date/ },
  { name: 'deletion date 20251301', text: withRows(row('64493', '77003', '', '20100101', '20251301', '0', R)), row: 7, column: DEL, message: /'20251301' is not a real date written YYYYMMDD, nor '\*'/ },
  { name: 'a deletion date before the effective date', text: withRows(row('64493', '77003', '', '20240101', '20231231', '0', R)), row: 7, column: DEL, message: /20231231 is before the effective date 20240101/ },
  { name: 'modifier indicator 7', text: withRows(row('64493', '77003', '', '20100101', '*', '7', R)), row: 7, column: MOD, message: /^Row 7, column 'Modifier 0=not allowed 1=allowed 9=not applicable': '7' is not a modifier indicator; expected 0/ },
  { name: 'modifier indicator 01', text: withRows(row('64493', '77003', '', '20100101', '*', '01', R)), row: 7, column: MOD, message: /'01' is not a modifier indicator/ },
  { name: 'an empty modifier indicator', text: withRows(row('64493', '77003', '', '20100101', '*', '', R)), row: 7, column: MOD, message: /\(empty\) is not a modifier indicator/ },
  { name: 'a file over maxBytes', text: F1, maxBytes: 500, row: 0, message: /too large: \d+ characters, over the limit of 500/ },
  { name: 'a CSV of another kind', text: fixture('other-file.csv'), row: 0, message: /No practitioner PTP header row/ },
  { name: 'an MUE file', text: fixture('mue-practitioner-2026q4.csv'), row: 0, message: /No practitioner PTP header row/ },
  { name: 'an unterminated quote', text: withRows(OK_ROW, row('64494', '77003', '', '20100101', '*', '0', '"Misuse of'), OK_ROW), row: 8, message: /^Row 8: a quoted value \(value 7\) starts here but its closing '"' is missing/ },
  { name: 'a comma-separated row in a tab file', text: withRows(OK_ROW, '64494,77003,,20100101,*,0,x'), row: 8, message: /this row has 1 value but the header \(row 3\) has 7 columns.*tabs/ },
  { name: 'a row cut short', text: withRows(row('64494', '77003', '', '20100101')), row: 7, message: /this row has 4 values but the header \(row 3\) has 7 columns/ },
  { name: 'a value beyond the last column', text: withRows(`${OK_ROW}\t\tstray`), row: 7, message: /value in position 9, beyond the header's 7 columns: 'stray'/ },
  { name: 'a notice row after the data started', text: withRows(OK_ROW, 'CPT only copyright 2024 American Medical Association.\t\t\t\t\t\t', OK_ROW), row: 8, column: C1, message: /'CPT only copyright 2024 American Medical…' is not a HCPCS/ },
  { name: 'a quarter written Q4 2026', text: F1, meta: { quarter: 'Q4 2026', effectiveFrom: '2026-10-01' }, row: 0, message: /Metadata 'quarter'/ },
  { name: 'an effectiveTo that is not a date', text: F1, meta: { ...META, effectiveTo: '31/12/2026' }, row: 0, message: /Metadata 'effectiveTo' must be a real date/ },
]

describe('parsePtpFile rejects a bad file whole, saying where', () => {
  it('has at least twenty distinct rejection cases', () => {
    expect(rejects.length).toBeGreaterThanOrEqual(20)
  })

  it.each(rejects)('rejects $name', ({ text, meta, maxBytes, row: at, column, message }) => {
    const result = parsePtpFile(text, meta ?? META, maxBytes === undefined ? {} : { maxBytes })
    expect(result.ok).toBe(false)
    expect(result).not.toHaveProperty('table')
    if (result.ok) return
    const [first] = result.errors
    expect(first?.row).toBe(at)
    expect(first?.column).toBe(column)
    expect(first?.message).toMatch(message)
  })

  it('reports every bad row of the malformed fixture, each at its physical line', () => {
    const result = parsePtpFile(fixture('ptp-malformed-rows.txt'), META)
    expect(result.ok === false && result.errors.map((e) => [e.row, e.column])).toEqual([
      [8, C2],
      [9, EFF],
      [10, DEL],
      [11, MOD],
    ])
  })

  it('reports several faults of one row separately', () => {
    const result = parsePtpFile(withRows(row('X', 'Y', '', '2025', '*', '5', R)), META)
    expect(result.ok === false && result.errors.map((e) => e.column)).toEqual([C1, C2, EFF, MOD])
  })
})

describe('mergePtpTables joins the parts of one quarter', () => {
  const f1 = table(parsePtpFile(F1, META))
  const f2 = table(parsePtpFile(F2, META))

  it('returns one table holding the edits of every part', () => {
    const merged = mergePtpTables([f1, f2])
    expect(merged.ok && merged.warnings).toEqual([])
    expect(allEdits(table(merged))).toEqual([...allEdits(f1), ...allEdits(f2)])
    expect(table(merged)).toMatchObject({ kind: 'ptp-practitioner', quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: null })
  })

  it('leaves its inputs unchanged', () => {
    const before = allEdits(f1).length
    mergePtpTables([f1, f1])
    expect(allEdits(f1)).toHaveLength(before)
  })

  it('warns when the same column 1 codes appear in two parts', () => {
    const merged = mergePtpTables([f1, f1])
    expect(merged.ok && merged.warnings).toEqual([expect.stringMatching(/^16 column 1 codes appear in more than one part/)])
  })

  it.each([
    ['parts of different quarters', [f1, table(parsePtpFile(F2, { quarter: '2027Q1', effectiveFrom: '2027-01-01' }))], /Table 2 is for quarter 2027Q1 but table 1 is for 2026Q4/],
    ['parts with different dates', [f1, table(parsePtpFile(F2, { ...META, effectiveTo: '2026-12-31' }))], /Table 2 is effective 2026-10-01 to 2026-12-31 but table 1 is effective 2026-10-01 to \(open\)/],
    ['no parts at all', [], /no PTP tables to merge/],
  ] as const)('refuses %s', (_label, tables, message) => {
    const merged = mergePtpTables(tables)
    expect(merged.ok === false && merged.errors.map((e) => [e.row, message.test(e.message)])).toEqual([[0, true]])
  })
})

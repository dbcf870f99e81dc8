import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseMueFile } from './parse-mue.ts'
import type { MueTable, ParseResult } from './types.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

const GOOD = fixture('mue-practitioner-2026q4.csv')
/** Notice (lines 1-7) and header (lines 8-9) of the good fixture; rows appended start on line 10. */
const PREFIX = GOOD.slice(0, GOOD.indexOf('0213T,'))
const META = { quarter: '2026Q4', effectiveFrom: '2026-10-01' }
const OK_ROW = '64493,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction'

const withRows = (...rows: string[]) => PREFIX + rows.join('\n') + '\n'

function table(result: ParseResult<MueTable>): MueTable {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
  return result.table
}

describe('parseMueFile reads the CMS practitioner MUE layout', () => {
  const result = parseMueFile(GOOD, META)

  it('reads every data row after the multi-line notice and wrapped header, with no warnings', () => {
    expect(result.ok).toBe(true)
    expect(table(result).entries.size).toBe(31)
    expect(result.ok && result.warnings).toEqual([])
  })

  it.each([
    ['64494', 1, 2, 'Code Descriptor / CPT Instruction'],
    ['64480', 4, 3, 'Clinical: Data'],
    ['62323', 1, 2, 'Code Descriptor / CPT Instruction'],
    ['0213T', 1, 2, 'Code Descriptor / CPT Instruction'],
    ['J3301', 16, 1, 'Prescribing Information'],
  ])('reads %s as %i units with MAI %i and its rationale', (code, value, mai, rationale) => {
    expect(table(result).entries.get(code)).toEqual({ code, value, mai, rationale })
  })

  it('takes the MAI digit from "2 Date of Service Edit: Policy"', () => {
    const only = table(parseMueFile(withRows(OK_ROW), META))
    expect(only.entries.get('64493')?.mai).toBe(2)
  })

  it('carries the quarter and effective dates from meta onto the table', () => {
    expect(table(result)).toMatchObject({ kind: 'mue-practitioner', quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: null })
    const closed = table(parseMueFile(GOOD, { ...META, effectiveTo: '2026-12-31' }))
    expect(closed.effectiveTo).toBe('2026-12-31')
  })
})

describe('parseMueFile tolerates what CMS files and their copies do', () => {
  const entriesOf = (text: string) => [...table(parseMueFile(text, META)).entries.values()]
  const expected = entriesOf(GOOD)

  it.each([
    ['CRLF line endings', GOOD.replaceAll('\n', '\r\n')],
    ['a UTF-8 byte-order mark', `\uFEFF${GOOD}`],
    ['blank lines between and after rows', GOOD.replace('0214T,', '\n\n0214T,') + '\n\n   \n'],
    ['trailing empty columns', GOOD.replaceAll('Instruction\n', 'Instruction,,\n')],
    ['every field quoted', GOOD.split('\n').map((l) => (/^[0-9A-Z]{5},/.test(l) ? l.split(',').map((f) => `"${f}"`).join(',') : l)).join('\n')],
    ['a tab-delimited copy', GOOD.replaceAll(',', '\t')],
    ['a pipe-delimited copy', GOOD.replaceAll(',', '|')],
    ['a one-line header in other case and spacing', GOOD.replace('"HCPCS/\nCPT Code",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale', 'hcpcs / cpt code ,PRACTITIONER SERVICES  MUE VALUES,Mue Adjudication Indicator,mue rationale') + '\n'],
  ])('reads the same entries with %s', (_label, text) => {
    expect(entriesOf(text)).toEqual(expected)
  })

  it('finds the header row by name, not position, so reordered columns read the same', () => {
    const text = PREFIX.replace(
      '"HCPCS/\nCPT Code",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale',
      'MUE Rationale,MUE Adjudication Indicator,"HCPCS/\nCPT Code",Practitioner Services MUE Values',
    ) + 'Anatomic Consideration,3 Date of Service Edit: Clinical,64484,4\n'
    expect(entriesOf(text)).toEqual([{ code: '64484', value: 4, mai: 3, rationale: 'Anatomic Consideration' }])
  })

  it('keeps commas and doubled quotes inside a quoted rationale', () => {
    const text = withRows('64493,1,2 Date of Service Edit: Policy,"Nature of Service, ""per session"""')
    expect(entriesOf(text)[0]?.rationale).toBe('Nature of Service, "per session"')
  })

  it('accepts a bare MAI digit and a zero MUE', () => {
    expect(entriesOf(withRows('J3301,0,3,Prescribing Information'))).toEqual([
      { code: 'J3301', value: 0, mai: 3, rationale: 'Prescribing Information' },
    ])
  })

  it('skips an identical notice and header repeated mid-file (parts joined end to end) and says so', () => {
    const joined = withRows(OK_ROW) + withRows('64494,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction')
    const result = parseMueFile(joined, META)
    expect([...table(result).entries.keys()]).toEqual(['64493', '64494'])
    expect(result.ok && result.warnings.join(' ')).toMatch(/Skipped 2 rows repeating the notice or header/)
  })

  it('leaves rationales empty, with a warning, when the file has no rationale column', () => {
    const result = parseMueFile('HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator\n64493,1,2\n', META)
    expect(table(result).entries.get('64493')?.rationale).toBe('')
    expect(result.ok && result.warnings.join(' ')).toMatch(/no 'MUE Rationale' column/)
  })

  it('warns, but uses the digit, when an MAI description contradicts it', () => {
    const result = parseMueFile(withRows('64493,1,3 Line Edit,Clinical: Data'), META)
    expect(table(result).entries.get('64493')?.mai).toBe(3)
    expect(result.ok && result.warnings).toEqual([expect.stringMatching(/^Row 10: MAI '3 Line Edit'/)])
  })

  it('warns when effectiveFrom lies outside the quarter', () => {
    const result = parseMueFile(GOOD, { quarter: '2026Q4', effectiveFrom: '2026-07-01' })
    expect(result.ok && result.warnings).toEqual([expect.stringMatching(/outside quarter 2026Q4/)])
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

const CODE = 'HCPCS/CPT Code'
const VALUE = 'Practitioner Services MUE Values'
const MAI = 'MUE Adjudication Indicator'

const rejects: RejectCase[] = [
  { name: 'an empty file', text: '', row: 0, message: /^The file is empty\.$/ },
  { name: 'a whitespace-only file', text: '  \r\n\t\n \n', row: 0, message: /only blank space/ },
  { name: 'binary junk with NUL bytes', text: '\u0000\u0013\u0099binary\u0000\u0007', row: 0, message: /NUL bytes/ },
  { name: 'the zip itself', text: 'PK\u0003\u0004\u0014\u0000\u0006\u0000', row: 0, message: /ZIP archive.*unzip/ },
  { name: 'control-character junk', text: '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f'.repeat(20), row: 0, message: /control characters/ },
  { name: 'a header with no data rows', text: PREFIX, row: 8, message: /^Row 8: the practitioner MUE header is here but no data rows follow it\.$/ },
  { name: 'a notice with no header', text: GOOD.slice(0, GOOD.indexOf('"HCPCS')), row: 0, message: /No practitioner MUE header row/ },
  { name: 'a header missing the MAI column', text: `${CODE},${VALUE},MUE Rationale\n64493,1,Code Descriptor\n`, row: 1, message: /missing the required column 'MUE Adjudication Indicator'/ },
  { name: 'a header with two MAI columns', text: `${CODE},${VALUE},${MAI},MUE Adjudication Indicator (old)\n64493,1,2,2\n`, row: 1, message: /two columns that look like 'MUE Adjudication Indicator'/ },
  { name: 'the outpatient hospital table', text: `${CODE},Outpatient Hospital Services MUE Values,${MAI},MUE Rationale\n${OK_ROW}\n`, row: 1, message: /not the practitioner MUE table/ },
  { name: 'a 4-character code', text: withRows('6449,1,2,Anatomic Consideration'), row: 10, column: CODE, message: /^Row 10, column 'HCPCS\/CPT Code': '6449' is not a HCPCS\/CPT code/ },
  { name: 'a lower-case HCPCS code', text: withRows('j3301,1,2,Anatomic Consideration'), row: 10, column: CODE, message: /'j3301' is not a HCPCS\/CPT code/ },
  { name: 'a code of letters', text: withRows('ABCDE,1,2,Anatomic Consideration'), row: 10, column: CODE, message: /'ABCDE' is not/ },
  { name: 'a letter, three digits and a letter', text: withRows('J330A,1,2,Anatomic Consideration'), row: 10, column: CODE, message: /'J330A' is not/ },
  { name: 'an empty code', text: withRows(',1,2,Anatomic Consideration'), row: 10, column: CODE, message: /\(empty\) is not a HCPCS/ },
  { name: 'MAI 5', text: withRows('64493,1,5 Date of Service Edit: Policy,Anatomic Consideration'), row: 10, column: MAI, message: /'5 Date of Service Edit: Policy' is not an MUE Adjudication Indicator; expected 1, 2 or 3/ },
  { name: 'MAI 12', text: withRows('64493,1,12,Anatomic Consideration'), row: 10, column: MAI, message: /'12' is not an MUE Adjudication Indicator/ },
  { name: 'an empty MAI', text: withRows('64493,1,,Anatomic Consideration'), row: 10, column: MAI, message: /\(empty\) is not an MUE Adjudication Indicator/ },
  { name: 'a negative MUE', text: withRows('64493,-1,2,Anatomic Consideration'), row: 10, column: VALUE, message: /'-1' is negative/ },
  { name: 'a non-integer MUE', text: withRows('64493,1.5,2,Anatomic Consideration'), row: 10, column: VALUE, message: /'1\.5' is not a whole number/ },
  { name: 'a word for an MUE', text: withRows('64493,abc,2,Anatomic Consideration'), row: 10, column: VALUE, message: /^Row 10, column 'Practitioner Services MUE Values': 'abc' is not a whole number\.$/ },
  { name: 'an empty MUE', text: withRows('64493,,2,Anatomic Consideration'), row: 10, column: VALUE, message: /value is empty/ },
  { name: 'an absurd MUE', text: withRows('64493,12345678,2,Anatomic Consideration'), row: 10, column: VALUE, message: /too large/ },
  { name: 'a code listed twice with conflicting values', text: withRows(OK_ROW, '64493,2,3 Date of Service Edit: Clinical,Clinical: Data'), row: 11, column: CODE, message: /64493 is listed again with different values \(row 10: 1 unit, MAI 2; here: 2 units, MAI 3\)/ },
  { name: 'a code listed twice identically', text: withRows(OK_ROW, OK_ROW), row: 11, column: CODE, message: /64493 is listed again \(first on row 10\)/ },
  { name: 'a file over maxBytes', text: GOOD, maxBytes: 1000, row: 0, message: /too large: \d+ characters, over the limit of 1000/ },
  { name: 'a CSV of another kind', text: fixture('other-file.csv'), row: 0, message: /No practitioner MUE header row/ },
  { name: 'a PTP file', text: fixture('ptp-practitioner-2026q4-f1.txt'), row: 0, message: /No practitioner MUE header row/ },
  { name: 'an unterminated quote', text: withRows(OK_ROW, '64494,1,"2 Date of Service Edit: Policy,Anatomic', '64495,1,2,Anatomic'), row: 11, message: /^Row 11: a quoted value \(value 3\) starts here but its closing '"' is missing/ },
  { name: 'text after a closing quote', text: withRows('"64493"x,1,2,Anatomic'), row: 10, message: /unexpected text after the closing '"'/ },
  { name: 'a tab-delimited row in a comma file', text: withRows(OK_ROW, '64494\t1\t2\tAnatomic'), row: 11, message: /this row has 1 value but the header \(row 8\) has 4 columns.*commas/ },
  { name: 'a value beyond the last column', text: withRows(`${OK_ROW},extra`), row: 10, message: /beyond the header's 4 columns: 'extra'/ },
  { name: 'another header mid-file', text: withRows(OK_ROW, 'Column 1,Column 2,Effective Date,Deletion Date', '64494,1,2,Anatomic'), row: 11, column: CODE, message: /'Column 1' is not a HCPCS/ },
  { name: 'a quarter written 2026-Q4', text: GOOD, meta: { quarter: '2026-Q4', effectiveFrom: '2026-10-01' }, row: 0, message: /^Metadata 'quarter' must be a quarter written like 2026Q4 \(got "2026-Q4"\)\.$/ },
  { name: 'an effectiveFrom that is not a date', text: GOOD, meta: { quarter: '2026Q4', effectiveFrom: '2026-02-30' }, row: 0, message: /Metadata 'effectiveFrom' must be a real date/ },
  { name: 'an effectiveTo before effectiveFrom', text: GOOD, meta: { ...META, effectiveTo: '2026-09-30' }, row: 0, message: /Metadata 'effectiveTo' must not be before effectiveFrom/ },
]

describe('parseMueFile rejects a bad file whole, saying where', () => {
  it('has at least twenty distinct rejection cases', () => {
    expect(rejects.length).toBeGreaterThanOrEqual(20)
  })

  it.each(rejects)('rejects $name', ({ text, meta, maxBytes, row, column, message }) => {
    const result = parseMueFile(text, meta ?? META, maxBytes === undefined ? {} : { maxBytes })
    expect(result.ok).toBe(false)
    expect(result).not.toHaveProperty('table')
    if (result.ok) return
    const [first] = result.errors
    expect(first?.row).toBe(row)
    expect(first?.column).toBe(column)
    expect(first?.message).toMatch(message)
  })

  it('reports every bad row of the malformed fixture, each at its physical line', () => {
    const result = parseMueFile(fixture('mue-malformed-values.csv'), META)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [11, CODE],
      [12, VALUE],
      [13, MAI],
      [14, VALUE],
      [15, VALUE],
      [16, CODE],
    ])
  })

  it('caps the error list at 100 and counts the rest', () => {
    const rows = Array.from({ length: 130 }, (_, i) => `BAD${i},1,2,Anatomic`)
    const result = parseMueFile(withRows(...rows), META)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toHaveLength(101)
    expect(result.errors[100]).toEqual({ row: 110, message: '…and 30 more errors.' })
  })

  it('checks the size before reading anything else', () => {
    const result = parseMueFile('\u0000'.repeat(50), META, { maxBytes: 10 })
    expect(result.ok === false && result.errors.map((e) => [e.row, /too large/.test(e.message)])).toEqual([[0, true]])
  })
})

import { describe, expect, it } from 'vitest'
import { ErrorList, READ_END, READ_ERROR, READ_RECORD, RecordReader, findTextProblem } from './delimited.ts'

function readAll(text: string, delimiter = ',') {
  const reader = new RecordReader(text, delimiter)
  const out: { line: number; fields: string[] }[] = []
  for (;;) {
    const status = reader.next()
    if (status === READ_END) return { records: out, error: null }
    if (status === READ_ERROR) return { records: out, error: { line: reader.line, message: reader.errorMessage } }
    expect(status).toBe(READ_RECORD)
    out.push({ line: reader.line, fields: reader.fields })
  }
}

describe('RecordReader follows RFC 4180 and counts physical lines', () => {
  it.each([
    ['plain rows', 'a,b\nc,d\n', [[1, ['a', 'b']], [2, ['c', 'd']]]],
    ['no final newline', 'a,b\nc,d', [[1, ['a', 'b']], [2, ['c', 'd']]]],
    ['CRLF', 'a,b\r\nc,d\r\n', [[1, ['a', 'b']], [2, ['c', 'd']]]],
    ['a trailing delimiter', 'a,b,\n', [[1, ['a', 'b', '']]]],
    ['a blank line', 'a\n\nb\n', [[1, ['a']], [2, ['']], [3, ['b']]]],
    ['quoted commas', '"a,1",b\n', [[1, ['a,1', 'b']]]],
    ['doubled quotes', '"say ""hi""",b\n', [[1, ['say "hi"', 'b']]]],
    ['an empty quoted value', '"",b\n', [[1, ['', 'b']]]],
    ['a quoted line break, then the next record on its own line', '"HCPCS/\r\nCPT Code",x\r\nnext,y\r\n', [[1, ['HCPCS/\r\nCPT Code', 'x']], [3, ['next', 'y']]]],
    ['a quoted value with blank lines inside', '"a\n\nb\n\nc",,,\nz\n', [[1, ['a\n\nb\n\nc', '', '', '']], [6, ['z']]]],
    ['a literal quote inside an unquoted value', '5" needle,b\n', [[1, ['5" needle', 'b']]]],
    ['a quoted last value at the end of the text', 'a,"b"', [[1, ['a', 'b']]]],
    ['spaces after a closing quote', '"a"  ,b\n', [[1, ['a', 'b']]]],
  ] as const)('reads %s', (_label, text, expected) => {
    const { records, error } = readAll(text)
    expect(error).toBeNull()
    expect(records.map((r) => [r.line, r.fields])).toEqual(expected)
  })

  it('splits on tabs and pipes too', () => {
    expect(readAll('a\t"b\tc"\n', '\t').records[0]?.fields).toEqual(['a', 'b\tc'])
    expect(readAll('a|b|\n', '|').records[0]?.fields).toEqual(['a', 'b', ''])
  })

  it('reports a quote that never closes at the line it opens on', () => {
    const { error } = readAll('a,b\nc,"d\ne\nf\n')
    expect(error?.line).toBe(2)
    expect(error?.message).toMatch(/^Row 2: a quoted value \(value 2\) starts here/)
  })

  it('reports text after a closing quote', () => {
    const { error } = readAll('a\n"b"c,d\n')
    expect(error?.line).toBe(2)
    expect(error?.message).toMatch(/^Row 2: unexpected text after the closing/)
  })

  it('keeps counting lines after a quoted line break in an earlier record', () => {
    const { records } = readAll('"a\nb",1\nplain,2\n"c\nd\ne",3\nlast,4\n')
    expect(records.map((r) => r.line)).toEqual([1, 3, 4, 7])
  })
})

describe('findTextProblem', () => {
  it('lets a CP-1252 notice read as UTF-8 (a few U+FFFD) through', () => {
    expect(findTextProblem('"CPT\uFFFD is a trademark",,,\nHCPCS/CPT Code,x\n', 1000)).toBeNull()
  })

  it('checks the size first', () => {
    expect(findTextProblem('abc', 2)).toMatch(/too large: 3 characters, over the limit of 2/)
  })
})

describe('ErrorList', () => {
  it('keeps the first hundred errors and counts the rest in one closing entry', () => {
    const errors = new ErrorList()
    for (let i = 1; i <= 102; i++) errors.row(i, 'bad')
    const list = errors.toArray()
    expect(errors.count).toBe(102)
    expect(list).toHaveLength(101)
    expect(list[99]).toEqual({ row: 100, message: 'Row 100: bad' })
    expect(list[100]).toEqual({ row: 101, message: '…and 2 more errors.' })
  })

  it('names the column of a cell error', () => {
    const errors = new ErrorList()
    errors.cell(14, 'MUE Value', "'abc' is not a whole number.")
    expect(errors.toArray()).toEqual([{ row: 14, column: 'MUE Value', message: "Row 14, column 'MUE Value': 'abc' is not a whole number." }])
  })
})

import type { NcciParseError } from './types.ts'
import { showValue } from './field-rules.ts'

/**
 * Delimited-text reading shared by the NCCI parsers: an RFC 4180 record reader that walks
 * the text with indexOf (no split of the whole file, no backtracking regexes), and a table
 * driver that skips CMS's notice rows, finds the header by its column names, merges a
 * header wrapped over several rows, and hands each data row to the caller.
 */

export const DEFAULT_MAX_BYTES = 60 * 1024 * 1024
/** CMS puts a handful of notice rows before the header; a header further down is not a CMS file. */
const HEADER_SEARCH_LIMIT = 100
/** The practitioner PTP text file wraps its header over four rows; allow a little more. */
const MAX_CONTINUATION_ROWS = 5
const MAX_ERRORS = 100
const DELIMITERS = [',', '\t', '|'] as const
export type Delimiter = (typeof DELIMITERS)[number]

const QUOTE = 34
const LF = 10
const CR = 13

export const READ_RECORD = 1
export const READ_END = 0
export const READ_ERROR = -1

/**
 * Reads one record at a time. A record is one physical line unless a quoted value spans
 * lines. `line` is the 1-based physical line the record starts on.
 */
export class RecordReader {
  fields: string[] = []
  line = 0
  errorMessage = ''
  /** True when the error is a quote that never closes (as opposed to junk after a quote). */
  errorIsUnterminated = false
  private readonly text: string
  private readonly delimiter: string
  private readonly delimiterCode: number
  private pos: number
  private nextLine = 1
  /** Position of the next '"' at or after pos; cached so unquoted files cost one scan in total. */
  private nextQuote = -2

  constructor(text: string, delimiter: string, start = 0) {
    this.text = text
    this.delimiter = delimiter
    this.delimiterCode = delimiter.charCodeAt(0)
    this.pos = start
  }

  /** Reads the next record into `fields` and `line`; on READ_ERROR, `errorMessage` says what broke. */
  next(): typeof READ_RECORD | typeof READ_END | typeof READ_ERROR {
    const text = this.text
    const len = text.length
    if (this.pos >= len) return READ_END
    this.line = this.nextLine
    const newline = text.indexOf('\n', this.pos)
    const lineEnd = newline === -1 ? len : newline
    if (this.nextQuote !== -1 && this.nextQuote < this.pos) this.nextQuote = text.indexOf('"', this.pos)
    if (this.nextQuote === -1 || this.nextQuote >= lineEnd) {
      let end = lineEnd
      if (end > this.pos && text.charCodeAt(end - 1) === CR) end--
      this.fields = text.slice(this.pos, end).split(this.delimiter)
      this.pos = lineEnd + 1
      this.nextLine++
      return READ_RECORD
    }
    return this.readWithQuotes()
  }

  /** The slow path, only for lines that contain a '"'. */
  private readWithQuotes(): typeof READ_RECORD | typeof READ_ERROR {
    const text = this.text
    const len = text.length
    const fields: string[] = []
    let p = this.pos
    for (;;) {
      if (p < len && text.charCodeAt(p) === QUOTE) {
        const openedOn = this.nextLine
        let value = ''
        let segment = p + 1
        let q = p + 1
        for (;;) {
          const close = text.indexOf('"', q)
          if (close === -1) {
            this.errorIsUnterminated = true
            this.errorMessage =
              `Row ${openedOn}: a quoted value (value ${fields.length + 1}) starts here but its closing '"' is missing, ` +
              'so the rest of the file cannot be read.'
            this.line = openedOn
            return READ_ERROR
          }
          for (let n = text.indexOf('\n', q); n !== -1 && n < close; n = text.indexOf('\n', n + 1)) this.nextLine++
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(segment, close + 1)
            q = close + 2
            segment = q
            continue
          }
          value += text.slice(segment, close)
          p = close + 1
          break
        }
        while (p < len && text.charCodeAt(p) === 32 && this.delimiterCode !== 32) p++
        fields.push(value)
        if (p >= len) break
        const c = text.charCodeAt(p)
        if (c === this.delimiterCode) {
          p++
          continue
        }
        if (c === LF) {
          p++
          this.nextLine++
          break
        }
        if (c === CR && (p + 1 >= len || text.charCodeAt(p + 1) === LF)) {
          p += p + 1 >= len ? 1 : 2
          this.nextLine++
          break
        }
        this.errorIsUnterminated = false
        this.errorMessage =
          `Row ${this.nextLine}: unexpected text after the closing '"' of value ${fields.length}; ` +
          'a quote inside a quoted value must be doubled ("").'
        this.line = this.nextLine
        return READ_ERROR
      }
      // An unquoted value; a '"' inside it is kept as a literal character, as spreadsheets write them.
      let e = p
      while (e < len) {
        const c = text.charCodeAt(e)
        if (c === this.delimiterCode || c === LF) break
        e++
      }
      let end = e
      if ((e >= len || text.charCodeAt(e) === LF) && end > p && text.charCodeAt(end - 1) === CR) end--
      fields.push(text.slice(p, end))
      if (e >= len) {
        p = len
        break
      }
      if (text.charCodeAt(e) === this.delimiterCode) {
        p = e + 1
        continue
      }
      p = e + 1
      this.nextLine++
      break
    }
    this.pos = p
    this.fields = fields
    return READ_RECORD
  }
}

/** Collects errors up to a cap and counts the rest, so a wholly wrong file still answers fast and short. */
export class ErrorList {
  private readonly list: NcciParseError[] = []
  private overflow = 0
  private firstOverflowRow = 0

  get count(): number {
    return this.list.length + this.overflow
  }

  /** Records a fully worded message; past the cap it is only counted. */
  add(row: number, message: string, column?: string): void {
    if (this.list.length < MAX_ERRORS) {
      this.list.push(column === undefined ? { row, message } : { row, column, message })
      return
    }
    if (this.overflow === 0) this.firstOverflowRow = row
    this.overflow++
  }

  /** A problem with one value: "Row 14, column 'MUE Value': ...". */
  cell(row: number, column: string, detail: string): void {
    this.add(row, `Row ${row}, column '${column}': ${detail}`, column)
  }

  /** A problem with a whole row: "Row 14: ...". */
  row(row: number, detail: string): void {
    this.add(row, `Row ${row}: ${detail}`)
  }

  /** A problem with the file as a whole or its metadata. */
  file(message: string): void {
    this.add(0, message)
  }

  /** The kept errors, closed by an "…and N more errors." entry when some were only counted. */
  toArray(): NcciParseError[] {
    if (this.overflow === 0) return [...this.list]
    const noun = this.overflow === 1 ? 'error' : 'errors'
    return [...this.list, { row: this.firstOverflowRow, message: `…and ${this.overflow} more ${noun}.` }]
  }
}

/** What to tell the user when a file is too large or zipped: it differs by download. */
export interface FileAdvice {
  size: string
  zip: string
}

const NCCI_ADVICE: FileAdvice = {
  size: 'A CMS NCCI file part is well under 60 MB.',
  zip: 'unzip it and load the .csv (MUE) or .txt (PTP) file inside.',
}

/**
 * Why the text cannot be a CMS text table at all, or null. Checks the length before
 * anything else so an oversized input fails without being scanned.
 */
export function findTextProblem(text: string, maxBytes: number, advice: FileAdvice = NCCI_ADVICE): string | null {
  if (text.length > maxBytes) {
    return `The file is too large: ${text.length} characters, over the limit of ${maxBytes} (maxBytes). ${advice.size}`
  }
  if (text.length === 0) return 'The file is empty.'
  let i = 0
  while (i < text.length && isWhitespace(text.charCodeAt(i))) i++
  if (i === text.length) return 'The file holds only blank space.'
  if (text.startsWith('PK\u0003\u0004')) {
    return `This is a ZIP archive (CMS ships its downloads zipped, and .xlsx files are ZIPs too): ${advice.zip}`
  }
  if (text.indexOf('\u0000') !== -1) return 'The file contains NUL bytes: it is binary data, not a CSV or text table.'
  const sample = Math.min(text.length, 65_536)
  let junk = 0
  for (let k = 0; k < sample; k++) {
    const c = text.charCodeAt(k)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 127 || c === 0xfffd) junk++
  }
  // A CP-1252 file read as UTF-8 shows a few U+FFFD for the "®" in the AMA notice; binary shows many.
  if (junk > 8 && junk * 100 > sample) {
    return 'The file is mostly control characters: it is binary data, not a CSV or text table.'
  }
  return null
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff
}

export interface ColumnSpec<K extends string> {
  key: K
  /** The name CMS gives the column, used when it is missing. */
  label: string
  required: boolean
  /** Tested against a header cell lower-cased with every space removed ("column1", "hcpcs/cptcode"). */
  matches: (squashed: string) => boolean
}

export interface TableSpec<K extends string> {
  /** The kind of file, for messages ("practitioner MUE"). */
  what: string
  columns: readonly ColumnSpec<K>[]
  /**
   * Columns that hold a code in every data row. The first must be in a row for it to be
   * taken as the header; all are blank in the rows a wrapped header continues on.
   */
  codeColumns: readonly K[]
  /** Refuses a header that is well formed but belongs to a sibling file; returns why, or null. */
  vetHeader?: (names: Readonly<Record<K, string>>) => string | null
  /** What to say of a file too large or zipped (the NCCI tables' advice unless given). */
  advice?: FileAdvice
}

export interface TableLayout<K extends string> {
  /** Cell index of each column, -1 for an optional column the file does not have. */
  index: Record<K, number>
  /** Header name as written in the file (wrapped parts joined), for messages. */
  name: Record<K, string>
  headerLine: number
}

export type RowHandler<K extends string> = (cells: readonly string[], line: number, layout: TableLayout<K>) => void

function squash(cell: string): string {
  return cell.toLowerCase().replace(/\s+/g, '')
}

function toDisplayName(cell: string): string {
  return cell.replace(/\s+/g, ' ').trim().replace(/ ?\/ ?/g, '/')
}

function isBlankRecord(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false
  return true
}

/** Which cells of a row name which columns; a cell that fits two columns names neither. */
function matchColumns<K extends string>(cells: readonly string[], spec: TableSpec<K>): Map<K, number[]> {
  const found = new Map<K, number[]>()
  const limit = Math.min(cells.length, 50)
  for (let i = 0; i < limit; i++) {
    const s = squash(cells[i] ?? '')
    // Long cells are notice text that happens to mention a column name, never a header.
    if (s.length === 0 || s.length > 80) continue
    let hit: K | null = null
    let hits = 0
    for (const column of spec.columns) {
      if (column.matches(s)) {
        hit = column.key
        hits++
      }
    }
    if (hits !== 1 || hit === null) continue
    const list = found.get(hit)
    if (list) list.push(i)
    else found.set(hit, [i])
  }
  return found
}

function isHeaderCandidate<K extends string>(found: Map<K, number[]>, spec: TableSpec<K>): boolean {
  const lead = spec.codeColumns[0]
  return lead !== undefined && found.has(lead) && found.size >= 2
}

type HeaderSearch =
  | { found: true; delimiter: Delimiter; line: number }
  | { found: false; unterminated: string | null }

/**
 * Tries each delimiter on the first rows and keeps the one under which a row reads as the
 * header with the most recognised columns, so the delimiter comes from the header row
 * itself rather than from counting characters in notice text.
 */
function searchHeader<K extends string>(text: string, start: number, spec: TableSpec<K>): HeaderSearch {
  let best: { delimiter: Delimiter; line: number; score: number } | null = null
  let unterminated: string | null = null
  for (const delimiter of DELIMITERS) {
    const reader = new RecordReader(text, delimiter, start)
    for (let seen = 0; seen < HEADER_SEARCH_LIMIT; ) {
      const status = reader.next()
      if (status === READ_END) break
      if (status === READ_ERROR) {
        if (reader.errorIsUnterminated && unterminated === null) unterminated = reader.errorMessage
        break
      }
      if (isBlankRecord(reader.fields)) continue
      seen++
      const found = matchColumns(reader.fields, spec)
      if (!isHeaderCandidate(found, spec)) continue
      if (best === null || found.size > best.score || (found.size === best.score && reader.line < best.line)) {
        best = { delimiter, line: reader.line, score: found.size }
      }
      break
    }
  }
  return best ? { found: true, delimiter: best.delimiter, line: best.line } : { found: false, unterminated }
}

function makeRecordKey(cells: readonly string[]): string {
  let end = cells.length
  while (end > 0 && (cells[end - 1] ?? '').trim() === '') end--
  let key = ''
  for (let i = 0; i < end; i++) key += `${(cells[i] ?? '').trim()}\u0001`
  return key
}

function isAllDigits(s: string): boolean {
  if (s.length === 0) return false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

export interface TableReadSummary {
  dataRows: number
  warnings: string[]
}

/**
 * Reads a CMS table: checks the text, finds the header, then calls onRow for every data
 * row with the raw cells. Problems go to `errors`; when `errors.count` is non-zero after
 * the call the caller must not build a table.
 */
export function readDelimitedTable<K extends string>(
  text: string,
  spec: TableSpec<K>,
  maxBytes: number,
  errors: ErrorList,
  onRow: RowHandler<K>,
): TableReadSummary {
  const summary: TableReadSummary = { dataRows: 0, warnings: [] }
  const problem = findTextProblem(text, maxBytes, spec.advice)
  if (problem !== null) {
    errors.file(problem)
    return summary
  }
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const search = searchHeader(text, start, spec)
  if (!search.found) {
    if (search.unterminated !== null) {
      errors.file(`No header row could be read. ${search.unterminated}`)
      return summary
    }
    const labels = spec.columns.filter((c) => c.required).map((c) => `'${c.label}'`).join(', ')
    errors.file(
      `No ${spec.what} header row in the first ${HEADER_SEARCH_LIMIT} rows: expected columns ${labels}, ` +
        'separated by commas, tabs or pipes. This does not look like a CMS ' + spec.what + ' file.',
    )
    return summary
  }

  const reader = new RecordReader(text, search.delimiter, start)
  // Rows before and in the header block. CMS split files joined end to end repeat them; an
  // identical repeat mid-file is skipped, anything else that is not data is an error.
  const repeatable = new Set<string>()
  const repeatableFirstCells = new Set<string>()
  const remember = (cells: readonly string[]) => {
    repeatable.add(makeRecordKey(cells))
    repeatableFirstCells.add((cells[0] ?? '').trim())
  }
  let layout: TableLayout<K> | null = null
  let nameParts: string[][] = []
  let headerWidth = 0
  let neededWidth = 0
  let continuationRows = 0
  let inHeaderBlock = false
  let skippedRepeats = 0

  const finishNames = (current: TableLayout<K>) => {
    for (const column of spec.columns) {
      const i = current.index[column.key]
      if (i >= 0) current.name[column.key] = toDisplayName((nameParts[i] ?? []).join(' ')) || column.label
    }
  }

  for (;;) {
    const status = reader.next()
    if (status === READ_END) break
    if (status === READ_ERROR) {
      errors.add(reader.line, reader.errorMessage)
      return summary
    }
    const cells = reader.fields
    if (isBlankRecord(cells)) continue

    if (layout === null) {
      remember(cells)
      if (reader.line !== search.line) continue
      layout = buildLayout(cells, reader.line, spec, errors)
      if (layout === null) return summary
      nameParts = cells.map((c) => [c.trim()])
      headerWidth = findLastFilled(cells) + 1
      for (const column of spec.columns) {
        if (column.required) neededWidth = Math.max(neededWidth, layout.index[column.key] + 1)
        else if (layout.index[column.key] < 0) {
          summary.warnings.push(`The file has no '${column.label}' column; that field is left empty.`)
        }
      }
      inHeaderBlock = true
      continue
    }

    if (inHeaderBlock) {
      if (continuationRows < MAX_CONTINUATION_ROWS && isContinuationRow(cells, layout, spec)) {
        remember(cells)
        for (let i = 0; i < nameParts.length && i < cells.length; i++) {
          const part = (cells[i] ?? '').trim()
          if (part !== '') nameParts[i]?.push(part)
        }
        continuationRows++
        continue
      }
      finishNames(layout)
      inHeaderBlock = false
    }

    if (repeatableFirstCells.has((cells[0] ?? '').trim()) && repeatable.has(makeRecordKey(cells))) {
      skippedRepeats++
      continue
    }
    if (cells.length < neededWidth) {
      errors.row(
        reader.line,
        `this row has ${cells.length} value${cells.length === 1 ? '' : 's'} but the header (row ${layout.headerLine}) has ` +
          `${headerWidth} columns. Is the row cut short, or separated by a different delimiter than the header ` +
          `(${describeDelimiter(search.delimiter)})?`,
      )
      continue
    }
    if (cells.length > headerWidth) {
      const extra = findFirstFilled(cells, headerWidth)
      if (extra >= 0) {
        errors.row(
          reader.line,
          `this row has a value in position ${extra + 1}, beyond the header's ${headerWidth} columns: ` +
            `${showValue((cells[extra] ?? '').trim())}.`,
        )
        continue
      }
    }
    summary.dataRows++
    onRow(cells, reader.line, layout)
  }

  if (layout !== null && inHeaderBlock) finishNames(layout)
  if (layout !== null && summary.dataRows === 0 && errors.count === 0) {
    errors.row(layout.headerLine, `the ${spec.what} header is here but no data rows follow it.`)
  }
  if (skippedRepeats > 0) {
    summary.warnings.push(
      `Skipped ${skippedRepeats} row${skippedRepeats === 1 ? '' : 's'} repeating the notice or header rows ` +
        '(as when CMS file parts are joined end to end).',
    )
  }
  return summary
}

function buildLayout<K extends string>(
  cells: readonly string[],
  line: number,
  spec: TableSpec<K>,
  errors: ErrorList,
): TableLayout<K> | null {
  const found = matchColumns(cells, spec)
  const index = {} as Record<K, number>
  const name = {} as Record<K, string>
  const missing: string[] = []
  for (const column of spec.columns) {
    const at = found.get(column.key) ?? []
    if (at.length > 1) {
      const names = at.map((i) => `'${toDisplayName(cells[i] ?? '')}'`).join(' and ')
      errors.row(line, `the header has two columns that look like '${column.label}': ${names}.`)
    }
    index[column.key] = at[0] ?? -1
    name[column.key] = at[0] === undefined ? column.label : toDisplayName(cells[at[0]] ?? '')
    if (at.length === 0 && column.required) missing.push(`'${column.label}'`)
  }
  if (missing.length > 0) {
    const present = cells.filter((c) => c.trim() !== '').map((c) => `'${toDisplayName(c)}'`).join(', ')
    errors.row(
      line,
      `the ${spec.what} header is missing the required column${missing.length === 1 ? '' : 's'} ` +
        `${missing.join(', ')}. Columns found: ${present}.`,
    )
  }
  if (missing.length === 0 && spec.vetHeader) {
    const refusal = spec.vetHeader(name)
    if (refusal !== null) errors.row(line, refusal)
  }
  return errors.count > 0 ? null : { index, name, headerLine: line }
}

/** A row that carries the rest of a header wrapped over several rows: no codes, no bare numbers. */
function isContinuationRow<K extends string>(cells: readonly string[], layout: TableLayout<K>, spec: TableSpec<K>): boolean {
  for (const key of spec.codeColumns) {
    const i = layout.index[key]
    if (i >= 0 && (cells[i] ?? '').trim() !== '') return false
  }
  for (const cell of cells) if (isAllDigits(cell.trim())) return false
  return true
}

function findLastFilled(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if ((cells[i] ?? '').trim() !== '') return i
  return -1
}

function findFirstFilled(cells: readonly string[], from: number): number {
  for (let i = from; i < cells.length; i++) if ((cells[i] ?? '').trim() !== '') return i
  return -1
}

function describeDelimiter(d: Delimiter): string {
  return d === ',' ? 'commas' : d === '\t' ? 'tabs' : 'pipes'
}

import { lookupCode } from '../index.ts'
import * as ncci from '../ncci/index.ts'
// The project's RFC 4180 reader, error list and text check, shared with the NCCI parsers.
// Only these lower-level pieces fit: readDelimitedTable is CMS-specific (it skips notice
// rows and silently drops repeated header rows, which a history import must report).
import { DEFAULT_MAX_BYTES, ErrorList, findTextProblem, READ_END, READ_ERROR, RecordReader } from '../ncci/delimited.ts'
import { countMapped, detectColumns, squashHeader } from './columns.ts'
import { bestDateFormat, readDate } from './dates.ts'
import { historyRowKey } from './dedupe.ts'
import {
  FIELD_LABELS,
  REQUIRED_FIELDS,
  type ColumnMapping,
  type DateFormat,
  type HistoryParseOptions,
  type HistoryParseResult,
  type ParsedHistoryRow,
} from './types.ts'

export { DEFAULT_MAX_BYTES }

/** Commas first: on a tie the file is most likely a CSV. */
const DELIMITERS = [',', '\t', '|', ';'] as const
type HistoryDelimiter = (typeof DELIMITERS)[number]
/** Report-style exports put a title and a date range above the header; not more than this. */
const HEADER_SEARCH_ROWS = 20
const MAX_MODIFIERS = 4
const MAX_UNITS = 9999
const MAX_PATIENT_LENGTH = 40

const FOOTER = /^(?:grand\s*|sub\s*|report\s*|page\s*|batch\s*)?totals?\b|^(?:record|row|line|charge)s?\s*count\b/i
const MODIFIER_SHAPE = /^[0-9A-Z]{2}$/
const MODIFIER_SPLIT = /[\s,;|/]+/
const UNITS_SHAPE = /^[+-]?\d+(?:\.\d+)?$/
/** "Smith, John", "SMITH,JOHN A", "John Smith": letters only, with a comma or several words. */
const NAME_WITH_COMMA = /^[A-Za-z][A-Za-z'.-]*\s*,\s*[A-Za-z][A-Za-z'. -]*$/
const NAME_WORDS = /^[A-Za-z][A-Za-z'.-]*(?:\s+[A-Za-z][A-Za-z'.-]*)+$/

interface HeaderFound {
  delimiter: HistoryDelimiter
  line: number
  cells: string[]
  rowsAbove: number
}

type HeaderSearch =
  | { found: true; header: HeaderFound }
  | { found: false; firstRow: { line: number; cells: string[] } | null; unterminated: string | null }

function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false
  return true
}

function lastFilled(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if ((cells[i] ?? '').trim() !== '') return i
  return -1
}

function describeDelimiter(d: HistoryDelimiter): string {
  return d === ',' ? 'commas' : d === '\t' ? 'tabs' : d === '|' ? 'pipes' : 'semicolons'
}

/** A value for a message: quoted, control characters flattened, cut at 40 characters. */
export function showValue(raw: string): string {
  if (raw === '') return '(empty)'
  // eslint-disable-next-line no-control-regex
  const flat = raw.slice(0, 41).replace(/[\u0000-\u001f\u007f]/g, ' ')
  return raw.length > 40 ? `'${flat.slice(0, 40)}…'` : `'${flat}'`
}

/**
 * Finds the header: under each delimiter, the first row among the first few whose cells
 * name patient, date of service and code; the delimiter whose header names the most
 * fields wins, the earlier row on a tie. With a user mapping and no such row, the first
 * non-blank row under the delimiter that splits it into the most cells is the header.
 */
function searchHeader(text: string, start: number, haveMapping: boolean): HeaderSearch {
  let best: (HeaderFound & { score: number }) | null = null
  let unterminated: string | null = null
  let widest: HeaderFound | null = null
  for (const delimiter of DELIMITERS) {
    const reader = new RecordReader(text, delimiter, start)
    for (let seen = 0; seen < HEADER_SEARCH_ROWS; ) {
      const status = reader.next()
      if (status === READ_END) break
      if (status === READ_ERROR) {
        if (unterminated === null) unterminated = reader.errorMessage
        break
      }
      if (isBlank(reader.fields)) continue
      if (seen === 0 && (widest === null || reader.fields.length > widest.cells.length)) {
        widest = { delimiter, line: reader.line, cells: [...reader.fields], rowsAbove: 0 }
      }
      seen++
      const detection = detectColumns(reader.fields)
      if (detection.missing.length > 0) continue
      const score = countMapped(detection)
      if (best === null || score > best.score || (score === best.score && reader.line < best.line)) {
        best = { delimiter, line: reader.line, cells: [...reader.fields], rowsAbove: seen - 1, score }
      }
      break
    }
  }
  if (best) return { found: true, header: best }
  if (haveMapping && widest !== null) return { found: true, header: widest }
  return { found: false, firstRow: widest, unterminated }
}

function columnName(header: readonly string[], index: number, fallback: string): string {
  const name = (header[index] ?? '').replace(/\s+/g, ' ').trim()
  return name === '' ? fallback : name
}

/** Checks a mapping the user chose against the header; returns the problems. */
function checkMapping(mapping: ColumnMapping, width: number): string[] {
  const problems: string[] = []
  const owner = new Map<number, string>()
  const claim = (index: number, label: string) => {
    if (!Number.isInteger(index) || index < 0 || index >= width) {
      problems.push(`the mapping puts '${label}' in column ${index + 1}, but the header has ${width} columns.`)
      return
    }
    const other = owner.get(index)
    if (other !== undefined) problems.push(`the mapping puts both '${other}' and '${label}' in column ${index + 1}.`)
    else owner.set(index, label)
  }
  for (const field of REQUIRED_FIELDS) {
    const index = mapping[field]
    if (index === null) problems.push(`the mapping has no column for '${FIELD_LABELS[field]}', which is required.`)
    else claim(index, FIELD_LABELS[field])
  }
  if (mapping.modifiers.length > MAX_MODIFIERS) {
    problems.push(`the mapping names ${mapping.modifiers.length} modifier columns; at most ${MAX_MODIFIERS} are allowed.`)
  }
  mapping.modifiers.forEach((index) => claim(index, FIELD_LABELS.modifiers))
  if (mapping.units !== null) claim(mapping.units, FIELD_LABELS.units)
  if (mapping.provider !== null) claim(mapping.provider, FIELD_LABELS.provider)
  return problems
}

function looksLikeName(value: string): boolean {
  return NAME_WITH_COMMA.test(value) || NAME_WORDS.test(value)
}

/** Detection reads at most this many date cells; every cell is still checked under the chosen format. */
const DATE_SAMPLE_LIMIT = 2000

interface RawRow {
  cells: string[]
  line: number
}

/** Up to DATE_SAMPLE_LIMIT non-empty date cells, spread over the whole file. */
function dateSamples(rows: readonly RawRow[], dateCol: number): string[] {
  const step = Math.max(1, Math.floor(rows.length / DATE_SAMPLE_LIMIT))
  const samples: string[] = []
  for (let i = 0; i < rows.length && samples.length < DATE_SAMPLE_LIMIT; i += step) {
    const value = rows[i]?.cells[dateCol] ?? ''
    if (value.trim() !== '') samples.push(value)
  }
  return samples
}

/**
 * Parses prior claim history exported by a practice-management system. Every row is
 * checked; any error rejects the whole file (the caller writes nothing), with errors
 * listed by row (the 1-based line in the file) and column (the header name as written).
 */
export function parseHistoryCsv(text: string, options: HistoryParseOptions = {}): HistoryParseResult {
  const errors = new ErrorList()
  const fail = (): HistoryParseResult => ({ ok: false, errors: errors.toArray() })
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES

  // Size first, so an oversized text is refused without being scanned.
  if (text.length > maxBytes) {
    errors.file(
      `The file is too large: ${text.length} characters, over the limit of ${maxBytes} (maxBytes). ` +
        'Export a shorter date range and import it in parts.',
    )
    return fail()
  }
  if (text.startsWith('PK\u0003\u0004')) {
    errors.file('This is a ZIP archive or an Excel .xlsx workbook: export or save the claim history as CSV and import that.')
    return fail()
  }
  const problem = findTextProblem(text, Number.POSITIVE_INFINITY)
  if (problem !== null) {
    errors.file(problem)
    return fail()
  }

  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const search = searchHeader(text, start, options.mapping !== undefined)
  if (!search.found) {
    if (search.unterminated !== null) {
      errors.file(`No header row could be read. ${search.unterminated}`)
    } else if (search.firstRow !== null) {
      const found = detectColumns(search.firstRow.cells)
      const present = search.firstRow.cells.filter((c) => c.trim() !== '').map((c) => showValue(c.trim())).join(', ')
      if (countMapped(found) > 0) {
        const missing = found.missing.map((f) => `'${FIELD_LABELS[f]}'`).join(', ')
        errors.row(
          search.firstRow.line,
          `the header is missing the required column${found.missing.length === 1 ? '' : 's'} ${missing}. ` +
            `Columns found: ${present}. Map the columns by hand if they have other names.`,
        )
      } else {
        errors.file(
          `No header row in the first ${HEADER_SEARCH_ROWS} rows names a patient, a date of service and a procedure code ` +
            `(first row: ${present || '(empty)'}). Map the columns by hand, or check this is a claim-history CSV.`,
        )
      }
    } else {
      errors.file('The file has no rows.')
    }
    return fail()
  }

  const header = search.header
  const headerCells = header.cells
  const headerWidth = lastFilled(headerCells) + 1
  const detected = detectColumns(headerCells)
  const mapping: ColumnMapping = options.mapping
    ? { ...options.mapping, modifiers: [...options.mapping.modifiers] }
    : { patient: detected.patient, dateOfService: detected.dateOfService, code: detected.code, modifiers: detected.modifiers, units: detected.units, provider: detected.provider }
  if (options.mapping) {
    for (const p of checkMapping(mapping, Math.max(headerWidth, headerCells.length))) errors.row(header.line, p)
    if (errors.count > 0) return fail()
  }
  const patientCol = mapping.patient ?? -1
  const dateCol = mapping.dateOfService ?? -1
  const codeCol = mapping.code ?? -1
  const names = {
    patient: columnName(headerCells, patientCol, FIELD_LABELS.patient),
    date: columnName(headerCells, dateCol, FIELD_LABELS.dateOfService),
    code: columnName(headerCells, codeCol, FIELD_LABELS.code),
    units: mapping.units === null ? FIELD_LABELS.units : columnName(headerCells, mapping.units, FIELD_LABELS.units),
    provider: mapping.provider === null ? FIELD_LABELS.provider : columnName(headerCells, mapping.provider, FIELD_LABELS.provider),
  }
  const headerKey = headerCells.slice(0, headerWidth).map(squashHeader).join('\u0001')

  // Pass 1: the rows' shape. Footers, repeated headers and wrong widths are row errors.
  const reader = new RecordReader(text, header.delimiter, start)
  const rows: RawRow[] = []
  let reachedHeader = false
  for (;;) {
    const status = reader.next()
    if (status === READ_END) break
    if (status === READ_ERROR) {
      errors.add(reader.line, reader.errorMessage)
      return fail()
    }
    const cells = reader.fields
    if (!reachedHeader) {
      if (reader.line === header.line) reachedHeader = true
      continue
    }
    if (isBlank(cells)) continue
    // A header row never has a code-shaped value in the code column; skip the header checks when it does.
    if (!ncci.isHcpcsCode((cells[codeCol] ?? '').trim().toUpperCase())) {
      if (cells.slice(0, headerWidth).map(squashHeader).join('\u0001') === headerKey) {
        errors.row(reader.line, `this row repeats the header row (row ${header.line}); files joined end to end must keep one header.`)
        continue
      }
      if (detectColumns(cells).missing.length === 0) {
        errors.row(reader.line, `this row looks like another header row (${cells.filter((c) => c.trim() !== '').map((c) => showValue(c.trim())).join(', ')}).`)
        continue
      }
    }
    const footerCell = cells.find((c) => c.trim() !== '') ?? ''
    if (FOOTER.test(footerCell.trim())) {
      errors.row(
        reader.line,
        `this looks like a totals or footer row (${showValue(footerCell.trim())}), not a claim line. ` +
          'Remove report totals from the export.',
      )
      continue
    }
    if (cells.length < headerWidth) {
      errors.row(
        reader.line,
        `this row has ${cells.length} value${cells.length === 1 ? '' : 's'} but the header (row ${header.line}) has ` +
          `${headerWidth} columns. Is the row cut short, or separated by something other than ${describeDelimiter(header.delimiter)}?`,
      )
      continue
    }
    const extra = lastFilled(cells)
    if (extra >= headerWidth) {
      errors.row(
        reader.line,
        `this row has a value in position ${extra + 1}, beyond the header's ${headerWidth} columns: ` +
          `${showValue((cells[extra] ?? '').trim())}. Is a value containing ${describeDelimiter(header.delimiter)} missing its quotes?`,
      )
      continue
    }
    // RecordReader hands out a fresh array for every record, so it can be kept as is.
    rows.push({ cells, line: reader.line })
  }
  if (rows.length === 0 && errors.count === 0) {
    errors.row(header.line, 'the header is here but no claim lines follow it.')
    return fail()
  }

  // The date format: the caller's, or the one most date cells fit (the rest become row errors).
  let dateFormat: DateFormat | null = options.dateFormat ?? null
  if (dateFormat === null) {
    dateFormat = bestDateFormat(dateSamples(rows, dateCol))
    if (dateFormat === null) {
      const sample = rows.find((r) => (r.cells[dateCol] ?? '').trim() !== '')
      errors.add(
        sample?.line ?? header.line,
        `Column '${names.date}': no date format fits any of its values` +
          (sample ? ` (row ${sample.line}: ${showValue((sample.cells[dateCol] ?? '').trim())})` : '') +
          '. Accepted: YYYY-MM-DD, MM/DD/YYYY, MM/DD/YY, YYYYMMDD, DD.MM.YYYY.',
        names.date,
      )
      return fail()
    }
  }

  // Pass 2: every value of every row.
  const modifierCols = mapping.modifiers
  const modifierNames = modifierCols.map((i) => columnName(headerCells, i, FIELD_LABELS.modifiers))
  const parsed: ParsedHistoryRow[] = []
  let twoDigitYears = 0
  for (const { cells, line } of rows) {
    let bad = false
    const cell = (i: number) => (cells[i] ?? '').trim()

    const patientId = cell(patientCol)
    if (patientId === '') {
      errors.cell(line, names.patient, 'the patient account number is empty.')
      bad = true
    } else if (looksLikeName(patientId)) {
      errors.cell(line, names.patient, `${showValue(patientId)} looks like a person's name; the ledger keys on the account number or MRN. Map the account column instead.`)
      bad = true
    } else if (patientId.length > MAX_PATIENT_LENGTH) {
      errors.cell(line, names.patient, `${showValue(patientId)} is longer than ${MAX_PATIENT_LENGTH} characters; is this an account number?`)
      bad = true
    }

    const rawDate = cell(dateCol)
    const date = readDate(rawDate, dateFormat)
    if (!date.ok) {
      errors.cell(line, names.date, `${showValue(rawDate)} is not a date of service under ${dateFormat}: ${date.reason}.`)
      bad = true
    } else if (dateFormat === 'MM/DD/YY') twoDigitYears++

    const code = cell(codeCol).toUpperCase()
    if (!ncci.isHcpcsCode(code)) {
      errors.cell(line, names.code, `${showValue(cell(codeCol))} is not a CPT/HCPCS code: expected five characters, like 64483, 0213T or J1040.`)
      bad = true
    }

    const modifiers: string[] = []
    let modifierColumn = FIELD_LABELS.modifiers
    for (let k = 0; k < modifierCols.length; k++) {
      const index = modifierCols[k] ?? -1
      const name = modifierNames[k] ?? FIELD_LABELS.modifiers
      for (const part of cell(index).split(MODIFIER_SPLIT)) {
        if (part === '') continue
        modifiers.push(part.toUpperCase())
        modifierColumn = name
      }
    }
    const badModifier = modifiers.find((m) => !MODIFIER_SHAPE.test(m))
    if (badModifier !== undefined) {
      errors.cell(line, modifierColumn, `${showValue(badModifier)} is not a modifier: each modifier is two letters or digits, like 50, RT or KX.`)
      bad = true
    } else if (modifiers.length > MAX_MODIFIERS) {
      errors.cell(line, modifierColumn, `${modifiers.length} modifiers (${modifiers.join(' ')}); a claim line carries at most ${MAX_MODIFIERS}.`)
      bad = true
    } else {
      const repeated = modifiers.find((m, i) => modifiers.indexOf(m) !== i)
      if (repeated !== undefined) {
        errors.cell(line, modifierColumn, `modifier ${repeated} appears twice on the line.`)
        bad = true
      }
    }

    let units = 1
    if (mapping.units !== null) {
      const raw = cell(mapping.units)
      const value = UNITS_SHAPE.test(raw) ? Number(raw) : Number.NaN
      if (!Number.isInteger(value) || value < 1 || value > MAX_UNITS) {
        const why = raw === '' ? 'the units are empty' : Number.isNaN(value) ? 'it is not a number' : !Number.isInteger(value) ? 'units are whole numbers' : value < 1 ? 'units must be at least 1' : `units above ${MAX_UNITS} are not plausible`
        errors.cell(line, names.units, `${showValue(raw)} is not a unit count: ${why}.`)
        bad = true
      } else units = value
    }

    const providerId = mapping.provider === null ? '' : cell(mapping.provider)
    if (bad) continue
    const row: ParsedHistoryRow = { patientId, dateOfService: date.ok ? date.iso : '', code, modifiers, units, sourceRow: line }
    if (providerId !== '') row.providerId = providerId
    parsed.push(row)
  }
  if (errors.count > 0) return fail()

  if (options.warnings === false) return { ok: true, rows: parsed, warnings: [], mapping, dateFormat }
  const warnings: string[] = []
  if (header.rowsAbove > 0) {
    warnings.push(`Skipped ${header.rowsAbove} row${header.rowsAbove === 1 ? '' : 's'} above the header (row ${header.line}), such as a report title.`)
  }
  if (twoDigitYears > 0) {
    warnings.push(`${twoDigitYears} date${twoDigitYears === 1 ? '' : 's'} had two-digit years, read as 2000–2069 for 00–69 and 1970–1999 for 70–99. Check the timeline.`)
  }
  if (mapping.units === null) warnings.push("The file has no units column; every line counts as 1 unit.")
  const unknown = new Set<string>()
  let unknownRows = 0
  for (const r of parsed) {
    if (lookupCode(r.code) === undefined) {
      unknownRows++
      unknown.add(r.code)
    }
  }
  if (unknownRows > 0) {
    const examples = [...unknown].slice(0, 5).join(', ')
    warnings.push(
      `${unknownRows} of ${parsed.length} row${parsed.length === 1 ? ' has a code' : 's have codes'} the rule module does not know ` +
        `(${examples}${unknown.size > 5 ? ', …' : ''}); they are kept in the history but no rule counts them.`,
    )
  }
  const seen = new Set<string>()
  let repeats = 0
  for (const r of parsed) {
    const key = historyRowKey(r)
    if (seen.has(key)) repeats++
    else seen.add(key)
  }
  if (repeats > 0) {
    warnings.push(`${repeats} row${repeats === 1 ? ' repeats' : 's repeat'} an earlier row of the file exactly; only the first is kept on import.`)
  }
  return { ok: true, rows: parsed, warnings, mapping, dateFormat }
}

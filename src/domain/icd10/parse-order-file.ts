import { isIsoDate } from '../dates.ts'
import { ErrorList, findTextProblem, type FileAdvice } from '../ncci/delimited.ts'
import { showValue } from '../ncci/field-rules.ts'
import type { NcciParseError } from '../ncci/types.ts'
import { releaseBounds, releaseId } from './fiscal-year.ts'
import type { Icd10Code, Icd10Release, Icd10ReleaseMeta } from './types.ts'

/**
 * The CMS/CDC ICD-10-CM order file (icd10cm_order_YYYY.txt), fixed width, one code per line:
 *
 *   columns 1-5    order number, zero-filled
 *   column  7-13   the code without its dot, left-justified
 *   column  15     1 = valid for submission (billable), 0 = header (category or subcategory)
 *   columns 17-76  short description (60 characters, padded)
 *   columns 78-    long description
 *
 * with a blank between fields. The file says nothing of its year: the fiscal year comes as meta.
 */

export type Icd10ParseResult =
  | { ok: true; release: Icd10Release; warnings: string[] }
  | { ok: false; errors: NcciParseError[] }

export interface Icd10ParseOptions {
  /** Largest accepted input in characters. Default 40 MB (a full order file is about 20 MB). */
  maxBytes?: number
}

const DEFAULT_MAX = 40 * 1024 * 1024
/** The longest long description CMS publishes is about 230 characters; a much longer line is not this file. */
const MAX_LINE = 500
const ADVICE: FileAdvice = {
  size: 'A CMS ICD-10-CM order file is about 20 MB.',
  zip: 'unzip it and load the order file inside (icd10cm_order_YYYY.txt).',
}
const COLUMN = {
  order: 'Order number (columns 1-5)',
  code: 'Code (columns 7-13)',
  flag: 'Billable flag (column 15)',
  short: 'Short description (columns 17-76)',
  long: 'Long description (column 78 on)',
} as const

/** Letter, digit, letter or digit, then up to four more: A00, M5416, S32009A (no dot). */
const CODE = /^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/
const ORDER = /^[0-9]{5}$/

/**
 * Parses an ICD-10-CM order file for one release. Returns every code, or, when any line is
 * wrong, only the errors (row and column named): all or nothing.
 */
export function parseIcd10OrderFile(text: string, meta: Icd10ReleaseMeta, options: Icd10ParseOptions = {}): Icd10ParseResult {
  const metaErrors = checkMeta(meta)
  if (metaErrors.length > 0) return { ok: false, errors: metaErrors.map((message) => ({ row: 0, message })) }
  const kind = meta.release ?? 'october'
  const bounds = releaseBounds(meta.fiscalYear, kind)
  const errors = new ErrorList()
  const problem = findTextProblem(text, options.maxBytes ?? DEFAULT_MAX, ADVICE)
  if (problem !== null) return { ok: false, errors: [{ row: 0, message: problem }] }

  const codes: Icd10Code[] = []
  const firstRowOf = new Map<string, number>()
  let lastOrder = -1
  let lastOrderRow = 0
  let blankRow = 0
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let row = 0
  while (pos < text.length) {
    const newline = text.indexOf('\n', pos)
    const end = newline === -1 ? text.length : newline
    let line = text.slice(pos, end)
    pos = end + 1
    row++
    if (line.endsWith('\r')) line = line.slice(0, -1)
    if (line.trim() === '') {
      if (blankRow === 0) blankRow = row
      continue
    }
    if (blankRow !== 0) {
      errors.row(blankRow, 'a blank line between codes: the order file has one code on every line.')
      blankRow = 0
    }
    if (row === 1 && looksLikeCodesFile(line)) {
      errors.file('This looks like the ICD-10-CM codes file (a code, then its description): load the order file ' +
        '(icd10cm_order_YYYY.txt), which also says which codes are billable.')
      break
    }
    const code = readLine(line, row, errors)
    if (code === null) continue
    const order = Number(line.slice(0, 5))
    if (order <= lastOrder) {
      errors.cell(row, COLUMN.order, `${line.slice(0, 5)} does not follow row ${lastOrderRow}'s ${String(lastOrder).padStart(5, '0')}: ` +
        'order numbers go up by line. Is this a sorted or merged copy of the file?')
    }
    lastOrder = order
    lastOrderRow = row
    const first = firstRowOf.get(code.code)
    if (first !== undefined) {
      errors.cell(row, COLUMN.code, `${code.code} is listed again (first on row ${first}); each code appears once.`)
      continue
    }
    firstRowOf.set(code.code, row)
    codes.push(code)
  }
  if (errors.count === 0 && codes.length === 0) errors.file('The file holds no codes.')
  if (errors.count > 0) return { ok: false, errors: errors.toArray() }

  const warnings: string[] = []
  const billable = codes.reduce((n, c) => n + (c.billable ? 1 : 0), 0)
  if (billable === 0) warnings.push('No code in the file is marked billable (flag 1).')
  return {
    ok: true,
    warnings,
    release: {
      id: releaseId(meta.fiscalYear, kind),
      fiscalYear: meta.fiscalYear,
      release: kind,
      effectiveFrom: meta.effectiveFrom ?? bounds.from,
      effectiveTo: meta.effectiveTo ?? bounds.to,
      codes,
    },
  }
}

function checkMeta(meta: Icd10ReleaseMeta): string[] {
  const problems: string[] = []
  if (!Number.isInteger(meta.fiscalYear) || meta.fiscalYear < 2016 || meta.fiscalYear > 2100) {
    problems.push(`The fiscal year must be a year from 2016 (the first ICD-10-CM year) on (got ${JSON.stringify(meta.fiscalYear)}).`)
  }
  if (meta.release !== undefined && meta.release !== 'october' && meta.release !== 'april') {
    problems.push(`The release must be 'october' or 'april' (got ${JSON.stringify(meta.release)}).`)
  }
  for (const [name, value] of [['effectiveFrom', meta.effectiveFrom], ['effectiveTo', meta.effectiveTo]] as const) {
    if (value !== undefined && !isIsoDate(value)) problems.push(`The date '${name}' must be a date as YYYY-MM-DD (got ${JSON.stringify(value)}).`)
  }
  if (problems.length === 0 && meta.effectiveFrom !== undefined && meta.effectiveTo !== undefined && meta.effectiveFrom > meta.effectiveTo) {
    problems.push(`The first date (${meta.effectiveFrom}) is after the last (${meta.effectiveTo}).`)
  }
  return problems
}

function looksLikeCodesFile(line: string): boolean {
  return /^[A-Z][0-9][0-9A-Z]{1,5} +\S/.test(line)
}

/** One line's fields, or null after recording what is wrong with it. */
function readLine(line: string, row: number, errors: ErrorList): Icd10Code | null {
  const before = errors.count
  if (line.includes('\t')) {
    errors.row(row, 'the line holds a tab: the order file is fixed width, its fields separated by single spaces.')
    return null
  }
  if (line.length > MAX_LINE) {
    errors.row(row, `the line is ${line.length} characters long, more than an order file's line (${MAX_LINE} at most).`)
    return null
  }
  if (line.length < 17) {
    errors.row(row, `the line is ${line.length} characters long and stops before the short description (column 17): ` +
      'is this the fixed-width order file?')
    return null
  }
  const order = line.slice(0, 5)
  if (!ORDER.test(order)) errors.cell(row, COLUMN.order, `${showValue(order)} is not a five-digit order number.`)
  for (const at of [5, 13, 15]) {
    if (line[at] !== ' ') {
      errors.row(row, `column ${at + 1} should be a blank between fields but holds ${showValue(line[at] ?? '')}: ` +
        'the fields are not where the order file puts them (wrong width?).')
      return null
    }
  }
  const rawCode = line.slice(6, 13)
  const code = rawCode.trimEnd()
  if (!CODE.test(code)) {
    errors.cell(row, COLUMN.code, `${showValue(rawCode)} is not an ICD-10-CM code as the order file writes it ` +
      '(3 to 7 letters and digits, no dot, from column 7: M5416).')
  }
  const flag = line[14]
  if (flag !== '0' && flag !== '1') errors.cell(row, COLUMN.flag, `${showValue(flag ?? '')} is not 1 (billable) or 0 (header).`)
  const short = line.slice(16, 76).trim()
  if (short === '') errors.cell(row, COLUMN.short, 'the short description is empty.')
  if (line.length > 76 && line[76] !== ' ') {
    errors.row(row, `column 77 should be a blank before the long description but holds ${showValue(line[76] ?? '')}: ` +
      'the short description is wider than 60 characters (wrong width?).')
    return null
  }
  const long = line.slice(77).trim()
  if (long === '') errors.cell(row, COLUMN.long, 'the long description is missing.')
  if (errors.count > before) return null
  return { code, billable: flag === '1', short, long }
}

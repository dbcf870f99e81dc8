import { z } from '../zod.ts'
import { isIsoDate } from '../dates.ts'
import type { NcciFileMeta, NcciParseError } from './types.ts'

/**
 * Field-level rules shared by the NCCI parsers: code and date formats, quarters and the
 * caller's metadata. Hot-path checks use char codes, not regexes, because they run once or
 * twice per row on files of a million and a half rows.
 */

const QUARTER = /^(\d{4})Q([1-4])$/

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

function isUpperLetter(c: number): boolean {
  return c >= 65 && c <= 90
}

/**
 * True for a 5-character HCPCS/CPT code as CMS writes it: four digits then a digit or a
 * capital letter (CPT, incl. Category II "F", Category III "T", PLA "U", "M", "A"), or a
 * capital letter then four digits (HCPCS Level II, e.g. J3301).
 */
export function isHcpcsCode(code: string): boolean {
  if (code.length !== 5) return false
  const first = code.charCodeAt(0)
  if (isUpperLetter(first)) {
    for (let i = 1; i < 5; i++) if (!isDigit(code.charCodeAt(i))) return false
    return true
  }
  for (let i = 0; i < 4; i++) if (!isDigit(code.charCodeAt(i))) return false
  const last = code.charCodeAt(4)
  return isDigit(last) || isUpperLetter(last)
}

function countDaysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * Converts a CMS YYYYMMDD date to ISO, or null when it is not a real calendar date.
 * Years before 1900 or after 2999 are refused: NCCI began in 1996, so such a year is a
 * typo or a shifted column, not data.
 */
export function parseYyyymmdd(raw: string): string | null {
  if (raw.length !== 8) return null
  for (let i = 0; i < 8; i++) if (!isDigit(raw.charCodeAt(i))) return null
  const year = Number(raw.slice(0, 4))
  const month = Number(raw.slice(4, 6))
  const day = Number(raw.slice(6, 8))
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null
  if (day > countDaysInMonth(year, month)) return null
  return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`
}

/** The quarter ("2026Q4") an ISO date falls in. Throws RangeError for anything but a real ISO date. */
export function quarterOf(isoDate: string): string {
  if (!isIsoDate(isoDate)) throw new RangeError(`quarterOf: '${isoDate}' is not a date written YYYY-MM-DD`)
  const month = Number(isoDate.slice(5, 7))
  return `${isoDate.slice(0, 4)}Q${Math.floor((month - 1) / 3) + 1}`
}

/** First and last day (inclusive, ISO) of a quarter written like "2026Q4". Throws RangeError otherwise. */
export function quarterBounds(quarter: string): { from: string; to: string } {
  const m = QUARTER.exec(quarter)
  if (!m) throw new RangeError(`quarterBounds: '${quarter}' is not a quarter written like 2026Q4`)
  const year = m[1]
  const q = Number(m[2])
  const lastMonth = q * 3
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    from: `${year}-${pad(lastMonth - 2)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(countDaysInMonth(Number(year), lastMonth))}`,
  }
}

const isoDate = z.string().check(z.refine(isIsoDate, { error: 'must be a real date written YYYY-MM-DD' }))

const metaSchema = z
  .object({
    quarter: z.string().check(z.regex(QUARTER, { error: 'must be a quarter written like 2026Q4' })),
    effectiveFrom: isoDate,
    effectiveTo: z.nullish(isoDate),
  })
  // Zod runs this even when a date above failed; only compare two real dates.
  .check(
    z.refine((m) => m.effectiveTo == null || !isIsoDate(m.effectiveTo) || !isIsoDate(m.effectiveFrom) ||
      m.effectiveTo >= m.effectiveFrom, {
      error: 'must not be before effectiveFrom',
      path: ['effectiveTo'],
    }),
  )

export interface CheckedMeta {
  quarter: string
  effectiveFrom: string
  effectiveTo: string | null
}

/**
 * Validates the caller's metadata for a file. Errors carry row 0 because they are not
 * about a line of the file. A date range that strays outside the quarter is only a
 * warning: CMS occasionally re-issues a table part-way through a quarter.
 */
export function checkMeta(
  meta: NcciFileMeta,
): { ok: true; meta: CheckedMeta; warnings: string[] } | { ok: false; errors: NcciParseError[] } {
  const parsed = metaSchema.safeParse(meta)
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const field = issue.path.length > 0 ? issue.path.join('.') : 'meta'
        const given = readField(meta, issue.path[0])
        const shown = given === undefined ? '' : ` (got ${JSON.stringify(given)})`
        return { row: 0, message: `Metadata '${field}' ${issue.message}${shown}.` }
      }),
    }
  }
  const checked: CheckedMeta = {
    quarter: parsed.data.quarter,
    effectiveFrom: parsed.data.effectiveFrom,
    effectiveTo: parsed.data.effectiveTo ?? null,
  }
  const warnings: string[] = []
  const bounds = quarterBounds(checked.quarter)
  if (checked.effectiveFrom < bounds.from || checked.effectiveFrom > bounds.to) {
    warnings.push(
      `effectiveFrom ${checked.effectiveFrom} is outside quarter ${checked.quarter} (${bounds.from} to ${bounds.to}).`,
    )
  }
  return { ok: true, meta: checked, warnings }
}

function readField(meta: unknown, key: PropertyKey | undefined): unknown {
  if (key === undefined || typeof meta !== 'object' || meta === null) return undefined
  return (meta as Record<PropertyKey, unknown>)[key]
}

/** A cell value quoted for a message: control characters flattened, long values cut. */
export function showValue(raw: string): string {
  if (raw === '') return '(empty)'
  let flat = ''
  for (let i = 0; i < raw.length && i < 41; i++) {
    const c = raw.charCodeAt(i)
    flat += c < 32 || c === 127 ? ' ' : raw[i]
  }
  return raw.length > 40 ? `'${flat.slice(0, 40)}…'` : `'${flat}'`
}

/**
 * Returns one shared copy of a repeated text (CMS uses a few dozen rationales across a
 * million rows). The copy is detached on purpose: in V8 a substring can keep the whole
 * source file alive, and a parsed table must not pin tens of megabytes of input.
 */
export function internText(pool: Map<string, string>, text: string): string {
  const known = pool.get(text)
  if (known !== undefined) return known
  const copy = JSON.parse(JSON.stringify(text)) as string
  pool.set(copy, copy)
  return copy
}

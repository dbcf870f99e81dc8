import type { DateFormat } from './types.ts'

/** Formats tried by detection, most specific first. 'M/D/YYYY' shares the 'MM/DD/YYYY' parser. */
const DETECTION_ORDER: readonly DateFormat[] = ['YYYY-MM-DD', 'YYYYMMDD', 'MM/DD/YYYY', 'MM/DD/YY', 'DD.MM.YYYY']

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
const US4 = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const US2 = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/
/** A midnight time some exports append ("03/04/2026 00:00:00", "2026-03-04T00:00:00"). */
const TIME_SUFFIX = /(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AaPp][Mm])?Z?)$/

const MIN_YEAR = 1900
const MAX_YEAR = 2099

export type DateReading = { ok: true; iso: string } | { ok: false; reason: string }

const NOT_WRITTEN: DateReading = { ok: false, reason: 'it is not written in that format' }

function stripTime(raw: string): string {
  const t = raw.trim()
  return t.replace(TIME_SUFFIX, '').trim()
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

function build(year: number, month: number, day: number): DateReading {
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, reason: `the year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}` }
  if (month < 1 || month > 12) return { ok: false, reason: `there is no month ${month}` }
  const last = daysInMonth(year, month)
  if (day < 1 || day > last) {
    return { ok: false, reason: `${MONTHS[month - 1] ?? ''} ${year} has ${last} days, so day ${day} is not a real date` }
  }
  return { ok: true, iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` }
}

/**
 * Our rule for two-digit years (the file cannot tell us the century): 00–69 are 2000–2069,
 * 70–99 are 1970–1999. Claim history older than 1970 does not exist in practice.
 */
export function expandTwoDigitYear(yy: number): number {
  return yy <= 69 ? 2000 + yy : 1900 + yy
}

/** Reads one date cell under a format; US slash dates are month first, dotted dates day first. */
export function readDate(raw: string, format: DateFormat): DateReading {
  const text = stripTime(raw)
  if (text === '') return { ok: false, reason: 'the date is empty' }
  let m: RegExpExecArray | null
  switch (format) {
    case 'YYYY-MM-DD':
      m = ISO.exec(text)
      return m ? build(Number(m[1]), Number(m[2]), Number(m[3])) : NOT_WRITTEN
    case 'MM/DD/YYYY':
    case 'M/D/YYYY':
      m = US4.exec(text)
      return m ? build(Number(m[3]), Number(m[1]), Number(m[2])) : NOT_WRITTEN
    case 'MM/DD/YY':
      m = US2.exec(text)
      return m
        ? build(expandTwoDigitYear(Number(m[3])), Number(m[1]), Number(m[2]))
        : NOT_WRITTEN
    case 'YYYYMMDD':
      m = COMPACT.exec(text)
      return m ? build(Number(m[1]), Number(m[2]), Number(m[3])) : NOT_WRITTEN
    case 'DD.MM.YYYY':
      m = DOTTED.exec(text)
      return m ? build(Number(m[3]), Number(m[2]), Number(m[1])) : NOT_WRITTEN
  }
}

/** How many of the non-empty samples read as real dates under each format, in detection order. */
export function rankDateFormats(samples: readonly string[]): { format: DateFormat; fits: number; of: number }[] {
  const present = samples.filter((s) => s.trim() !== '')
  return DETECTION_ORDER.map((format) => ({
    format,
    of: present.length,
    fits: present.reduce((n, s) => n + (readDate(s, format).ok ? 1 : 0), 0),
  }))
}

/** 'M/D/YYYY' when a sample drops a leading zero, to show the user what the file looks like. */
function refine(format: DateFormat, samples: readonly string[]): DateFormat {
  if (format !== 'MM/DD/YYYY') return format
  return samples.some((s) => readDate(s, format).ok && /^\d\/|\/\d\//.test(stripTime(s))) ? 'M/D/YYYY' : format
}

/**
 * The format under which every non-empty sample is a real calendar date, or null (also
 * for no samples). US exports write month first: '03/04/2026' is March 4; only dotted dates
 * are read day first.
 */
export function detectDateFormat(samples: string[]): DateFormat | null {
  const ranking = rankDateFormats(samples)
  const winner = ranking.find((r) => r.of > 0 && r.fits === r.of)
  return winner ? refine(winner.format, samples) : null
}

/** The format most samples fit (for reporting the rest as row errors), or null when none fits. */
export function bestDateFormat(samples: readonly string[]): DateFormat | null {
  let best: { format: DateFormat; fits: number } | null = null
  for (const r of rankDateFormats(samples)) if (r.fits > 0 && (best === null || r.fits > best.fits)) best = r
  return best ? refine(best.format, samples) : null
}

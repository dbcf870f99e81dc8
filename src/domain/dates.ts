/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC days. The rule module takes
 * every date as an argument and never reads a clock.
 */

export type IsoDate = string

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when the text is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1) return false
  return d <= daysInMonth(y, mo)
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 31)
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

/** Days since 1970-01-01 for an ISO date; fast path used on every history line. */
export function toDayNumber(date: IsoDate): number {
  const y = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48)
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48)
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48)
  return daysFromCivil(y, m, d)
}

/** Year, month (1-12) and day of a day number (civil-from-days, proleptic Gregorian calendar). */
export function civilFromDays(day: number): [number, number, number] {
  const z = day + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return [y, m, d]
}

/** Day number of a calendar date (days-from-civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = month > 2 ? month - 3 : month + 9
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

/** ISO date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  const [y, m, d] = civilFromDays(day)
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`
}

/** Adds calendar months to a day number, clamping to the month's last day, as addMonths does. */
export function addMonthsToDay(day: number, months: number): number {
  const [y, m, d] = civilFromDays(day)
  const total = y * 12 + (m - 1) + months
  const ny = Math.floor(total / 12)
  const nm = (total % 12) + 1
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)))
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days)
}

/**
 * Adds calendar months, clamping to the month's last day (2024-02-29 + 12 months
 * is 2025-02-28), as a rolling window of months needs.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  const total = y * 12 + (m - 1) + months
  const ny = Math.floor(total / 12)
  const nm = (total % 12) + 1
  const nd = Math.min(d, daysInMonth(ny, nm))
  return `${String(ny).padStart(4, '0')}-${pad2(nm)}-${pad2(nd)}`
}

/** True when from <= date and (to is null or date <= to). */
export function isWithin(date: IsoDate, from: IsoDate, to: IsoDate | null | undefined): boolean {
  return date >= from && (to == null || date <= to)
}

/**
 * The insights' date range, on the date of service (a denial without one counts on its payment
 * date). Presets count back from a `today` the caller passes in: the model reads no clock.
 */

/** Inclusive ISO dates; null leaves that side open. */
export interface DateRange {
  from: string | null
  to: string | null
}

export const RANGE_PRESETS = ['all', 'last-3', 'last-6', 'last-12', 'custom'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]

export const RANGE_PRESET_LABELS: Record<RangePreset, string> = {
  all: 'All dates',
  'last-3': 'Last 3 months',
  'last-6': 'Last 6 months',
  'last-12': 'Last 12 months',
  custom: 'Custom dates',
}

const MONTHS_BACK: Partial<Record<RangePreset, number>> = { 'last-3': 3, 'last-6': 6, 'last-12': 12 }

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const month = Number(m[2])
  const day = Number(m[3])
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month)
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** `date` moved by whole months, the day kept or clamped to the month's last day (03-31 minus one month is 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return iso(year, month, Math.min(d, daysInMonth(year, month)))
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d + days))
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

/**
 * The range of a preset: "last 3 months" is the three months that end today, from the day after
 * the same date three months ago (2026-08-28 to 2026-11-27). 'all' and 'custom' are open ranges
 * (the page keeps the custom dates itself).
 */
export function presetRange(preset: RangePreset, today: string): DateRange {
  const back = MONTHS_BACK[preset]
  if (back === undefined) return { from: null, to: null }
  return { from: addDays(addMonths(today, -back), 1), to: today }
}

/** Whether an ISO date lies in the range; a missing date lies only in an open range. */
export function inRange(date: string | null, range: DateRange): boolean {
  if (date === null) return range.from === null && range.to === null
  return (range.from === null || date >= range.from) && (range.to === null || date <= range.to)
}

/** "2026-10" of "2026-10-14". */
export function monthOf(date: string): string {
  return date.slice(0, 7)
}

/** Every month from `first` to `last` ("YYYY-MM"), both included, so a chart shows quiet months as zero. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = []
  for (let m = first; m <= last && months.length < 1200; m = addMonths(`${m}-01`, 1).slice(0, 7)) months.push(m)
  return months
}

/** The first and last day of a month, cut to the range: a month bar's dates in the queue. */
export function monthInRange(month: string, range: DateRange): DateRange {
  const [y, m] = month.split('-').map(Number)
  const first = `${month}-01`
  const last = iso(y, m, daysInMonth(y, m))
  return {
    from: range.from !== null && range.from > first ? range.from : first,
    to: range.to !== null && range.to < last ? range.to : last,
  }
}

/** The range a picker stands for, or why its custom dates cannot be used. */
export function resolveRange(choice: { preset: RangePreset; from: string; to: string }, today: string): { range: DateRange; error: string | null } {
  if (choice.preset !== 'custom') return { range: presetRange(choice.preset, today), error: null }
  const from = choice.from.trim()
  const to = choice.to.trim()
  if ((from !== '' && !isIsoDate(from)) || (to !== '' && !isIsoDate(to))) return { range: { from: null, to: null }, error: 'Enter dates as YYYY-MM-DD.' }
  if (from !== '' && to !== '' && from > to) return { range: { from, to }, error: 'The start date is after the end date.' }
  return { range: { from: from === '' ? null : from, to: to === '' ? null : to }, error: null }
}

/** "2026-08-28 to 2026-11-27", "From 2026-08-28", "Up to 2026-11-27" or "All dates of service". */
export function describeRange(range: DateRange): string {
  if (range.from !== null && range.to !== null) return `Dates of service ${range.from} to ${range.to}.`
  if (range.from !== null) return `Dates of service from ${range.from} on.`
  if (range.to !== null) return `Dates of service up to ${range.to}.`
  return 'All dates of service.'
}

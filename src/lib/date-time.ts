/** Dates of the group server's answers (ISO, UTC) shown in this browser's time zone. */

const DATE_TIME = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' })

/** "Nov 26, 2026, 2:05 PM"; the text as is when it is not a date. */
export function formatDateTime(iso: string): string {
  const ms = Date.parse(iso)
  return Number.isFinite(ms) ? DATE_TIME.format(ms) : iso
}

/** A local calendar day (YYYY-MM-DD, from a date input) as the ISO instant it starts. */
export function localDayStart(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString()
}

/** A local calendar day as the ISO instant of its last millisecond: a "to" filter includes the whole day. */
export function localDayEnd(day: string): string {
  return new Date(`${day}T23:59:59.999`).toISOString()
}

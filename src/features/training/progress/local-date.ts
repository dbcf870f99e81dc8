const pad = (n: number) => String(n).padStart(2, '0')

/** A moment as the calendar date on this computer (its time zone), YYYY-MM-DD; null when the text is not a date-time. */
export function localDateOf(isoDateTime: string): string | null {
  const at = new Date(isoDateTime)
  if (Number.isNaN(at.getTime())) return null
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}

/** Today on this computer, YYYY-MM-DD: the page's clock, passed into the progress model. */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

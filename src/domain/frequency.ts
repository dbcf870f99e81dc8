import { addMonthsToDay, fromDayNumber, isWithin, toDayNumber, type IsoDate } from './dates.ts'
import { forEachSessionAfter, type Session, type SessionIndex } from './history.ts'
import type { FrequencyLimit, PayerProfile } from './payer-profile.ts'
import type { FrequencyCounter } from './types.ts'
import { SPINAL_REGIONS, type SpinalRegion } from './vocabulary.ts'

/**
 * Rolling-window frequency counters. Dates are handled as day numbers here: the windows are
 * tested many times per evaluation and integer arithmetic keeps that cheap.
 */

type Interval = FrequencyLimit['window']

function shift(day: number, interval: Interval, sign: 1 | -1): number {
  return interval.unit === 'months' ? addMonthsToDay(day, sign * interval.amount) : day + sign * interval.amount
}

/**
 * A session counts in the rolling window that ends on `end` when it is on or before `end`
 * and after `end` minus the window. Every window test in this file follows this rule.
 */
function countsInWindowEndingOn(session: number, end: number, window: Interval): boolean {
  return session <= end && session > shift(end, window, -1)
}

/**
 * Sessions of one counter, sorted by date. Counting works on the distinct dates (one date
 * is one session however many regions or purposes it touched); session objects are
 * merged only for the window that is reported.
 */
class DatedSessions {
  readonly sessions: Session[] = []
  readonly days: number[] = []
  /** Index into `sessions` of the first session of each distinct date. */
  private readonly starts: number[] = []
  includesCurrent = false

  /** Adds a session; sessions arrive in date order. */
  add(s: Session, day: number): void {
    if (this.days[this.days.length - 1] !== day) {
      this.days.push(day)
      this.starts.push(this.sessions.length)
    }
    this.sessions.push(s)
    if (s.source === 'current') this.includesCurrent = true
  }

  /** Index of the first distinct date after `day`. */
  after(day: number): number {
    let lo = 0
    let hi = this.days.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.days[mid] ?? 0) <= day) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** Index of the first distinct date in the window ending on `end` (the window ends at after(end)). */
  windowStart(end: number, window: Interval): number {
    return this.after(shift(end, window, -1))
  }

  /** One session per distinct date in [from, to), merging sessions that share a date. */
  merged(from: number, to: number): Session[] {
    const out: Session[] = []
    for (let d = from; d < to; d++) {
      const first = this.starts[d] ?? 0
      const last = this.starts[d + 1] ?? this.sessions.length
      out.push(last - first === 1 ? (this.sessions[first]) : mergeSessions(this.sessions, first, last))
    }
    return out
  }
}

function mergeSessions(sessions: readonly Session[], from: number, to: number): Session {
  const first = sessions[from]
  const merged: Session = { ...first, providers: [...first.providers], codes: [...first.codes] }
  for (let i = from + 1; i < to; i++) {
    const s = sessions[i]
    if (s.region !== merged.region) merged.region = null
    if (s.purpose !== merged.purpose) merged.purpose = null
    if (s.source === 'current') merged.source = 'current'
    for (const p of s.providers) insertSorted(merged.providers, p)
    for (const c of s.codes) insertSorted(merged.codes, c)
  }
  return merged
}

/** Adds a value to a sorted list of distinct values, keeping it sorted (lists are a few items long). */
function insertSorted(list: string[], value: string): void {
  let i = list.length
  while (i > 0 && (list[i - 1] ?? '') > value) i--
  if (list[i - 1] !== value) list.splice(i, 0, value)
}

/** The first day from `start` on which one more session keeps the limit and the minimum interval. */
function nextAllowed(dated: DatedSessions, start: number, limit: FrequencyLimit): number {
  let day = start
  for (let guard = 0; guard < 200; guard++) {
    const from = dated.windowStart(day, limit.window)
    const to = dated.after(day)
    if (to - from >= limit.limit) {
      day = shift(dated.days[to - limit.limit] ?? day, limit.window, 1)
      continue
    }
    const previous = to > from ? dated.days[to - 1] : undefined
    if (limit.minInterval && previous !== undefined) {
      const earliest = shift(previous, limit.minInterval, 1)
      if (day < earliest) { day = earliest; continue }
    }
    if (dated.days[to - 1] === day) { day += 1; continue }
    return day
  }
  return day
}

function counterFor(limit: FrequencyLimit, region: SpinalRegion | null, dated: DatedSessions, dos: number): FrequencyCounter {
  const includesCurrent = dated.includesCurrent
  // The busiest rolling window that contains the date of service: later history counts too.
  let bestEnd = dos
  let bestFrom = dated.windowStart(dos, limit.window)
  let bestTo = dated.after(dos)
  for (let i = bestTo; i < dated.days.length; i++) {
    const end = dated.days[i] ?? dos
    if (!countsInWindowEndingOn(dos, end, limit.window)) break
    const from = dated.windowStart(end, limit.window)
    if (i + 1 - from > bestTo - bestFrom) { bestEnd = end; bestFrom = from; bestTo = i + 1 }
  }
  const used = bestTo - bestFrom
  return {
    limitId: limit.id,
    family: limit.family,
    region,
    purpose: limit.purposes ? limit.purposes.join(' + ') : null,
    used,
    limit: limit.limit,
    window: { amount: limit.window.amount, unit: limit.window.unit, from: fromDayNumber(shift(bestEnd, limit.window, -1) + 1), to: fromDayNumber(bestEnd) },
    sessions: dated.merged(bestFrom, bestTo),
    includesCurrent,
    exceeded: includesCurrent && used > limit.limit,
    nextAllowedDate: fromDayNumber(nextAllowed(dated, includesCurrent ? dos + 1 : dos, limit)),
    severity: limit.severity,
    interpretation: limit.interpretation,
    note: limit.note,
    source: limit.source,
  }
}

/** Limits of the profile in force on the date of service. */
export function limitsInForce(profile: PayerProfile, dos: IsoDate): FrequencyLimit[] {
  return profile.frequencyLimits.filter((l) => isWithin(dos, l.effectiveFrom ?? '0000-01-01', l.effectiveTo))
}

/**
 * Sessions of the family and purposes that fall in some rolling window containing the date
 * of service, in date order, per region (or all together for an all-regions limit).
 */
function bucketsNear(index: SessionIndex, limit: FrequencyLimit, dos: number): Map<SpinalRegion | null, DatedSessions> {
  const buckets = new Map<SpinalRegion | null, DatedSessions>()
  // Month-end clamping can put a session that shares a window a few days past dos + window.
  const latestPossible = shift(dos, limit.window, 1) + 3
  forEachSessionAfter(index, limit.family, fromDayNumber(shift(dos, limit.window, -1)), (s) => {
    const day = toDayNumber(s.dateOfService)
    if (day > latestPossible) return false
    if (limit.purposes !== null && (s.purpose === null || !limit.purposes.includes(s.purpose))) return true
    if (day > dos && !countsInWindowEndingOn(dos, day, limit.window)) return true
    const key = limit.scope === 'per-region' ? s.region : null
    let bucket = buckets.get(key)
    if (!bucket) { bucket = new DatedSessions(); buckets.set(key, bucket) }
    bucket.add(s, day)
    return true
  })
  return buckets
}

/**
 * Every rolling-window counter that applies to the patient on the date of service: for
 * each limit in force, per region or across regions as the profile says, wherever the
 * encounter or the history near the date has a session of that family.
 */
export function computeCounters(index: SessionIndex, profile: PayerProfile, dateOfService: IsoDate): FrequencyCounter[] {
  const dos = toDayNumber(dateOfService)
  const counters: FrequencyCounter[] = []
  for (const limit of limitsInForce(profile, dateOfService)) {
    const buckets = bucketsNear(index, limit, dos)
    for (const region of [null, ...SPINAL_REGIONS]) {
      const bucket = buckets.get(region)
      if (bucket) counters.push(counterFor(limit, region, bucket, dos))
    }
  }
  return counters
}

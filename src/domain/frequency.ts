import { addDays, addMonths, isWithin, type IsoDate } from './dates.ts'
import { forEachSessionAfter, type Session, type SessionIndex } from './history.ts'
import type { FrequencyLimit, PayerProfile } from './payer-profile.ts'
import type { FrequencyCounter } from './types.ts'
import { SPINAL_REGIONS, type SpinalRegion } from './vocabulary.ts'

type Interval = FrequencyLimit['window']

function addInterval(date: IsoDate, interval: Interval, sign: 1 | -1): IsoDate {
  return interval.unit === 'months' ? addMonths(date, sign * interval.amount) : addDays(date, sign * interval.amount)
}

/**
 * A session counts in the rolling window that ends on `end` when it is on or before `end`
 * and after `end` minus the window. Every window test in this file follows this rule.
 */
function countsInWindowEndingOn(session: IsoDate, end: IsoDate, window: Interval): boolean {
  return session <= end && session > addInterval(end, window, -1)
}

/**
 * Sessions of one counter, sorted by date. Counting works on the distinct dates (one date
 * is one session however many regions or purposes it touched); session objects are
 * merged only for the window that is reported.
 */
class DatedSessions {
  readonly sessions: Session[] = []
  readonly dates: IsoDate[] = []
  /** Index into `sessions` of the first session of each distinct date. */
  private readonly starts: number[] = []
  includesCurrent = false

  /** Adds a session; sessions arrive in date order. */
  add(s: Session): void {
    if (this.dates[this.dates.length - 1] !== s.dateOfService) {
      this.dates.push(s.dateOfService)
      this.starts.push(this.sessions.length)
    }
    this.sessions.push(s)
    if (s.source === 'current') this.includesCurrent = true
  }

  /** Index of the first distinct date after `date`. */
  after(date: IsoDate): number {
    let lo = 0
    let hi = this.dates.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.dates[mid] ?? '') <= date) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** [from, to) indexes of the distinct dates in the window ending on `end`. */
  window(end: IsoDate, window: Interval): [number, number] {
    return [this.after(addInterval(end, window, -1)), this.after(end)]
  }

  /** One session per distinct date in [from, to), merging sessions that share a date. */
  merged(from: number, to: number): Session[] {
    const out: Session[] = []
    for (let d = from; d < to; d++) {
      const first = this.starts[d] ?? 0
      const last = this.starts[d + 1] ?? this.sessions.length
      out.push(last - first === 1 ? (this.sessions[first]) : mergeSessions(this.sessions.slice(first, last)))
    }
    return out
  }
}

function mergeSessions(sameDate: readonly Session[]): Session {
  const first = sameDate[0]
  const merged: Session = { ...first, providers: [...first.providers], codes: [...first.codes] }
  for (let i = 1; i < sameDate.length; i++) {
    const s = sameDate[i]
    if (s.region !== merged.region) merged.region = null
    if (s.purpose !== merged.purpose) merged.purpose = null
    if (s.source === 'current') merged.source = 'current'
    for (const p of s.providers) if (!merged.providers.includes(p)) merged.providers.push(p)
    for (const c of s.codes) if (!merged.codes.includes(c)) merged.codes.push(c)
  }
  merged.providers.sort()
  merged.codes.sort()
  return merged
}

/** The first date from `start` on which one more session keeps the limit and the minimum interval. */
function nextAllowed(dated: DatedSessions, start: IsoDate, limit: FrequencyLimit): IsoDate {
  let day = start
  for (let guard = 0; guard < 200; guard++) {
    const [from, to] = dated.window(day, limit.window)
    if (to - from >= limit.limit) {
      day = addInterval(dated.dates[to - limit.limit] ?? day, limit.window, 1)
      continue
    }
    const previous = to > from ? dated.dates[to - 1] : undefined
    if (limit.minInterval && previous !== undefined) {
      const earliest = addInterval(previous, limit.minInterval, 1)
      if (day < earliest) { day = earliest; continue }
    }
    if (dated.dates[to - 1] === day) { day = addDays(day, 1); continue }
    return day
  }
  return day
}

function counterFor(limit: FrequencyLimit, region: SpinalRegion | null, dated: DatedSessions, dos: IsoDate): FrequencyCounter {
  const includesCurrent = dated.includesCurrent
  // The busiest rolling window that contains the date of service: later history counts too.
  let best = { end: dos, range: dated.window(dos, limit.window) }
  for (let i = dated.after(dos); i < dated.dates.length; i++) {
    const end = dated.dates[i] ?? dos
    if (!countsInWindowEndingOn(dos, end, limit.window)) break
    const range = dated.window(end, limit.window)
    if (range[1] - range[0] > best.range[1] - best.range[0]) best = { end, range }
  }
  const used = best.range[1] - best.range[0]
  return {
    limitId: limit.id,
    family: limit.family,
    region,
    purpose: limit.purposes ? limit.purposes.join(' + ') : null,
    used,
    limit: limit.limit,
    window: { amount: limit.window.amount, unit: limit.window.unit, from: addDays(addInterval(best.end, limit.window, -1), 1), to: best.end },
    sessions: dated.merged(best.range[0], best.range[1]),
    includesCurrent,
    exceeded: includesCurrent && used > limit.limit,
    nextAllowedDate: nextAllowed(dated, includesCurrent ? addDays(dos, 1) : dos, limit),
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
function bucketsNear(index: SessionIndex, limit: FrequencyLimit, dos: IsoDate): Map<SpinalRegion | null, DatedSessions> {
  const buckets = new Map<SpinalRegion | null, DatedSessions>()
  // Month-end clamping can put a session that shares a window a few days past dos + window.
  const latestPossible = addDays(addInterval(dos, limit.window, 1), 3)
  forEachSessionAfter(index, limit.family, addInterval(dos, limit.window, -1), (s) => {
    if (s.dateOfService > latestPossible) return false
    if (limit.purposes !== null && (s.purpose === null || !limit.purposes.includes(s.purpose))) return true
    if (s.dateOfService > dos && !countsInWindowEndingOn(dos, s.dateOfService, limit.window)) return true
    const key = limit.scope === 'per-region' ? s.region : null
    let bucket = buckets.get(key)
    if (!bucket) { bucket = new DatedSessions(); buckets.set(key, bucket) }
    bucket.add(s)
    return true
  })
  return buckets
}

/**
 * Every rolling-window counter that applies to the patient on the date of service: for
 * each limit in force, per region or across regions as the profile says, wherever the
 * encounter or the history near the date has a session of that family.
 */
export function computeCounters(index: SessionIndex, profile: PayerProfile, dos: IsoDate): FrequencyCounter[] {
  const counters: FrequencyCounter[] = []
  for (const limit of limitsInForce(profile, dos)) {
    const buckets = bucketsNear(index, limit, dos)
    for (const region of [null, ...SPINAL_REGIONS]) {
      const bucket = buckets.get(region)
      if (bucket) counters.push(counterFor(limit, region, bucket, dos))
    }
  }
  return counters
}

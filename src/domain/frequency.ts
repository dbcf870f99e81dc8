import { addDays, addMonths, isWithin, type IsoDate } from './dates.ts'
import type { Session } from './history.ts'
import type { FrequencyLimit, PayerProfile } from './payer-profile.ts'
import type { FrequencyCounter } from './types.ts'
import type { SpinalRegion } from './vocabulary.ts'

type Interval = FrequencyLimit['window']

function addInterval(date: IsoDate, interval: Interval, sign: 1 | -1): IsoDate {
  return interval.unit === 'months' ? addMonths(date, sign * interval.amount) : addDays(date, sign * interval.amount)
}

/** Sessions in the rolling window that ends on `end`: after end minus the window, up to end. */
function inWindowEndingOn(sorted: readonly Session[], end: IsoDate, window: Interval): Session[] {
  const after = addInterval(end, window, -1)
  return sorted.filter((s) => s.dateOfService > after && s.dateOfService <= end)
}

/** The first date from `start` on which one more session keeps the limit and the minimum interval. */
function nextAllowed(sorted: readonly Session[], start: IsoDate, limit: FrequencyLimit): IsoDate {
  let day = start
  for (let guard = 0; guard < 200; guard++) {
    const within = inWindowEndingOn(sorted, day, limit.window)
    if (within.length >= limit.limit) {
      const oldest = within[within.length - limit.limit]
      if (oldest) { day = addInterval(oldest.dateOfService, limit.window, 1); continue }
    }
    const previous = [...within].reverse().find((s) => s.dateOfService <= day)
    if (limit.minInterval && previous) {
      const earliest = addInterval(previous.dateOfService, limit.minInterval, 1)
      if (day < earliest) { day = earliest; continue }
    }
    if (sorted.some((s) => s.dateOfService === day)) { day = addDays(day, 1); continue }
    return day
  }
  return day
}

function counterFor(limit: FrequencyLimit, region: SpinalRegion | null, bucket: readonly Session[], dos: IsoDate): FrequencyCounter {
  const includesCurrent = bucket.some((s) => s.source === 'current')
  // The busiest rolling window that contains the date of service: later history counts too.
  const ends = [dos, ...bucket.filter((s) => s.dateOfService > dos && addInterval(s.dateOfService, limit.window, -1) < dos).map((s) => s.dateOfService)]
  let best = { end: dos, sessions: inWindowEndingOn(bucket, dos, limit.window) }
  for (const end of ends.slice(1)) {
    const sessions = inWindowEndingOn(bucket, end, limit.window)
    if (sessions.length > best.sessions.length) best = { end, sessions }
  }
  const used = best.sessions.length
  return {
    limitId: limit.id,
    family: limit.family,
    region,
    purpose: limit.purposes ? limit.purposes.join(' + ') : null,
    used,
    limit: limit.limit,
    window: { amount: limit.window.amount, unit: limit.window.unit, from: addDays(addInterval(best.end, limit.window, -1), 1), to: best.end },
    sessions: best.sessions.map((s) => ({ dateOfService: s.dateOfService, providers: s.providers, codes: s.codes, source: s.source })),
    includesCurrent,
    exceeded: includesCurrent && used > limit.limit,
    nextAllowedDate: nextAllowed(bucket, includesCurrent ? addDays(dos, 1) : dos, limit),
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
 * Every rolling-window counter that applies to the patient on the date of service: for
 * each limit in force, per region or across regions as the profile says, wherever the
 * encounter or the history near the date has a session of that family.
 */
export function computeCounters(sessions: readonly Session[], profile: PayerProfile, dos: IsoDate): FrequencyCounter[] {
  const counters: FrequencyCounter[] = []
  for (const limit of limitsInForce(profile, dos)) {
    const lower = addInterval(dos, limit.window, -1)
    const upper = addInterval(dos, limit.window, 1)
    const relevant = sessions.filter(
      (s) => s.family === limit.family && (limit.purposes === null || (s.purpose !== null && limit.purposes.includes(s.purpose))) &&
        s.dateOfService > lower && s.dateOfService < upper,
    )
    if (relevant.length === 0) continue
    if (limit.scope === 'all-regions') {
      counters.push(counterFor(limit, null, mergeByDate(relevant), dos))
      continue
    }
    const regions = [...new Set(relevant.map((s) => s.region))]
    for (const region of regions) counters.push(counterFor(limit, region, mergeByDate(relevant.filter((s) => s.region === region)), dos))
  }
  return counters
}

/** Across regions, one date is one session however many regions it touched. */
function mergeByDate(sessions: readonly Session[]): Session[] {
  const byDate = new Map<string, Session>()
  for (const s of sessions) {
    const existing = byDate.get(s.dateOfService)
    if (!existing) { byDate.set(s.dateOfService, { ...s, providers: [...s.providers], codes: [...s.codes] }); continue }
    if (s.source === 'current') existing.source = 'current'
    for (const p of s.providers) if (!existing.providers.includes(p)) existing.providers.push(p)
    for (const c of s.codes) if (!existing.codes.includes(c)) existing.codes.push(c)
  }
  return [...byDate.values()]
}

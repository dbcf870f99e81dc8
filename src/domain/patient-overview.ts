import type { IsoDate } from './dates.ts'
import { computeCounters } from './frequency.ts'
import { deriveSessions, historySessionIndex, type Session } from './history.ts'
import type { PayerProfile } from './payer-profile.ts'
import type { HistoryLine } from './schema.ts'
import type { FrequencyCounter } from './types.ts'
import { PROCEDURE_TYPES, SPINAL_REGIONS, type Family, type SpinalRegion } from './vocabulary.ts'

/** One row of a patient's timeline: the sessions of one family in one region, in date order. */
export interface TimelineRow {
  family: Family
  /** Null for trigger point injections, which have no spinal region. */
  region: SpinalRegion | null
  sessions: Session[]
}

/**
 * Where a patient stands against one limit on the as-of date:
 * - `open`: a session on that date keeps the limit (and its minimum interval);
 * - `too-soon`: under the limit, but the minimum interval since the last session (or a
 *   session already on that date) puts the next eligible date later;
 * - `at-limit`: the window already holds as many sessions as the limit allows;
 * - `over`: the recorded sessions alone are more than the limit allows.
 */
export type CounterStanding = 'open' | 'too-soon' | 'at-limit' | 'over'

export interface PatientCounter extends FrequencyCounter {
  standing: CounterStanding
}

export interface PatientOverview {
  asOf: IsoDate
  timeline: TimelineRow[]
  counters: PatientCounter[]
}

/** Where a history-only counter leaves a new session on `asOf`. */
export function counterStanding(counter: Pick<FrequencyCounter, 'used' | 'limit' | 'nextAllowedDate'>, asOf: IsoDate): CounterStanding {
  if (counter.used > counter.limit) return 'over'
  if (counter.used === counter.limit) return 'at-limit'
  return counter.nextAllowedDate > asOf ? 'too-soon' : 'open'
}

/** The patient's sessions by family (trigger point, facet, RFA, epidural), then region, each row in date order. */
export function patientTimeline(history: readonly HistoryLine[]): TimelineRow[] {
  const index = historySessionIndex(history)
  const rows: TimelineRow[] = []
  for (const family of PROCEDURE_TYPES) {
    const sessions = index.get(family) ?? []
    for (const region of [null, ...SPINAL_REGIONS]) {
      const mine = sessions.filter((s) => s.region === region)
      if (mine.length > 0) rows.push({ family, region, sessions: mine })
    }
  }
  return rows
}

/**
 * A patient's ledger seen from one date: the timeline of every session, and each
 * rolling-window counter the payer profile applies on `asOf`, i.e. what a new session of
 * that family and region on `asOf` would face.
 *
 * There is no encounter being coded, so the counters are built from the history alone
 * (an empty `current`), with the worksheet's own rules: a counter exists for each limit
 * in force on `asOf`, per region where the profile says so, wherever the patient has a
 * session inside some rolling window that contains `asOf` (a session dated after `asOf`
 * counts too, as it does for a worksheet dated in the past). `used` is the busiest such
 * window, `sessions` are the ones it counts, and `nextAllowedDate` is the first day from
 * `asOf` on which one more session keeps the limit and its minimum interval (the day after
 * `asOf` when a session of the counter is already on `asOf`: the same date is the same
 * session). `includesCurrent` is always false; `exceeded` says the recorded sessions
 * alone are over the limit, and `standing` says where a new session on `asOf` stands.
 */
export function patientOverview(history: readonly HistoryLine[], profile: PayerProfile, asOf: IsoDate): PatientOverview {
  const index = deriveSessions(history, { dateOfService: asOf, providerId: '', lines: [] })
  const counters = computeCounters(index, profile, asOf).map((c): PatientCounter => ({
    ...c,
    exceeded: c.used > c.limit,
    standing: counterStanding(c, asOf),
  }))
  return { asOf, timeline: patientTimeline(history), counters }
}

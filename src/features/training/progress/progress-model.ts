import { isIsoDate, toDayNumber } from '../../../domain/dates.ts'
import { CASE_LEVELS, type CaseLevel } from '../../../domain/training/types.ts'
import { PROCEDURE_TYPES, type Family } from '../../../domain/vocabulary.ts'
import type { TrainingAttemptRecord, UserRecord } from '../../../storage/types.ts'
import { localDateOf } from './local-date.ts'

/*
 * Training progress, computed from the stored attempts: pure, no React. Every figure is computed
 * from the attempts' own stored grade (score, lineScore, findingScore, caughtRules, missedRules,
 * falseFlags), so progress reads the same after a case or the rule module changes.
 */

export interface LevelProgress {
  level: CaseLevel
  attempts: number
  /** Mean percent of the level's attempts, 0..100; null with none. */
  averagePercent: number | null
}

export interface FamilyProgress {
  family: Family
  /** Attempts at cases that exercise the family; a case of two families counts for both. */
  attempts: number
  /** Means of the attempts' line score, finding score and overall percent, each 0..100; null with no attempt. */
  averageLineScore: number | null
  averageFindingScore: number | null
  averagePercent: number | null
}

export interface RuleProgress {
  ruleId: string
  /** Attempts whose answer key asked for the rule (an error or warning finding): caught + missed. */
  inKey: number
  caught: number
  missed: number
  /**
   * caught / (caught + missed), 0..1: how often the trainee flagged the rule when the key had it.
   * Null when the rule was never in a key (only flagged wrongly). False flags do not lower it;
   * they are counted apart.
   */
  accuracy: number | null
  /** Attempts where the trainee flagged the rule though the key did not ask for it. */
  falseFlags: number
}

export interface Progress {
  attempts: number
  /** The distinct cases attempted, by id. */
  caseIds: string[]
  averagePercent: number | null
  bestPercent: number | null
  /** The last attempt submitted. */
  latest: TrainingAttemptRecord | null
  /** Every level, in CASE_LEVELS order. */
  byLevel: LevelProgress[]
  /** Every family, in PROCEDURE_TYPES order (then any other family attempted, by name). */
  byFamily: FamilyProgress[]
  /** Every rule that was in a key or flagged wrongly, by id. */
  rules: RuleProgress[]
  /** See mostMissedRules. */
  mostMissed: RuleProgress[]
  /** Local calendar days with at least one attempt. */
  daysPractised: number
  /**
   * Consecutive practice days ending today, or ending yesterday when there is no attempt today yet
   * (the streak is still alive until today ends); 0 when neither today nor yesterday had one.
   */
  currentDayStreak: number
  longestDayStreak: number
  /** Consecutive attempts, in submission order, scoring 100%: the run ending at the latest attempt, and the longest run. */
  currentPerfectStreak: number
  longestPerfectStreak: number
  /** The latest attempts, newest first. */
  recent: TrainingAttemptRecord[]
}

export interface ProgressOptions {
  /** How many rules mostMissed lists (default 5). */
  mostMissed?: number
  /** How many attempts recent lists (default 10). */
  recent?: number
}

export const DEFAULT_MOST_MISSED = 5
export const DEFAULT_RECENT = 10

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const timeOf = (iso: string): number => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? -Infinity : t
}

/**
 * Submission order: by the moment submitted (an unreadable time first), then the text, then the
 * id, so any input order gives one result.
 */
export function bySubmission(a: TrainingAttemptRecord, b: TrainingAttemptRecord): number {
  const ta = timeOf(a.submittedAt)
  const tb = timeOf(b.submittedAt)
  return (ta === tb ? 0 : ta < tb ? -1 : 1) || byText(a.submittedAt, b.submittedAt) || byText(a.id, b.id)
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length

/**
 * Rules missed at least once, most missed first; equal counts put the lower accuracy first, then
 * the rule id; at most `limit`.
 */
export function mostMissedRules(rules: readonly RuleProgress[], limit = DEFAULT_MOST_MISSED): RuleProgress[] {
  return rules
    .filter((r) => r.missed > 0)
    .sort((a, b) => b.missed - a.missed || (a.accuracy ?? 0) - (b.accuracy ?? 0) || byText(a.ruleId, b.ruleId))
    .slice(0, Math.max(0, limit))
}

/** Per rule: in how many keys, caught, missed, and wrongly flagged. A rule listed twice in one attempt counts once. */
export function ruleProgress(attempts: readonly TrainingAttemptRecord[]): RuleProgress[] {
  const rules = new Map<string, RuleProgress>()
  const entry = (ruleId: string) => {
    let r = rules.get(ruleId)
    if (!r) rules.set(ruleId, (r = { ruleId, inKey: 0, caught: 0, missed: 0, accuracy: null, falseFlags: 0 }))
    return r
  }
  for (const a of attempts) {
    const caught = new Set(a.caughtRules)
    for (const id of caught) entry(id).caught++
    for (const id of new Set(a.missedRules)) if (!caught.has(id)) entry(id).missed++
    for (const id of new Set(a.falseFlags)) entry(id).falseFlags++
  }
  return [...rules.values()]
    .map((r) => {
      const inKey = r.caught + r.missed
      return { ...r, inKey, accuracy: inKey === 0 ? null : r.caught / inKey }
    })
    .sort((a, b) => byText(a.ruleId, b.ruleId))
}

/** Longest run of consecutive day numbers, and the run ending today (or yesterday when today has none). */
function dayStreaks(days: ReadonlySet<number>, today: number): { current: number; longest: number } {
  let longest = 0
  for (const day of days) {
    if (days.has(day - 1)) continue
    let run = 1
    while (days.has(day + run)) run++
    longest = Math.max(longest, run)
  }
  const end = days.has(today) ? today : days.has(today - 1) ? today - 1 : null
  let current = 0
  if (end !== null) while (days.has(end - current)) current++
  return { current, longest }
}

function perfectStreaks(ordered: readonly TrainingAttemptRecord[]): { current: number; longest: number } {
  let run = 0
  let longest = 0
  for (const a of ordered) {
    run = a.percent === 100 ? run + 1 : 0
    longest = Math.max(longest, run)
  }
  return { current: run, longest }
}

function familyProgress(attempts: readonly TrainingAttemptRecord[]): FamilyProgress[] {
  const groups = new Map<Family, TrainingAttemptRecord[]>(PROCEDURE_TYPES.map((f) => [f, []]))
  for (const a of attempts) {
    for (const f of new Set(a.families)) {
      const list = groups.get(f)
      if (list) list.push(a)
      else groups.set(f, [a])
    }
  }
  const known: readonly string[] = PROCEDURE_TYPES
  const order = [...PROCEDURE_TYPES, ...[...groups.keys()].filter((f) => !known.includes(f)).sort(byText)]
  return order.map((family) => {
    const list = groups.get(family) ?? []
    return {
      family,
      attempts: list.length,
      averageLineScore: mean(list.map((a) => a.lineScore * 100)),
      averageFindingScore: mean(list.map((a) => a.findingScore * 100)),
      averagePercent: mean(list.map((a) => a.percent)),
    }
  })
}

/**
 * One person's progress from their attempts (any order). `today` is the local calendar date
 * (YYYY-MM-DD) the day streak ends at; each attempt's day is its submittedAt on this computer's
 * calendar. Throws a RangeError when `today` is not a date.
 */
export function progressOf(attempts: readonly TrainingAttemptRecord[], today: string, options: ProgressOptions = {}): Progress {
  if (!isIsoDate(today)) throw new RangeError(`progressOf needs today as YYYY-MM-DD (got "${today}").`)
  const ordered = [...attempts].sort(bySubmission)
  const percents = ordered.map((a) => a.percent)
  const days = new Set<number>()
  for (const a of ordered) {
    const day = localDateOf(a.submittedAt)
    if (day !== null) days.add(toDayNumber(day))
  }
  const dayStreak = dayStreaks(days, toDayNumber(today))
  const perfect = perfectStreaks(ordered)
  const rules = ruleProgress(ordered)
  const recentLimit = Math.max(0, Math.floor(options.recent ?? DEFAULT_RECENT))
  return {
    attempts: ordered.length,
    caseIds: [...new Set(ordered.map((a) => a.caseId))].sort(byText),
    averagePercent: mean(percents),
    bestPercent: percents.length === 0 ? null : Math.max(...percents),
    latest: ordered.at(-1) ?? null,
    byLevel: CASE_LEVELS.map((level) => {
      const list = ordered.filter((a) => a.caseLevel === level)
      return { level, attempts: list.length, averagePercent: mean(list.map((a) => a.percent)) }
    }),
    byFamily: familyProgress(ordered),
    rules,
    mostMissed: mostMissedRules(rules, options.mostMissed ?? DEFAULT_MOST_MISSED),
    daysPractised: days.size,
    currentDayStreak: dayStreak.current,
    longestDayStreak: dayStreak.longest,
    currentPerfectStreak: perfect.current,
    longestPerfectStreak: perfect.longest,
    recent: recentLimit === 0 ? [] : ordered.slice(-recentLimit).reverse(),
  }
}

/** One row of the supervisor's table of trainees. */
export interface TraineeSummary {
  userId: string
  /** The profile's name; for attempts of a profile no longer stored, the name on its latest attempt. */
  name: string
  /** Null when the profile is no longer stored. */
  role: UserRecord['role'] | null
  attempts: number
  cases: number
  averagePercent: number | null
  /** submittedAt of the latest attempt. */
  lastAttemptAt: string | null
  currentDayStreak: number
  /** The rule missed most (see mostMissedRules); null when none was missed. */
  topMissed: RuleProgress | null
}

/**
 * The supervisor's view: every trainee (with or without attempts) and anyone else who has
 * attempts, by name then id.
 */
export function traineeSummaries(users: readonly UserRecord[], attempts: readonly TrainingAttemptRecord[], today: string): TraineeSummary[] {
  const byUser = new Map<string, TrainingAttemptRecord[]>()
  for (const a of attempts) {
    const list = byUser.get(a.userId)
    if (list) list.push(a)
    else byUser.set(a.userId, [a])
  }
  const profiles = new Map(users.map((u) => [u.id, u]))
  const ids = new Set([...users.filter((u) => u.role === 'trainee').map((u) => u.id), ...byUser.keys()])
  return [...ids]
    .map((userId): TraineeSummary => {
      const p = progressOf(byUser.get(userId) ?? [], today, { mostMissed: 1, recent: 0 })
      const profile = profiles.get(userId)
      return {
        userId,
        name: profile?.name ?? p.latest?.userName ?? userId,
        role: profile?.role ?? null,
        attempts: p.attempts,
        cases: p.caseIds.length,
        averagePercent: p.averagePercent,
        lastAttemptAt: p.latest?.submittedAt ?? null,
        currentDayStreak: p.currentDayStreak,
        topMissed: p.mostMissed[0] ?? null,
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name) || byText(a.userId, b.userId))
}

/** What the progress page shows a viewer asking for `userId` (null: the default view). */
export type ProgressAccess =
  /** No profile chosen yet. */
  | { kind: 'no-user' }
  /** A supervisor's table of every trainee. */
  | { kind: 'all-trainees' }
  | { kind: 'person'; userId: string; own: boolean }
  /** Someone other than a supervisor asking for another person's progress. */
  | { kind: 'refused'; userId: string }

/** Supervisors see everyone's progress; anyone else sees only their own. */
export function progressAccess(viewer: Pick<UserRecord, 'id' | 'role'> | null, userId: string | null): ProgressAccess {
  if (!viewer) return { kind: 'no-user' }
  if (userId === null || userId === viewer.id) {
    return viewer.role === 'supervisor' && userId === null ? { kind: 'all-trainees' } : { kind: 'person', userId: viewer.id, own: true }
  }
  return viewer.role === 'supervisor' ? { kind: 'person', userId, own: false } : { kind: 'refused', userId }
}

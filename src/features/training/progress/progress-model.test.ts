import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localDateOf, localToday } from './local-date.ts'
import { mostMissedRules, progressAccess, progressOf, ruleProgress, traineeSummaries, type RuleProgress } from './progress-model.ts'
import { attempt, localMoment, users } from './test-fixtures.ts'

const TODAY = '2026-11-27'

describe('progressOf: totals', () => {
  it('has no figures and no streak without attempts', () => {
    const p = progressOf([], TODAY)
    expect(p).toMatchObject({
      attempts: 0, caseIds: [], averagePercent: null, bestPercent: null, latest: null, rules: [], mostMissed: [],
      daysPractised: 0, currentDayStreak: 0, longestDayStreak: 0, currentPerfectStreak: 0, longestPerfectStreak: 0, recent: [],
    })
    expect(p.byLevel).toEqual([
      { level: 'new', attempts: 0, averagePercent: null },
      { level: 'intermediate', attempts: 0, averagePercent: null },
      { level: 'advanced', attempts: 0, averagePercent: null },
    ])
    expect(p.byFamily.map((f) => [f.family, f.attempts, f.averagePercent])).toEqual([
      ['trigger-point', 0, null], ['facet-injection', 0, null], ['facet-rfa', 0, null], ['epidural', 0, null],
    ])
  })

  it('counts attempts and distinct cases, averages and keeps the best percent and the latest attempt', () => {
    const a = attempt({ caseId: 'fac-01', percent: 60, day: '2026-11-20' })
    const b = attempt({ caseId: 'fac-01', percent: 90, day: '2026-11-22' })
    const c = attempt({ caseId: 'tpi-01', percent: 75, day: '2026-11-21' })
    const p = progressOf([a, b, c], TODAY)
    expect(p.attempts).toBe(3)
    expect(p.caseIds).toEqual(['fac-01', 'tpi-01'])
    expect(p.averagePercent).toBe(75)
    expect(p.bestPercent).toBe(90)
    expect(p.latest?.id).toBe(b.id)
  })

  it('averages each level separately and lists every level', () => {
    const p = progressOf([
      attempt({ caseLevel: 'new', percent: 100 }), attempt({ caseLevel: 'new', percent: 50 }), attempt({ caseLevel: 'advanced', percent: 40 }),
    ], TODAY)
    expect(p.byLevel).toEqual([
      { level: 'new', attempts: 2, averagePercent: 75 },
      { level: 'intermediate', attempts: 0, averagePercent: null },
      { level: 'advanced', attempts: 1, averagePercent: 40 },
    ])
  })

  it('counts a case of two families for each family, with line, finding and overall averages in percent', () => {
    const both = attempt({ families: ['facet-rfa', 'epidural'], lineScore: 1, findingScore: 0.5, score: 0.8, percent: 80 })
    const rfa = attempt({ families: ['facet-rfa'], lineScore: 0.5, findingScore: 1, score: 0.7, percent: 70 })
    const p = progressOf([both, rfa], TODAY)
    const byFamily = Object.fromEntries(p.byFamily.map((f) => [f.family, f]))
    expect(byFamily['facet-rfa']).toEqual({ family: 'facet-rfa', attempts: 2, averageLineScore: 75, averageFindingScore: 75, averagePercent: 75 })
    expect(byFamily.epidural).toEqual({ family: 'epidural', attempts: 1, averageLineScore: 100, averageFindingScore: 50, averagePercent: 80 })
    expect(byFamily['trigger-point'].attempts).toBe(0)
  })

  it('lists the latest attempts newest first, at most the number asked', () => {
    const list = ['2026-11-20', '2026-11-24', '2026-11-22', '2026-11-21'].map((day) => attempt({ day }))
    expect(progressOf(list, TODAY, { recent: 3 }).recent.map((a) => a.submittedAt)).toEqual(
      ['2026-11-24', '2026-11-22', '2026-11-21'].map((d) => localMoment(d)),
    )
    expect(progressOf(list, TODAY, { recent: 0 }).recent).toEqual([])
    expect(progressOf(list, TODAY).recent).toHaveLength(4)
  })

  it('refuses a today that is not a date', () => {
    expect(() => progressOf([], '27/11/2026')).toThrow(RangeError)
  })
})

describe('progressOf: rules', () => {
  it('counts a rule as caught or missed per attempt whose key had it, with accuracy caught / (caught + missed)', () => {
    const p = progressOf([
      attempt({ caughtRules: ['FAC-KX'], missedRules: ['FREQ-LIMIT'] }),
      attempt({ caughtRules: [], missedRules: ['FAC-KX', 'FREQ-LIMIT'] }),
      attempt({ caughtRules: ['FAC-KX', 'FREQ-LIMIT'], missedRules: [] }),
      attempt({ caughtRules: ['FAC-KX'], missedRules: [] }),
    ], TODAY)
    expect(p.rules).toEqual([
      { ruleId: 'FAC-KX', inKey: 4, caught: 3, missed: 1, accuracy: 0.75, falseFlags: 0 },
      { ruleId: 'FREQ-LIMIT', inKey: 3, caught: 1, missed: 2, accuracy: 1 / 3, falseFlags: 0 },
    ])
  })

  it('counts false flags apart: they neither catch nor miss, and a rule only flagged wrongly has no accuracy', () => {
    const p = progressOf([
      attempt({ caughtRules: ['FAC-KX'], falseFlags: ['DX-RED-FLAG'] }),
      attempt({ missedRules: ['FAC-KX'], falseFlags: ['DX-RED-FLAG', 'FAC-KX-EXTRA'] }),
      attempt({ caughtRules: ['FAC-KX'], falseFlags: ['FAC-KX'] }),
    ], TODAY)
    expect(p.rules).toEqual([
      { ruleId: 'DX-RED-FLAG', inKey: 0, caught: 0, missed: 0, accuracy: null, falseFlags: 2 },
      { ruleId: 'FAC-KX', inKey: 3, caught: 2, missed: 1, accuracy: 2 / 3, falseFlags: 1 },
      { ruleId: 'FAC-KX-EXTRA', inKey: 0, caught: 0, missed: 0, accuracy: null, falseFlags: 1 },
    ])
  })

  it('counts a rule repeated in one attempt once, and a rule both caught and missed as caught', () => {
    const [rule] = ruleProgress([attempt({ caughtRules: ['FAC-KX', 'FAC-KX'], missedRules: ['FAC-KX'], falseFlags: [] })])
    expect(rule).toEqual({ ruleId: 'FAC-KX', inKey: 1, caught: 1, missed: 0, accuracy: 1, falseFlags: 0 })
  })

  it('ranks the most missed by missed count, then lower accuracy, then id, only rules missed at least once', () => {
    const rule = (ruleId: string, caught: number, missed: number): RuleProgress =>
      ({ ruleId, inKey: caught + missed, caught, missed, accuracy: caught / (caught + missed), falseFlags: 0 })
    const rules = [rule('A-NEVER-MISSED', 4, 0), rule('B', 3, 2), rule('C', 0, 2), rule('D', 1, 3), rule('E', 3, 2), rule('F', 0, 1), rule('G', 9, 1)]
    expect(mostMissedRules(rules).map((r) => r.ruleId)).toEqual(['D', 'C', 'B', 'E', 'F'])
    expect(mostMissedRules(rules, 2).map((r) => r.ruleId)).toEqual(['D', 'C'])
    expect(mostMissedRules(rules, 10).map((r) => r.ruleId)).toEqual(['D', 'C', 'B', 'E', 'F', 'G'])
  })

  it('gives the most missed rules of the attempts, five by default', () => {
    const missedOnce = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'].map((id) => attempt({ missedRules: [id] }))
    const p = progressOf([...missedOnce, attempt({ missedRules: ['R6'] })], TODAY)
    expect(p.mostMissed.map((r) => [r.ruleId, r.missed])).toEqual([['R6', 2], ['R1', 1], ['R2', 1], ['R3', 1], ['R4', 1]])
    expect(progressOf(missedOnce, TODAY, { mostMissed: 1 }).mostMissed.map((r) => r.ruleId)).toEqual(['R1'])
  })
})

describe('progressOf: streaks', () => {
  const onDays = (...days: string[]) => days.map((day) => attempt({ day }))

  it('counts practice days once each, however many attempts a day has', () => {
    const p = progressOf([...onDays('2026-11-20', '2026-11-20', '2026-11-22'), attempt({ submittedAt: localMoment('2026-11-22', 23, 59) })], TODAY)
    expect(p.daysPractised).toBe(2)
  })

  it('runs the current day streak back from today', () => {
    const p = progressOf(onDays('2026-11-25', '2026-11-26', '2026-11-27', '2026-11-20'), TODAY)
    expect(p.currentDayStreak).toBe(3)
    expect(p.longestDayStreak).toBe(3)
  })

  it('keeps the streak alive from yesterday while today has no attempt yet', () => {
    expect(progressOf(onDays('2026-11-25', '2026-11-26'), TODAY).currentDayStreak).toBe(2)
  })

  it('breaks the current streak after a day without practice, keeping the longest', () => {
    const p = progressOf(onDays('2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-25'), TODAY)
    expect(p.currentDayStreak).toBe(0)
    expect(p.longestDayStreak).toBe(4)
  })

  it('runs streaks across a month and a year end', () => {
    expect(progressOf(onDays('2026-12-30', '2026-12-31', '2027-01-01'), '2027-01-01').currentDayStreak).toBe(3)
    expect(progressOf(onDays('2026-02-28', '2026-03-01'), '2026-03-02').currentDayStreak).toBe(2)
  })

  it('counts consecutive 100% attempts in submission order, whatever order they come in', () => {
    const scores = [100, 100, 100, 90, 100, 100]
    const list = scores.map((percent, i) => attempt({ percent, submittedAt: localMoment('2026-11-20', 8 + i) }))
    const p = progressOf([...list].reverse(), TODAY)
    expect(p.longestPerfectStreak).toBe(3)
    expect(p.currentPerfectStreak).toBe(2)
    expect(progressOf([...list, attempt({ percent: 99, submittedAt: localMoment('2026-11-21') })], TODAY).currentPerfectStreak).toBe(0)
  })
})

describe('local dates', () => {
  const saved = process.env.TZ
  beforeAll(() => { process.env.TZ = 'America/New_York' })
  afterAll(() => { if (saved === undefined) delete process.env.TZ; else process.env.TZ = saved })

  it('puts an attempt on the local calendar day it was submitted, not the UTC one', () => {
    expect(localDateOf('2026-11-27T03:30:00.000Z')).toBe('2026-11-26')
    expect(localDateOf('not a time')).toBeNull()
    expect(localToday(new Date('2026-11-27T03:30:00.000Z'))).toBe('2026-11-26')
    const lateEvening = attempt({ submittedAt: '2026-11-27T03:30:00.000Z' })
    const p = progressOf([attempt({ submittedAt: '2026-11-25T15:00:00.000Z' }), lateEvening], '2026-11-26')
    // Read in UTC the days would be the 25th and the 27th, with no streak through the 26th.
    expect(p.currentDayStreak).toBe(2)
    expect(p.daysPractised).toBe(2)
  })
})

describe('traineeSummaries', () => {
  it('lists every trainee, with or without attempts, and anyone else with attempts, by name', () => {
    const rows = traineeSummaries(Object.values(users), [
      attempt({ userId: users.tess.id, caseId: 'fac-01', percent: 80, day: '2026-11-26', missedRules: ['FAC-KX'] }),
      attempt({ userId: users.tess.id, caseId: 'fac-02', percent: 100, day: '2026-11-27', caughtRules: ['FAC-KX'] }),
      attempt({ userId: users.carla.id, userName: 'Carla Coder', percent: 50, day: '2026-11-01' }),
      attempt({ userId: 'U-GONE', userName: 'Former Trainee', percent: 70, day: '2026-10-01' }),
    ], TODAY)
    expect(rows.map((r) => [r.name, r.role, r.attempts, r.cases, r.averagePercent, r.currentDayStreak])).toEqual([
      ['Carla Coder', 'coder', 1, 1, 50, 0],
      ['Former Trainee', null, 1, 1, 70, 0],
      ['Nico New', 'trainee', 0, 0, null, 0],
      ['Tess Trainee', 'trainee', 2, 2, 90, 2],
    ])
    const tess = rows[3]
    expect(tess.lastAttemptAt).toBe(localMoment('2026-11-27'))
    expect(tess.topMissed).toMatchObject({ ruleId: 'FAC-KX', missed: 1, inKey: 2 })
    expect(rows[2]).toMatchObject({ lastAttemptAt: null, topMissed: null })
    expect(rows.some((r) => r.userId === users.sam.id)).toBe(false)
  })
})

describe('progressAccess', () => {
  it('gives a supervisor the table by default and anyone\'s detail', () => {
    expect(progressAccess(users.sam, null)).toEqual({ kind: 'all-trainees' })
    expect(progressAccess(users.sam, users.tess.id)).toEqual({ kind: 'person', userId: users.tess.id, own: false })
    expect(progressAccess(users.sam, users.sam.id)).toEqual({ kind: 'person', userId: users.sam.id, own: true })
  })

  it('gives trainees and coders their own progress only', () => {
    expect(progressAccess(users.tess, null)).toEqual({ kind: 'person', userId: users.tess.id, own: true })
    expect(progressAccess(users.tess, users.tess.id)).toEqual({ kind: 'person', userId: users.tess.id, own: true })
    expect(progressAccess(users.tess, users.nico.id)).toEqual({ kind: 'refused', userId: users.nico.id })
    expect(progressAccess(users.carla, null)).toEqual({ kind: 'person', userId: users.carla.id, own: true })
    expect(progressAccess(users.carla, users.tess.id)).toEqual({ kind: 'refused', userId: users.tess.id })
  })

  it('asks for a profile first', () => {
    expect(progressAccess(null, null)).toEqual({ kind: 'no-user' })
    expect(progressAccess(null, users.tess.id)).toEqual({ kind: 'no-user' })
  })
})

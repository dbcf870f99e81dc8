import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CASE_LEVELS } from '../../../domain/training/types.ts'
import { PROCEDURE_TYPES } from '../../../domain/vocabulary.ts'
import type { TrainingAttemptRecord } from '../../../storage/types.ts'
import { localDateOf } from './local-date.ts'
import { progressOf, traineeSummaries } from './progress-model.ts'
import { attempt, users } from './test-fixtures.ts'

const TODAY = '2026-11-27'
const DAY_MS = 86_400_000
const END = Date.parse('2026-11-28T00:00:00.000Z')

// Few rules, days and cases, so that rules repeat across attempts and days run into streaks.
const ruleArb = fc.constantFrom('FAC-KX', 'FREQ-LIMIT', 'DX-RED-FLAG', 'TPI-MUSCLES', 'ESI-SIDE')
const rulesArb = fc.uniqueArray(ruleArb, { maxLength: 4 })
const attemptArb: fc.Arbitrary<TrainingAttemptRecord> = fc
  .record({
    id: fc.uuid(),
    userId: fc.constantFrom(users.tess.id, users.nico.id, users.carla.id, 'U-OTHER'),
    caseId: fc.constantFrom('fac-01', 'fac-02', 'tpi-01', 'rfa-01', 'esi-01'),
    caseLevel: fc.constantFrom(...CASE_LEVELS),
    families: fc.uniqueArray(fc.constantFrom(...PROCEDURE_TYPES), { minLength: 1, maxLength: 2 }),
    at: fc.integer({ min: END - 12 * DAY_MS, max: END - 1 }),
    lineScore: fc.double({ min: 0, max: 1, noNaN: true }),
    findingScore: fc.double({ min: 0, max: 1, noNaN: true }),
    percent: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(100)),
    keyRules: rulesArb,
    caughtMask: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    falseFlags: rulesArb,
  })
  .map(({ at, keyRules, caughtMask, ...rest }) =>
    attempt({
      ...rest,
      submittedAt: new Date(at).toISOString(),
      caughtRules: keyRules.filter((_, i) => caughtMask[i]),
      missedRules: keyRules.filter((_, i) => !caughtMask[i]),
      falseFlags: rest.falseFlags.filter((r) => !keyRules.includes(r)),
    }),
  )
const attemptsArb = fc.uniqueArray(attemptArb, { selector: (a) => a.id, maxLength: 30 })
const withShuffleArb = attemptsArb.chain((list) =>
  fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
)

const inRange = (x: number | null) => x === null || (x >= 0 && x <= 100)

describe('progress properties', () => {
  it('counts each rule as caught or missed exactly once per attempt whose key had it', () => {
    fc.assert(fc.property(attemptsArb, (list) => {
      for (const r of progressOf(list, TODAY).rules) {
        const inKey = list.filter((a) => a.caughtRules.includes(r.ruleId) || a.missedRules.includes(r.ruleId)).length
        expect(r.caught + r.missed).toBe(inKey)
        expect(r.inKey).toBe(inKey)
        expect(r.caught).toBe(list.filter((a) => a.caughtRules.includes(r.ruleId)).length)
        expect(r.falseFlags).toBe(list.filter((a) => a.falseFlags.includes(r.ruleId)).length)
        if (r.accuracy !== null) expect(r.accuracy).toBeCloseTo(r.caught / r.inKey, 12)
        else expect(r.inKey).toBe(0)
      }
    }))
  })

  it('keeps every average within 0..100 and the best at least the average', () => {
    fc.assert(fc.property(attemptsArb, (list) => {
      const p = progressOf(list, TODAY)
      expect(inRange(p.averagePercent)).toBe(true)
      expect(inRange(p.bestPercent)).toBe(true)
      if (p.averagePercent !== null) expect(p.bestPercent).toBeGreaterThanOrEqual(p.averagePercent)
      for (const l of p.byLevel) expect(inRange(l.averagePercent)).toBe(true)
      for (const f of p.byFamily) {
        for (const v of [f.averageLineScore, f.averageFindingScore, f.averagePercent]) expect(inRange(v)).toBe(true)
      }
    }))
  })

  it('counts every attempt once per level and once per family it exercises', () => {
    fc.assert(fc.property(attemptsArb, (list) => {
      const p = progressOf(list, TODAY)
      expect(p.byLevel.reduce((s, l) => s + l.attempts, 0)).toBe(list.length)
      expect(p.byFamily.reduce((s, f) => s + f.attempts, 0)).toBe(list.reduce((s, a) => s + new Set(a.families).size, 0))
    }))
  })

  it('never has a current streak longer than the longest, nor a streak longer than the days practised', () => {
    fc.assert(fc.property(attemptsArb, (list) => {
      const p = progressOf(list, TODAY)
      expect(p.longestDayStreak).toBeGreaterThanOrEqual(p.currentDayStreak)
      expect(p.daysPractised).toBeGreaterThanOrEqual(p.longestDayStreak)
      expect(p.daysPractised).toBe(new Set(list.map((a) => localDateOf(a.submittedAt))).size)
      expect(p.longestPerfectStreak).toBeGreaterThanOrEqual(p.currentPerfectStreak)
      expect(p.longestPerfectStreak).toBeLessThanOrEqual(list.filter((a) => a.percent === 100).length)
    }))
  })

  it('gives the same result whatever order the attempts come in', () => {
    fc.assert(fc.property(withShuffleArb, ([list, shuffled]) => {
      expect(progressOf(shuffled, TODAY)).toEqual(progressOf(list, TODAY))
      expect(traineeSummaries(Object.values(users), shuffled, TODAY)).toEqual(traineeSummaries(Object.values(users), list, TODAY))
    }))
  })

  it('lists the most missed rules missed at least once, in ranking order', () => {
    fc.assert(fc.property(attemptsArb, fc.integer({ min: 0, max: 6 }), (list, n) => {
      const { mostMissed, rules } = progressOf(list, TODAY, { mostMissed: n })
      expect(mostMissed.length).toBe(Math.min(n, rules.filter((r) => r.missed > 0).length))
      for (let i = 1; i < mostMissed.length; i++) {
        const [a, b] = [mostMissed[i - 1], mostMissed[i]]
        expect(a.missed > b.missed || (a.missed === b.missed && (a.accuracy ?? 0) <= (b.accuracy ?? 0))).toBe(true)
      }
    }))
  })

  it('gives every trainee a row and the rows add up to all attempts', () => {
    fc.assert(fc.property(attemptsArb, (list) => {
      const rows = traineeSummaries(Object.values(users), list, TODAY)
      expect(rows.reduce((s, r) => s + r.attempts, 0)).toBe(list.length)
      for (const t of [users.tess, users.nico]) expect(rows.some((r) => r.userId === t.id)).toBe(true)
    }))
  })
})

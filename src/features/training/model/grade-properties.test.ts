import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AnswerKey } from '../../../domain/training/types.ts'
import { gradeAttempt, type Attempt, type AttemptLine } from './grade.ts'

// Few codes, modifiers and unit counts, so that keys and attempts share codes often and
// same-code lines compete for the same key line.
const codeArb = fc.constantFrom('64493', '64494', '64483', 'J1100', '20552')
const modifierArb = fc.constantFrom('50', 'RT', 'LT', 'KX', '59', 'XS')
const lineArb: fc.Arbitrary<AttemptLine> = fc.record({
  code: codeArb,
  modifiers: fc.array(modifierArb, { maxLength: 3 }),
  units: fc.integer({ min: 1, max: 3 }),
})
const ruleIdArb = fc.constantFrom('FREQ-LIMIT', 'FREQ-INTERVAL', 'FAC-KX', 'DX-RED-FLAG', 'NCCI-NOT-LOADED', 'LOCAL-RULE')
const keyArb: fc.Arbitrary<AnswerKey> = fc.record({
  lines: fc.array(lineArb, { maxLength: 6 }),
  findings: fc.array(fc.record({ ruleId: ruleIdArb, severity: fc.constantFrom('error', 'warning', 'info') }), { maxLength: 5 }),
})
const attemptArb: fc.Arbitrary<Attempt> = fc.record({
  lines: fc.array(lineArb, { maxLength: 7 }),
  flaggedRuleIds: fc.array(ruleIdArb, { maxLength: 4 }),
})

/** The attempt with its lines, and each line's modifiers, in another order. */
const permutedArb = (attempt: Attempt): fc.Arbitrary<Attempt> =>
  fc
    .tuple(
      fc.shuffledSubarray(attempt.lines, { minLength: attempt.lines.length, maxLength: attempt.lines.length }),
      fc.shuffledSubarray(attempt.flaggedRuleIds, { minLength: attempt.flaggedRuleIds.length, maxLength: attempt.flaggedRuleIds.length }),
    )
    .chain(([lines, flaggedRuleIds]) =>
      fc
        .tuple(...lines.map((l) => fc.shuffledSubarray(l.modifiers, { minLength: l.modifiers.length, maxLength: l.modifiers.length })))
        .map((modifiers) => ({ lines: lines.map((l, i) => ({ ...l, modifiers: modifiers[i] })), flaggedRuleIds })),
    )

/** The key's lines typed the way a trainee might: lower case, stray spaces, modifiers reversed. */
const typedLikeATrainee = (l: AttemptLine): AttemptLine => ({
  code: ` ${l.code.toLowerCase()} `,
  modifiers: l.modifiers.map((m) => `${m.toLowerCase()} `).reverse(),
  units: l.units,
})

describe('gradeAttempt properties', () => {
  it('keeps every score within 0..1 and the percent within 0..100', () => {
    fc.assert(
      fc.property(keyArb, attemptArb, (key, attempt) => {
        const grade = gradeAttempt(key, attempt)
        for (const s of [grade.lineScore, grade.findingScore, grade.score]) {
          expect(s).toBeGreaterThanOrEqual(0)
          expect(s).toBeLessThanOrEqual(1)
        }
        expect(grade.percent).toBe(Math.round(grade.score * 100))
        expect(grade.lines.filter((v) => v.kind !== 'extra')).toHaveLength(key.lines.length)
      }),
      { numRuns: 500 },
    )
  })

  it('scores 1 when the key itself is the attempt, however it is typed', () => {
    fc.assert(
      fc.property(keyArb, fc.boolean(), (key, messy) => {
        const flaggedRuleIds = key.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId)
        const lines = messy ? key.lines.map(typedLikeATrainee) : key.lines
        const grade = gradeAttempt(key, { lines, flaggedRuleIds })
        expect(grade.score).toBe(1)
        expect(grade.percent).toBe(100)
        expect(grade.lines.every((v) => v.kind === 'correct')).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('never changes the score when the attempt lines, their modifiers or the flags are reordered', () => {
    fc.assert(
      fc.property(
        keyArb,
        attemptArb.chain((attempt) => fc.tuple(fc.constant(attempt), permutedArb(attempt))),
        (key, [attempt, permuted]) => {
          const a = gradeAttempt(key, attempt)
          const b = gradeAttempt(key, permuted)
          expect(b.lineScore).toBeCloseTo(a.lineScore, 12)
          expect(b.findingScore).toBe(a.findingScore)
          expect(b.score).toBeCloseTo(a.score, 12)
          expect(b.percent).toBe(a.percent)
          expect(b.lines.map((v) => v.kind).sort()).toEqual(a.lines.map((v) => v.kind).sort())
        },
      ),
      { numRuns: 500 },
    )
  })
})

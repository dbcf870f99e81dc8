import { describe, expect, it } from 'vitest'
import { rulesById } from '../../../domain/index.ts'
import { practiceCases } from '../../../domain/training/cases/index.ts'
import type { AnswerKey } from '../../../domain/training/types.ts'
import { gradeAttempt, normalizeAttemptLine, type Attempt, type AttemptLine, type LineVerdict } from './grade.ts'
import { rationaleOf } from '../../../domain/rules/rationales.ts'

const keyOf = (id: string): AnswerKey => {
  const found = practiceCases.find((c) => c.id === id)
  if (!found) throw new Error(`no practice case ${id}`)
  return found.answerKey
}
/** fac-01: one line 64493 50 KX × 1 (Medicare bilateral diagnostic block); info findings only. */
const fac01 = keyOf('fac-01')
/** esi-15: 64483 RT × 1 and J1100 × 10; FREQ-LIMIT error, FREQ-INTERVAL warning, two info rules. */
const esi15 = keyOf('esi-15')
const ESI15_FLAGS = ['FREQ-LIMIT', 'FREQ-INTERVAL']

const line = (code: string, modifiers: string[], units: number): AttemptLine => ({ code, modifiers, units })
const kinds = (verdicts: readonly LineVerdict[]) => verdicts.map((v) => v.kind)
const ruleTitle = (id: string) => rulesById.get(id)?.title
const ruleRationale = (id: string) => (rulesById.has(id) ? rationaleOf(id) : undefined)

describe('the shipped keys this file relies on', () => {
  it('still have the lines and findings the tests below assume', () => {
    expect(fac01.lines).toEqual([line('64493', ['50', 'KX'], 1)])
    expect(fac01.findings.every((f) => f.severity === 'info')).toBe(true)
    expect(esi15.lines).toEqual([line('64483', ['RT'], 1), line('J1100', [], 10)])
    expect(esi15.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId)).toEqual(ESI15_FLAGS)
  })
})

describe('gradeAttempt: claim lines', () => {
  const cases: {
    name: string
    key: AnswerKey
    attempt: Attempt
    kinds: LineVerdict['kind'][]
    lineScore: number
    percent: number
    wrong?: ('modifiers' | 'units')[]
  }[] = [
    {
      name: 'scores 100 when the trainee bills exactly the key: 64493 50 KX × 1',
      key: fac01, attempt: { lines: [line('64493', ['50', 'KX'], 1)], flaggedRuleIds: [] },
      kinds: ['correct'], lineScore: 1, percent: 100,
    },
    {
      name: 'gives full credit for KX 50 instead of 50 KX: modifier order is ignored',
      key: fac01, attempt: { lines: [line('64493', ['KX', '50'], 1)], flaggedRuleIds: [] },
      kinds: ['correct'], lineScore: 1, percent: 100,
    },
    {
      name: 'gives partial credit for a bilateral 64493 50 billed with 2 units: units wrong',
      key: fac01, attempt: { lines: [line('64493', ['50', 'KX'], 2)], flaggedRuleIds: [] },
      kinds: ['partial'], wrong: ['units'], lineScore: 0.8, percent: 88,
    },
    {
      name: 'gives partial credit for a bilateral 64493 without modifier 50: modifiers wrong',
      key: fac01, attempt: { lines: [line('64493', ['KX'], 1)], flaggedRuleIds: [] },
      kinds: ['partial'], wrong: ['modifiers'], lineScore: 0.7, percent: 82,
    },
    {
      name: 'gives code credit only for 64493 RT × 2 when the key is 64493 50 KX × 1',
      key: fac01, attempt: { lines: [line('64493', ['RT'], 2)], flaggedRuleIds: [] },
      kinds: ['partial'], wrong: ['modifiers', 'units'], lineScore: 0.5, percent: 70,
    },
    {
      name: 'counts a duplicated modifier as wrong: 50 50 KX is not 50 KX',
      key: fac01, attempt: { lines: [line('64493', ['50', '50', 'KX'], 1)], flaggedRuleIds: [] },
      kinds: ['partial'], wrong: ['modifiers'], lineScore: 0.7, percent: 82,
    },
    {
      name: 'marks the J1100 line missing when only the epidural is billed',
      key: esi15, attempt: { lines: [line('64483', ['RT'], 1)], flaggedRuleIds: ESI15_FLAGS },
      kinds: ['correct', 'missing'], lineScore: 0.5, percent: 70,
    },
    {
      name: 'lowers the score for an extra J3301 line the key does not have',
      key: fac01, attempt: { lines: [line('64493', ['50', 'KX'], 1), line('J3301', [], 4)], flaggedRuleIds: [] },
      kinds: ['correct', 'extra'], lineScore: 0.5, percent: 70,
    },
    {
      name: 'pairs lines only on the same code: 64490 for 64493 is one missing and one extra line',
      key: fac01, attempt: { lines: [line('64490', ['50', 'KX'], 1)], flaggedRuleIds: [] },
      kinds: ['missing', 'extra'], lineScore: 0, percent: 40,
    },
    {
      name: 'compares codes and modifiers case-insensitively after trimming',
      key: esi15, attempt: { lines: [line(' j1100 ', [], 10), line('64483', [' rt'], 1)], flaggedRuleIds: ESI15_FLAGS },
      kinds: ['correct', 'correct'], lineScore: 1, percent: 100,
    },
    {
      name: 'ignores blank rows without a code',
      key: fac01, attempt: { lines: [line('   ', [], 1), line('64493', ['50', 'KX', ''], 1)], flaggedRuleIds: [] },
      kinds: ['correct'], lineScore: 1, percent: 100,
    },
    {
      name: 'scores zero lines when nothing is billed',
      key: esi15, attempt: { lines: [], flaggedRuleIds: ESI15_FLAGS },
      kinds: ['missing', 'missing'], lineScore: 0, percent: 40,
    },
  ]

  for (const { name, key, attempt, kinds: expectedKinds, lineScore, percent, wrong } of cases) {
    it(name, () => {
      const grade = gradeAttempt(key, attempt)
      expect(kinds(grade.lines)).toEqual(expectedKinds)
      expect(grade.lineScore).toBeCloseTo(lineScore, 12)
      expect(grade.percent).toBe(percent)
      const partial = grade.lines.find((v) => v.kind === 'partial')
      expect(partial?.wrong).toEqual(wrong)
      if (partial) expect(partial.credit).toBeCloseTo(lineScore, 12)
    })
  }

  it('stores the credit of a partial line: code 0.5, modifiers 0.3, units 0.2', () => {
    const credits = [line('64493', ['50', 'KX'], 3), line('64493', ['50'], 1), line('64493', [], 9)].map((l) => {
      const [verdict] = gradeAttempt(fac01, { lines: [l], flaggedRuleIds: [] }).lines
      return verdict.kind === 'partial' ? verdict.credit : undefined
    })
    expect(credits).toEqual([0.8, 0.7, 0.5])
  })

  it('shows the key line as written and the attempt line normalized', () => {
    const [verdict] = gradeAttempt(fac01, { lines: [line(' 64493', ['kx', ' 50 '], 1)], flaggedRuleIds: [] }).lines
    expect(verdict).toEqual({ kind: 'correct', key: fac01.lines[0], attempt: line('64493', ['KX', '50'], 1) })
  })

  it('lists the verdicts in key order with the extra lines last, in the order entered', () => {
    const grade = gradeAttempt(esi15, {
      lines: [line('J3301', [], 4), line('J1100', [], 10), line('77003', [], 1), line('64483', ['LT'], 1)],
      flaggedRuleIds: [],
    })
    expect(grade.lines.map((v) => (v.kind === 'extra' ? v.attempt.code : v.key.code))).toEqual(['64483', 'J1100', 'J3301', '77003'])
    expect(kinds(grade.lines)).toEqual(['partial', 'correct', 'extra', 'extra'])
    // (0.7 + 1) / (2 key lines + 2 extra lines)
    expect(grade.lineScore).toBeCloseTo(1.7 / 4, 12)
  })

  it('pairs an exact RT line with the RT key line before looking at the LT line with wrong units', () => {
    const key: AnswerKey = { lines: [line('64483', ['RT'], 1), line('64483', ['LT'], 1)], findings: [] }
    const grade = gradeAttempt(key, { lines: [line('64483', ['LT'], 2), line('64483', ['RT'], 1)], flaggedRuleIds: [] })
    expect(grade.lines).toEqual([
      { kind: 'correct', key: key.lines[0], attempt: line('64483', ['RT'], 1) },
      { kind: 'partial', key: key.lines[1], attempt: line('64483', ['LT'], 2), wrong: ['units'], credit: 0.8 },
    ])
  })

  it('pairs same-code lines for the most credit, whatever order the trainee typed them in', () => {
    // Both attempt lines are worth the same to the RT key line, but only the LT one agrees with the LT key line.
    const key: AnswerKey = { lines: [line('64483', ['RT'], 1), line('64483', ['LT'], 1)], findings: [] }
    const typed = [line('64483', ['LT'], 2), line('64483', [], 2)]
    for (const lines of [typed, [...typed].reverse()]) {
      const grade = gradeAttempt(key, { lines, flaggedRuleIds: [] })
      expect(grade.lines.map((v) => (v.kind === 'correct' || v.kind === 'partial') && v.attempt.modifiers)).toEqual([[], ['LT']])
      expect(grade.lineScore).toBeCloseTo((0.5 + 0.8) / 2, 12)
    }
  })

  it('takes custom weights for the code, the modifiers and the units', () => {
    const weights = { code: 0.6, modifiers: 0.2, units: 0.2 }
    const grade = gradeAttempt(fac01, { lines: [line('64493', ['KX'], 1)], flaggedRuleIds: [] }, { weights })
    expect(grade.lineScore).toBeCloseTo(0.8, 12)
  })

  for (const { name, weights } of [
    { name: 'weights that do not add up to 1', weights: { code: 0.5, modifiers: 0.5, units: 0.5 } },
    { name: 'a negative weight', weights: { code: 1.2, modifiers: -0.4, units: 0.2 } },
    { name: 'a weight that is not a number', weights: { code: Number.NaN, modifiers: 0.5, units: 0.5 } },
  ]) {
    it(`refuses ${name}`, () => {
      expect(() => gradeAttempt(fac01, { lines: [], flaggedRuleIds: [] }, { weights })).toThrow(RangeError)
    })
  }
})

describe('gradeAttempt: denial risks', () => {
  const esi15Lines = esi15.lines.map((l) => ({ ...l, modifiers: [...l.modifiers] }))

  it('lists a missed FREQ-INTERVAL warning with its rule title and explanation', () => {
    const grade = gradeAttempt(esi15, { lines: esi15Lines, flaggedRuleIds: ['FREQ-LIMIT'] })
    expect(grade.findings).toEqual([
      { ruleId: 'FREQ-LIMIT', severity: 'error', caught: true, avoided: false, title: ruleTitle('FREQ-LIMIT'), explanation: ruleRationale('FREQ-LIMIT') },
      { ruleId: 'FREQ-INTERVAL', severity: 'warning', caught: false, avoided: false, title: ruleTitle('FREQ-INTERVAL'), explanation: ruleRationale('FREQ-INTERVAL') },
    ])
    expect(grade.findings[1].title).not.toBe('')
    expect(grade.findings[1].explanation).not.toBe('')
    expect(grade.findingScore).toBe(0.5)
    expect(grade.missedRules).toEqual(['FREQ-INTERVAL'])
    expect(grade.percent).toBe(80)
  })

  it('does not ask for info findings: NCCI tables not loaded and last session are not required', () => {
    const grade = gradeAttempt(esi15, { lines: esi15Lines, flaggedRuleIds: [' FREQ-INTERVAL ', 'FREQ-LIMIT', ''] })
    expect(grade.findings.map((f) => f.ruleId)).toEqual(ESI15_FLAGS)
    expect(grade.falseFlags).toEqual([])
    expect(grade.findingScore).toBe(1)
    expect(gradeAttempt(fac01, { lines: fac01.lines, flaggedRuleIds: [] }).findings).toEqual([])
  })

  it('counts a flagged info-only rule as a false flag', () => {
    const grade = gradeAttempt(fac01, { lines: fac01.lines, flaggedRuleIds: ['NCCI-NOT-LOADED'] })
    expect(grade.falseFlags).toEqual([{ ruleId: 'NCCI-NOT-LOADED', title: ruleTitle('NCCI-NOT-LOADED') }])
    expect(grade.findingScore).toBe(0.75)
  })

  const penalties: { name: string; key: AnswerKey; flags: string[]; findingScore: number; falseFlags: string[] }[] = [
    { name: 'takes half a caught finding for each false flag', key: esi15, flags: [...ESI15_FLAGS, 'DX-RED-FLAG'], findingScore: 0.75, falseFlags: ['DX-RED-FLAG'] },
    { name: 'does not go below zero when flags are all wrong', key: esi15, flags: ['DX-RED-FLAG', 'FAC-KX', 'ESI-TF-GUIDANCE'], findingScore: 0, falseFlags: ['DX-RED-FLAG', 'FAC-KX', 'ESI-TF-GUIDANCE'] },
    { name: 'takes a quarter per false flag when the key has no findings', key: fac01, flags: ['FAC-KX', 'DX-RED-FLAG'], findingScore: 0.5, falseFlags: ['FAC-KX', 'DX-RED-FLAG'] },
    { name: 'gives full marks when the key has no findings and nothing is flagged', key: fac01, flags: [], findingScore: 1, falseFlags: [] },
    { name: 'counts a rule ticked twice once', key: esi15, flags: ['FREQ-LIMIT', 'FREQ-LIMIT', 'DX-RED-FLAG', 'DX-RED-FLAG'], findingScore: 0.25, falseFlags: ['DX-RED-FLAG'] },
  ]
  for (const { name, key, flags, findingScore, falseFlags } of penalties) {
    it(name, () => {
      const grade = gradeAttempt(key, { lines: key.lines, flaggedRuleIds: flags })
      expect(grade.findingScore).toBeCloseTo(findingScore, 12)
      expect(grade.falseFlags.map((f) => f.ruleId)).toEqual(falseFlags)
    })
  }

  it('asks a rule repeated in the key once, at its first place, with its most severe severity', () => {
    const key: AnswerKey = {
      lines: [],
      findings: [
        { ruleId: 'FREQ-INTERVAL', severity: 'warning' },
        { ruleId: 'FREQ-LIMIT', severity: 'error' },
        { ruleId: 'FREQ-INTERVAL', severity: 'error' },
      ],
    }
    const grade = gradeAttempt(key, { lines: [], flaggedRuleIds: ['FREQ-INTERVAL'] })
    expect(grade.findings.map((f) => [f.ruleId, f.severity, f.caught])).toEqual([['FREQ-INTERVAL', 'error', true], ['FREQ-LIMIT', 'error', false]])
    expect(grade.findingScore).toBe(0.5)
  })

  it('takes titles and explanations from ruleInfo, and shows an unknown rule by its id', () => {
    const key: AnswerKey = { lines: [], findings: [{ ruleId: 'FREQ-LIMIT', severity: 'error' }, { ruleId: 'LOCAL-1', severity: 'warning' }] }
    const ruleInfo = (id: string) => (id === 'FREQ-LIMIT' ? { title: 'Too many sessions', explanation: 'The plan pays four a year.' } : undefined)
    const grade = gradeAttempt(key, { lines: [], flaggedRuleIds: ['LOCAL-2'] }, { ruleInfo })
    expect(grade.findings.map((f) => [f.title, f.explanation])).toEqual([['Too many sessions', 'The plan pays four a year.'], ['LOCAL-1', '']])
    expect(grade.falseFlags).toEqual([{ ruleId: 'LOCAL-2', title: 'LOCAL-2' }])
    expect(gradeAttempt(key, { lines: [], flaggedRuleIds: [] }).findings[1]).toMatchObject({ title: 'LOCAL-1', explanation: '' })
  })

  it('lists only missed findings in missedRules: a missing or partial line adds no rule', () => {
    const grade = gradeAttempt(esi15, { lines: [line('64483', [], 2)], flaggedRuleIds: ['FREQ-INTERVAL'] })
    expect(kinds(grade.lines)).toEqual(['partial', 'missing'])
    expect(grade.missedRules).toEqual(['FREQ-LIMIT'])
  })
})

describe('gradeAttempt: overall score', () => {
  it('weighs the lines 0.6 and the denial risks 0.4', () => {
    const grade = gradeAttempt(esi15, { lines: [line('64483', ['RT'], 1)], flaggedRuleIds: ['FREQ-LIMIT'] })
    expect(grade.lineScore).toBe(0.5)
    expect(grade.findingScore).toBe(0.5)
    expect(grade.score).toBeCloseTo(0.5, 12)
    expect(grade.percent).toBe(50)
  })

  it('scores 100 for an empty key answered with nothing', () => {
    expect(gradeAttempt({ lines: [], findings: [] }, { lines: [], flaggedRuleIds: [] }).percent).toBe(100)
  })

  it('scores the lines 0 when the key has no line and the trainee bills one', () => {
    expect(gradeAttempt({ lines: [], findings: [] }, { lines: [line('20552', [], 1)], flaggedRuleIds: [] }).lineScore).toBe(0)
  })

  for (const { id, answerKey: key } of practiceCases) {
    it(`grades shipped case ${id} against its own key as 100`, () => {
      const flags = key.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId)
      const grade = gradeAttempt(key, { lines: key.lines, flaggedRuleIds: flags })
      expect(grade.percent).toBe(100)
      expect(grade.score).toBe(1)
      expect(grade.lines.every((v) => v.kind === 'correct')).toBe(true)
      expect(grade.missedRules).toEqual([])
      expect(grade.falseFlags).toEqual([])
    })
  }
})

describe('normalizeAttemptLine', () => {
  for (const { name, input, expected } of [
    { name: 'upper-cases and trims the code', input: line(' j3301 ', [], 4), expected: line('J3301', [], 4) },
    { name: 'upper-cases and trims modifiers and drops empty ones', input: line('64493', [' kx', '', '  ', '50 '], 1), expected: line('64493', ['KX', '50'], 1) },
    { name: 'keeps duplicate modifiers and their order', input: line('64493', ['lt', 'LT'], 1), expected: line('64493', ['LT', 'LT'], 1) },
    { name: 'keeps the units as entered', input: line('J1100', [], 10), expected: line('J1100', [], 10) },
  ]) {
    it(name, () => {
      expect(normalizeAttemptLine(input)).toEqual(expected)
    })
  }
})

describe('key lines that will deny as they are', () => {
  const key: AnswerKey = {
    lines: [line('64490', ['LT', 'KX'], 1), line('64491', ['LT', 'KX'], 1), line('77003', [], 1)],
    findings: [{ ruleId: 'IMG-BUNDLED', severity: 'error' }],
  }
  const blocks = [line('64490', ['LT', 'KX'], 1), line('64491', ['LT', 'KX'], 1)]
  const leaveOff = new Map([[2, ['IMG-BUNDLED']]])

  it('gives full credit for leaving off a line the key lets the trainee leave off', () => {
    const grade = gradeAttempt(key, { lines: blocks, flaggedRuleIds: ['IMG-BUNDLED'] }, { mayLeaveOff: leaveOff })
    expect(grade.lines.map((v) => v.kind)).toEqual(['correct', 'correct', 'left-off'])
    expect(grade.findings).toMatchObject([{ ruleId: 'IMG-BUNDLED', caught: true, avoided: false }])
    expect(grade.percent).toBe(100)
  })

  it('counts the finding of a line left off as avoided, not missed, even unflagged', () => {
    const grade = gradeAttempt(key, { lines: blocks, flaggedRuleIds: [] }, { mayLeaveOff: leaveOff })
    expect(grade.findings).toMatchObject([{ ruleId: 'IMG-BUNDLED', caught: true, avoided: true }])
    expect(grade.missedRules).toEqual([])
    expect(grade.percent).toBe(100)
  })

  it('still counts the finding missed when the line is billed and the risk not flagged', () => {
    const grade = gradeAttempt(key, { lines: [...blocks, line('77003', [], 1)], flaggedRuleIds: [] }, { mayLeaveOff: leaveOff })
    expect(grade.findings).toMatchObject([{ ruleId: 'IMG-BUNDLED', caught: false, avoided: false }])
    expect(grade.missedRules).toEqual(['IMG-BUNDLED'])
  })

  it('still accepts billing it, as the key has it', () => {
    const grade = gradeAttempt(key, { lines: [...blocks, line('77003', [], 1)], flaggedRuleIds: ['IMG-BUNDLED'] }, { mayLeaveOff: leaveOff })
    expect(grade.lines.map((v) => v.kind)).toEqual(['correct', 'correct', 'correct'])
    expect(grade.percent).toBe(100)
  })

  it('counts the line missing without the option, and any other line missing with it', () => {
    expect(gradeAttempt(key, { lines: blocks, flaggedRuleIds: [] }).lines[2]?.kind).toBe('missing')
    const grade = gradeAttempt(key, { lines: [blocks[0]], flaggedRuleIds: [] }, { mayLeaveOff: leaveOff })
    expect(grade.lines.map((v) => v.kind)).toEqual(['correct', 'missing', 'left-off'])
  })
})

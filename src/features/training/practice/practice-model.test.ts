import { describe, expect, it } from 'vitest'
import { rulesById } from '../../../domain/index.ts'
import { practiceCases } from '../../../domain/training/cases/index.ts'
import type { PracticeCase } from '../../../domain/training/types.ts'
import { answerForFacts, gradeCase, openCase, ruleOutcomes, rulesOfKeyLine, startingFacts, toAttemptRecord } from './practice-model.ts'

const byId = (id: string): PracticeCase => {
  const found = practiceCases.find((c) => c.id === id)
  if (!found) throw new Error(id)
  return found
}
const open = (id: string) => {
  const o = openCase(byId(id))
  if (!o) throw new Error(`${id} does not open`)
  return o
}
const context = { id: 'a1', userId: 'u1', userName: 'Tess Trainee', startedAt: '2026-11-27T09:00:00.000Z', submittedAt: '2026-11-27T09:10:00.000Z', source: 'shipped' as const, input: null }

describe('opening a practice case', () => {
  it.each(practiceCases.map((c) => [c.id, c] as const))('%s opens with the rule module naming the coding rules of every key line', (_id, c) => {
    const o = openCase(c)
    expect(o).not.toBeNull()
    expect(o?.keyLines?.map((l) => l.code)).toEqual(c.answerKey.lines.map((l) => l.code))
    c.answerKey.lines.forEach((_line, i) => {
      for (const ruleId of rulesOfKeyLine(o!, i)) expect(rulesById.get(ruleId)?.kind).toBe('coding')
    })
  })

  it('names TPI-CODE for the trigger point line and DRUG-UNITS for the drug line of tpi-01', () => {
    const o = open('tpi-01')
    expect(rulesOfKeyLine(o, 0)).toEqual(['TPI-CODE'])
    expect(rulesOfKeyLine(o, 1)).toEqual(['DRUG-UNITS'])
    expect(rulesOfKeyLine(o, 2)).toEqual([])
  })

  it('names no rule when the stored key no longer matches the module (a stale library case)', () => {
    const c = byId('tpi-01')
    const stale = { ...c, answerKey: { ...c.answerKey, lines: [{ code: '20553', modifiers: [], units: 1 }] } }
    const o = openCase(stale)
    expect(o?.keyLines).toBeNull()
    expect(rulesOfKeyLine(o!, 0)).toEqual([])
  })

  it('lets the trainee leave off hand-entered lines an error finding says will deny, and only those', () => {
    expect([...open('fac-04').mayLeaveOff]).toEqual([[2, ['IMG-BUNDLED']]])
    expect([...open('tpi-11').mayLeaveOff]).toEqual([[2, ['TPI-ONE-LINE']]])
    expect([...open('fac-08').mayLeaveOff]).toEqual([])
    expect([...open('tpi-01').mayLeaveOff]).toEqual([])
  })

  it('refuses facts the schema cannot read', () => {
    const c = byId('tpi-01')
    expect(openCase({ ...c, input: { encounter: { ...c.input.encounter, placeOfService: '99' as never } } })).toBeNull()
  })

  it('starts the trainee from the header and history only', () => {
    const o = open('tpi-01')
    const start = startingFacts(o.input)
    expect(start.encounter).toMatchObject({ dateOfService: '2026-06-09', patientId: 'TR-2001', providerId: 'DR-A', placeOfService: '11', payerProfile: 'medicare' })
    expect(start.encounter.procedures).toEqual([])
    expect(start.encounter.diagnoses).toEqual([])
    expect(start.encounter.drugs).toEqual([])
    expect(start.encounter.otherLines).toEqual([])
    expect(start.encounter.documentation).toEqual({})
    expect(start.history).toBe(o.input.history)
  })
})

describe('grading and recording an attempt', () => {
  it('gives the key itself 100% with every rule caught', () => {
    const o = open('tpi-04')
    const key = o.practiceCase.answerKey
    const grade = gradeCase(o, { lines: key.lines, flaggedRuleIds: ['TPI-SIDE-MISSING', 'DOC-TPI-LATERALITY'] })
    expect(grade.percent).toBe(100)
    const outcomes = ruleOutcomes(o, grade)
    expect(outcomes.missedRules).toEqual([])
    expect(outcomes.caughtRules).toEqual(expect.arrayContaining(['TPI-SIDE-MISSING', 'DOC-TPI-LATERALITY', 'TPI-CODE', 'DRUG-UNITS']))
  })

  it('counts the coding rule of a line billed with the wrong units as missed, and only that', () => {
    const o = open('tpi-01')
    const grade = gradeCase(o, { lines: [{ code: '20552', modifiers: [], units: 2 }, { code: 'J3301', modifiers: [], units: 2 }], flaggedRuleIds: [] })
    expect(grade.lines[0]).toMatchObject({ kind: 'partial', wrong: ['units'] })
    expect(ruleOutcomes(o, grade)).toEqual({ caughtRules: ['DRUG-UNITS'], missedRules: ['TPI-CODE'] })
  })

  it('counts a rule missed when one of its lines is wrong even if another is right', () => {
    const o = open('tpi-01')
    const grade = gradeCase(o, { lines: [{ code: '20552', modifiers: [], units: 1 }], flaggedRuleIds: [] })
    expect(ruleOutcomes(o, grade)).toEqual({ caughtRules: ['TPI-CODE'], missedRules: ['DRUG-UNITS'] })
  })

  it('grades leaving off a fluoroscopy line billed with facet codes as right (fac-04)', () => {
    const o = open('fac-04')
    const key = o.practiceCase.answerKey
    const grade = gradeCase(o, { lines: key.lines.filter((l) => l.code !== '77003'), flaggedRuleIds: [] })
    expect(grade.lines.map((v) => v.kind)).toEqual(['correct', 'correct', 'left-off'])
    expect(grade.findings).toMatchObject([{ ruleId: 'IMG-BUNDLED', caught: true, avoided: true }])
    expect(grade.percent).toBe(100)
  })

  it('counts an unflagged finding as missed', () => {
    const o = open('tpi-04')
    const grade = gradeCase(o, { lines: o.practiceCase.answerKey.lines, flaggedRuleIds: ['TPI-SIDE-MISSING'] })
    expect(ruleOutcomes(o, grade).missedRules).toEqual(['DOC-TPI-LATERALITY'])
  })

  it('records what was submitted, the key and the grade', () => {
    const o = open('tpi-01')
    const attempt = { lines: [{ code: ' 20552 ', modifiers: [' rt '], units: 1 }, { code: '', modifiers: [], units: 1 }], flaggedRuleIds: ['TPI-SIDE-MISSING', 'TPI-SIDE-MISSING'] }
    const grade = gradeCase(o, attempt)
    const record = toAttemptRecord(o, attempt, grade, context)
    expect(record).toMatchObject({
      id: 'a1', caseId: 'tpi-01', caseSource: 'shipped', caseLevel: 'new', families: ['trigger-point'], userId: 'u1', userName: 'Tess Trainee',
      lines: [{ code: '20552', modifiers: ['RT'], units: 1 }], flaggedRuleIds: ['TPI-SIDE-MISSING'], falseFlags: ['TPI-SIDE-MISSING'],
      answerKey: o.practiceCase.answerKey, percent: grade.percent, input: null,
    })
    expect(record.missedRules).toEqual(expect.arrayContaining(['TPI-CODE', 'DRUG-UNITS']))
  })

  it('gives the key\'s lines for the case\'s own facts, and other lines for other facts', () => {
    const o = open('tpi-01')
    expect(answerForFacts(o.input, o.practiceCase.today).lines).toEqual(o.practiceCase.answerKey.lines)
    expect(answerForFacts(startingFacts(o.input), o.practiceCase.today).lines).toEqual([])
  })
})

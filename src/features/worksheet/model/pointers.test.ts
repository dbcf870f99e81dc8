import { describe, expect, it } from 'vitest'
import { blockingIssues } from '../finalize.ts'
import { withoutChoiceNamed } from './pointers.ts'
import {
  choiceForLine, diagnosisLetters, enteredDiagnoses, getDefaultWorksheetValues, linePointersToInput, linePointersToValues,
  newProcedureValues, withLinePointers, worksheetToInput, worksheetValuesSchema, type FormIssue, type WorksheetValues,
} from './index.ts'

const facetRight = { ...newProcedureValues('facet-injection'), facetPurpose: 'therapeutic' as const, levels: [{ level: 'L4-L5' as const, side: 'right' as const }] }
const values = (patch: Partial<WorksheetValues> = {}): WorksheetValues => ({
  ...getDefaultWorksheetValues('2026-11-26'), patientId: 'PT-1', providerId: 'DR-A',
  diagnoses: [{ code: 'M54.50' }, { code: '' }, { code: 'm47.816' }], procedures: [facetRight], ...patch,
})
const line = { code: '64493', modifiers: ['RT'] }

describe('box 21 letters in the form', () => {
  it('letters the diagnoses filled in, skipping blank rows', () => {
    expect(diagnosisLetters(values())).toEqual(['A', null, 'B'])
    expect(enteredDiagnoses(values())).toEqual(['M54.50', 'M47.816'])
  })
})

describe('pointer choices between the form and the interchange input', () => {
  it('turns the codes chosen for a line into box 21 letters, in the chosen order', () => {
    const issues: FormIssue[] = []
    const v = values({ linePointers: [{ code: '64493', modifiers: ['RT'], diagnoses: ['M47.816', 'M54.50'] }] })
    expect(linePointersToInput(v, enteredDiagnoses(v), issues)).toEqual([{ code: '64493', modifiers: ['RT'], pointers: ['B', 'A'] }])
    expect(issues).toEqual([])
  })

  it('matches a code typed without its point', () => {
    expect(linePointersToInput({ linePointers: [{ code: '64493', modifiers: [], diagnoses: ['M47816'] }] }, ['M47.816'], [])).toEqual([{ code: '64493', modifiers: [], pointers: ['A'] }])
  })

  it('keeps a pointer on its diagnosis when an earlier diagnosis is removed', () => {
    const v = values({ diagnoses: [{ code: 'M47.816' }], linePointers: [{ code: '64493', modifiers: ['RT'], diagnoses: ['M47.816'] }] })
    expect(worksheetToInput(v, [], '2026-11-26').input.encounter.linePointers).toEqual([{ code: '64493', modifiers: ['RT'], pointers: ['A'] }])
  })

  it('reports a pointer to a removed diagnosis as a field error that blocks finalizing, and keeps the other pointers', () => {
    const v = values({ diagnoses: [{ code: 'M47.816' }], linePointers: [{ code: '64493', modifiers: ['RT'], diagnoses: ['M54.50', 'M47.816'] }] })
    const { input, issues } = worksheetToInput(v, [], '2026-11-26')
    expect(issues).toEqual([{ path: 'linePointers.0', message: 'The diagnosis pointers of 64493 RT name M54.50, which is no longer among the diagnoses: choose the line\'s pointers again.' }])
    expect(blockingIssues(issues)).toHaveLength(1)
    expect(input.encounter.linePointers).toEqual([{ code: '64493', modifiers: ['RT'], pointers: ['A'] }])
  })

  it('leaves out a choice none of whose diagnoses is left, so the line takes its default', () => {
    const v = values({ diagnoses: [{ code: 'M47.816' }], linePointers: [{ code: '64493', modifiers: ['RT'], diagnoses: ['M54.50'] }] })
    const { input, issues } = worksheetToInput(v, [], '2026-11-26')
    expect(issues).toHaveLength(1)
    expect(input.encounter.linePointers).toBeUndefined()
  })

  it('reads a draft from before pointers could be chosen', () => {
    const old = values()
    delete old.linePointers
    expect(Object.keys(old)).not.toContain('linePointers')
    expect(worksheetValuesSchema.safeParse(old).success).toBe(true)
    expect(worksheetToInput(old, [], '2026-11-26').input.encounter.linePointers).toBeUndefined()
  })

  it('keeps an imported letter past the diagnoses as the letter, so the form reports it', () => {
    expect(linePointersToValues([{ code: '64493', modifiers: ['RT'], pointers: ['A', 'C'] }], ['M47.816'])).toEqual([{ code: '64493', modifiers: ['RT'], diagnoses: ['M47.816', 'C'] }])
    const issues: FormIssue[] = []
    linePointersToInput({ linePointers: [{ code: '64493', modifiers: ['RT'], diagnoses: ['M47.816', 'C'] }] }, ['M47.816'], issues)
    expect(issues[0]?.message).toMatch(/name C, which is no longer among the diagnoses/)
  })
})

describe('changing a line\'s pointers in the form', () => {
  it('stores the letters ticked as the diagnoses they name, replacing the line\'s earlier choice', () => {
    const first = withLinePointers(values(), line, ['B'])
    expect(first).toEqual([{ code: '64493', modifiers: ['RT'], diagnoses: ['M47.816'] }])
    const second = withLinePointers(values({ linePointers: first }), { code: '64493', modifiers: ['RT'] }, ['B', 'A'])
    expect(second).toEqual([{ code: '64493', modifiers: ['RT'], diagnoses: ['M47.816', 'M54.50'] }])
    expect(choiceForLine({ linePointers: second }, line)?.diagnoses).toEqual(['M47.816', 'M54.50'])
  })

  it('gives the line back its default pointers (null)', () => {
    const v = values({ linePointers: [{ code: '64493', modifiers: ['RT'], diagnoses: ['M47.816'] }, { code: 'J1100', modifiers: [], diagnoses: ['M54.50'] }] })
    expect(withLinePointers(v, line, null)).toEqual([{ code: 'J1100', modifiers: [], diagnoses: ['M54.50'] }])
  })

  it('forgets the choice for a line named as the finding names it', () => {
    const v = values({ linePointers: [{ code: '64493', modifiers: ['RT', 'KX'], diagnoses: ['M47.816'] }] })
    expect(withoutChoiceNamed(v, '64493 KX RT')).toEqual([])
    expect(withoutChoiceNamed(v, '64493 LT')).toHaveLength(1)
  })

  it('drives the rule module: the line points where the coder chose', () => {
    const v = values({ linePointers: withLinePointers(values(), line, ['A']) })
    expect(worksheetToInput(v, [], '2026-11-26').input.encounter.linePointers).toEqual([{ code: '64493', modifiers: ['RT'], pointers: ['A'] }])
  })
})

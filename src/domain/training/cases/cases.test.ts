import { describe, expect, it } from 'vitest'
import { createContext } from '../../context.ts'
import { evaluate } from '../../evaluate.ts'
import { allRules } from '../../rules/registry.ts'
import { parseEvaluationInput } from '../../schema.ts'
import { PROCEDURE_TYPES as FAMILIES } from '../../vocabulary.ts'
import { answerKeyOf } from '../answer-key.ts'
import { CASE_LEVELS } from '../types.ts'
import { practiceCases } from './index.ts'

describe('the practice cases', () => {
  it('are at least 40, with unique ids, at every level and in every family', () => {
    expect(practiceCases.length).toBeGreaterThanOrEqual(40)
    expect(new Set(practiceCases.map((c) => c.id)).size).toBe(practiceCases.length)
    for (const level of CASE_LEVELS) expect(practiceCases.some((c) => c.level === level), level).toBe(true)
    for (const family of FAMILIES) expect(practiceCases.some((c) => c.families.includes(family)), family).toBe(true)
  })

  it('name only rules of the rule module', () => {
    const known = new Set(allRules.map((r) => r.id))
    expect(practiceCases.flatMap((c) => c.ruleIds.filter((id) => !known.has(id)).map((id) => `${c.id}: ${id}`))).toEqual([])
  })

  // A rule change that alters a case's lines or findings fails here: re-check the case, then its key.
  it.each(practiceCases.map((c) => [`${c.id}: ${c.title}`, c] as const))('%s keeps the answer key the rule module gives today', (_name, practiceCase) => {
    const parsed = parseEvaluationInput(practiceCase.input)
    if (!parsed.ok) throw new Error(`the input is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
    expect(answerKeyOf(evaluate(parsed.input, createContext(practiceCase.today)))).toEqual(practiceCase.answerKey)
    expect(practiceCase.note.trim().length).toBeGreaterThanOrEqual(80)
  })
})

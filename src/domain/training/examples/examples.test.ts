import { describe, expect, it } from 'vitest'
import { createContext } from '../../context.ts'
import { evaluate } from '../../evaluate.ts'
import { allRules } from '../../rules/registry.ts'
import { parseEvaluationInput } from '../../schema.ts'
import type { RuleExample } from '../types.ts'
import { ruleExamples, rulesWithoutExamples } from './index.ts'

function firedRules(example: RuleExample): Set<string> {
  const parsed = parseEvaluationInput(example.input)
  if (!parsed.ok) throw new Error(`${example.ruleId} (${example.kind}): the input is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
  const result = evaluate(parsed.input, createContext(example.today))
  return new Set([...result.findings.map((f) => f.ruleId), ...result.lines.flatMap((l) => l.ruleIds)])
}

describe('the rule library examples', () => {
  const known = new Set(allRules.map((r) => r.id))

  it('name only rules of the rule module', () => {
    expect(ruleExamples.map((e) => e.ruleId).filter((id) => !known.has(id))).toEqual([])
    expect(rulesWithoutExamples.map((r) => r.ruleId).filter((id) => !known.has(id))).toEqual([])
  })

  it('give every rule one example where it fires and one near miss, or say why not', () => {
    const exempt = new Set(rulesWithoutExamples.map((r) => r.ruleId))
    const missing = allRules.filter((r) => !exempt.has(r.id)).flatMap((r) => (['fires', 'near-miss'] as const)
      .filter((kind) => ruleExamples.filter((e) => e.ruleId === r.id && e.kind === kind).length !== 1)
      .map((kind) => `${r.id} ${kind}`))
    expect(missing).toEqual([])
    expect(rulesWithoutExamples.filter((r) => r.reason.trim().length < 20).map((r) => r.ruleId)).toEqual([])
    expect(ruleExamples.filter((e) => exempt.has(e.ruleId)).map((e) => e.ruleId)).toEqual([])
  })

  it.each(ruleExamples.map((e) => [`${e.ruleId} ${e.kind}: ${e.title}`, e] as const))('%s', (_name, example) => {
    expect(example.title.trim()).not.toBe('')
    expect(example.explanation.trim().length).toBeGreaterThan(20)
    expect(firedRules(example).has(example.ruleId)).toBe(example.kind === 'fires')
  })
})

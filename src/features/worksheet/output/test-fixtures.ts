import exampleJson from '../../../domain/fixtures/issue-example.json'
import { createContext, evaluate, parseEvaluationInput, type ClaimLine, type EvaluationInput } from '../../../domain/index.ts'

/** The example encounter, validated, and its claim lines as the engine codes them. */
export function exampleInput(): EvaluationInput {
  const parsed = parseEvaluationInput(structuredClone(exampleJson))
  if (!parsed.ok) throw new Error(`issue-example.json is invalid: ${JSON.stringify(parsed.issues)}`)
  return parsed.input
}

export function linesOf(input: EvaluationInput): ClaimLine[] {
  return evaluate(input, createContext('2026-11-26')).lines
}

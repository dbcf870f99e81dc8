import {
  createContext, evaluate, parseEvaluationInput,
  type ClaimLine, type EvaluationInput, type Finding, type InputIssue, type RuleDefinition,
} from '../../../domain/index.ts'
import type { RuleExample } from '../../../domain/training/types.ts'

/** What the rule module makes of an example, on the example's own "today". */
export type ExampleOutcome =
  | {
    ok: true
    input: EvaluationInput
    lines: readonly ClaimLine[]
    /** The findings of the example's rule (check rules). */
    ruleFindings: readonly Finding[]
    /** Indexes of the lines that name the rule (coding rules) or that its findings are about. */
    ruleLineIndexes: readonly number[]
    /** Every finding, for the count of what else the example reports. */
    findingCount: number
    /** True when the rule fires: a finding with its id, or a line naming it. */
    fires: boolean
  }
  | { ok: false; issues: readonly InputIssue[] }

/** Validates the example's input and evaluates it; an input that does not parse comes back as its issues, never a throw. */
export function evaluateExample(example: Pick<RuleExample, 'ruleId' | 'today' | 'input'>): ExampleOutcome {
  const parsed = parseEvaluationInput(example.input)
  if (!parsed.ok) return { ok: false, issues: parsed.issues }
  let result
  try {
    result = evaluate(parsed.input, createContext(example.today))
  } catch (error) {
    return { ok: false, issues: [{ path: '(root)', message: `The rule module could not evaluate it: ${error instanceof Error ? error.message : String(error)}` }] }
  }
  const ruleFindings = result.findings.filter((f) => f.ruleId === example.ruleId)
  const indexes = new Set<number>()
  result.lines.forEach((l, i) => { if (l.ruleIds.includes(example.ruleId)) indexes.add(i) })
  for (const f of ruleFindings) for (const i of f.lineIndexes ?? []) indexes.add(i)
  return {
    ok: true,
    input: parsed.input,
    lines: result.lines,
    ruleFindings,
    ruleLineIndexes: [...indexes].sort((a, b) => a - b),
    findingCount: result.findings.length,
    fires: ruleFindings.length > 0 || result.lines.some((l) => l.ruleIds.includes(example.ruleId)),
  }
}

/** A claim line as a coder reads it: "64493 50 KX ×1". */
export function lineText(line: Pick<ClaimLine, 'code' | 'modifiers' | 'units'>): string {
  return [line.code, ...line.modifiers, `×${line.units}`].join(' ')
}

/**
 * The codes an example shows for its rule: for a coding rule the lines that name it; for a check
 * rule the lines its findings point at, or every line when the finding is about the whole claim.
 * Only an example where the rule fires counts: a near miss shows what the rule is not about.
 */
export function exampleCodes(rule: Pick<RuleDefinition, 'kind'>, example: Pick<RuleExample, 'kind'>, outcome: ExampleOutcome): string[] {
  if (!outcome.ok || !outcome.fires || example.kind !== 'fires') return []
  const indexes = rule.kind === 'check' && outcome.ruleLineIndexes.length === 0 ? outcome.lines.map((_, i) => i) : outcome.ruleLineIndexes
  return [...new Set(indexes.map((i) => outcome.lines[i]?.code).filter((c): c is string => c !== undefined))]
}

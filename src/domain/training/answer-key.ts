import type { EvaluationResult } from '../types.ts'
import type { AnswerKey } from './types.ts'

/**
 * The answer key of an evaluation: every claim line (code, modifiers, units) in claim order and
 * every finding (rule and severity) in report order. Info findings are part of it; a grader may
 * weigh them differently.
 */
export function answerKeyOf(result: EvaluationResult): AnswerKey {
  return {
    lines: result.lines.map((l) => ({ code: l.code, modifiers: [...l.modifiers], units: l.units })),
    findings: result.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity })),
  }
}

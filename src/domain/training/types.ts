import type { IsoDate } from '../dates.ts'
import type { EvaluationInputDraft } from '../schema.ts'
import type { Severity } from '../types.ts'
import type { Family } from '../vocabulary.ts'

/**
 * Training material for new billing staff, graded by the same rule module that checks real
 * claims: two examples per rule (the rule library) and practice cases with a stored answer key.
 * Inputs are written as a user or file would (EvaluationInputDraft: defaults not yet applied)
 * and validated by parseEvaluationInput before use.
 */

/**
 * An example of one rule. 'fires': evaluating `input` on `today` reports a finding with
 * `ruleId` (a check rule) or a claim line names `ruleId` in its ruleIds (a coding rule).
 * 'near-miss': a close variant where it must not.
 */
export interface RuleExample {
  ruleId: string
  kind: 'fires' | 'near-miss'
  /** A short plain-language name, e.g. "Bilateral L4-L5 without modifier 50". */
  title: string
  /** Why the rule fires here, or why this variant stays clear of it, in one or two sentences. */
  explanation: string
  /** "Today" for the evaluation (frequency windows and date rules depend on it). */
  today: IsoDate
  input: EvaluationInputDraft
}

/**
 * A rule without examples, and why (e.g. it needs a CMS NCCI table loaded, which an example
 * cannot carry into the worksheet).
 */
export interface RuleWithoutExamples {
  ruleId: string
  reason: string
}

export const CASE_LEVELS = ['new', 'intermediate', 'advanced'] as const
export type CaseLevel = (typeof CASE_LEVELS)[number]

/** One claim line of an answer key; modifiers in billing order (grading ignores the order). */
export interface AnswerLine {
  code: string
  modifiers: string[]
  units: number
}

/** One finding of an answer key. */
export interface AnswerFinding {
  ruleId: string
  severity: Severity
}

/** What the rule module returns for a case today: lines in claim order, findings in report order. */
export interface AnswerKey {
  lines: AnswerLine[]
  findings: AnswerFinding[]
}

/**
 * A practice case: a short procedure note in plain language (what a coder reads), the facts it
 * states as the worksheet would hold them, and the answer key the rule module computed when the
 * case was written. A test re-computes every key: a rule change that alters a case fails loudly.
 */
export interface PracticeCase {
  /** Stable, e.g. "tpi-01". */
  id: string
  title: string
  level: CaseLevel
  /** The families the case exercises (at least one). */
  families: Family[]
  /** The rules the case is about (its findings and its coding rules), for the library and progress. */
  ruleIds: string[]
  /** The procedure note, several sentences, as a physician would dictate it; no real patient data. */
  note: string
  /** Setting, payer and prior history in one or two sentences (also in `input`). */
  context: string
  today: IsoDate
  input: EvaluationInputDraft
  answerKey: AnswerKey
  /** What the case teaches, shown after grading. */
  teachingPoint: string
}

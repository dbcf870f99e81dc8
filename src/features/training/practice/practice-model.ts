import { createContext, evaluate, parseEvaluationInput, rulesById, type ClaimLine, type EvaluationInput } from '../../../domain/index.ts'
import { answerKeyOf } from '../../../domain/training/answer-key.ts'
import type { AnswerKey, PracticeCase } from '../../../domain/training/types.ts'
import type { TrainingAttemptRecord } from '../../../storage/index.ts'
import { gradeAttempt, normalizeAttemptLine, type Attempt, type Grade } from '../model/index.ts'

/** What training mode knows of a case once it is open: its facts parsed and the rule module's lines for them. */
export interface OpenCase {
  practiceCase: PracticeCase
  input: EvaluationInput
  /**
   * The rule module's claim lines for the case today, when they are the key's lines (same code,
   * modifiers and units in the same order): each names the coding rules that decided it. Null
   * when the module's answer no longer matches the stored key (then no line names a rule).
   */
  keyLines: readonly ClaimLine[] | null
  /**
   * Key lines the trainee may leave off, by place, with the error rules that name them: lines the
   * coder enters by hand (other lines, drugs) that an error finding names, so they deny as they
   * are (77003 with a facet code, a deleted drug code, a biologic). Empty when keyLines is null.
   */
  mayLeaveOff: ReadonlyMap<number, readonly string[]>
}

/** Parses a case's facts; null when they are invalid (a damaged library case). */
export function openCase(practiceCase: PracticeCase): OpenCase | null {
  const parsed = parseEvaluationInput(practiceCase.input)
  if (!parsed.ok) return null
  const result = evaluate(parsed.input, createContext(practiceCase.today))
  const key = answerKeyOf(result)
  const same = JSON.stringify(key.lines) === JSON.stringify(practiceCase.answerKey.lines)
  const mayLeaveOff = new Map<number, string[]>()
  if (same) {
    for (const f of result.findings) {
      if (f.severity !== 'error') continue
      for (const i of f.lineIndexes ?? []) {
        if (result.lines[i]?.origin === 'procedure' || !result.lines[i]) continue
        mayLeaveOff.set(i, [...new Set([...(mayLeaveOff.get(i) ?? []), f.ruleId])])
      }
    }
  }
  return { practiceCase, input: parsed.input, keyLines: same ? result.lines : null, mayLeaveOff }
}

/**
 * The facts the trainee starts from: the encounter's header (date, patient, provider, place of
 * service, claim type, payer profile, prior authorization) and the patient's history, as the
 * worksheet would have them from the schedule and the ledger. What the note says was done
 * (diagnoses, procedures, drugs, other lines) is for the trainee to enter.
 */
export function startingFacts(input: EvaluationInput): EvaluationInput {
  return {
    ...input,
    encounter: { ...input.encounter, diagnoses: [], procedures: [], drugs: [], otherLines: [], documentation: {} },
  }
}

/** The coding rules that decided a key line (by its place in the key); [] when unknown. */
export function rulesOfKeyLine(open: OpenCase, keyIndex: number): string[] {
  const line = open.keyLines?.[keyIndex]
  return line ? line.ruleIds.filter((id) => rulesById.get(id)?.kind === 'coding') : []
}

/** Grades an attempt against the case's stored key. */
export function gradeCase(open: OpenCase, attempt: Attempt): Grade {
  return gradeAttempt(open.practiceCase.answerKey, attempt, { mayLeaveOff: open.mayLeaveOff })
}

/**
 * Per-rule outcome of an attempt for progress: a finding's rule is caught when flagged; a coding
 * rule counts as caught when every key line it decided was billed exactly, missed otherwise. A
 * rule both caught and missed in one attempt counts as missed.
 */
export function ruleOutcomes(open: OpenCase, grade: Grade): { caughtRules: string[]; missedRules: string[] } {
  const missed = new Set(grade.findings.filter((f) => !f.caught).map((f) => f.ruleId))
  const caught = new Set(grade.findings.filter((f) => f.caught).map((f) => f.ruleId))
  grade.lines.forEach((verdict, index) => {
    if (verdict.kind === 'extra') return
    const right = verdict.kind === 'correct' || verdict.kind === 'left-off'
    for (const ruleId of rulesOfKeyLine(open, index)) (right ? caught : missed).add(ruleId)
  })
  for (const ruleId of missed) caught.delete(ruleId)
  return { caughtRules: [...caught], missedRules: [...missed] }
}

/** The facts the trainee entered, in the worksheet's terms: the module's answer for them, to set beside the key. */
export function answerForFacts(input: EvaluationInput, today: string): AnswerKey {
  return answerKeyOf(evaluate(input, createContext(today)))
}

export interface AttemptContext {
  id: string
  userId: string
  userName: string
  startedAt: string
  submittedAt: string
  source: 'shipped' | 'library'
  /** The worksheet facts the trainee entered, or null. */
  input: EvaluationInput | null
}

/** The stored record of a graded attempt. */
export function toAttemptRecord(open: OpenCase, attempt: Attempt, grade: Grade, context: AttemptContext): TrainingAttemptRecord {
  const c = open.practiceCase
  const outcomes = ruleOutcomes(open, grade)
  return {
    id: context.id,
    caseId: c.id,
    caseSource: context.source,
    caseTitle: c.title,
    caseLevel: c.level,
    families: [...c.families],
    userId: context.userId,
    userName: context.userName,
    startedAt: context.startedAt,
    submittedAt: context.submittedAt,
    lines: attempt.lines.map(normalizeAttemptLine).filter((l) => l.code !== ''),
    flaggedRuleIds: [...new Set(attempt.flaggedRuleIds)],
    input: context.input,
    answerKey: c.answerKey,
    score: grade.score,
    lineScore: grade.lineScore,
    findingScore: grade.findingScore,
    percent: grade.percent,
    caughtRules: outcomes.caughtRules,
    missedRules: outcomes.missedRules,
    falseFlags: grade.falseFlags.map((f) => f.ruleId),
  }
}

import type { z } from 'zod/mini'
import type { attemptBody } from '../../group-api/index.ts'
import type { AnswerLine } from '../../domain/training/types.ts'
import type { TrainingAttemptRecord } from '../types.ts'
import type { TrainingAttempt } from './sync/types.ts'

/** What the server keeps of a graded attempt (case, score, billed lines), cut to the API's limits. */
export function attemptBodyOf(attempt: TrainingAttemptRecord): z.input<typeof attemptBody> {
  const lines = attempt.lines
    .map((l) => ({
      code: l.code.trim().toUpperCase(),
      modifiers: l.modifiers.map((m) => m.trim().toUpperCase()).filter((m) => /^[0-9A-Z]{2}$/.test(m)).slice(0, 4),
      units: Math.min(99, Math.max(1, Math.round(l.units))),
    }))
    .filter((l) => /^[0-9A-Z]{5}$/.test(l.code))
    .slice(0, 40)
  return { caseId: attempt.caseId.slice(0, 80), scorePercent: Math.min(100, Math.max(0, Math.round(attempt.percent))), lines }
}

const answerLineOf = (line: unknown): AnswerLine | null => {
  const l = line as Partial<AnswerLine> | null
  return l && typeof l.code === 'string' && typeof l.units === 'number' ? { code: l.code, modifiers: Array.isArray(l.modifiers) ? l.modifiers.map(String) : [], units: l.units } : null
}

/**
 * An attempt made at another desk, as training progress reads it: the server keeps the case,
 * the score and the billed lines; the shipped case (when it is one) gives its title, level,
 * families and answer key. What was not kept (flags, caught and missed rules) reads as none.
 */
export async function attemptRecordOf(attempt: TrainingAttempt, userName: string): Promise<TrainingAttemptRecord> {
  // The shipped cases are large: read only when an attempt from elsewhere is shown.
  const { practiceCases } = await import('../../domain/training/cases/index.ts')
  const shipped = practiceCases.find((c) => c.id === attempt.caseId)
  const score = attempt.scorePercent / 100
  return {
    id: attempt.id, caseId: attempt.caseId, caseSource: shipped ? 'shipped' : 'library', caseTitle: shipped?.title ?? attempt.caseId,
    caseLevel: shipped?.level ?? 'new', families: shipped ? [...shipped.families] : [], userId: attempt.userId, userName,
    startedAt: attempt.submittedAt, submittedAt: attempt.submittedAt,
    lines: attempt.lines.map(answerLineOf).filter((l): l is AnswerLine => l !== null),
    flaggedRuleIds: [], input: null, answerKey: shipped ? shipped.answerKey : { lines: [], findings: [] },
    score, lineScore: score, findingScore: score, percent: attempt.scorePercent, caughtRules: [], missedRules: [], falseFlags: [],
  }
}

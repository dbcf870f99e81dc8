/** Grading of practice cases and their JSON file: pure, no React. Imported only by the lazily loaded training pages. */
export {
  DEFAULT_GRADE_WEIGHTS,
  FALSE_FLAG_PENALTY,
  FALSE_FLAG_PENALTY_WITHOUT_FINDINGS,
  SCORE_SHARES,
  gradeAttempt,
  normalizeAttemptLine,
} from './grade.ts'
export type { Attempt, AttemptLine, FindingVerdict, Grade, GradeOptions, GradeWeights, LineVerdict, RuleInfo } from './grade.ts'
export * from './case-file.ts'

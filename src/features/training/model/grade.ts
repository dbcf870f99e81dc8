import { rulesById } from '../../../domain/index.ts'
import type { AnswerKey, AnswerLine } from '../../../domain/training/types.ts'
import { assignMaxCredit } from './assign.ts'
import { rationaleOf } from '../../../domain/rules/rationales.ts'

/** One claim line the trainee would bill. */
export interface AttemptLine {
  code: string
  modifiers: string[]
  units: number
}

/** What the trainee submits for a practice case: the claim lines and the denial risks they ticked. */
export interface Attempt {
  lines: AttemptLine[]
  flaggedRuleIds: string[]
}

/** The share of one line's credit for its code, its modifiers and its units; the three add up to 1. */
export interface GradeWeights {
  code: number
  modifiers: number
  units: number
}

export type LineVerdict =
  | { kind: 'correct'; key: AnswerLine; attempt: AttemptLine }
  | { kind: 'partial'; key: AnswerLine; attempt: AttemptLine; wrong: ('modifiers' | 'units')[]; credit: number }
  /** A key line the trainee did not bill. */
  | { kind: 'missing'; key: AnswerLine }
  /** A key line that will deny as it is (see GradeOptions.mayLeaveOff), rightly left off: full credit. */
  | { kind: 'left-off'; key: AnswerLine }
  /** A line the trainee billed that the key does not have. */
  | { kind: 'extra'; attempt: AttemptLine }

/** One error or warning of the key and whether the trainee flagged it. */
export interface FindingVerdict {
  ruleId: string
  severity: 'error' | 'warning'
  caught: boolean
  /** Caught because the trainee left off the line it was about (see GradeOptions.mayLeaveOff), not flagged. */
  avoided: boolean
  title: string
  /** Why the rule exists (shown for a missed finding). */
  explanation: string
}

export interface Grade {
  /** In key order, extra lines last (in the order the trainee entered them). */
  lines: LineVerdict[]
  /** 0..1: the credits of the key lines over the key lines plus the extra lines. */
  lineScore: number
  /** The key's error and warning findings, each rule once, in key order. */
  findings: FindingVerdict[]
  /** Flagged rules the key does not have as an error or warning (an info-only key rule counts as not in the key). */
  falseFlags: { ruleId: string; title: string }[]
  /** 0..1, see gradeAttempt. */
  findingScore: number
  /** 0..1: SCORE_SHARES.lines × lineScore + SCORE_SHARES.findings × findingScore. */
  score: number
  /** Math.round(score × 100). */
  percent: number
  /**
   * The rule ids of the missed findings, in key order, for progress statistics. Only findings
   * feed it: an answer key's lines carry no rule ids, so a missing or partial line adds nothing.
   */
  missedRules: string[]
}

export interface RuleInfo {
  title: string
  explanation: string
}

export interface GradeOptions {
  weights?: GradeWeights
  /** Title and explanation of a rule; default: the rule module's title and rationale. */
  ruleInfo?: (ruleId: string) => RuleInfo | undefined
  /**
   * Key lines that will deny as they are and whose fix is to take them off (a hand-entered line an
   * error finding names, e.g. 77003 billed with a facet code), by place in key order, each with the
   * rules whose findings it draws. Not billing one is as right as billing it: the line is
   * 'left-off' with full credit instead of 'missing', and its rules' findings count as caught
   * (avoided), as the rule module would no longer report them.
   */
  mayLeaveOff?: ReadonlyMap<number, readonly string[]>
}

/** A right code is worth half a line; right modifiers and right units the rest. */
export const DEFAULT_GRADE_WEIGHTS: Readonly<GradeWeights> = Object.freeze({ code: 0.5, modifiers: 0.3, units: 0.2 })

/** How the overall score splits between the claim lines and the denial risks. */
export const SCORE_SHARES = Object.freeze({ lines: 0.6, findings: 0.4 } as const)

/** Flagging a rule the key does not have costs half of one caught finding. */
export const FALSE_FLAG_PENALTY = 0.5

/** With no findings in the key, each false flag costs a quarter of the finding score. */
export const FALSE_FLAG_PENALTY_WITHOUT_FINDINGS = 0.25

/**
 * The line as it is compared: code trimmed and upper-case, modifiers trimmed and upper-case with
 * empty entries dropped (duplicates kept: "50, 50" is not "50"), units unchanged.
 */
export function normalizeAttemptLine(line: AttemptLine): AttemptLine {
  return {
    code: line.code.trim().toUpperCase(),
    modifiers: line.modifiers.map((m) => m.trim().toUpperCase()).filter((m) => m !== ''),
    units: line.units,
  }
}

/**
 * Grades a practice attempt against the case's answer key.
 *
 * Lines. Codes compare case-insensitively after trimming; modifiers compare as multisets (order
 * and case ignored); units compare as numbers. Attempt lines without a code (blank rows) are
 * ignored. A key line pairs with an attempt line only on the same code. Pairing: first, in key
 * order, each key line takes the first unpaired attempt line that matches it exactly; then, per
 * code, the remaining key and attempt lines are paired so that their total credit is the largest
 * possible (so the order the trainee typed lines in never changes the grade). A pair's credit is
 * the code weight, plus the modifiers weight when the modifiers agree, plus the units weight when
 * the units agree; a pair with everything right is 'correct' (credit 1), otherwise 'partial'.
 * Unpaired key lines are 'missing' ('left-off', full credit, for those in options.mayLeaveOff), unpaired attempt lines 'extra'. lineScore = sum of credits /
 * (key lines + extra lines), so an extra line lowers it; 1 when neither side has a line.
 *
 * Findings. Only the key's error and warning findings are asked (info findings are not); a rule
 * repeated in the key counts once, at its first place and its most severe severity. A finding is
 * caught when its rule id is among the flagged ids (trimmed; a rule ticked twice counts once), or
 * when the trainee left off a line it was about (options.mayLeaveOff: 'avoided'). A
 * flagged rule that is not an error or warning of the key is a false flag. findingScore =
 * (caught − FALSE_FLAG_PENALTY × false flags) / key findings, clamped to 0..1; with no key
 * findings, 1 − FALSE_FLAG_PENALTY_WITHOUT_FINDINGS × false flags, clamped. missedRules lists
 * the missed findings only (key lines carry no rule ids).
 *
 * Score. SCORE_SHARES.lines × lineScore + SCORE_SHARES.findings × findingScore; percent rounded.
 *
 * Throws a RangeError when custom weights are negative, not finite, or do not add up to 1.
 */
export function gradeAttempt(key: AnswerKey, attempt: Attempt, options: GradeOptions = {}): Grade {
  const weights = options.weights ?? DEFAULT_GRADE_WEIGHTS
  assertWeights(weights)
  const infoOf = (ruleId: string): RuleInfo => (options.ruleInfo ?? defaultRuleInfo)(ruleId) ?? { title: ruleId, explanation: '' }

  const mayLeaveOff = options.mayLeaveOff ?? new Map<number, readonly string[]>()
  const lines = gradeLines(key.lines, attempt.lines, weights, mayLeaveOff)
  const avoided = new Set(lines.flatMap((v, i) => (v.kind === 'left-off' ? mayLeaveOff.get(i) ?? [] : [])))
  const extras = lines.filter((v) => v.kind === 'extra').length
  const credits = lines.reduce((sum, v) => sum + creditOfVerdict(v), 0)
  const lineCount = key.lines.length + extras
  const lineScore = lineCount === 0 ? 1 : clamp01(credits / lineCount)

  const asked = askedFindings(key)
  const flagged = new Set(attempt.flaggedRuleIds.map((id) => id.trim()).filter((id) => id !== ''))
  const findings: FindingVerdict[] = [...asked].map(([ruleId, severity]) => ({
    ruleId,
    severity,
    caught: flagged.has(ruleId) || avoided.has(ruleId),
    avoided: !flagged.has(ruleId) && avoided.has(ruleId),
    ...infoOf(ruleId),
  }))
  const falseFlags = [...flagged].filter((id) => !asked.has(id)).map((ruleId) => ({ ruleId, title: infoOf(ruleId).title }))
  const caught = findings.filter((f) => f.caught).length
  const findingScore =
    findings.length === 0
      ? clamp01(1 - FALSE_FLAG_PENALTY_WITHOUT_FINDINGS * falseFlags.length)
      : clamp01((caught - FALSE_FLAG_PENALTY * falseFlags.length) / findings.length)

  const score = clamp01(SCORE_SHARES.lines * lineScore + SCORE_SHARES.findings * findingScore)
  return {
    lines,
    lineScore,
    findings,
    falseFlags,
    findingScore,
    score,
    percent: Math.round(score * 100),
    missedRules: findings.filter((f) => !f.caught).map((f) => f.ruleId),
  }
}

function gradeLines(keyLines: readonly AnswerLine[], attemptLines: readonly AttemptLine[], weights: GradeWeights, mayLeaveOff: ReadonlyMap<number, readonly string[]>): LineVerdict[] {
  const keys = keyLines.map(normalizeAttemptLine)
  const attempts = attemptLines.map(normalizeAttemptLine).filter((l) => l.code !== '')
  const pairOf = new Array<number | undefined>(keys.length).fill(undefined)
  const taken = new Array<boolean>(attempts.length).fill(false)
  const pair = (k: number, a: number) => {
    pairOf[k] = a
    taken[a] = true
  }

  keys.forEach((k, ki) => {
    const ai = attempts.findIndex((a, i) => !taken[i] && wrongParts(k, a)?.length === 0)
    if (ai >= 0) pair(ki, ai)
  })

  for (const code of new Set(keys.filter((_, ki) => pairOf[ki] === undefined).map((k) => k.code))) {
    const keyIdx = keys.flatMap((k, ki) => (pairOf[ki] === undefined && k.code === code ? [ki] : []))
    const attemptIdx = attempts.flatMap((a, ai) => (!taken[ai] && a.code === code ? [ai] : []))
    const assigned = assignMaxCredit(keyIdx.length, attemptIdx.length, (r, c) =>
      creditOf(wrongParts(keys[keyIdx[r]], attempts[attemptIdx[c]]) ?? [], weights),
    )
    assigned.forEach((c, r) => {
      if (c !== undefined) pair(keyIdx[r], attemptIdx[c])
    })
  }

  const verdicts: LineVerdict[] = keyLines.map((key, ki): LineVerdict => {
    const ai = pairOf[ki]
    if (ai === undefined) return mayLeaveOff.has(ki) ? { kind: 'left-off', key } : { kind: 'missing', key }
    const attempt = attempts[ai]
    const wrong = wrongParts(keys[ki], attempt) ?? []
    return wrong.length === 0
      ? { kind: 'correct', key, attempt }
      : { kind: 'partial', key, attempt, wrong, credit: creditOf(wrong, weights) }
  })
  attempts.forEach((attempt, ai) => {
    if (!taken[ai]) verdicts.push({ kind: 'extra', attempt })
  })
  return verdicts
}

/** What differs between two normalized lines of the same code; undefined when the codes differ. */
function wrongParts(key: AttemptLine, attempt: AttemptLine): ('modifiers' | 'units')[] | undefined {
  if (key.code !== attempt.code) return undefined
  const wrong: ('modifiers' | 'units')[] = []
  if (!sameMultiset(key.modifiers, attempt.modifiers)) wrong.push('modifiers')
  if (key.units !== attempt.units) wrong.push('units')
  return wrong
}

function creditOf(wrong: readonly ('modifiers' | 'units')[], weights: GradeWeights): number {
  if (wrong.length === 0) return 1
  return weights.code + (wrong.includes('modifiers') ? 0 : weights.modifiers) + (wrong.includes('units') ? 0 : weights.units)
}

function creditOfVerdict(verdict: LineVerdict): number {
  switch (verdict.kind) {
    case 'correct':
    case 'left-off':
      return 1
    case 'partial':
      return verdict.credit
    case 'missing':
    case 'extra':
      return 0
  }
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const sortedA = [...a].sort()
  const sortedB = [...b].sort()
  return sortedA.every((m, i) => m === sortedB[i])
}

/** The key's error and warning rules, each once, in key order, with the most severe severity seen. */
function askedFindings(key: AnswerKey): Map<string, 'error' | 'warning'> {
  const asked = new Map<string, 'error' | 'warning'>()
  for (const { ruleId, severity } of key.findings) {
    if (severity === 'info') continue
    asked.set(ruleId, asked.get(ruleId) === 'error' ? 'error' : severity)
  }
  return asked
}

function defaultRuleInfo(ruleId: string): RuleInfo | undefined {
  const rule = rulesById.get(ruleId)
  return rule && { title: rule.title, explanation: rationaleOf(rule.id) }
}

function assertWeights(weights: GradeWeights): void {
  const parts = [weights.code, weights.modifiers, weights.units]
  if (parts.some((w) => !Number.isFinite(w) || w < 0) || Math.abs(parts[0] + parts[1] + parts[2] - 1) > 1e-9) {
    throw new RangeError(`Grade weights must be non-negative and add up to 1 (got ${parts.join(' / ')}).`)
  }
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x))
}

import { parseEvaluationInput, type EvaluationInput } from '../../../domain/index.ts'
import type { AnswerLineValues, AnswerValues } from './answer-values.ts'

/**
 * An unfinished practice attempt, kept in the browser's local storage per person and case so that
 * a reload (or closing the tab) loses nothing: the facts typed in the worksheet, the answer's
 * lines and ticked risks, and when the case was opened. Practice cases hold no patient data.
 */
export interface AttemptDraft {
  startedAt: string
  answer: AnswerValues
  /** The facts as the worksheet form last reported them; null before it did. */
  facts: EvaluationInput | null
}

const PREFIX = 'injection-coding-worksheet:practice-draft:'
const FORMAT = 1

export const attemptDraftKey = (userId: string, caseId: string): string => `${PREFIX}${encodeURIComponent(userId)}:${encodeURIComponent(caseId)}`

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function readLine(v: unknown, i: number): AnswerLineValues | null {
  if (!isRecord(v)) return null
  const { code, modifiers, units } = v
  if (typeof code !== 'string' || typeof modifiers !== 'string' || typeof units !== 'string') return null
  return { key: `restored-line-${i}`, code, modifiers, units }
}

/** The stored draft of a person's attempt at a case; null when there is none or it cannot be read. */
export function readAttemptDraft(storage: Pick<Storage, 'getItem'>, userId: string, caseId: string): AttemptDraft | null {
  let data: unknown
  try {
    data = JSON.parse(storage.getItem(attemptDraftKey(userId, caseId)) ?? 'null')
  } catch {
    return null
  }
  if (!isRecord(data) || data.format !== FORMAT || typeof data.startedAt !== 'string' || !isRecord(data.answer)) return null
  const { lines, flagged } = data.answer
  if (!Array.isArray(lines) || !Array.isArray(flagged) || !flagged.every((f) => typeof f === 'string')) return null
  const read = lines.map(readLine)
  if (read.length === 0 || read.some((l) => l === null)) return null
  const facts = data.facts === null ? null : parseEvaluationInput(data.facts)
  return {
    startedAt: data.startedAt,
    answer: { lines: read as AnswerLineValues[], flagged },
    facts: facts && facts.ok ? facts.input : null,
  }
}

/** True when nothing was entered yet: no line, no ticked risk, nothing the note says was done. */
export function isBlankDraft(draft: AttemptDraft): boolean {
  const e = draft.facts?.encounter
  const factsEntered = e !== undefined && (e.diagnoses.length + e.procedures.length + e.drugs.length + e.otherLines.length > 0 || Object.values(e.documentation).some(Boolean))
  const answered = draft.answer.flagged.length > 0 || draft.answer.lines.some((l) => l.code.trim() !== '' || l.modifiers.trim() !== '')
  return !factsEntered && !answered
}

/** Keeps the draft; a full or unavailable storage is ignored (the attempt still works, it just is not kept). */
export function writeAttemptDraft(storage: Pick<Storage, 'setItem'>, userId: string, caseId: string, draft: AttemptDraft): void {
  try {
    storage.setItem(attemptDraftKey(userId, caseId), JSON.stringify({ format: FORMAT, ...draft }))
  } catch {
    // Without room the attempt goes on; it is just not kept across a reload.
  }
}

export function clearAttemptDraft(storage: Pick<Storage, 'removeItem'>, userId: string, caseId: string): void {
  try {
    storage.removeItem(attemptDraftKey(userId, caseId))
  } catch {
    // Storage unavailable: there is no draft to remove.
  }
}

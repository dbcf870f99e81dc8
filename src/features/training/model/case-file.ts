import { allRules, createContext, evaluate, isIsoDateText, parseEvaluationInput, PROCEDURE_TYPES } from '../../../domain/index.ts'
import { answerKeyOf } from '../../../domain/training/answer-key.ts'
import { CASE_LEVELS, type AnswerKey, type PracticeCase } from '../../../domain/training/types.ts'
import { readJsonText } from '../../../lib/json-text.ts'

/**
 * Practice cases as a JSON file, to share cases a supervisor wrote between machines. Reading is
 * all or nothing: a file with any bad case is refused with every problem named by case and
 * field, and nothing is taken. A case's stored answer key is checked against today's rule
 * module; a key that differs is reported (the caller shows it and keeps the module's answer).
 */

export const CASE_FILE_FORMAT = 'injection-coding-worksheet-cases'
export const CASE_FILE_VERSION = 1
/** Larger files are refused before they are read (80 cases take about 0.3 MB). */
export const MAX_CASE_FILE_CHARS = 5_000_000
/** Problems listed at most; the rest are counted. */
const MAX_PROBLEMS = 50

export interface CaseFile {
  format: typeof CASE_FILE_FORMAT
  formatVersion: number
  exportedAt: string
  cases: PracticeCase[]
}

export type CaseFileResult =
  | { ok: true; cases: PracticeCase[]; staleKeys: { id: string; key: AnswerKey }[] }
  | { ok: false; problems: string[] }

/** The file text for `cases` (two-space indented, one case after the other). */
export function casesToJson(cases: readonly PracticeCase[], exportedAt: string): string {
  const file: CaseFile = { format: CASE_FILE_FORMAT, formatVersion: CASE_FILE_VERSION, exportedAt, cases: [...cases] }
  return `${JSON.stringify(file, null, 2)}\n`
}

const CASE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown, min = 1): v is string => typeof v === 'string' && v.trim().length >= min

function checkKey(value: unknown, at: string, problems: string[]): value is AnswerKey {
  if (!isRecord(value) || !Array.isArray(value.lines) || !Array.isArray(value.findings)) {
    problems.push(`${at}: answerKey must have a list of lines and a list of findings`)
    return false
  }
  const before = problems.length
  value.lines.forEach((l: unknown, i) => {
    if (!isRecord(l) || !isText(l.code) || !Array.isArray(l.modifiers) || !l.modifiers.every((m) => typeof m === 'string') || typeof l.units !== 'number' || !Number.isInteger(l.units) || l.units < 1) {
      problems.push(`${at}: answerKey line ${i + 1} needs a code, a list of modifiers and whole units of 1 or more`)
    }
  })
  value.findings.forEach((f: unknown, i) => {
    if (!isRecord(f) || !isText(f.ruleId) || !['error', 'warning', 'info'].includes(String(f.severity))) {
      problems.push(`${at}: answerKey finding ${i + 1} needs a rule id and a severity (error, warning or info)`)
    }
  })
  return problems.length === before
}

/** Every problem of one case, as "Case 3 (tpi-01): field: what is wrong". */
function checkCase(value: unknown, index: number, knownRules: ReadonlySet<string>, problems: string[]): value is PracticeCase {
  const before = problems.length
  if (!isRecord(value)) {
    problems.push(`Case ${index + 1}: must be an object`)
    return false
  }
  const at = `Case ${index + 1}${typeof value.id === 'string' ? ` (${value.id})` : ''}`
  if (typeof value.id !== 'string' || !CASE_ID.test(value.id)) problems.push(`${at}: id must be 1 to 40 lower-case letters, digits or hyphens`)
  if (!isText(value.title)) problems.push(`${at}: title is empty`)
  if (!CASE_LEVELS.includes(value.level as never)) problems.push(`${at}: level must be one of ${CASE_LEVELS.join(', ')}`)
  if (!Array.isArray(value.families) || value.families.length === 0 || !value.families.every((f) => PROCEDURE_TYPES.includes(f as never))) {
    problems.push(`${at}: families must list at least one of ${PROCEDURE_TYPES.join(', ')}`)
  }
  if (!Array.isArray(value.ruleIds) || !value.ruleIds.every((r) => typeof r === 'string')) problems.push(`${at}: ruleIds must be a list of rule ids`)
  else for (const r of value.ruleIds) if (!knownRules.has(r)) problems.push(`${at}: ruleIds: ${r} is not a rule of the rule module`)
  if (!isText(value.note, 80)) problems.push(`${at}: note must be a procedure note of at least 80 characters`)
  if (!isText(value.context)) problems.push(`${at}: context is empty`)
  if (!isText(value.teachingPoint)) problems.push(`${at}: teachingPoint is empty`)
  if (typeof value.today !== 'string' || !isIsoDateText(value.today)) problems.push(`${at}: today must be a date as YYYY-MM-DD`)
  const parsed = parseEvaluationInput(value.input)
  if (!parsed.ok) for (const issue of parsed.issues) problems.push(`${at}: input.${issue.path}: ${issue.message}`)
  checkKey(value.answerKey, at, problems)
  return problems.length === before
}

/** Reads a case file: every case or none. */
export function parseCaseFile(text: string): CaseFileResult {
  if (text.length > MAX_CASE_FILE_CHARS) return { ok: false, problems: [`The file is larger than ${MAX_CASE_FILE_CHARS.toLocaleString('en-US')} characters; a case file is much smaller`] }
  const read = readJsonText(text)
  if (!read.ok) return { ok: false, problems: [read.message] }
  const file = read.value
  if (!isRecord(file) || file.format !== CASE_FILE_FORMAT) return { ok: false, problems: ['This is not a practice case file of this app (its "format" is not injection-coding-worksheet-cases)'] }
  if (file.formatVersion !== CASE_FILE_VERSION) {
    return { ok: false, problems: [typeof file.formatVersion === 'number' && file.formatVersion > CASE_FILE_VERSION ? `The file was written by a newer version of the app (format version ${file.formatVersion})` : 'The file has no valid format version'] }
  }
  if (!Array.isArray(file.cases) || file.cases.length === 0) return { ok: false, problems: ['The file holds no cases'] }

  const knownRules = new Set(allRules.map((r) => r.id))
  const problems: string[] = []
  const cases: PracticeCase[] = []
  const seen = new Map<string, number>()
  file.cases.forEach((value: unknown, i) => {
    if (!checkCase(value, i, knownRules, problems)) return
    const first = seen.get(value.id)
    if (first !== undefined) problems.push(`Case ${i + 1} (${value.id}): id is already used by case ${first + 1}`)
    else seen.set(value.id, i)
    cases.push(value)
  })
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS)
    return { ok: false, problems: problems.length > MAX_PROBLEMS ? [...shown, `…and ${problems.length - MAX_PROBLEMS} more`] : shown }
  }

  const staleKeys: { id: string; key: AnswerKey }[] = []
  for (const c of cases) {
    const parsed = parseEvaluationInput(c.input)
    if (!parsed.ok) continue
    const key = answerKeyOf(evaluate(parsed.input, createContext(c.today)))
    if (JSON.stringify(key) !== JSON.stringify(c.answerKey)) staleKeys.push({ id: c.id, key })
  }
  return { ok: true, cases, staleKeys }
}

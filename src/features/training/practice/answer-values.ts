import { checkRules, type Severity } from '../../../domain/index.ts'
import type { Attempt } from '../model/index.ts'
import { SCOPE_ORDER, scopeLabels, type RuleScope } from '../rule-library/labels.ts'

/** One claim line as the trainee types it. */
export interface AnswerLineValues {
  key: string
  code: string
  /** Modifiers as typed: "50" or "RT, XS". */
  modifiers: string
  units: string
}

/** The trainee's answer form: the claim lines they would bill and the denial risks they see. */
export interface AnswerValues {
  lines: AnswerLineValues[]
  flagged: string[]
}

let keys = 0
export const newAnswerLine = (): AnswerLineValues => ({ key: `answer-line-${++keys}`, code: '', modifiers: '', units: '1' })

export const emptyAnswer = (): AnswerValues => ({ lines: [newAnswerLine()], flagged: [] })

const CODE = /^[A-Z0-9]{4}[A-Z0-9]$/
const MODIFIER = /^[A-Z0-9]{2}$/

export const splitModifiers = (text: string): string[] => text.split(/[\s,;]+/).map((m) => m.trim().toUpperCase()).filter((m) => m !== '')

/** What is wrong with a typed line, by field; {} when it can be graded. A row with nothing typed is skipped, not wrong. */
export function lineProblems(line: AnswerLineValues): Partial<Record<'code' | 'modifiers' | 'units', string>> {
  const blank = line.code.trim() === '' && line.modifiers.trim() === ''
  if (blank) return {}
  const problems: Partial<Record<'code' | 'modifiers' | 'units', string>> = {}
  if (!CODE.test(line.code.trim().toUpperCase())) problems.code = 'Enter a 5-character CPT or HCPCS code, e.g. 20552 or J1030'
  const modifiers = splitModifiers(line.modifiers)
  if (modifiers.some((m) => !MODIFIER.test(m))) problems.modifiers = 'Modifiers are 2 letters or digits each, separated by commas or spaces'
  else if (modifiers.length > 4) problems.modifiers = 'A claim line takes at most 4 modifiers'
  const units = Number(line.units)
  if (line.units.trim() === '' || !Number.isInteger(units) || units < 1 || units > 999) problems.units = 'Enter whole units from 1 to 999'
  return problems
}

/** The attempt to grade: typed lines with a code (blank rows dropped) and the ticked rules. */
export function answerToAttempt(values: AnswerValues): Attempt {
  return {
    lines: values.lines
      .filter((l) => l.code.trim() !== '')
      .map((l) => ({ code: l.code.trim().toUpperCase(), modifiers: splitModifiers(l.modifiers), units: Number(l.units) })),
    flaggedRuleIds: [...new Set(values.flagged)],
  }
}

export interface RiskChoice {
  ruleId: string
  title: string
  severity: Severity
}

export interface RiskGroup {
  scope: RuleScope
  label: string
  risks: RiskChoice[]
}

/**
 * The rules a trainee can flag: every check that reports an error or a warning, grouped as the
 * rule library groups them. Coding rules decide lines and report nothing, and info findings are
 * not graded, so neither is offered.
 */
export const riskGroups: readonly RiskGroup[] = SCOPE_ORDER.map((scope) => ({
  scope,
  label: scopeLabels[scope],
  risks: checkRules
    .filter((r) => r.scope === scope && r.severity !== 'info')
    .map((r) => ({ ruleId: r.id, title: r.title, severity: r.severity }))
    .sort((a, b) => a.title.localeCompare(b.title)),
})).filter((g) => g.risks.length > 0)

/** The groups with only the risks whose title or id contains the query (case-insensitive). */
export function filterRisks(groups: readonly RiskGroup[], query: string): RiskGroup[] {
  const q = query.trim().toLowerCase()
  if (q === '') return [...groups]
  return groups
    .map((g) => ({ ...g, risks: g.risks.filter((r) => r.title.toLowerCase().includes(q) || r.ruleId.toLowerCase().includes(q)) }))
    .filter((g) => g.risks.length > 0)
}

import type { ClaimLine, Finding } from '../../../domain/index.ts'
import { linesOfFinding } from '../model/queue-rows.ts'

/**
 * The findings that apply to each claim line of an encounter: a finding's lineIndexes, else the
 * lines of its procedure, else (a finding about the whole encounter) every line: the review
 * queue's linesOfFinding.
 */
export function findingsByLine(findings: readonly Finding[], lines: readonly ClaimLine[]): Finding[][] {
  const own: Finding[][] = lines.map(() => [])
  const shared: Finding[] = []
  for (const finding of findings) {
    const indexes = linesOfFinding(finding, lines)
    if (indexes === null) shared.push(finding)
    else for (const i of new Set(indexes)) own[i]?.push(finding)
  }
  return own.map((mine) => [...mine, ...shared])
}

/** The rules of `findings` (info findings left out unless `withInfo`), each once, in order. */
export function rulesOf(findings: readonly Finding[], withInfo: boolean): string[] {
  const rules: string[] = []
  for (const f of findings) if ((withInfo || f.severity !== 'info') && !rules.includes(f.ruleId)) rules.push(f.ruleId)
  return rules
}

/** The most severe of a rule's error and warning findings on a line. */
export function ruleSeverity(findings: readonly Finding[], ruleId: string): 'error' | 'warning' | null {
  let severity: 'error' | 'warning' | null = null
  for (const f of findings) {
    if (f.ruleId !== ruleId) continue
    if (f.severity === 'error') return 'error'
    if (f.severity === 'warning') severity = 'warning'
  }
  return severity
}

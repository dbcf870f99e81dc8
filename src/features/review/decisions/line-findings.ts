import type { ClaimLine, Finding } from '../../../domain/index.ts'
import { linesOfFinding, SEVERITY_RANK } from '../model/queue-rows.ts'

export interface LineFinding {
  finding: Finding
  /** 'line': about this line (by its line indexes or its procedure); 'encounter': about the whole encounter. */
  scope: 'line' | 'encounter'
}

/**
 * The findings that apply to line `lineIndex`, as the queue counts them: a finding's lineIndexes,
 * else the lines of its procedure, else (no such line) the whole encounter. Most severe first,
 * the line's own before the encounter's, otherwise in the engine's order.
 */
export function findingsForLine(findings: readonly Finding[], lines: readonly ClaimLine[], lineIndex: number): LineFinding[] {
  const out: LineFinding[] = []
  for (const finding of findings) {
    const own = linesOfFinding(finding, lines)
    if (own === null) out.push({ finding, scope: 'encounter' })
    else if (own.includes(lineIndex)) out.push({ finding, scope: 'line' })
  }
  const rank = (f: LineFinding) => SEVERITY_RANK[f.finding.severity] * 2 + (f.scope === 'line' ? 1 : 0)
  return out.map((f, i) => ({ f, i })).sort((a, b) => rank(b.f) - rank(a.f) || a.i - b.i).map(({ f }) => f)
}

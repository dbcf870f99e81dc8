import type { ClaimLine, Finding, Severity } from '../../../domain/index.ts'
import { rowIdOf } from './audit.ts'
import type { QueueRow, ReviewEncounter, ReviewStatus, UserProfile } from './types.ts'

/** Higher is more severe; 0 for a line without findings. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 }

export interface QueueRowsOptions {
  /** Profiles to name coders by; a coder not among them shows by id. */
  users?: readonly Pick<UserProfile, 'id' | 'name'>[]
  /** Decided statuses by row id (lineStatuses of the audit log); other lines start from their findings. */
  statuses?: ReadonlyMap<string, ReviewStatus>
  /** Also the lines that need no review (status 'no-findings'). */
  includeAllLines: boolean
}

/**
 * Which lines each finding is about: its lineIndexes, else the lines of its procedure, else
 * (null) the whole encounter. A procedure finding whose procedure made no line is about the
 * whole encounter, so that it is not lost.
 */
export function linesOfFinding(finding: Finding, lines: readonly ClaimLine[]): number[] | null {
  if (finding.lineIndexes && finding.lineIndexes.length > 0) return finding.lineIndexes
  if (finding.procedureIndex !== undefined) {
    const own: number[] = []
    lines.forEach((line, i) => { if (line.procedureIndex === finding.procedureIndex) own.push(i) })
    if (own.length > 0) return own
  }
  return null
}

/** The most severe of `findings`, the first of them at equal severity. */
function mostSevere(findings: readonly Finding[]): Finding | undefined {
  let top: Finding | undefined
  for (const f of findings) if (top === undefined || SEVERITY_RANK[f.severity] > SEVERITY_RANK[top.severity]) top = f
  return top
}

function addUnique(into: string[], ids: readonly string[]): void {
  for (const id of ids) if (!into.includes(id)) into.push(id)
}

/**
 * The review queue's rows: one per claim line of each finalized encounter, in the given
 * encounter order and claim-line order. The top finding is the most severe one that applies
 * to the line, its own (by lineIndexes or procedure) before the encounter's at equal severity.
 * A line is pending until decided when an error or warning applies to it; other lines
 * ('no-findings', possibly with info findings) are left out unless `includeAllLines`.
 */
export function queueRows(encounters: readonly ReviewEncounter[], options: QueueRowsOptions): QueueRow[] {
  const names = new Map((options.users ?? []).map((u) => [u.id, u.name]))
  const rows: QueueRow[] = []
  for (const enc of encounters) {
    const own: Finding[][] = enc.lines.map(() => [])
    const shared: Finding[] = []
    for (const finding of enc.findings) {
      const indexes = linesOfFinding(finding, enc.lines)
      if (indexes === null) shared.push(finding)
      else indexes.forEach((i, k) => { if (indexes.indexOf(i) === k) own[i]?.push(finding) })
    }
    const sharedTop = mostSevere(shared)
    const sharedRules: string[] = []
    addUnique(sharedRules, shared.map((f) => f.ruleId))
    const sharedNeedsReview = shared.some((f) => f.severity !== 'info')
    const sharedHasError = shared.some((f) => f.severity === 'error')
    const coderId = enc.finalizedBy ?? null
    const coderName = coderId === null ? '' : (names.get(coderId) ?? coderId)
    enc.lines.forEach((line, lineIndex) => {
      const mine = own[lineIndex] ?? []
      const ownTop = mostSevere(mine)
      const top = ownTop === undefined || (sharedTop !== undefined && SEVERITY_RANK[sharedTop.severity] > SEVERITY_RANK[ownTop.severity])
        ? sharedTop : ownTop
      const needsReview = sharedNeedsReview || mine.some((f) => f.severity !== 'info')
      const rowId = rowIdOf(enc.id, lineIndex)
      const status: ReviewStatus = needsReview ? (options.statuses?.get(rowId) ?? 'pending') : 'no-findings'
      if (!options.includeAllLines && status === 'no-findings') return
      const ruleIds: string[] = []
      addUnique(ruleIds, mine.map((f) => f.ruleId))
      addUnique(ruleIds, sharedRules)
      rows.push({
        rowId, encounterId: enc.id, lineIndex, dateOfService: enc.dateOfService, patientId: enc.patientId,
        providerId: enc.providerId, coderId, coderName, payer: enc.payerProfile, code: line.code,
        modifiers: line.modifiers.join(' '), units: line.units,
        topFinding: top ? { ruleId: top.ruleId, message: top.message } : null,
        severity: top?.severity ?? null, category: top?.category ?? null,
        ruleIds, findingCount: mine.length + shared.length,
        hasError: sharedHasError || mine.some((f) => f.severity === 'error'), status,
      })
    })
  }
  return rows
}

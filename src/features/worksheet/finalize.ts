import type { EvaluationInput, EvaluationResult, Severity } from '../../domain/index.ts'
import type { EncounterRecord } from '../../storage/index.ts'
import type { AuditRecord, UserRecord } from '../../storage/types.ts'
import type { FormIssue } from './model/index.ts'

const BLOCKING_PATHS = new Set(['dateOfService', 'patientId', 'providerId'])

/** Form issues that stop an encounter from being finalized (the claim header must be complete). */
export function blockingIssues(issues: readonly FormIssue[]): FormIssue[] {
  return issues.filter((i) => BLOCKING_PATHS.has(i.path) || i.path.startsWith('drugs.') || i.path.startsWith('otherLines.') || i.path.startsWith('linePointers.') || i.path.includes('.muscles.'))
}

export function countBySeverity(result: EvaluationResult): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const f of result.findings) counts[f.severity] += 1
  return counts
}

/**
 * The ledger record of a finalized encounter; errors and warnings send it to review.
 * `user` is who finalized it (null only where no profile is chosen, as in isolated tests).
 */
export function toEncounterRecord(id: string, input: EvaluationInput, result: EvaluationResult, reason: string | null, now: string, user: UserRecord | null = null): EncounterRecord {
  const counts = countBySeverity(result)
  return {
    id,
    finalizedAt: now,
    patientId: input.encounter.patientId,
    providerId: input.encounter.providerId,
    dateOfService: input.encounter.dateOfService,
    payerProfile: result.payerProfileId,
    encounter: input.encounter,
    lines: result.lines,
    findings: result.findings,
    counts,
    review: counts.error > 0 || counts.warning > 0 ? 'pending' : 'not-needed',
    finalizeReason: reason,
    finalizedBy: user?.id ?? null,
  }
}

/** The audit log entry of finalizing `record` under `user`, stored in the same transaction. */
export function toFinalizeAudit(record: EncounterRecord, user: UserRecord, auditId: string): AuditRecord {
  return {
    id: auditId,
    at: record.finalizedAt,
    userId: user.id,
    userName: user.name,
    encounterId: record.id,
    lineIndex: null,
    action: 'finalize',
    from: null,
    to: record.review === 'pending' ? 'pending' : 'no-findings',
    reason: null,
    note: record.finalizeReason,
  }
}

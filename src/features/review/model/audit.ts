import type { AuditDraft, AuditEntry, ReviewStatus } from './types.ts'

/** The audit log is append-only: entries are frozen and only ever added at the end, in the order they happened. */

/** The entry as stored: the draft from decide() or finalizeEntry() with its id and time. */
export function stampEntry(draft: AuditDraft, id: string, at: string): AuditEntry {
  return Object.freeze({ id, at, ...draft })
}

/** A new log with `entry` at the end; the old log is left as it was. */
export function appendEntry(log: readonly AuditEntry[], entry: AuditEntry): readonly AuditEntry[] {
  return Object.freeze([...log, Object.isFrozen(entry) ? entry : Object.freeze({ ...entry })])
}

/** The row id of a claim line in the queue and in the status map. */
export function rowIdOf(encounterId: string, lineIndex: number): string {
  return `${encounterId}:${lineIndex}`
}

/** What the log says about one line: its own entries and its encounter's (finalize), in log order. */
export function auditForLine(log: readonly AuditEntry[], encounterId: string, lineIndex: number): AuditEntry[] {
  return log.filter((e) => e.encounterId === encounterId && (e.lineIndex === null || e.lineIndex === lineIndex))
}

/**
 * Each line's status after the log's decisions, by row id. A finalize of the encounter after a
 * decision (the encounter coded again) clears its lines' decisions: they start over from their
 * findings. A decision stamped in the same millisecond as the finalize counts as after it (a
 * supervisor cannot decide on a line before it is finalized). Lines with no decision are absent.
 */
export function lineStatuses(log: readonly AuditEntry[]): Map<string, ReviewStatus> {
  const latest = new Map<string, { status: ReviewStatus; encounterId: string; at: string }>()
  const finalizedAt = new Map<string, string>()
  for (const entry of log) {
    if (entry.lineIndex === null) {
      if (entry.action === 'finalize') finalizedAt.set(entry.encounterId, entry.at)
      continue
    }
    latest.set(rowIdOf(entry.encounterId, entry.lineIndex), { status: entry.to, encounterId: entry.encounterId, at: entry.at })
  }
  const statuses = new Map<string, ReviewStatus>()
  for (const [rowId, { status, encounterId, at }] of latest) {
    const finalized = finalizedAt.get(encounterId)
    if (finalized === undefined || at >= finalized) statuses.set(rowId, status)
  }
  return statuses
}

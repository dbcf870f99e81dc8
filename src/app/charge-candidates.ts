import type { ChargeCandidate } from '../features/charges/index.ts'
import { lineStatuses, queueRows, type AuditEntry } from '../features/review/model/index.ts'
import type { AuditRecord, EncounterRecord } from '../storage/types.ts'

/**
 * The charge export's view of the review: each finalized encounter with its lines' review
 * statuses (from the findings and the audit log's decisions, as the review queue shows them)
 * and the time of the latest decision on it.
 */
export function chargeCandidates(encounters: readonly EncounterRecord[], audit: readonly AuditRecord[]): ChargeCandidate[] {
  const log = audit as readonly AuditEntry[]
  const rows = queueRows(encounters, { statuses: lineStatuses(log), includeAllLines: true })
  const statuses = new Map<string, ChargeCandidate['statuses'][number][]>()
  for (const row of rows) {
    const list = statuses.get(row.encounterId) ?? []
    list[row.lineIndex] = row.status
    statuses.set(row.encounterId, list)
  }
  const decidedAt = new Map<string, string>()
  for (const entry of log) {
    if (entry.lineIndex === null) continue
    const last = decidedAt.get(entry.encounterId)
    if (last === undefined || entry.at > last) decidedAt.set(entry.encounterId, entry.at)
  }
  return encounters.map((record) => ({ record, statuses: statuses.get(record.id) ?? [], decidedAt: decidedAt.get(record.id) ?? null }))
}

import type { ClaimLine, Encounter, Finding, HistoryLine, Severity } from '../../domain/index.ts'
import type { Decision, EncounterSummary } from '../../group-api/index.ts'
import type { AuditRecord, DraftRecord, EncounterRecord, ImportRecord } from '../types.ts'
import type { HistoryChunk, HistoryImportRow, ReturnedEncounter } from './sync/types.ts'

/**
 * Pure mappers between the group server's shapes (as the replica keeps them) and the app's
 * storage records, so that the review queue, the encounter details, insights, drafts and the
 * frequency counters read the practice's shared data as they read the browser's own.
 */

/** Builds the worksheet draft of an encounter (the worksheet's own mapper, given by the app: storage does not import features). */
export type DraftOf = (encounter: Encounter, id: string, now: string) => DraftRecord

const countBySeverity = (findings: readonly Finding[]): Record<Severity, number> => {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const f of findings) counts[f.severity] += 1
  return counts
}

/**
 * A server encounter as the app's encounter record. The record's `review` says whether it needs
 * review (an error or warning finding), as the worksheet sets it; where review stands line by line
 * comes from the decisions, read as audit entries (auditOfEncounter).
 */
export function encounterRecordOf(summary: EncounterSummary): EncounterRecord {
  const encounter = summary.encounter as Encounter
  const findings = summary.findings as Finding[]
  return {
    id: summary.id,
    finalizedAt: summary.finalizedAt,
    patientId: summary.patientId,
    providerId: encounter?.providerId ?? '',
    dateOfService: summary.dateOfService,
    payerProfile: encounter?.payerProfile ?? '',
    encounter,
    lines: summary.lines as ClaimLine[],
    findings,
    counts: countBySeverity(findings),
    review: findings.some((f) => f.severity !== 'info') ? 'pending' : 'not-needed',
    finalizeReason: summary.reason,
    finalizedBy: summary.finalizedBy,
  }
}

/** The review status a decision leaves a line in (the review feature's statuses). */
const STATUS_AFTER: Record<Decision['action'], string> = { approve: 'approved', return: 'returned', override: 'overridden' }

/**
 * The server keeps one text per decision. An override carries the reason picked from the list and
 * the explanation: they travel as "reason — explanation" and are read back apart.
 */
export const OVERRIDE_SEPARATOR = ' — '

/** The text a decision sends for an audit entry's reason and note (the server's `reason`). */
export function decisionTextOf(entry: Pick<AuditRecord, 'action' | 'reason' | 'note'>): string | undefined {
  const note = entry.note?.trim() || null
  const reason = entry.reason?.trim() || null
  const text = entry.action === 'override' && reason ? (note ? `${reason}${OVERRIDE_SEPARATOR}${note}` : reason) : note ?? reason
  return text ?? undefined
}

/** A decision's text as the audit entry's reason and note (see decisionTextOf). */
export function reasonAndNoteOf(decision: Pick<Decision, 'action' | 'reason'>): { reason: string | null; note: string | null } {
  const text = decision.reason
  if (text === null) return { reason: null, note: null }
  if (decision.action !== 'override') return { reason: null, note: text }
  const at = text.indexOf(OVERRIDE_SEPARATOR)
  return at < 0 ? { reason: text, note: null } : { reason: text.slice(0, at), note: text.slice(at + OVERRIDE_SEPARATOR.length) }
}

/**
 * The audit entries an encounter's history stands for: its finalize (on the whole encounter, by
 * the coder, the written reason as its note), then each decision in order, one entry per line it
 * is about (a decision on the whole encounter is about every line). Each entry's `from` is the
 * line's status before it.
 */
export function auditOfEncounter(summary: EncounterSummary): AuditRecord[] {
  const needsReview = (summary.findings as Finding[]).some((f) => f.severity !== 'info')
  const entries: AuditRecord[] = [{
    id: `${summary.id}:finalize`, at: summary.finalizedAt, userId: summary.finalizedBy, userName: summary.finalizedByName,
    encounterId: summary.id, lineIndex: null, action: 'finalize', from: null, to: needsReview ? 'pending' : 'no-findings',
    reason: null, note: summary.reason,
  }]
  const statuses = new Map<number, string>()
  for (const decision of summary.decisions) {
    const lines = decision.lineIndex === null ? summary.lines.map((_, i) => i) : [decision.lineIndex]
    const { reason, note } = reasonAndNoteOf(decision)
    const to = STATUS_AFTER[decision.action]
    for (const lineIndex of lines) {
      entries.push({
        id: decision.lineIndex === null ? `${decision.id}:${lineIndex}` : decision.id, at: decision.decidedAt,
        userId: decision.decidedBy, userName: decision.decidedByName, encounterId: summary.id, lineIndex,
        action: decision.action, from: statuses.get(lineIndex) ?? 'pending', to, reason, note,
      })
      statuses.set(lineIndex, to)
    }
  }
  return entries
}

/** Oldest first, then by id: the order every store answers the audit log in. */
export const byAuditOrder = (a: AuditRecord, b: AuditRecord) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** When the encounter was last returned (its finalize time when never). */
const lastReturnAt = (summary: EncounterSummary) => summary.decisions.filter((d) => d.action === 'return').at(-1)?.decidedAt ?? summary.finalizedAt

/**
 * A returned encounter its coder has finalized again: the server keeps the returned one and adds
 * the new one, by the same coder for the same patient and date of service, after the return.
 * (This device also knows the ones finalized again here, whatever the date: `refinalized`.)
 */
export function isSuperseded(returned: EncounterSummary, all: readonly EncounterSummary[], refinalized: ReadonlySet<string>): boolean {
  if (returned.review !== 'returned') return false
  if (refinalized.has(returned.id)) return true
  const after = lastReturnAt(returned)
  return all.some((e) => e.id !== returned.id && e.finalizedBy === returned.finalizedBy && e.patientId === returned.patientId
    && e.dateOfService === returned.dateOfService && e.finalizedAt > after)
}

/** Every reviewer's note of the returns, oldest first, each once (a return of several lines repeats its note). */
export function returnNoteOf(returned: ReturnedEncounter): string | null {
  const notes = [...new Set(returned.returns.map((d) => d.reason?.trim()).filter((n): n is string => !!n))]
  return notes.length > 0 ? notes.join('\n') : returned.note
}

/**
 * The draft a returned encounter puts in its coder's drafts: the encounter's worksheet under the
 * encounter's id, with the reviewer's note (what the standalone app's return stores).
 */
export function returnedDraftOf(returned: ReturnedEncounter, draftOf: DraftOf): DraftRecord {
  const { encounter } = returned
  let values: unknown = null
  try {
    values = draftOf(encounter.encounter as Encounter, encounter.id, returned.returnedAt).values
  } catch {
    // An encounter the worksheet cannot read opens empty, with the warning the worksheet gives then.
  }
  return {
    id: encounter.id, createdAt: returned.returnedAt, updatedAt: returned.returnedAt, patientId: encounter.patientId,
    dateOfService: encounter.dateOfService, values, status: 'returned', returnNote: returnNoteOf(returned),
  }
}

/** The claim lines of an encounter that count in later frequency checks (its procedure lines). */
export function historyLinesOf(record: Pick<EncounterRecord, 'lines' | 'dateOfService' | 'providerId'>): HistoryLine[] {
  return record.lines
    .filter((l) => l.origin === 'procedure')
    .map((l) => ({ dateOfService: record.dateOfService, code: l.code, modifiers: l.modifiers, units: l.units, providerId: record.providerId }))
}

/** Imported claim lines as history lines. */
export function historyLinesOfChunks(chunks: readonly HistoryChunk[]): HistoryLine[] {
  return chunks.flatMap((c) => c.lines.map((l) => ({
    dateOfService: l.dateOfService, code: l.code, modifiers: l.modifiers, units: l.units, ...(l.providerId ? { providerId: l.providerId } : {}),
  })))
}

export const byDateOfService = (a: { dateOfService: string }, b: { dateOfService: string }) =>
  (a.dateOfService < b.dateOfService ? -1 : a.dateOfService > b.dateOfService ? 1 : 0)

export function importRecordOf(row: HistoryImportRow): ImportRecord {
  return { id: row.id, fileName: row.fileName, importedAt: row.importedAt, rows: row.rows, duplicates: row.duplicates }
}

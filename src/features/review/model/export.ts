import { toCsv } from '../../../lib/csv.ts'
import { AUDIT_ACTION_LABELS, STATUS_LABELS, type AuditEntry, type QueueRow } from './types.ts'

/** The queue's columns in their default order, with the header and the text each exports. */
export const QUEUE_COLUMNS = [
  { id: 'dateOfService', header: 'Date of service', text: (r: QueueRow) => r.dateOfService },
  { id: 'patientId', header: 'Patient account', text: (r: QueueRow) => r.patientId },
  { id: 'providerId', header: 'Provider', text: (r: QueueRow) => r.providerId },
  { id: 'coderName', header: 'Coder', text: (r: QueueRow) => r.coderName },
  { id: 'payer', header: 'Payer', text: (r: QueueRow) => r.payer },
  { id: 'code', header: 'Code', text: (r: QueueRow) => r.code },
  { id: 'modifiers', header: 'Modifiers', text: (r: QueueRow) => r.modifiers },
  { id: 'units', header: 'Units', text: (r: QueueRow) => String(r.units) },
  { id: 'topFinding', header: 'Top finding', text: (r: QueueRow) => (r.topFinding ? `${r.topFinding.ruleId}: ${r.topFinding.message}` : '') },
  { id: 'severity', header: 'Severity', text: (r: QueueRow) => r.severity ?? '' },
  { id: 'category', header: 'Category', text: (r: QueueRow) => r.category ?? '' },
  { id: 'ruleIds', header: 'Rules', text: (r: QueueRow) => r.ruleIds.join(' ') },
  { id: 'status', header: 'Status', text: (r: QueueRow) => STATUS_LABELS[r.status] },
] as const satisfies readonly { id: string; header: string; text: (r: QueueRow) => string }[]

export type QueueColumnId = (typeof QUEUE_COLUMNS)[number]['id']

const columnById = new Map<string, (typeof QUEUE_COLUMNS)[number]>(QUEUE_COLUMNS.map((c) => [c.id, c]))

/**
 * The queue as the user sees it, as RFC 4180 CSV: the visible columns in the order given, the
 * rows in the order given (filtered and sorted), cells neutralised against formula injection.
 */
export function queueToCsv(rows: readonly QueueRow[], visibleColumns: readonly QueueColumnId[]): string {
  const columns = visibleColumns.flatMap((id) => {
    const column = columnById.get(id)
    return column ? [column] : []
  })
  return toCsv(columns.map((c) => c.header), rows.map((row) => columns.map((c) => c.text(row))))
}

const AUDIT_HEADER = ['Time', 'User', 'User id', 'Encounter', 'Line', 'Action', 'From', 'To', 'Reason', 'Note'] as const

/**
 * The audit log as RFC 4180 CSV, in log order. Line is 1-based like the worksheet's line
 * numbers, empty for an action on the whole encounter.
 */
export function auditToCsv(entries: readonly AuditEntry[]): string {
  return toCsv(AUDIT_HEADER, entries.map((e) => [
    e.at, e.userName, e.userId, e.encounterId, e.lineIndex === null ? '' : String(e.lineIndex + 1),
    AUDIT_ACTION_LABELS[e.action], e.from === null ? '' : STATUS_LABELS[e.from], STATUS_LABELS[e.to],
    e.reason ?? '', e.note ?? '',
  ]))
}

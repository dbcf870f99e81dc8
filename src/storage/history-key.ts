import type { HistoryRecord } from './types.ts'

/**
 * The dedupe key of a stored history line, for bringing version-1 records forward: patient |
 * date | code | sorted modifiers | units | provider. It must give exactly the string the
 * history import's historyRowKey gives (storage does not import from features; a test checks
 * that the two agree). Fields a version-1 record may lack are read as empty.
 */
export function legacyHistoryKey(
  record: Pick<HistoryRecord, 'patientId' | 'dateOfService' | 'code' | 'units' | 'providerId'> & { modifiers?: readonly string[] },
): string {
  const modifiers = [...(record.modifiers ?? [])].map((m) => m.toUpperCase()).sort().join(',')
  return [record.patientId, record.dateOfService, record.code.toUpperCase(), modifiers, String(record.units), record.providerId ?? ''].join('|')
}

import type { HistoryImportRow, ParsedHistoryRow } from './types.ts'

/**
 * The identity of a history line: patient | date | code | sorted modifiers | units | provider.
 * The source row is left out, so the same line in a re-exported file (or a file re-imported)
 * has the same key; modifier order is not significant ("50 KX" = "KX 50").
 */
export function historyRowKey(row: Pick<ParsedHistoryRow, 'patientId' | 'dateOfService' | 'code' | 'modifiers' | 'units' | 'providerId'>): string {
  const modifiers = [...row.modifiers].map((m) => m.toUpperCase()).sort().join(',')
  return [row.patientId, row.dateOfService, row.code.toUpperCase(), modifiers, String(row.units), row.providerId ?? ''].join('|')
}

/** A checked row as the store imports it: the claim line, its patient and its key. */
export function toImportRow(row: ParsedHistoryRow): HistoryImportRow {
  return {
    patientId: row.patientId,
    dateOfService: row.dateOfService,
    code: row.code,
    modifiers: [...row.modifiers],
    units: row.units,
    ...(row.providerId ? { providerId: row.providerId } : {}),
    key: historyRowKey(row),
  }
}

/**
 * Splits rows into those not yet in the ledger and those already there. A row repeating an
 * earlier row of the same batch is a duplicate too, so importing a file twice, or a file
 * that lists a line twice, never stores a line twice.
 */
export function dedupeAgainst<T extends ParsedHistoryRow>(
  existingKeys: ReadonlySet<string>,
  rows: readonly T[],
): { fresh: T[]; duplicates: T[] } {
  const fresh: T[] = []
  const duplicates: T[] = []
  const batch = new Set<string>()
  for (const row of rows) {
    const key = historyRowKey(row)
    if (existingKeys.has(key) || batch.has(key)) duplicates.push(row)
    else {
      batch.add(key)
      fresh.push(row)
    }
  }
  return { fresh, duplicates }
}

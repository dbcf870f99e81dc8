// Test support for the patient view's component tests (not used by the app).
import type { HistoryImportRow, WorksheetStore } from '../../storage/index.ts'

export const line = (patientId: string, dateOfService: string, code: string, modifiers: string[], providerId?: string): HistoryImportRow => ({
  patientId, dateOfService, code, modifiers, units: 1, ...(providerId ? { providerId } : {}),
  key: [patientId, dateOfService, code, [...modifiers].sort().join(','), 1, providerId ?? ''].join('|'),
})

/** Two patients across three providers: lumbar and cervical epidurals and a facet session for one, facets for the other. */
export const LEDGER: readonly HistoryImportRow[] = [
  line('PT-8001', '2025-10-02', '64483', ['RT'], 'DR-A'),
  line('PT-8001', '2026-01-14', '64483', ['RT'], 'DR-A'),
  line('PT-8001', '2026-04-08', '64483', ['LT'], 'DR-B'),
  line('PT-8001', '2026-07-22', '64483', ['RT'], 'DR-A'),
  line('PT-8001', '2026-07-22', '64484', ['RT'], 'DR-A'),
  line('PT-8001', '2026-09-16', '64479', ['LT'], 'DR-B'),
  line('PT-8001', '2026-10-07', '64493', ['50']),
  line('PT-8002', '2026-06-03', '64490', ['KX'], 'DR-C'),
  line('PT-8002', '2026-06-03', '64491', ['KX'], 'DR-C'),
]

export async function seed(store: WorksheetStore, rows: readonly HistoryImportRow[] = LEDGER): Promise<void> {
  await store.importHistory(rows, { importId: 'imp-1', fileName: 'pm-export.csv', importedAt: '2026-11-20T10:00:00.000Z' })
}

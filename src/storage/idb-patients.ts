import type { IDBPDatabase } from 'idb'
import type { WorksheetDb } from './idb-store.ts'
import { bucketOf } from './idb-shared.ts'
import type { PatientSummary } from './types.ts'

/** The patient search (see WorksheetStore.findPatients), loaded on first use. */
export async function findPatients(db: IDBPDatabase<WorksheetDb>, prefix: string, limit: number): Promise<PatientSummary[]> {
  const tx = db.transaction(['encounters', 'ledger'], 'readonly')
  const range = prefix === '' ? null : IDBKeyRange.bound(prefix, `${prefix}\uffff`)
  const max = Math.max(0, limit)
  // The first `limit` ids of the union are among the first `limit` of each.
  const encounterIds: string[] = []
  let cursor = await tx.objectStore('encounters').index('patientId').openKeyCursor(range, 'nextunique')
  while (cursor && encounterIds.length < max) {
    encounterIds.push(String(cursor.key))
    cursor = await cursor.continue()
  }
  const ledgerIds: string[] = []
  let patients = await tx.objectStore('ledger').index('patientIds').openKeyCursor(range, 'nextunique')
  while (patients && ledgerIds.length < max) {
    ledgerIds.push(String(patients.key))
    patients = await patients.continue()
  }
  const ids = [...new Set([...encounterIds, ...ledgerIds])].sort().slice(0, max)
  const summaries: PatientSummary[] = await Promise.all(ids.map(async (patientId) => ({
    patientId,
    encounters: await tx.objectStore('encounters').index('patientId').count(patientId),
    historyLines: (await tx.objectStore('ledger').get(bucketOf(patientId)))?.lines.filter((l) => l.patientId === patientId).length ?? 0,
  })))
  await tx.done
  return summaries
}

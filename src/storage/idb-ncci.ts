import type { IDBPDatabase } from 'idb'
import type { WorksheetDb } from './idb-store.ts'
import { ncciInfoOf, writeFailure } from './idb-shared.ts'
import type { NcciTableRecord } from './types.ts'

/** The NCCI tables' writes (see WorksheetStore.saveNcciTable, deleteNcciTable), loaded on first use. */

export async function putNcciTable(db: IDBPDatabase<WorksheetDb>, record: NcciTableRecord): Promise<void> {
  const stored = { ...record, id: `${record.kind}:${record.quarter}` }
  const tx = db.transaction(['ncci', 'ncciInfo'], 'readwrite')
  try {
    await Promise.all([tx.objectStore('ncci').put(stored), tx.objectStore('ncciInfo').put(ncciInfoOf(stored)), tx.done])
  } catch (error) {
    throw writeFailure(error, 'this NCCI table')
  }
}

export async function removeNcciTable(db: IDBPDatabase<WorksheetDb>, id: string): Promise<void> {
  const tx = db.transaction(['ncci', 'ncciInfo'], 'readwrite')
  await Promise.all([tx.objectStore('ncci').delete(id), tx.objectStore('ncciInfo').delete(id), tx.done])
}

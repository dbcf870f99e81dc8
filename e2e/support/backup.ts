import type { Page } from '@playwright/test'

/**
 * Every record of every object store the app keeps, read straight from IndexedDB, for the
 * backup journeys: what a restore must give back exactly. Maps (the NCCI tables) come back
 * as `{ map: [[key, value], ...] }` so the comparison sees their entries.
 */

const DATABASE = 'injection-coding-worksheet'
export const STORES = ['drafts', 'encounters', 'ledger', 'imports', 'providers', 'ncci', 'ncciInfo', 'payerProfiles', 'users', 'audit', 'remittances'] as const

export type StoredData = Record<string, { key: unknown; value: unknown }[]>

export async function readAllStores(page: Page): Promise<StoredData> {
  return page.evaluate(async ({ database, stores }) => {
    const plain = (v: unknown): unknown => {
      if (v instanceof Map) return { map: [...(v as Map<unknown, unknown>).entries()].map(([k, x]) => [plain(k), plain(x)]) }
      if (Array.isArray(v)) return v.map(plain)
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
      return v
    }
    const out: Record<string, { key: unknown; value: unknown }[]> = {}
    if (!(await indexedDB.databases()).some((d) => d.name === database)) return out
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(database)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('open failed'))
    })
    try {
      const present = stores.filter((s) => db.objectStoreNames.contains(s))
      const tx = db.transaction(present, 'readonly')
      await Promise.all(present.map((s) => new Promise<void>((resolve, reject) => {
        const rows: { key: unknown; value: unknown }[] = []
        const request = tx.objectStore(s).openCursor()
        request.onsuccess = () => {
          const cursor = request.result
          if (!cursor) { out[s] = rows; resolve(); return }
          rows.push({ key: plain(cursor.primaryKey), value: plain(cursor.value) })
          cursor.continue()
        }
        request.onerror = () => reject(request.error ?? new Error('read failed'))
      })))
    } finally {
      db.close()
    }
    return out
  }, { database: DATABASE, stores: [...STORES] })
}

/** How many records each store holds, e.g. { drafts: 1, ledger: 2, ... } (the ledger holds one record per patient). */
export function countsOf(data: StoredData): Record<string, number> {
  return Object.fromEntries(Object.entries(data).map(([store, rows]) => [store, rows.length]))
}

import type { Page } from '@playwright/test'

/**
 * Every record of every object store the app keeps, read straight from IndexedDB, for the
 * backup journeys: what a restore must give back exactly. Maps (the NCCI tables) come back
 * as `{ map: [[key, value], ...] }` so the comparison sees their entries.
 */

const DATABASE = 'injection-coding-worksheet'
export const STORES = ['drafts', 'encounters', 'ledger', 'imports', 'providers', 'ncci', 'ncciInfo', 'payerProfiles', 'users', 'audit', 'remittances', 'attempts', 'practiceCases', 'icd10', 'icd10Info', 'coverageArticles', 'coverageSettings', 'chargeExports', 'ndcList', 'chargeSettings'] as const

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

/** A graded practice attempt and one of the practice's own cases, as training mode stores them. */
export const TRAINING_RECORDS = {
  attempts: [{
    id: 'e2e-attempt-1', caseId: 'e2e-case-1', caseSource: 'library', caseTitle: 'Trigger points, three muscles', caseLevel: 'new', families: ['trigger-point'],
    userId: 'u-trainee', userName: 'Terry Trainee', startedAt: '2026-11-20T09:00:00.000Z', submittedAt: '2026-11-20T09:12:00.000Z',
    lines: [{ code: '20553', modifiers: [], units: 1 }], flaggedRuleIds: [], input: null,
    answerKey: { lines: [{ code: '20553', modifiers: [], units: 1 }], findings: [] },
    score: 1, lineScore: 1, findingScore: 1, percent: 100, caughtRules: [], missedRules: [], falseFlags: [],
  }],
  practiceCases: [{
    id: 'e2e-case-1',
    case: {
      id: 'e2e-case-1', title: 'Trigger points, three muscles', level: 'new', families: ['trigger-point'], ruleIds: [],
      note: 'Trigger point injections into three muscles of the low back.', context: 'Office visit, Medicare.', today: '2026-11-20',
      input: { encounter: { dateOfService: '2026-11-20' } }, answerKey: { lines: [{ code: '20553', modifiers: [], units: 1 }], findings: [] },
      teachingPoint: 'Three or more muscles bill as one line.',
    },
    origin: 'authored', createdAt: '2026-11-19T08:00:00.000Z', updatedAt: '2026-11-19T08:00:00.000Z', userId: 'u-super', userName: 'Sam Supervisor',
  }],
}

/** Writes records straight into the app's stores (for data the journey's own screens do not make). */
export async function putRecords(page: Page, records: Record<string, readonly unknown[]>): Promise<void> {
  await page.evaluate(async ({ database, records }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(database)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('open failed'))
    })
    try {
      const tx = db.transaction(Object.keys(records), 'readwrite')
      for (const [store, values] of Object.entries(records)) for (const value of values) tx.objectStore(store).add(value)
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error ?? new Error('write failed'))
        tx.onabort = () => reject(tx.error ?? new Error('write aborted'))
      })
    } finally {
      db.close()
    }
  }, { database: DATABASE, records })
}

// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { openDB } from 'idb'
import { afterEach, describe, expect, it, vi } from 'vitest'
// The feature's key function, in this test only: storage must not import from features.
import { historyRowKey } from '../features/ledger/history-import/index.ts'
import { legacyHistoryKey } from './history-key.ts'
import { bucketOf } from './idb-shared.ts'
import { createIdbStore, DATABASE_VERSION, deleteStore, openWorksheetDb } from './idb-store.ts'
import type { HistoryImportRow, StoreTable } from './types.ts'

let n = 0
const opened: { name: string; close: () => Promise<void> }[] = []
function freshStore(name = `history-import-${++n}`) {
  const store = createIdbStore(name)
  opened.push({ name, close: store.close })
  return { name, store }
}
afterEach(async () => {
  vi.restoreAllMocks()
  for (const o of opened.splice(0)) { await o.close(); await deleteStore(o.name) }
})

function row(patientId: string, dateOfService: string, code: string, modifiers: string[] = [], units = 1, providerId?: string): HistoryImportRow {
  const line = { patientId, dateOfService, code, modifiers, units, ...(providerId ? { providerId } : {}) }
  return { ...line, key: historyRowKey(line) }
}

const meta = (importId: string, importedAt = '2026-10-14T10:00:00.000Z') => ({ importId, fileName: `${importId}.csv`, importedAt })

/** n distinct rows over 50 patients. */
function manyRows(count: number, offset = 0): HistoryImportRow[] {
  return Array.from({ length: count }, (_, i) => {
    const k = i + offset
    const day = String(1 + (k % 28)).padStart(2, '0')
    const month = String(1 + (Math.floor(k / 28) % 12)).padStart(2, '0')
    return row(`PT-${k % 50}`, `20${10 + (Math.floor(k / 336) % 90)}-${month}-${day}`, '64483', k % 2 ? ['RT'] : ['LT'], 1 + (Math.floor(k / 30240) % 9), `DR-${k % 3}`)
  })
}

async function historyCount(name: string): Promise<number> {
  const db = await openWorksheetDb(name)
  try { return (await db.getAll('ledger')).reduce((n, r) => n + r.lines.length, 0) } finally { db.close() }
}

describe('legacyHistoryKey', () => {
  it('gives exactly the string of the import\'s historyRowKey', () => {
    const rows = [
      { patientId: '100245', dateOfService: '2026-01-06', code: '64493', modifiers: ['KX', '50'], units: 1, providerId: '1234567893' },
      { patientId: '100245', dateOfService: '2026-01-06', code: '64493', modifiers: [], units: 1 },
      { patientId: 'PT-7', dateOfService: '2025-12-31', code: 'j3301', modifiers: ['rt', 'XS', 'lt'], units: 40, providerId: '' },
      { patientId: 'A|B', dateOfService: '2026-02-28', code: '62323', modifiers: ['59'], units: 2, providerId: 'DR-A' },
    ]
    for (const r of rows) expect(legacyHistoryKey(r)).toBe(historyRowKey(r))
  })
})

describe('importHistory', () => {
  it('adds the rows, records the import and reports progress after each step of 256 buckets', async () => {
    const { store } = freshStore()
    // 1,200 patients with two lines each (about 900 buckets), and a repeated line at the end.
    const rows = Array.from({ length: 2400 }, (_, i) => row(`PT-${String(Math.floor(i / 2)).padStart(4, '0')}`, `2026-01-${String(1 + (i % 2)).padStart(2, '0')}`, '64483'))
    rows.push(rows[0])
    const progress: [number, number][] = []
    const seen: (readonly StoreTable[])[] = []
    store.subscribe((t) => seen.push(t))
    expect(await store.importHistory(rows, meta('imp-1'), (done, total) => progress.push([done, total]))).toEqual({ added: 2400, duplicates: 1 })
    const buckets = new Set(rows.map((r) => bucketOf(r.patientId))).size
    expect(progress).toHaveLength(Math.ceil(buckets / 256))
    expect(progress.at(-1)).toEqual([2401, 2401])
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b))
    expect(seen).toEqual([['history', 'imports']])
    expect(await store.listImports()).toEqual([{ id: 'imp-1', fileName: 'imp-1.csv', importedAt: '2026-10-14T10:00:00.000Z', rows: 2400, duplicates: 1 }])
    expect(await store.findPatients('PT-0001', 5)).toEqual([{ patientId: 'PT-0001', encounters: 0, historyLines: 2 }])
  })

  it('adds rows over few patients (few buckets) in one step, with the final progress call', async () => {
    const { store } = freshStore()
    const rows = manyRows(2500)
    const progress: [number, number][] = []
    const seen: (readonly StoreTable[])[] = []
    store.subscribe((t) => seen.push(t))
    expect(await store.importHistory(rows, meta('imp-1'), (done, total) => progress.push([done, total]))).toEqual({ added: 2500, duplicates: 0 })
    expect(progress).toEqual([[2500, 2500]])
    expect(seen).toEqual([['history', 'imports']])
    expect(await store.listImports()).toEqual([{ id: 'imp-1', fileName: 'imp-1.csv', importedAt: '2026-10-14T10:00:00.000Z', rows: 2500, duplicates: 0 }])
  })

  it('adds nothing when the same rows are imported again: all are duplicates', async () => {
    const { name, store } = freshStore()
    const rows = manyRows(1200)
    await store.importHistory(rows, meta('imp-1'))
    expect(await store.importHistory(rows, meta('imp-2', '2026-10-15T10:00:00.000Z'))).toEqual({ added: 0, duplicates: 1200 })
    expect(await historyCount(name)).toBe(1200)
    expect((await store.listImports()).map((i) => [i.id, i.rows, i.duplicates])).toEqual([['imp-2', 0, 1200], ['imp-1', 1200, 0]])
  })

  it('adds only the new rows of a file that overlaps an earlier one', async () => {
    const { name, store } = freshStore()
    await store.importHistory(manyRows(300), meta('imp-1'))
    expect(await store.importHistory(manyRows(300, 200), meta('imp-2'))).toEqual({ added: 200, duplicates: 100 })
    expect(await historyCount(name)).toBe(500)
  })

  it('stores a row repeated within one file once; modifier order does not matter', async () => {
    const { name, store } = freshStore()
    const rows = [row('PT-1', '2026-01-06', '64493', ['50', 'KX']), row('PT-1', '2026-01-06', '64493', ['KX', '50']), row('PT-1', '2026-01-07', '64493'), row('PT-1', '2026-01-07', '64493')]
    expect(await store.importHistory(rows, meta('imp-1'))).toEqual({ added: 2, duplicates: 2 })
    expect(await historyCount(name)).toBe(2)
  })

  it('makes imported rows part of the patient\'s history, with the import id and key stored', async () => {
    const { name, store } = freshStore()
    await store.importHistory([row('PT-1', '2026-03-01', '64483', ['RT'], 1, 'DR-B'), row('PT-2', '2026-03-02', '64483'), row('PT-1', '2026-02-01', '64493', [], 2)], meta('imp-1'))
    expect(await store.patientHistory('PT-1')).toEqual([
      { dateOfService: '2026-02-01', code: '64493', modifiers: [], units: 2 },
      { dateOfService: '2026-03-01', code: '64483', modifiers: ['RT'], units: 1, providerId: 'DR-B' },
    ])
    const db = await openWorksheetDb(name)
    const stored = (await db.getAll('ledger')).flatMap((r) => r.lines)
    db.close()
    expect(stored.every((l) => l.importId === 'imp-1')).toBe(true)
    expect(stored.map((r) => r.key).sort()).toEqual(['PT-1|2026-02-01|64493||2|', 'PT-1|2026-03-01|64483|RT|1|DR-B', 'PT-2|2026-03-02|64483||1|'])
  })

  it('writes nothing when a write fails part-way (a record the store refuses)', async () => {
    const { name, store } = freshStore()
    await store.importHistory(manyRows(10), meta('imp-0'))
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the store as `this`
    const realPut = IDBObjectStore.prototype.put
    let calls = 0
    // Test-only fault: the 30th bucket written loses its key, which the store refuses.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'ledger' && ++calls === 30) value = { ...(value as object), bucket: undefined }
      return realPut.call(this, value, key)
    })
    const seen: (readonly StoreTable[])[] = []
    store.subscribe((t) => seen.push(t))
    await expect(store.importHistory(manyRows(3000, 10), meta('imp-1'))).rejects.toThrow(/nothing was written/)
    // No write is issued after the refusal.
    expect(calls).toBe(30)
    expect(await historyCount(name)).toBe(10)
    expect((await store.listImports()).map((i) => i.id)).toEqual(['imp-0'])
    expect(seen).toEqual([])
  })

  it('says plainly that the browser has no room left when the quota is exceeded, and writes nothing', async () => {
    const { name, store } = freshStore()
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the store as `this`
    const realPut = IDBObjectStore.prototype.put
    let calls = 0
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'ledger' && ++calls === 30) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return realPut.call(this, value, key)
    })
    const failure = store.importHistory(manyRows(3000), meta('imp-1'))
    await expect(failure).rejects.toThrow(/no room left.*nothing was written/)
    expect(await historyCount(name)).toBe(0)
    expect(await store.listImports()).toEqual([])
  })

  it('refuses an import id that was used before, writing nothing', async () => {
    const { name, store } = freshStore()
    await store.importHistory(manyRows(5), meta('imp-1'))
    await expect(store.importHistory(manyRows(5, 5), meta('imp-1'))).rejects.toThrow(/nothing was written/)
    expect(await historyCount(name)).toBe(5)
  })

  it('prints the time to import 100,000 rows into fake-indexeddb (informational)', async () => {
    const { store } = freshStore()
    const rows = manyRows(100_000)
    let t = performance.now()
    const first = await store.importHistory(rows, meta('big-1'))
    const firstMs = performance.now() - t
    t = performance.now()
    const again = await store.importHistory(rows, meta('big-2'))
    const againMs = performance.now() - t
    console.log(`fake-indexeddb: imported 100,000 rows in ${Math.round(firstMs)} ms; re-import (all duplicates) in ${Math.round(againMs)} ms`)
    expect(first).toEqual({ added: 100_000, duplicates: 0 })
    expect(again).toEqual({ added: 0, duplicates: 100_000 })
  }, 300_000)
})

describe('schema version 1 to the ledger', () => {
  it('keys the history lines of a version-1 store, groups them by patient, keeps the data and drops exact repeats', async () => {
    const name = `history-import-v1-${++n}`
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt')
        db.createObjectStore('encounters', { keyPath: 'id' }).createIndex('patientId', 'patientId')
        const history = db.createObjectStore('history', { keyPath: 'id', autoIncrement: true })
        history.createIndex('patientId', 'patientId')
        history.createIndex('patientDate', ['patientId', 'dateOfService'])
        history.createIndex('importId', 'importId')
        db.createObjectStore('providers', { keyPath: 'id' }).createIndex('name', 'name')
      },
    })
    const lines = [
      { patientId: 'PT-1', importId: 'old', dateOfService: '2026-01-10', code: '64483', modifiers: ['LT'], units: 1, providerId: 'DR-B' },
      { patientId: 'PT-1', importId: 'old', dateOfService: '2026-02-10', code: '64493', modifiers: ['KX', '50'], units: 1 },
      { patientId: 'PT-1', importId: 'old', dateOfService: '2026-02-10', code: '64493', modifiers: ['50', 'KX'], units: 1 },
      { patientId: 'PT-2', importId: 'old', dateOfService: '2026-03-10', code: '62323', modifiers: [], units: 1 },
    ]
    for (const l of lines) await v1.add('history', l)
    await v1.put('providers', { id: 'DR-A', name: 'Adams' })
    v1.close()

    const { store } = freshStore(name)
    expect(await store.patientHistory('PT-1')).toEqual([
      { dateOfService: '2026-01-10', code: '64483', modifiers: ['LT'], units: 1, providerId: 'DR-B' },
      { dateOfService: '2026-02-10', code: '64493', modifiers: ['KX', '50'], units: 1 },
    ])
    expect(await store.listProviders()).toEqual([{ id: 'DR-A', name: 'Adams' }])
    expect(await store.listImports()).toEqual([])

    const db = await openWorksheetDb(name)
    expect(db.version).toBe(DATABASE_VERSION)
    const stored = (await db.getAll('ledger')).flatMap((r) => r.lines)
    expect(stored.map((l) => l.key).sort()).toEqual(['PT-1|2026-01-10|64483|LT|1|DR-B', 'PT-1|2026-02-10|64493|50,KX|1|', 'PT-2|2026-03-10|62323||1|'])
    expect(stored.find((l) => l.code === '64483')).toEqual({ patientId: 'PT-1', importId: 'old', dateOfService: '2026-01-10', code: '64483', modifiers: ['LT'], units: 1, providerId: 'DR-B', key: 'PT-1|2026-01-10|64483|LT|1|DR-B' })
    expect(db.objectStoreNames.contains('history' as never)).toBe(false)
    db.close()

    // A migrated line counts as already stored for a later import.
    expect(await store.importHistory([row('PT-1', '2026-01-10', '64483', ['LT'], 1, 'DR-B'), row('PT-2', '2026-04-01', '62323')], meta('imp-1'))).toEqual({ added: 1, duplicates: 1 })
  })
})

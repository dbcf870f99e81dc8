// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseIcd10OrderFile } from '../domain/icd10/index.ts'
import { decodeIcd10Codes, encodeIcd10Codes, icd10ReleaseRecord } from './icd10-codes.ts'
import { createIdbStore, DATABASE_VERSION, deleteStore, openWorksheetDb } from './idb-store.ts'
import { createOldStores } from './raw-schema.ts'
import { articleRecord, icd10Record } from './reference-test-records.ts'
import type { StoreTable } from './types.ts'

let n = 0
const opened: { name: string; close: () => Promise<void> }[] = []
function freshStore(name = `reference-${++n}`) {
  const store = createIdbStore(name)
  opened.push({ name, close: store.close })
  return store
}
afterEach(async () => { for (const o of opened.splice(0)) { await o.close(); await deleteStore(o.name) } })

const fixture = (file: string) => readFileSync(join(process.cwd(), 'src/domain/icd10/fixtures', file), 'utf8')

describe('ICD-10-CM releases', () => {
  it('keeps a parsed order file compactly and gives its codes back unchanged', () => {
    const file = fixture('icd10cm-order-2023-excerpt.txt')
    const parsed = parseIcd10OrderFile(file, { fiscalYear: 2027 })
    if (!parsed.ok) throw new Error('fixture')
    const record = icd10ReleaseRecord(parsed.release, 'order.txt', '2026-11-26T10:00:00.000Z')
    expect(record.codeCount).toBe(parsed.release.codes.length)
    expect(decodeIcd10Codes(record.codes)).toEqual(parsed.release.codes)
    expect(decodeIcd10Codes(encodeIcd10Codes([]))).toEqual([])
  })

  it('saves, lists newest first without codes, replaces the same release and deletes, notifying icd10', async () => {
    const store = freshStore()
    const seen: (readonly StoreTable[])[] = []
    store.subscribe((t) => seen.push(t))
    await store.saveIcd10Release(icd10Record(2026))
    await store.saveIcd10Release(icd10Record(2027))
    await store.saveIcd10Release({ ...icd10Record(2027), fileName: 'again.txt' })
    const infos = await store.listIcd10Releases()
    expect(infos.map((r) => [r.id, r.fileName])).toEqual([['2027', 'again.txt'], ['2026', 'icd10cm_order_2026.txt']])
    expect(infos[0]).not.toHaveProperty('codes')
    expect((await store.loadIcd10Releases()).map((r) => r.id)).toEqual(['2027', '2026'])
    await store.deleteIcd10Release('2026')
    expect((await store.listIcd10Releases()).map((r) => r.id)).toEqual(['2027'])
    expect((await store.loadIcd10Releases()).map((r) => r.id)).toEqual(['2027'])
    expect(seen).toEqual([['icd10'], ['icd10'], ['icd10'], ['icd10']])
  })
})

describe('coverage articles and settings', () => {
  it('stores an import all together, replacing the same articles, and lists them by article id', async () => {
    const store = freshStore()
    await store.saveCoverageArticles([articleRecord('A56778', 1), articleRecord('A52987', 1)])
    await store.saveCoverageArticles([articleRecord('A56778', 2)])
    expect((await store.listCoverageArticles()).map((r) => [r.article.articleId, r.article.version])).toEqual([['A52987', 1], ['A56778', 2]])
  })

  it('writes nothing of an import when one article fails (all or nothing)', async () => {
    const store = freshStore()
    const bad = { ...articleRecord('A1'), article: undefined } as never
    await expect(store.saveCoverageArticles([articleRecord('A56778'), bad])).rejects.toThrow(/nothing was changed/)
    expect(await store.listCoverageArticles()).toEqual([])
  })

  it('keeps the practice\'s choices and group settings, and deleting an article takes it out of them', async () => {
    const store = freshStore()
    expect(await store.getCoverageSettings()).toEqual({ id: 'practice', choices: {}, settings: {}, updatedAt: null })
    await store.saveCoverageArticles([articleRecord('A56778'), articleRecord('A57792')])
    await store.saveCoverageSettings({
      id: 'practice', choices: { epidural: ['A56778'], facet: ['A57792'] },
      settings: { A56778: { 2: { requiresGroup: 1, secondaryOnly: false, appliesTo: null } } }, updatedAt: '2026-11-26T10:00:00.000Z',
    })
    await store.deleteCoverageArticle('A56778')
    expect((await store.listCoverageArticles()).map((r) => r.article.articleId)).toEqual(['A57792'])
    expect(await store.getCoverageSettings()).toEqual({ id: 'practice', choices: { epidural: [], facet: ['A57792'] }, settings: {}, updatedAt: '2026-11-26T10:00:00.000Z' })
  })
})

describe('schema version 8 to 9', () => {
  it('adds the ICD-10-CM and coverage stores to a version-8 database and keeps what it held', async () => {
    const name = `reference-v8-${++n}`
    const v8 = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 8)
      request.onupgradeneeded = () => { createOldStores(request.result, 8) }
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('open failed'))
    })
    const draft = { id: 'd1', createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:05:00.000Z', patientId: 'PT-1', dateOfService: '2026-11-01', values: { a: 1 }, status: 'draft', returnNote: null }
    await new Promise<void>((resolve, reject) => {
      const tx = v8.transaction(['drafts', 'practiceCases'], 'readwrite')
      tx.objectStore('drafts').put(draft)
      tx.objectStore('practiceCases').put({ id: 'c1' })
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error ?? new Error('write failed'))
    })
    v8.close()

    const store = freshStore(name)
    expect(await store.listDrafts()).toEqual([draft])
    await store.saveIcd10Release(icd10Record())
    await store.saveCoverageArticles([articleRecord('A56778')])
    expect(await store.countRecords()).toMatchObject({ drafts: 1, practiceCases: 1, icd10: 1, coverageArticles: 1, coverageSettings: 0 })

    const db = await openWorksheetDb(name)
    expect(db.version).toBe(DATABASE_VERSION)
    const tx = db.transaction(['icd10', 'icd10Info', 'coverageArticles', 'coverageSettings'], 'readonly')
    expect(tx.objectStore('coverageArticles').keyPath).toBe('article.articleId')
    expect(tx.objectStore('coverageSettings').keyPath).toBe('id')
    db.close()
  })
})

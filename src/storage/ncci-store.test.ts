// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { openDB } from 'idb'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseMueFile, parsePtpFile, quarterBounds, type MueTable, type PtpTable } from '../domain/ncci/index.ts'
import { createIdbStore, DATABASE_VERSION, deleteStore, openWorksheetDb } from './idb-store.ts'
import type { NcciTableRecord, StoreTable } from './types.ts'

// happy-dom replaces import.meta.url, so the fixtures are found from the project root.
const fixture = (name: string) => readFileSync(join(process.cwd(), 'src/domain/ncci/fixtures', name), 'utf8')

let n = 0
const opened: { name: string; close: () => Promise<void> }[] = []
function freshStore(name = `ncci-store-${++n}`) {
  const store = createIdbStore(name)
  opened.push({ name, close: store.close })
  return { name, store }
}
afterEach(async () => { for (const o of opened.splice(0)) { await o.close(); await deleteStore(o.name) } })

function mueTable(quarter: string): MueTable {
  const { from, to } = quarterBounds(quarter)
  const parsed = parseMueFile(fixture('mue-practitioner-2026q4.csv'), { quarter, effectiveFrom: from, effectiveTo: to })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.table
}

function ptpTable(quarter: string): PtpTable {
  const { from, to } = quarterBounds(quarter)
  const parsed = parsePtpFile(fixture('ptp-practitioner-2026q4-f1.txt'), { quarter, effectiveFrom: from, effectiveTo: to })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.table
}

const mueRecord = (quarter: string, table = mueTable(quarter), fileNames = ['mue.csv']): NcciTableRecord => ({
  id: `mue:${quarter}`, kind: 'mue', quarter, effectiveFrom: table.effectiveFrom, effectiveTo: table.effectiveTo,
  loadedAt: '2026-11-23T10:00:00.000Z', fileNames, entryCount: table.entries.size, table,
})

const ptpRecord = (quarter: string, table = ptpTable(quarter)): NcciTableRecord => ({
  id: `ptp:${quarter}`, kind: 'ptp', quarter, effectiveFrom: table.effectiveFrom, effectiveTo: table.effectiveTo,
  loadedAt: '2026-11-23T10:00:00.000Z', fileNames: ['f1.txt'], entryCount: [...table.edits.values()].reduce((a, e) => a + e.length, 0), table,
})

describe('NCCI tables in the store', () => {
  it('keeps the Map entries of MUE and PTP tables through a save and a load, and notifies ncci', async () => {
    const { store } = freshStore()
    const seen: (readonly StoreTable[])[] = []
    store.subscribe((t) => seen.push(t))
    const mue = mueTable('2026Q4')
    const ptp = ptpTable('2026Q4')
    await store.saveNcciTable(mueRecord('2026Q4', mue))
    await store.saveNcciTable(ptpRecord('2026Q4', ptp))
    expect(seen).toEqual([['ncci'], ['ncci']])

    const loaded = await store.loadNcciTables()
    expect(loaded.mue).toHaveLength(1)
    expect(loaded.mue[0]?.entries).toBeInstanceOf(Map)
    expect(loaded.mue[0]?.entries.get('64484')).toEqual(mue.entries.get('64484'))
    expect(loaded.mue[0]).toEqual(mue)
    expect(loaded.ptp[0]?.edits).toBeInstanceOf(Map)
    expect(loaded.ptp[0]).toEqual(ptp)

    const list = await store.listNcciTables()
    expect(list.map((t) => t.id)).toEqual(['mue:2026Q4', 'ptp:2026Q4'])
    expect(list[0]).toEqual({
      id: 'mue:2026Q4', kind: 'mue', quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: '2026-12-31',
      loadedAt: '2026-11-23T10:00:00.000Z', fileNames: ['mue.csv'], entryCount: mue.entries.size,
    })
    expect(list[0]).not.toHaveProperty('table')
  })

  it('replaces the table of the same kind and quarter, lists newest quarter first, and removes one', async () => {
    const { store } = freshStore()
    await store.saveNcciTable(mueRecord('2026Q3'))
    await store.saveNcciTable(mueRecord('2026Q4', undefined, ['first.csv']))
    await store.saveNcciTable(mueRecord('2026Q4', undefined, ['second.csv']))
    const list = await store.listNcciTables()
    expect(list.map((t) => [t.id, t.fileNames])).toEqual([['mue:2026Q4', ['second.csv']], ['mue:2026Q3', ['mue.csv']]])
    expect((await store.loadNcciTables()).mue.map((t) => t.quarter)).toEqual(['2026Q4', '2026Q3'])

    await store.deleteNcciTable('mue:2026Q4')
    expect((await store.listNcciTables()).map((t) => t.id)).toEqual(['mue:2026Q3'])
  })
})

describe('schema version 2 to 3', () => {
  it('adds the ncci store and keeps the data of a version-2 store', async () => {
    const name = `ncci-store-v2-${++n}`
    const v2 = await openDB(name, 2, {
      upgrade(db) {
        db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt')
        db.createObjectStore('encounters', { keyPath: 'id' }).createIndex('patientId', 'patientId')
        const history = db.createObjectStore('history', { keyPath: 'id', autoIncrement: true })
        history.createIndex('patientId', 'patientId')
        history.createIndex('patientDate', ['patientId', 'dateOfService'])
        history.createIndex('importId', 'importId')
        history.createIndex('key', 'key', { unique: true })
        db.createObjectStore('providers', { keyPath: 'id' }).createIndex('name', 'name')
        db.createObjectStore('imports', { keyPath: 'id' }).createIndex('importedAt', 'importedAt')
      },
    })
    await v2.add('history', { patientId: 'PT-1', importId: 'imp-1', dateOfService: '2026-01-10', code: '64483', modifiers: ['LT'], units: 1, key: 'PT-1|2026-01-10|64483|LT|1|' })
    await v2.put('providers', { id: 'DR-A', name: 'Adams' })
    await v2.put('imports', { id: 'imp-1', fileName: 'old.csv', importedAt: '2026-02-01T00:00:00.000Z', rows: 1, duplicates: 0 })
    v2.close()

    const { store } = freshStore(name)
    expect(await store.patientHistory('PT-1')).toEqual([{ dateOfService: '2026-01-10', code: '64483', modifiers: ['LT'], units: 1 }])
    expect(await store.listProviders()).toEqual([{ id: 'DR-A', name: 'Adams' }])
    expect((await store.listImports()).map((i) => i.id)).toEqual(['imp-1'])
    expect(await store.listNcciTables()).toEqual([])
    await store.saveNcciTable(mueRecord('2026Q4'))
    expect((await store.loadNcciTables()).mue).toHaveLength(1)

    const db = await openWorksheetDb(name)
    expect(db.version).toBe(DATABASE_VERSION)
    expect([...db.objectStoreNames]).toContain('ncci')
    db.close()
  })
})

// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createIdbStore, DATABASE_VERSION, deleteStore, openWorksheetDb } from './idb-store.ts'
import { createOldStores } from './raw-schema.ts'

const names: string[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  for (const name of names.splice(0)) await deleteStore(name)
})

describe('opening the database', () => {
  it('creates every store of the current schema on a machine without the database', async () => {
    names.push('open-new')
    const db = await openWorksheetDb('open-new')
    expect(db.version).toBe(DATABASE_VERSION)
    expect([...db.objectStoreNames]).toContain('remittances')
    db.close()
  })

  it('still creates the stores when the database vanished after the version check (upgrade steps loaded late)', async () => {
    names.push('open-vanished')
    // The browser reports a current database that is no longer there when it is opened.
    vi.spyOn(indexedDB, 'databases').mockResolvedValue([{ name: 'open-vanished', version: DATABASE_VERSION }])
    const db = await openWorksheetDb('open-vanished')
    expect(db.version).toBe(DATABASE_VERSION)
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['drafts', 'encounters', 'ledger', 'audit', 'remittances']))
    db.close()
  })

  it('opens a current database without an upgrade', async () => {
    names.push('open-current')
    ;(await openWorksheetDb('open-current')).close()
    const db = await openWorksheetDb('open-current')
    expect(db.version).toBe(DATABASE_VERSION)
    db.close()
  })

  it('upgrades a version-11 database: adds the charge settings store, empty, and keeps the NDC list and the coverage choices', async () => {
    names.push('open-v11')
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('open-v11', 11)
      request.onupgradeneeded = () => {
        createOldStores(request.result, 11)
        const tx = request.transaction
        tx?.objectStore('ndcList').put({ id: 'ndc-1', hcpcs: 'J1100', ndc11: '12345678901', description: 'vial', unit: 'ML', effectiveFrom: null, effectiveTo: null, updatedAt: '2026-11-26T10:00:00.000Z' })
        tx?.objectStore('coverageSettings').put({ id: 'practice', choices: { epidural: ['A56778'] }, settings: {}, updatedAt: '2026-11-26T10:00:00.000Z' })
      }
      request.onsuccess = () => { request.result.close(); resolve() }
      request.onerror = () => reject(request.error ?? new Error('open failed'))
    })
    const db = await openWorksheetDb('open-v11')
    expect(db.version).toBe(DATABASE_VERSION)
    expect([...db.objectStoreNames]).toContain('chargeSettings')
    db.close()
    const store = createIdbStore('open-v11')
    expect(await store.getChargeSettings()).toBeNull()
    expect((await store.listNdcList()).map((r) => r.id)).toEqual(['ndc-1'])
    expect((await store.getCoverageSettings()).choices).toEqual({ epidural: ['A56778'] })
    await store.close()
  })
})

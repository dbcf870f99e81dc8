// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DATABASE_VERSION, deleteStore, openWorksheetDb } from './idb-store.ts'

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
})

// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { mergeReturnedDraft } from './idb-review.ts'
import { createIdbStore, deleteStore } from './idb-store.ts'
import type { AuditRecord, DraftRecord, StoreTable } from './types.ts'

let n = 0
const opened: { name: string; close: () => Promise<void> }[] = []
function freshStore() {
  const name = `review-test-${++n}`
  const store = createIdbStore(name)
  opened.push({ name, close: store.close })
  return store
}
afterEach(async () => { for (const o of opened.splice(0)) { await o.close(); await deleteStore(o.name) } })

const returned = (note: string, updatedAt = '2026-11-26T10:00:00.000Z', values: unknown = { patientId: 'PT-1' }): DraftRecord => ({
  id: 'enc-1', createdAt: updatedAt, updatedAt, patientId: 'PT-1', dateOfService: '2026-11-20', values, status: 'returned', returnNote: note,
})
const entry = (id: string, lineIndex: number): AuditRecord => ({
  id, at: '2026-11-26T10:00:00.000Z', userId: 'u-sup', userName: 'Sam Supervisor', encounterId: 'enc-1', lineIndex,
  action: 'return', from: 'pending', to: 'returned', reason: null, note: 'Add the level to the note.',
})

describe('returning an encounter to its coder', () => {
  it('stores the returned draft and its audit entries together', async () => {
    const store = freshStore()
    const seen: StoreTable[][] = []
    store.subscribe((tables) => seen.push([...tables]))
    const stored = await store.returnToCoder(returned('Add the level to the note.'), [entry('a1', 0), entry('a2', 1)])
    expect(stored.status).toBe('returned')
    expect(await store.getDraft('enc-1')).toEqual(stored)
    expect((await store.listAudit('enc-1')).map((e) => e.id)).toEqual(['a1', 'a2'])
    expect(seen).toContainEqual(['drafts', 'audit'])
  })

  it('keeps the coder\'s edits and both notes when the encounter is returned again before it is finalized', async () => {
    const store = freshStore()
    await store.returnToCoder(returned('First: laterality.'), [entry('a1', 0)])
    const draft = await store.getDraft('enc-1')
    if (!draft) throw new Error('no draft')
    await store.saveDraft({ ...draft, values: { patientId: 'PT-1', edited: true }, updatedAt: '2026-11-26T11:00:00.000Z' })
    const again = await store.returnToCoder(returned('Second: units.', '2026-11-26T12:00:00.000Z'), [entry('a2', 1)])
    expect(again.values).toEqual({ patientId: 'PT-1', edited: true })
    expect(again.returnNote).toBe('First: laterality.\n\nSecond: units.')
    expect(again.createdAt).toBe('2026-11-26T10:00:00.000Z')
    expect(again.updatedAt).toBe('2026-11-26T12:00:00.000Z')
  })

  it('writes nothing when an audit entry id is already in the log', async () => {
    const store = freshStore()
    await store.appendAudit([entry('a1', 0)])
    await expect(store.returnToCoder(returned('Note.'), [entry('a2', 1), entry('a1', 0)])).rejects.toThrow(/The returned encounter could not be stored, so nothing was changed/)
    expect(await store.getDraft('enc-1')).toBeUndefined()
    expect((await store.listAudit()).map((e) => e.id)).toEqual(['a1'])
  })

  it('marks a plain draft with the same id as returned, with the note', () => {
    const plain: DraftRecord = { ...returned(''), status: 'draft', returnNote: null }
    expect(mergeReturnedDraft(returned('Fix the units.'), plain)).toMatchObject({ status: 'returned', returnNote: 'Fix the units.' })
  })
})

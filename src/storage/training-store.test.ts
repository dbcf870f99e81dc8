// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openDB } from 'idb'
import { createIdbStore, DATABASE_VERSION, deleteStore, openWorksheetDb } from './idb-store.ts'
import { createMemoryTrainingStore } from './memory-training-store.ts'
import { attemptRecord, practiceCaseRecord } from './training-test-records.ts'
import type { PracticeCaseRecord, StoreTable, TrainingStore } from './types.ts'
import { createOldStores } from './raw-schema.ts'

let n = 0
const opened: { name: string; close: () => Promise<void> }[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  for (const o of opened.splice(0)) { await o.close(); await deleteStore(o.name) }
})

interface Subject {
  training: TrainingStore
  /** The tables each write reported, in order. */
  changes: (readonly StoreTable[])[]
}

/** The same contract, run against the IndexedDB store and the in-memory one. */
const implementations: [string, () => Promise<Subject>][] = [
  ['IndexedDB', async () => {
    const name = `training-${++n}`
    const store = createIdbStore(name)
    opened.push({ name, close: store.close })
    const changes: (readonly StoreTable[])[] = []
    store.subscribe((t) => changes.push(t))
    return { training: await store.training(), changes }
  }],
  ['memory', () => {
    const changes: (readonly StoreTable[])[] = []
    return Promise.resolve({ training: createMemoryTrainingStore((t) => changes.push([t])), changes })
  }],
]

/** A case whose input holds a function, which no structured clone (and so no IndexedDB write) accepts. */
const uncloneable = (id: string): PracticeCaseRecord => {
  const record = practiceCaseRecord(id, `Broken ${id}`)
  return { ...record, case: { ...record.case, input: { ...record.case.input, note: () => 'not data' } as never } }
}

describe.each(implementations)('training store (%s)', (_label, open) => {
  it('lists attempts oldest submitted first, all of them or one user\'s', async () => {
    const { training, changes } = await open()
    await training.addAttempt(attemptRecord({ id: 'a3', userId: 'u-1', submittedAt: '2026-11-22T10:00:00.000Z' }))
    await training.addAttempt(attemptRecord({ id: 'a1', userId: 'u-2', submittedAt: '2026-11-20T10:00:00.000Z' }))
    await training.addAttempt(attemptRecord({ id: 'a2', userId: 'u-1', submittedAt: '2026-11-21T10:00:00.000Z' }))
    await training.addAttempt(attemptRecord({ id: 'a0', userId: 'u-1', submittedAt: '2026-11-21T10:00:00.000Z' }))
    expect((await training.listAttempts()).map((a) => a.id)).toEqual(['a1', 'a0', 'a2', 'a3'])
    expect((await training.listAttempts('u-1')).map((a) => a.id)).toEqual(['a0', 'a2', 'a3'])
    expect(await training.listAttempts('u-9')).toEqual([])
    expect((await training.listAttempts('u-2'))[0]).toEqual(attemptRecord({ id: 'a1', userId: 'u-2', submittedAt: '2026-11-20T10:00:00.000Z' }))
    expect(changes).toEqual([['attempts'], ['attempts'], ['attempts'], ['attempts']])
  })

  it('refuses an attempt whose id is already stored, keeping the stored one', async () => {
    const { training, changes } = await open()
    await training.addAttempt(attemptRecord({ id: 'a1', percent: 40 }))
    await expect(training.addAttempt(attemptRecord({ id: 'a1', percent: 100 }))).rejects.toThrow('The practice attempt a1 is already stored, so nothing was changed.')
    expect((await training.listAttempts()).map((a) => [a.id, a.percent])).toEqual([['a1', 40]])
    expect(changes).toEqual([['attempts']])
  })

  it('keeps a copy: changing a record after storing it does not change what is stored', async () => {
    const { training } = await open()
    const attempt = attemptRecord({ id: 'a1' })
    await training.addAttempt(attempt)
    attempt.caughtRules.push('changed-later')
    const record = practiceCaseRecord('c1', 'Case')
    await training.savePracticeCase(record)
    record.case.title = 'Renamed later'
    expect((await training.listAttempts())[0]?.caughtRules).toEqual([])
    expect((await training.listPracticeCases())[0]?.case.title).toBe('Case')
  })

  it('lists the practice\'s cases by title as people read it, replaces by id and deletes', async () => {
    const { training, changes } = await open()
    await training.savePracticeCase(practiceCaseRecord('c1', 'zeta case'))
    await training.savePracticeCase(practiceCaseRecord('c2', 'Épidural at L5-S1'))
    await training.savePracticeCase(practiceCaseRecord('c3', 'Alpha case'))
    await training.savePracticeCase(practiceCaseRecord('c4', 'beta case'))
    // By code unit 'zeta' would come before 'Épidural', and 'Alpha' and 'beta' would be apart from their letters.
    expect((await training.listPracticeCases()).map((c) => c.case.title)).toEqual(['Alpha case', 'beta case', 'Épidural at L5-S1', 'zeta case'])
    await training.savePracticeCase(practiceCaseRecord('c1', 'Aardvark case', 2, { origin: 'imported' }))
    const listed = await training.listPracticeCases()
    expect(listed.map((c) => c.id)).toEqual(['c1', 'c3', 'c4', 'c2'])
    expect(listed[0]).toEqual(practiceCaseRecord('c1', 'Aardvark case', 2, { origin: 'imported' }))
    await training.deletePracticeCase('c3')
    expect((await training.listPracticeCases()).map((c) => c.id)).toEqual(['c1', 'c4', 'c2'])
    expect(changes).toHaveLength(6)
    expect(new Set(changes.flat())).toEqual(new Set(['practiceCases']))
  })

  it('stores a batch of cases together, replacing cases with the same id', async () => {
    const { training, changes } = await open()
    await training.savePracticeCase(practiceCaseRecord('c1', 'Old title'))
    await training.savePracticeCases([practiceCaseRecord('c2', 'Second'), practiceCaseRecord('c1', 'First')])
    expect((await training.listPracticeCases()).map((c) => [c.id, c.case.title])).toEqual([['c1', 'First'], ['c2', 'Second']])
    expect(changes).toEqual([['practiceCases'], ['practiceCases']])
  })

  it('writes nothing of a batch when one case cannot be stored (all or nothing)', async () => {
    const { training, changes } = await open()
    await training.savePracticeCase(practiceCaseRecord('c1', 'Kept as it was'))
    const batch = [practiceCaseRecord('c2', 'New'), practiceCaseRecord('c1', 'Would replace'), uncloneable('c3'), practiceCaseRecord('c4', 'After the bad one')]
    await expect(training.savePracticeCases(batch)).rejects.toThrow(/^The practice cases could not be stored, so nothing was changed: /)
    expect((await training.listPracticeCases()).map((c) => [c.id, c.case.title])).toEqual([['c1', 'Kept as it was']])
    expect(changes).toEqual([['practiceCases']])
  })

  it('writes nothing of a batch holding a case without an id', async () => {
    const { training } = await open()
    const noId = { ...practiceCaseRecord('x', 'No id'), id: undefined } as unknown as PracticeCaseRecord
    await expect(training.savePracticeCases([practiceCaseRecord('c1', 'One'), noId])).rejects.toThrow(/could not be stored, so nothing was changed/)
    expect(await training.listPracticeCases()).toEqual([])
  })

  it('an empty batch changes nothing and tells no one', async () => {
    const { training, changes } = await open()
    await training.savePracticeCases([])
    expect(await training.listPracticeCases()).toEqual([])
    expect(changes).toEqual([])
  })
})

describe('training store on IndexedDB', () => {
  function freshStore() {
    const name = `training-idb-${++n}`
    const store = createIdbStore(name)
    opened.push({ name, close: store.close })
    return { name, store }
  }

  it('tells another tab of the app which table a write changed', async () => {
    const { name, store } = freshStore()
    const other = createIdbStore(name)
    opened.push({ name, close: other.close })
    const heard: (readonly StoreTable[])[] = []
    other.subscribe((t) => heard.push(t))
    const training = await store.training()
    await training.addAttempt(attemptRecord({ id: 'a1' }))
    await training.deletePracticeCase('nothing-there')
    await vi.waitFor(() => expect(heard).toEqual([['attempts'], ['practiceCases']]))
    expect((await (await other.training()).listAttempts()).map((a) => a.id)).toEqual(['a1'])
  })

  it('says plainly that the browser has no room left, and writes nothing of the batch', async () => {
    const { store } = freshStore()
    const training = await store.training()
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the store as `this`
    const realPut = IDBObjectStore.prototype.put
    let calls = 0
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'practiceCases' && ++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return realPut.call(this, value, key)
    })
    await expect(training.savePracticeCases([practiceCaseRecord('c1', 'One'), practiceCaseRecord('c2', 'Two')]))
      .rejects.toThrow('The browser has no room left to store the practice cases, so nothing was changed. Free some disk space or remove old browser data, then try again.')
    vi.restoreAllMocks()
    expect(await training.listPracticeCases()).toEqual([])
  })

  it('says plainly that the browser has no room left for an attempt', async () => {
    const { store } = freshStore()
    const training = await store.training()
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError') })
    await expect(training.addAttempt(attemptRecord({ id: 'a1' }))).rejects.toThrow(/^The browser has no room left to store the practice attempt, so nothing was changed\./)
    vi.restoreAllMocks()
    expect(await training.listAttempts()).toEqual([])
  })

  it('fails with the store\'s own message once a newer version took the database', async () => {
    const { name, store } = freshStore()
    const training = await store.training()
    await training.addAttempt(attemptRecord({ id: 'a1' }))
    const lost: string[] = []
    store.onConnectionLost((m) => lost.push(m))
    const newer = await openDB(name, DATABASE_VERSION + 1)
    expect(lost).toEqual([expect.stringMatching(/newer version of the app/)])
    await expect(training.listAttempts()).rejects.toThrow(lost[0])
    await expect(training.savePracticeCase(practiceCaseRecord('c1', 'One'))).rejects.toThrow(/newer version of the app/)
    newer.close()
  })
})

describe('schema version 7 to 8', () => {
  it('adds the attempts and practice-case stores to a version-7 database and keeps what it held', async () => {
    const name = `training-v7-${++n}`
    // The stores of schema version 7, made with the raw IndexedDB API as version 7 of the app made them.
    const v7 = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 7)
      request.onupgradeneeded = () => { createOldStores(request.result, 7) }
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('open failed'))
    })
    const draft = { id: 'd1', createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:05:00.000Z', patientId: 'PT-1', dateOfService: '2026-11-01', values: { a: 1 }, status: 'draft', returnNote: null }
    const user = { id: 'u-1', name: 'Terry Trainee', role: 'trainee', createdAt: '2026-10-01T08:00:00.000Z' }
    await new Promise<void>((resolve, reject) => {
      const tx = v7.transaction(['drafts', 'users', 'providers'], 'readwrite')
      tx.objectStore('drafts').put(draft)
      tx.objectStore('users').put(user)
      tx.objectStore('providers').put({ id: 'DR-A', name: 'Adams' })
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error ?? new Error('write failed'))
    })
    v7.close()

    const store = createIdbStore(name)
    opened.push({ name, close: store.close })
    expect(await store.listDrafts()).toEqual([draft])
    expect(await store.listUsers()).toEqual([user])
    expect(await store.listProviders()).toEqual([{ id: 'DR-A', name: 'Adams' }])
    const training = await store.training()
    await training.addAttempt(attemptRecord({ id: 'a1', userId: 'u-1' }))
    await training.savePracticeCases([practiceCaseRecord('c1', 'One')])
    expect((await training.listAttempts('u-1')).map((a) => a.id)).toEqual(['a1'])
    expect((await training.listPracticeCases()).map((c) => c.id)).toEqual(['c1'])
    expect(await store.countRecords()).toMatchObject({ drafts: 1, users: 1, providers: 1, attempts: 1, practiceCases: 1 })

    const db = await openWorksheetDb(name)
    expect(db.version).toBe(DATABASE_VERSION)
    const tx = db.transaction(['attempts', 'practiceCases'], 'readonly')
    expect([...tx.objectStore('attempts').indexNames].sort()).toEqual(['caseId', 'submittedAt', 'userId'])
    expect(tx.objectStore('attempts').keyPath).toBe('id')
    expect(tx.objectStore('practiceCases').keyPath).toBe('id')
    expect(await tx.objectStore('attempts').index('caseId').getAllKeys(attemptRecord({ id: 'x' }).caseId)).toEqual(['a1'])
    db.close()
  })
})

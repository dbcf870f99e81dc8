import type { IDBPDatabase } from 'idb'
import { icd10InfoOf } from './icd10-codes.ts'
import type { WorksheetDb } from './idb-store.ts'
import { writeFailure } from './idb-shared.ts'
import type { CoverageArticleRecord, Icd10ReleaseRecord } from './types.ts'

/** The ICD-10-CM releases' and coverage articles' writes (reference screens only), loaded on first use. */

export const COVERAGE_SETTINGS_KEY = 'practice'

export async function putIcd10Release(db: IDBPDatabase<WorksheetDb>, record: Icd10ReleaseRecord): Promise<void> {
  const tx = db.transaction(['icd10', 'icd10Info'], 'readwrite')
  try {
    await Promise.all([tx.objectStore('icd10').put(record), tx.objectStore('icd10Info').put(icd10InfoOf(record)), tx.done])
  } catch (error) {
    throw writeFailure(error, 'this ICD-10-CM code set')
  }
}

export async function removeIcd10Release(db: IDBPDatabase<WorksheetDb>, id: string): Promise<void> {
  const tx = db.transaction(['icd10', 'icd10Info'], 'readwrite')
  await Promise.all([tx.objectStore('icd10').delete(id), tx.objectStore('icd10Info').delete(id), tx.done])
}

export async function putCoverageArticles(db: IDBPDatabase<WorksheetDb>, records: readonly CoverageArticleRecord[]): Promise<void> {
  const tx = db.transaction('coverageArticles', 'readwrite')
  const done = tx.done
  done.catch(() => { /* awaited below */ })
  try {
    for (const record of records) tx.store.put(record).catch(() => { /* the transaction fails with it */ })
    await done
  } catch (error) {
    try { tx.abort() } catch { /* already aborted or finished */ }
    await done.catch(() => undefined)
    throw writeFailure(error, 'these coverage articles')
  }
}

/** Removes the article, and its place in the practice's choices and settings. */
export async function removeCoverageArticle(db: IDBPDatabase<WorksheetDb>, articleId: string): Promise<void> {
  const tx = db.transaction(['coverageArticles', 'coverageSettings'], 'readwrite')
  const settings = tx.objectStore('coverageSettings')
  const [, current] = await Promise.all([tx.objectStore('coverageArticles').delete(articleId), settings.get(COVERAGE_SETTINGS_KEY)])
  if (current) {
    const choices = Object.fromEntries(Object.entries(current.choices).map(([family, ids]) => [family, ids.filter((id) => id !== articleId)]))
    const rest = Object.fromEntries(Object.entries(current.settings).filter(([id]) => id !== articleId))
    await settings.put({ ...current, choices, settings: rest })
  }
  await tx.done
}

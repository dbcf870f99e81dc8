import { expect, type Page } from '@playwright/test'

/**
 * A read-only look at what the app stored in IndexedDB, for the draft journeys only.
 *
 * Why a test looks at storage at all: the toolbar's "Draft saved" stays on screen while a
 * newer change still waits for the autosave's debounce (see worksheet-drafts.spec.ts), so it
 * cannot tell a test that the latest change is stored. Polling the stored draft can.
 */

const DATABASE = 'injection-coding-worksheet'

export interface StoredDraft {
  id: string
  patientId: string
  dateOfService: string
  values: {
    procedures: { type: string; levels: { level: string; side: string }[] }[]
    diagnoses: { code: string }[]
  }
}

/** The draft id in the current `#/worksheet/<id>` URL. */
export function draftIdOf(page: Page): string {
  const match = /#\/worksheet\/([^/?#]+)$/.exec(page.url())
  if (!match?.[1]) throw new Error(`not on a worksheet: ${page.url()}`)
  return decodeURIComponent(match[1])
}

/** The stored draft with this id, or null (also when the database does not exist yet). */
export async function readStoredDraft(page: Page, draftId: string): Promise<StoredDraft | null> {
  return page.evaluate(
    async ({ database, id }) => {
      // Opening a database that does not exist would create an empty one: look first.
      if (!(await indexedDB.databases()).some((d) => d.name === database)) return null
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(database)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error ?? new Error('open failed'))
      })
      try {
        if (!db.objectStoreNames.contains('drafts')) return null
        return await new Promise<StoredDraft | null>((resolve, reject) => {
          const request = db.transaction('drafts', 'readonly').objectStore('drafts').get(id)
          request.onsuccess = () => resolve((request.result as StoredDraft | undefined) ?? null)
          request.onerror = () => reject(request.error ?? new Error('read failed'))
        })
      } finally {
        db.close()
      }
    },
    { database: DATABASE, id: draftId },
  )
}

/** Waits until the stored draft of the open worksheet satisfies `check` (a summary string is compared). */
export async function expectStoredDraft(page: Page, summarize: (draft: StoredDraft | null) => string, expected: string): Promise<void> {
  const id = draftIdOf(page)
  await expect.poll(async () => summarize(await readStoredDraft(page, id)), { message: `stored draft ${id}` }).toBe(expected)
}

/** "PT-3001 2026-10-14 | epidural L4-L5 left": patient, date and each procedure's levels. */
export function draftSummary(draft: StoredDraft | null): string {
  if (!draft) return '(no draft stored)'
  const procedures = draft.values.procedures.map((p) => [p.type, ...p.levels.map((l) => `${l.level} ${l.side || 'no side'}`)].join(' '))
  return [`${draft.patientId} ${draft.dateOfService}`, ...procedures].join(' | ')
}

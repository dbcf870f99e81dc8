import type { IDBPDatabase } from 'idb'
import type { WorksheetDb } from './idb-store.ts'
import { writeFailure } from './idb-shared.ts'
import type { AuditRecord, DraftRecord } from './types.ts'

/** The review's writes that touch more than the audit log (see WorksheetStore.returnToCoder). */

/** The returned draft as stored: an earlier returned draft keeps its values and gathers the notes. */
export function mergeReturnedDraft(draft: DraftRecord, stored: DraftRecord | undefined): DraftRecord {
  if (!stored) return { ...draft, status: 'returned' }
  const notes = [stored.returnNote, draft.returnNote].filter((n): n is string => typeof n === 'string' && n.trim() !== '')
  return {
    ...stored,
    updatedAt: draft.updatedAt,
    status: 'returned',
    returnNote: notes.length > 0 ? notes.join('\n\n') : null,
  }
}

export async function returnDraft(db: IDBPDatabase<WorksheetDb>, draft: DraftRecord, audit: readonly AuditRecord[]): Promise<DraftRecord> {
  const tx = db.transaction(['drafts', 'audit'], 'readwrite')
  try {
    const stored = mergeReturnedDraft(draft, await tx.objectStore('drafts').get(draft.id))
    await Promise.all([tx.objectStore('drafts').put(stored), ...audit.map((entry) => tx.objectStore('audit').add(entry)), tx.done])
    return stored
  } catch (error) {
    try { tx.abort() } catch { /* already finished */ }
    throw writeFailure(error, 'the returned encounter')
  }
}

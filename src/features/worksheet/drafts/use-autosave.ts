import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { DraftRecord, WorksheetStore } from '../../../storage/index.ts'
import type { WorksheetValues } from '../model/index.ts'
import { DraftConflictError } from './draft-guard.ts'
import { toDraftRecord } from './draft-records.ts'

export type SaveState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'saved'; at: string }
  | { status: 'failed'; message: string }

const DELAY_MS = 250

/**
 * Saves the form as a draft shortly after each change. When the page is hidden or closed,
 * the unsaved change is also kept synchronously (an IndexedDB write started while a page
 * unloads may be dropped), so a reload or a closed tab loses nothing. An untouched
 * worksheet is not saved.
 */
export interface Autosave {
  state: SaveState
  /**
   * Saves the waiting change now and resolves once no save of this draft is under way, so that
   * what follows (a finalize deleting the draft) comes after it and is not undone by it.
   */
  settle: () => Promise<void>
}

export function useAutosave(store: WorksheetStore, draftId: string, values: WorksheetValues, previous: DraftRecord | undefined): Autosave {
  const [state, setState] = useState<SaveState>({ status: 'idle' })
  const pending = useRef<WorksheetValues | null>(null)
  const inFlight = useRef<Promise<void>>(Promise.resolve())
  const first = useRef(values)
  const prev = useRef(previous)
  const saveRef = useRef<() => void>(() => undefined)
  const backupRef = useRef<() => void>(() => undefined)

  useEffect(() => { prev.current = previous }, [previous])

  useEffect(() => {
    const record = (next: WorksheetValues) => toDraftRecord(draftId, next, new Date().toISOString(), prev.current)
    saveRef.current = () => {
      const next = pending.current
      if (!next) return
      pending.current = null
      const draft = record(next)
      setState({ status: 'saving' })
      const saving = store.saveDraft(draft)
      inFlight.current = inFlight.current.then(() => saving.then(() => undefined, () => undefined))
      saving
        .then(() => { if (pending.current === null) setState({ status: 'saved', at: draft.updatedAt }) })
        .catch((e: unknown) => {
          // Another tab has a newer version: the route offers to load it; this tab's change is not kept.
          if (e instanceof DraftConflictError) { setState({ status: 'failed', message: e.message }); return }
          pending.current ??= next
          const quota = e instanceof Error && /quota/i.test(`${e.name} ${e.message}`)
          setState({ status: 'failed', message: quota ? 'The browser has no room left to save this draft. Free some space, then keep typing to retry.' : 'The draft could not be saved. Keep the tab open and try again.' })
        })
    }
    backupRef.current = () => { if (pending.current) store.backupDraftNow(record(pending.current)) }
  }, [store, draftId])

  useEffect(() => {
    if (values === first.current) return
    pending.current = values
    // Say so at once: "Draft saved" must never stand for a change that is not stored yet.
    setState({ status: 'pending' })
    const timer = window.setTimeout(() => saveRef.current(), DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [values])

  useEffect(() => {
    const closing = () => { backupRef.current(); saveRef.current() }
    const onHidden = () => { if (document.visibilityState === 'hidden') closing() }
    document.addEventListener('visibilitychange', onHidden)
    window.addEventListener('pagehide', closing)
    return () => {
      document.removeEventListener('visibilitychange', onHidden)
      window.removeEventListener('pagehide', closing)
      saveRef.current()
    }
  }, [])

  const settle = useCallback(async () => {
    saveRef.current()
    await inFlight.current
  }, [])

  return useMemo(() => ({ state, settle }), [state, settle])
}

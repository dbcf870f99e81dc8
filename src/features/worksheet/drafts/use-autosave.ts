import { useEffect, useRef, useState } from 'react'
import type { DraftRecord, WorksheetStore } from '../../../storage/index.ts'
import type { WorksheetValues } from '../model/index.ts'
import { toDraftRecord } from './draft-records.ts'

export type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; at: string } | { status: 'failed'; message: string }

const DELAY_MS = 250

/**
 * Saves the form as a draft shortly after each change, and at once when the page is
 * hidden, closed or left, so a reload or a closed tab loses nothing.
 */
export function useAutosave(store: WorksheetStore, draftId: string, values: WorksheetValues, enabled: boolean, previous: DraftRecord | undefined): SaveState {
  const [state, setState] = useState<SaveState>({ status: 'idle' })
  const pending = useRef<WorksheetValues | null>(null)
  const prev = useRef(previous)
  const saveRef = useRef<() => void>(() => undefined)

  useEffect(() => { prev.current = previous }, [previous])

  useEffect(() => {
    saveRef.current = () => {
      const next = pending.current
      if (!next) return
      pending.current = null
      const now = new Date().toISOString()
      setState({ status: 'saving' })
      store.saveDraft(toDraftRecord(draftId, next, now, prev.current))
        .then(() => setState({ status: 'saved', at: now }))
        .catch((e: unknown) => {
          pending.current ??= next
          const quota = e instanceof Error && /quota/i.test(`${e.name} ${e.message}`)
          setState({ status: 'failed', message: quota ? 'The browser has no room left to save this draft. Free some space, then keep typing to retry.' : 'The draft could not be saved. Keep the tab open and try again.' })
        })
    }
  }, [store, draftId])

  useEffect(() => {
    if (!enabled) return
    pending.current = values
    const timer = window.setTimeout(() => saveRef.current(), DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [values, enabled])

  useEffect(() => {
    const flush = () => saveRef.current()
    const onHidden = () => { if (document.visibilityState === 'hidden') flush() }
    document.addEventListener('visibilitychange', onHidden)
    window.addEventListener('pagehide', flush)
    return () => {
      document.removeEventListener('visibilitychange', onHidden)
      window.removeEventListener('pagehide', flush)
      flush()
    }
  }, [])

  return state
}

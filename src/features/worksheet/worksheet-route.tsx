import { useEffect, useState } from 'react'
import { useStore, type DraftRecord } from '../../storage/index.ts'
import { newDraftId, readDraftValues, toDraftRecord } from './drafts/draft-records.ts'
import { getDefaultWorksheetValues, type WorksheetValues } from './model/index.ts'
import { todayIso } from './use-today.ts'
import { WorksheetPage } from './worksheet-page.tsx'

type Loaded = { draft: DraftRecord | undefined; values: WorksheetValues; warning: string | null }

interface WorksheetRouteProps {
  draftId: string
  notice: string | null
  /** Navigates to another draft id, carrying a one-time notice. */
  onNavigate: (draftId: string, notice: string | null) => void
}

/** Loads a draft by id (a new id starts an empty worksheet) and hands it to the page. */
export function WorksheetRoute({ draftId, notice, onNavigate }: WorksheetRouteProps) {
  const store = useStore()
  const [loaded, setLoaded] = useState<{ id: string; data: Loaded } | null>(null)

  useEffect(() => {
    let live = true
    void Promise.all([store.getDraft(draftId), store.listProviders()]).then(async ([stored, providers]) => {
      // A page closed mid-edit leaves its last change as a backup, newer than anything stored.
      const backup = store.takeDraftBackup(draftId)
      const draft = backup ?? stored
      if (backup) await store.saveDraft(backup)
      if (!live) return
      const fresh = getDefaultWorksheetValues(todayIso(), { ...(providers.length === 1 && providers[0] ? { providerId: providers[0].id } : {}) })
      const values = draft ? readDraftValues(draft) : null
      setLoaded({
        id: draftId,
        data: {
          draft,
          values: values ?? fresh,
          warning: draft && !values ? 'This draft was saved by an older version and could not be read; the worksheet starts empty (the stored draft is kept until you type).' : null,
        },
      })
    })
    return () => { live = false }
  }, [store, draftId])

  const openNew = (values?: WorksheetValues, message?: string) => {
    const id = newDraftId()
    const go = () => onNavigate(id, message ?? null)
    if (values) void store.saveDraft(toDraftRecord(id, values, new Date().toISOString())).then(go)
    else go()
  }

  if (!loaded || loaded.id !== draftId) return <p role="status">Loading the worksheet…</p>
  return (
    <WorksheetPage
      key={draftId}
      draftId={draftId}
      initialValues={loaded.data.values}
      draft={loaded.data.draft}
      onOpenNew={openNew}
      notice={loaded.data.warning ?? notice}
    />
  )
}

import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react'
import { StoreProvider, useStore, type DraftRecord } from '../../storage/index.ts'
import { createDraftGuard, type DraftGuard } from './drafts/draft-guard.ts'
import { newDraftId, readDraftValues, toDraftRecord } from './drafts/draft-records.ts'
import { getDefaultWorksheetValues, type WorksheetValues } from './model/index.ts'
import { todayIso } from './use-today.ts'
import { WorksheetPage } from './worksheet-page.tsx'

// Another tab changing this draft is rare: the notice loads when it happens.
const DraftConflictNotice = lazy(() => import('./drafts/draft-conflict-notice.tsx').then((m) => ({ default: m.DraftConflictNotice })))

function DraftConflict({ guard, onLoadNewer, onOpenNew }: { guard: DraftGuard; onLoadNewer: () => void; onOpenNew: () => void }) {
  const state = useSyncExternalStore(guard.subscribe, guard.getState)
  if (state.status === 'current') return null
  return <Suspense fallback={null}><DraftConflictNotice state={state} onLoadNewer={onLoadNewer} onOpenNew={onOpenNew} /></Suspense>
}

type Loaded = { draft: DraftRecord | undefined; values: WorksheetValues; warning: string | null; guard: DraftGuard }

interface WorksheetRouteProps {
  draftId: string
  notice: string | null
  /** Navigates to another draft id, carrying a one-time notice. */
  onNavigate: (draftId: string, notice: string | null) => void
}

/**
 * Loads a draft by id (a new id starts an empty worksheet) and hands it to the page, with the
 * store guarded so that this tab never saves over a newer version written by another tab.
 */
export function WorksheetRoute({ draftId, notice, onNavigate }: WorksheetRouteProps) {
  const store = useStore()
  // Bumped by "Load the newer version": the draft is read again and the page starts over.
  const [version, setVersion] = useState(0)
  const [loaded, setLoaded] = useState<{ id: string; version: number; data: Loaded } | null>(null)

  useEffect(() => {
    let live = true
    let guard: DraftGuard | null = null
    void Promise.all([store.getDraft(draftId), store.listProviders()]).then(async ([stored, providers]) => {
      // A page closed mid-edit leaves its last change as a backup, newer than anything stored.
      const backup = store.takeDraftBackup(draftId)
      const draft = backup ?? stored
      if (backup) await store.saveDraft(backup)
      if (!live) return
      guard = createDraftGuard(store, draftId, draft)
      const fresh = getDefaultWorksheetValues(todayIso(), { ...(providers.length === 1 && providers[0] ? { providerId: providers[0].id } : {}) })
      const values = draft ? readDraftValues(draft) : null
      setLoaded({
        id: draftId,
        version,
        data: {
          draft,
          values: values ?? fresh,
          warning: draft && !values ? 'This draft was saved by an older version and could not be read; the worksheet starts empty (the stored draft is kept until you type).' : null,
          guard,
        },
      })
    }).catch(() => {
      // The store closed under the page (signed out of the group server, or a newer tab took the database): nothing to load.
    })
    return () => { live = false; guard?.dispose() }
  }, [store, draftId, version])

  const openNew = (values?: WorksheetValues, message?: string) => {
    const id = newDraftId()
    const go = () => onNavigate(id, message ?? null)
    if (values) void store.saveDraft(toDraftRecord(id, values, new Date().toISOString())).then(go)
    else go()
  }

  if (!loaded || loaded.id !== draftId || loaded.version !== version) return <p role="status">Loading the worksheet…</p>
  const { guard } = loaded.data
  return (
    <StoreProvider store={guard.store}>
      <DraftConflict guard={guard} onLoadNewer={() => setVersion((v) => v + 1)} onOpenNew={() => openNew()} />
      <WorksheetPage
        key={`${draftId}:${version}`}
        draftId={draftId}
        initialValues={loaded.data.values}
        draft={loaded.data.draft}
        onOpenNew={openNew}
        notice={version > 0 ? 'Loaded the newer version of this draft.' : loaded.data.warning ?? notice}
      />
    </StoreProvider>
  )
}

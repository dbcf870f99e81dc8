import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { DraftsPage, newDraftId, WorksheetRoute } from '../features/worksheet/index.ts'
import { createIdbStore, StoreProvider, type WorksheetStore } from '../storage/index.ts'
import { AppShell } from './app-shell.tsx'
import { UpdatePrompt } from './update-prompt.tsx'
import { useHashRoute } from './use-hash-route.ts'


// Screens other than the worksheet load on first visit, so the worksheet's own JavaScript stays small.
const HistoryImportPage = lazy(() => import('../features/ledger/index.ts').then((m) => ({ default: m.HistoryImportPage })))
const NcciTablesPage = lazy(() => import('../features/reference/index.ts').then((m) => ({ default: m.NcciTablesPage })))

/** Wires the store, the routes and the features together. */
export function App({ store: given }: { store?: WorksheetStore }) {
  const store = useMemo(() => given ?? createIdbStore(), [given])
  const [route, navigate] = useHashRoute()
  const [notice, setNotice] = useState<{ draftId: string; text: string } | null>(null)

  useEffect(() => {
    if (route.name === 'new') navigate({ name: 'worksheet', draftId: newDraftId() }, { replace: true })
  }, [route, navigate])

  const openDraft = (draftId: string, text: string | null = null) => {
    setNotice(text ? { draftId, text } : null)
    navigate({ name: 'worksheet', draftId })
  }

  return (
    <StoreProvider store={store}>
      <UpdatePrompt />
      <AppShell current={route.name === 'drafts' || route.name === 'history-import' || route.name === 'ncci-tables' ? route.name : 'worksheet'} onNewWorksheet={() => openDraft(newDraftId())}>
        {route.name === 'drafts' ? <DraftsPage onOpen={(id) => openDraft(id)} /> : null}
        <Suspense fallback={<p role="status">Loading…</p>}>
          {route.name === 'history-import' ? <HistoryImportPage /> : null}
          {route.name === 'ncci-tables' ? <NcciTablesPage /> : null}
        </Suspense>
        {route.name === 'worksheet' ? (
          <WorksheetRoute draftId={route.draftId} notice={notice?.draftId === route.draftId ? notice.text : null} onNavigate={openDraft} />
        ) : null}
      </AppShell>
    </StoreProvider>
  )
}

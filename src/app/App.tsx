import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { ROLE_LABELS } from '../features/users/model.ts'
import { forgetSessionUser, readSessionUser, rememberUser } from '../features/users/session.ts'
import type { EvaluationInput } from '../domain/index.ts'
import { CaseWorksheet, draftFromInput, newDraftId, toReturnedDraft, WorksheetRoute } from '../features/worksheet/index.ts'
import { CurrentUserContext, type CurrentUser } from '../lib/current-user.tsx'
import { isGroupServerPage } from '../lib/group-mode.ts'
import type { GroupClient } from '../storage/group/client.ts'
import type { StartSync } from './group/use-group-sync.ts'
import { createIdbStore, StoreProvider, type WorksheetStore } from '../storage/index.ts'
import type { UserRecord } from '../storage/types.ts'
import { AppShell, type NavItem } from './app-shell.tsx'
import { chargeCandidates } from './charge-candidates.ts'
import { ConnectionLostBanner } from './connection-lost.tsx'
import { UpdatePrompt } from './update-prompt.tsx'
import { GROUP_ONLY_ROUTES, useHashRoute, type Route } from './use-hash-route.ts'


// Screens other than the worksheet load on first visit, so the worksheet's own JavaScript stays small.
// The profile chooser shows once per tab, before any screen: it loads then too.
const UserChooser = lazy(() => import('../features/users/user-chooser.tsx').then((m) => ({ default: m.UserChooser })))
const DraftsPage = lazy(() => import('../features/worksheet/drafts/drafts-page.tsx').then((m) => ({ default: m.DraftsPage })))
const HistoryImportPage = lazy(() => import('../features/ledger/index.ts').then((m) => ({ default: m.HistoryImportPage })))
const NcciTablesPage = lazy(() => import('../features/reference/index.ts').then((m) => ({ default: m.NcciTablesPage })))
const DiagnosisListsPage = lazy(() => import('../features/reference/index.ts').then((m) => ({ default: m.DiagnosisListsPage })))
const PatientsPage = lazy(() => import('../features/patients/index.ts').then((m) => ({ default: m.PatientsPage })))
const PatientPage = lazy(() => import('../features/patients/index.ts').then((m) => ({ default: m.PatientPage })))
const SettingsPage = lazy(() => import('../features/settings/index.ts').then((m) => ({ default: m.SettingsPage })))
const ReviewQueuePage = lazy(() => import('../features/review/queue/review-queue-page.tsx').then((m) => ({ default: m.ReviewQueuePage })))
const InsightsPage = lazy(() => import('../features/review/insights/insights-page.tsx').then((m) => ({ default: m.InsightsPage })))
const RemittancesPage = lazy(() => import('../features/remittance/remittances-page.tsx').then((m) => ({ default: m.RemittancesPage })))
const TrainingPages = lazy(() => import('../features/training/training-pages.tsx').then((m) => ({ default: m.TrainingPages })))
const ChargesPage = lazy(() => import('../features/charges/index.ts').then((m) => ({ default: m.ChargesPage })))
const DataPage = lazy(() => import('../features/data/index.ts').then((m) => ({ default: m.DataPage })))
// Served by the group server: sign-in, account and admin screens, none of them in the standalone app's first load.
const GroupApp = lazy(() => import('./group/group-app.tsx').then((m) => ({ default: m.GroupApp })))

const newWorksheetRoute = (): Route => ({ name: 'worksheet', draftId: newDraftId() })

const NAV_OF_ROUTE: Partial<Record<Route['name'], NavItem>> = {
  drafts: 'drafts', 'history-import': 'history-import', 'ncci-tables': 'ncci-tables', 'diagnosis-lists': 'diagnosis-lists', patients: 'patients', patient: 'patients', settings: 'settings', data: 'data',
  review: 'review', insights: 'insights', remittances: 'remittances', charges: 'charges', training: 'training', admin: 'admin', account: 'account',
}

interface AppProps {
  store?: WorksheetStore
  /** Served by the group server (its page carries the mark); read from the page unless given. */
  groupMode?: boolean
  /** The group server's client (tests give a fake one); the browser's fetch client by default. */
  groupClient?: GroupClient
  /** Starts the group server's sync (tests give a fake server's); the browser's by default. */
  groupSync?: StartSync
}

/** Wires the store, the routes and the features together. */
export function App({ store: given, groupMode = isGroupServerPage(), groupClient, groupSync }: AppProps) {
  const store = useMemo(() => given ?? createIdbStore(), [given])
  const [route, navigate] = useHashRoute()
  const [notice, setNotice] = useState<{ draftId: string; text: string } | null>(null)
  const [user, setUserState] = useState<UserRecord | null>(readSessionUser)
  const [switched, setSwitched] = useState(false)

  const currentUser = useMemo<CurrentUser>(() => ({
    user,
    setUser: (next) => {
      if (next) rememberUser(next)
      else forgetSessionUser()
      setUserState(next)
    },
  }), [user])

  useEffect(() => {
    // With the group server, the signed-in person's role decides where "new" leads.
    if (groupMode) return
    if (route.name === 'new' || GROUP_ONLY_ROUTES.has(route.name)) navigate({ name: 'worksheet', draftId: newDraftId() }, { replace: true })
  }, [route, navigate, groupMode])

  const openDraft = (draftId: string, text: string | null = null) => {
    setNotice(text ? { draftId, text } : null)
    navigate({ name: 'worksheet', draftId })
  }

  // An encounter from elsewhere (a rule library example) becomes a new draft in the worksheet.
  const openAsDraft = async (input: EvaluationInput, text: string) => {
    const draftId = newDraftId()
    await store.saveDraft(draftFromInput(draftId, input, new Date().toISOString()))
    openDraft(draftId, text)
  }

  const screens = (
    <>
      <Suspense fallback={<p role="status">Loading…</p>}>
        {route.name === 'drafts' ? <DraftsPage onOpen={(id) => openDraft(id)} /> : null}
        {route.name === 'history-import' ? <HistoryImportPage /> : null}
        {route.name === 'ncci-tables' ? <NcciTablesPage /> : null}
        {route.name === 'diagnosis-lists' ? <DiagnosisListsPage /> : null}
        {route.name === 'patients' ? <PatientsPage onOpenPatient={(patientId) => navigate({ name: 'patient', patientId })} /> : null}
        {route.name === 'patient' ? <PatientPage patientId={route.patientId} onBack={() => navigate({ name: 'patients' })} /> : null}
        {route.name === 'settings' ? <SettingsPage /> : null}
        {route.name === 'data' ? <DataPage /> : null}
        {route.name === 'review' ? (
          <ReviewQueuePage
            query={route.query}
            onQueryChange={(query) => navigate({ name: 'review', query }, { replace: true })}
            toReturnedDraft={toReturnedDraft}
          />
        ) : null}
        {route.name === 'insights' ? <InsightsPage onOpenQueue={(query) => navigate({ name: 'review', query })} /> : null}
        {route.name === 'training' ? (
          <TrainingPages
            path={route.path}
            onNavigate={(path) => navigate({ name: 'training', path })}
            onOpenExample={(input, title) => void openAsDraft(input, `Opened the example "${title}" as a new draft.`)}
            caseWorksheet={CaseWorksheet}
          />
        ) : null}
        {route.name === 'charges' ? (
          user?.role === 'trainee' ? <p className="p-4">Charge export is for coders and supervisors.</p> : <ChargesPage candidatesOf={chargeCandidates} />
        ) : null}
        {route.name === 'remittances' ? <RemittancesPage onOpenInsights={() => navigate({ name: 'insights' })} /> : null}
      </Suspense>
      {route.name === 'worksheet' ? (
        <WorksheetRoute draftId={route.draftId} notice={notice?.draftId === route.draftId ? notice.text : null} onNavigate={openDraft} />
      ) : null}
    </>
  )

  if (groupMode) {
    return (
      <StoreProvider store={store}>
        <ConnectionLostBanner />
        <Suspense fallback={<p role="status">Loading…</p>}>
          <GroupApp client={groupClient} startSync={groupSync} store={store} route={route} navigate={navigate} screens={screens}
            current={NAV_OF_ROUTE[route.name] ?? 'worksheet'} onNewWorksheet={() => openDraft(newDraftId())} newWorksheetRoute={newWorksheetRoute} onOpenDraft={openDraft} />
        </Suspense>
      </StoreProvider>
    )
  }

  return (
    <StoreProvider store={store}>
      <UpdatePrompt />
      <ConnectionLostBanner />
      <CurrentUserContext value={currentUser}>
        <AppShell
          current={NAV_OF_ROUTE[route.name] ?? 'worksheet'}
          onNewWorksheet={() => openDraft(newDraftId())}
          user={user}
          roleLabel={user ? ROLE_LABELS[user.role] : undefined}
          onSwitchUser={() => { setSwitched(true); currentUser.setUser(null) }}
        >
          {user ? screens : (
            <Suspense fallback={<p role="status">Loading…</p>}>
              <UserChooser focusHeading={switched} onChoose={(chosen) => currentUser.setUser(chosen)} />
            </Suspense>
          )}
        </AppShell>
      </CurrentUserContext>
    </StoreProvider>
  )
}

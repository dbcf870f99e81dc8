/**
 * The review queue benchmark page. scripts/bench-review-ui.mjs opens it in Chromium, waits for
 * `window.reviewBench.ready`, then drives the queue with real input events and reads the
 * figures the in-page probe records (see the script). The queue is the app's own
 * ReviewQueuePage, styles included, over an in-memory store holding the rows of
 * bench/review-fixture.ts, signed in as a supervisor.
 */
import { StrictMode, useMemo, useState } from 'react'
import { createRoot } from 'react-dom/client'
import '../../src/index.css'
import { ReviewQueuePage } from '../../src/features/review/queue/review-queue-page.tsx'
import { CurrentUserContext, type CurrentUser } from '../../src/lib/current-user.tsx'
import { StoreProvider } from '../../src/storage/store-provider.tsx'
import type { AuditRecord, DraftRecord, EncounterRecord, UserRecord, WorksheetStore } from '../../src/storage/types.ts'
import { createMemoryTrainingStore } from '../../src/storage/memory-training-store.ts'
import { buildReviewEncounters } from '../review-fixture.ts'

const params = new URLSearchParams(window.location.search)
const ROWS = Number(params.get('rows') ?? 100_000)

const built = performance.now()
const { encounters, users, log } = buildReviewEncounters(ROWS)
const buildMs = performance.now() - built
const supervisor: UserRecord = { ...(users.find((u) => u.role === 'supervisor') ?? users[0]), role: 'supervisor' }

/** Only what the queue reads; every other call fails loudly, so the benchmark never measures a silent no-op. */
function memoryStore(): WorksheetStore {
  const audit: AuditRecord[] = [...log]
  const drafts = new Map<string, DraftRecord>()
  const listeners = new Set<(tables: readonly ('audit' | 'drafts')[]) => void>()
  const training = createMemoryTrainingStore()
  const implemented: Partial<WorksheetStore> = {
    listAllEncounters: () => Promise.resolve(encounters),
    listUsers: () => Promise.resolve(users),
    listAudit: (encounterId) => Promise.resolve(encounterId === undefined ? [...audit] : audit.filter((e) => e.encounterId === encounterId)),
    appendAudit: (entries) => { audit.push(...entries); for (const l of listeners) l(['audit']); return Promise.resolve() },
    returnToCoder: (draft, entries) => { drafts.set(draft.id, draft); audit.push(...entries); for (const l of listeners) l(['drafts', 'audit']); return Promise.resolve(draft) },
    listDrafts: () => Promise.resolve([...drafts.values()]),
    listRemittances: () => Promise.resolve([]),
    subscribe: (listener) => { listeners.add(listener); return () => listeners.delete(listener) },
    onConnectionLost: () => () => undefined,
    training: () => Promise.resolve(training),
  }
  return new Proxy(implemented as WorksheetStore, {
    get(target, key: string) {
      const value = (target as unknown as Record<string, unknown>)[key]
      if (value !== undefined) return value
      return () => Promise.reject(new Error(`the review benchmark's store has no ${key}()`))
    },
  })
}

function toReturnedDraft(record: EncounterRecord, note: string, now: string): DraftRecord {
  return { id: record.id, createdAt: now, updatedAt: now, patientId: record.patientId, dateOfService: record.dateOfService, values: {}, status: 'returned', returnNote: note }
}

// eslint-disable-next-line react-refresh/only-export-components -- the page's entry, never hot-reloaded
function Bench() {
  const store = useMemo(() => memoryStore(), [])
  const [query, setQuery] = useState(params.get('query') ?? '')
  const currentUser = useMemo<CurrentUser>(() => ({ user: supervisor, setUser: () => undefined }), [])
  return (
    <StoreProvider store={store}>
      <CurrentUserContext value={currentUser}>
        <main className="mx-auto w-full max-w-7xl px-4 py-4">
          <ReviewQueuePage query={query} onQueryChange={setQuery} toReturnedDraft={toReturnedDraft} />
        </main>
      </CurrentUserContext>
    </StoreProvider>
  )
}

const lines = encounters.reduce((n, e) => n + e.lines.length, 0)
Object.assign(window, { reviewBench: { rows: lines, encounters: encounters.length, auditEntries: log.length, buildMs, mountedAt: performance.now() } })
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(<StrictMode><Bench /></StrictMode>)

import { useEffect, useRef, useState } from 'react'
import type { SessionInfo } from '../../group-api/index.ts'
import type { GroupClient } from '../../storage/group/client.ts'
import { createGroupStore, type GroupStore, type HistoryUpload } from '../../storage/group/group-store.ts'
import type { DraftOf } from '../../storage/group/group-mapping.ts'
import { referenceFilesOf } from '../../storage/group/reference-cache.ts'
import { endSyncOnSignOut, startGroupSync, type SyncEngine } from '../../storage/group/sync/index.ts'
import type { WorksheetStore } from '../../storage/types.ts'

/** Opens a person's replica in a practice and starts syncing it (tests give a fake server's). */
export type StartSync = (options: { client: GroupClient; practiceId: string; userId: string; retentionDays?: () => number | undefined }) => Promise<SyncEngine>

export const startBrowserSync: StartSync = ({ client, practiceId, userId, retentionDays }) => startGroupSync({ client, practiceId, userId, ...(retentionDays ? { retentionDays } : {}) })

/** Sync for the signed-in person: the engine, and the store the app's screens work through. */
export interface GroupSync {
  key: string
  engine: SyncEngine
  store: GroupStore
}

export type GroupSyncState =
  | { status: 'off' }
  | { status: 'starting' }
  | { status: 'running'; sync: GroupSync }
  | { status: 'failed'; message: string }

interface Running {
  key: string
  practiceId: string
  userId: string
  engine: Promise<SyncEngine | null>
}

/** Who syncs what: the person and practice of an active session with a role in it, or nobody. */
export function syncKeyOf(session: SessionInfo | null): { key: string; practiceId: string; userId: string } | null {
  if (!session || session.state !== 'active' || !session.practice || !session.role) return null
  return { key: `${session.practice.id}:${session.user.id}`, practiceId: session.practice.id, userId: session.user.id }
}

export interface UseGroupSyncOptions {
  client: GroupClient
  /** The browser's own store (drafts and everything else kept per workstation). */
  local: WorksheetStore
  session: SessionInfo | null
  startSync: StartSync
  draftOf: DraftOf
  uploadHistory?: (client: GroupClient) => HistoryUpload
}

/**
 * Runs sync while a person is signed in to a practice. Leaving a session (any sign-out: the
 * header's, the automatic logoff, the server's, another tab's, sign out everywhere) stops it and
 * deletes the replica unless the device is trusted, after putting finalized worksheets the server
 * has not saved back in the drafts. Switching practice stops one and starts the other; the app
 * closing stops it and keeps everything for the next sign-in.
 */
export function useGroupSync({ client, local, session, startSync, draftOf, uploadHistory }: UseGroupSyncOptions): GroupSyncState {
  // What the last start came to, for the sync it started (any other key is still starting).
  const [outcome, setOutcome] = useState<{ key: string; state: GroupSyncState } | null>(null)
  const running = useRef<Running | null>(null)
  // Ends in progress: a new start for the same person waits for their replica's deletion.
  const ending = useRef<Promise<void>>(Promise.resolve())
  const target = syncKeyOf(session)
  const key = target?.key ?? null
  const name = session?.user.name ?? ''
  // The server's Idempotency-Key retention, as the latest session says (the outbox reads it at each send).
  const retention = useRef<number | undefined>(undefined)
  useEffect(() => { retention.current = session?.idempotencyRetentionDays })
  const config = useRef({ client, local, startSync, draftOf, uploadHistory, name })
  useEffect(() => { config.current = { client, local, startSync, draftOf, uploadHistory, name } })

  useEffect(() => {
    const previous = running.current
    if (previous?.key === key) return
    const cfg = config.current
    if (previous) {
      running.current = null
      const signedOut = key === null
      ending.current = previous.engine.then(async (engine) => {
        if (!engine) return
        if (signedOut) await endSyncOnSignOut({ engine, practiceId: previous.practiceId, userId: previous.userId, keepWorkIn: cfg.local })
        else {
          await engine.stop()
          engine.replica.close()
        }
      }).catch(() => undefined).then(() => setOutcome((o) => (o?.key === previous.key ? null : o)))
    }
    if (!target) return
    const mine: Running = {
      key: target.key, practiceId: target.practiceId, userId: target.userId,
      engine: ending.current.then(() => cfg.startSync({ client: cfg.client, practiceId: target.practiceId, userId: target.userId, retentionDays: () => retention.current })).then(
        (engine) => {
          if (running.current !== mine) return engine
          const upload = cfg.uploadHistory?.(cfg.client)
          const store = createGroupStore({ local: cfg.local, engine, user: { id: target.userId, name: cfg.name }, draftOf: cfg.draftOf, referenceFiles: referenceFilesOf(cfg.client), ...(upload ? { uploadHistory: upload } : {}) })
          setOutcome({ key: target.key, state: { status: 'running', sync: { key: target.key, engine, store } } })
          return engine
        },
        (error: unknown) => {
          if (running.current === mine) setOutcome({ key: target.key, state: { status: 'failed', message: error instanceof Error ? error.message : String(error) } })
          return null
        },
      ),
    }
    running.current = mine
    // Only who and which practice start or end sync; the rest of the session does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  // The app closing (not a sign-out): stop, keep the replica for the next sign-in here.
  useEffect(() => () => {
    const last = running.current
    running.current = null
    void last?.engine.then(async (engine) => {
      if (!engine) return
      await engine.stop()
      engine.replica.close()
    })
  }, [])

  if (key === null) return { status: 'off' }
  return outcome?.key === key ? outcome.state : { status: 'starting' }
}

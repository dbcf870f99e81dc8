import type { SyncStatus } from './types.ts'

/** The sync status as an external store (React reads it with useSyncExternalStore). */
export interface SyncStatusStore {
  get: () => SyncStatus
  subscribe: (listener: () => void) => () => void
  /** Changes some fields; listeners hear of it only when something changed. */
  update: (patch: Partial<SyncStatus>) => void
}

export const INITIAL_SYNC_STATUS: SyncStatus = Object.freeze({ connection: 'syncing', pending: 0, needsAttention: 0, lastSyncedAt: null, signedOut: false })

export function createSyncStatusStore(initial: SyncStatus = INITIAL_SYNC_STATUS): SyncStatusStore {
  let status: SyncStatus = initial
  const listeners = new Set<() => void>()
  return {
    get: () => status,
    subscribe(listener) {
      listeners.add(listener)
      return () => { listeners.delete(listener) }
    },
    update(patch) {
      const next = { ...status, ...patch }
      if ((Object.keys(next) as (keyof SyncStatus)[]).every((key) => next[key] === status[key])) return
      status = Object.freeze(next)
      for (const listener of [...listeners]) listener()
    },
  }
}

const changes = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`

/** The header's one-line account of the status ("Offline · 2 changes waiting"). */
export function describeSyncStatus(status: SyncStatus): string {
  const { connection, pending, needsAttention } = status
  const attention = needsAttention > 0 ? `${changes(needsAttention)} ${needsAttention === 1 ? 'needs' : 'need'} attention` : null
  let main: string | null
  if (status.signedOut) main = pending > 0 ? `Signed out · ${changes(pending)} not sent` : 'Signed out · not syncing'
  else if (connection === 'offline') main = pending > 0 ? `Offline · ${changes(pending)} waiting` : 'Offline'
  else if (connection === 'syncing') main = 'Syncing…'
  else if (pending > 0) main = `Online · ${changes(pending)} waiting`
  else main = attention ? null : 'Online · all saved'
  return [main, attention].filter(Boolean).join(' · ')
}

import { createContext, useContext, useSyncExternalStore } from 'react'
import type { SyncStatusStore } from './status.ts'
import type { SyncStatus } from './types.ts'

export const SyncStatusContext = createContext<SyncStatusStore | null>(null)

/** This device's sync status, kept current; only under a SyncStatusProvider (group mode). */
export function useSyncStatus(): SyncStatus {
  const store = useContext(SyncStatusContext)
  if (!store) throw new Error('useSyncStatus needs a SyncStatusProvider above it')
  return useSyncExternalStore(store.subscribe, store.get)
}

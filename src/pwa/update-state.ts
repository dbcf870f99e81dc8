/**
 * What the service worker has told the page, as a tiny external store: React reads it with
 * `useSyncExternalStore(subscribeToServiceWorker, getServiceWorkerState)` and renders the
 * "new version" prompt; nothing here renders.
 */

export interface ServiceWorkerState {
  /** Every file is cached: the worksheet now opens without a network (first install only). */
  readonly offlineReady: boolean
  /** A new version is installed and waiting; it takes over when the user agrees to reload. */
  readonly needRefresh: boolean
}

const initialState: ServiceWorkerState = Object.freeze({ offlineReady: false, needRefresh: false })

let state: ServiceWorkerState = initialState
const listeners = new Set<() => void>()

/** The current state; the same object until something changes (as useSyncExternalStore needs). */
export function getServiceWorkerState(): ServiceWorkerState {
  return state
}

/** Calls `listener` after every change; returns the unsubscribe function. */
export function subscribeToServiceWorker(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function setServiceWorkerState(patch: Partial<ServiceWorkerState>): void {
  const next = { ...state, ...patch }
  if (next.offlineReady === state.offlineReady && next.needRefresh === state.needRefresh) return
  state = Object.freeze(next)
  for (const listener of listeners) listener()
}

/** The user closed the prompt without updating: hide it; the new version waits for the next visit. */
export function dismissServiceWorkerPrompt(): void {
  setServiceWorkerState({ offlineReady: false, needRefresh: false })
}

/** Back to the state at page load (tests). */
export function resetServiceWorkerState(): void {
  state = initialState
  listeners.clear()
}

import { registerSW } from 'virtual:pwa-register'
import { setServiceWorkerState } from './update-state.ts'

export {
  dismissServiceWorkerPrompt, getServiceWorkerState, subscribeToServiceWorker, type ServiceWorkerState,
} from './update-state.ts'

/** A tab left open all day never navigates (hash routes), so ask for a new sw.js now and then. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000

export interface ServiceWorkerControls {
  /** False in development, in tests and in browsers without service workers. */
  readonly registered: boolean
  /**
   * Activates the waiting version and reloads the page once it controls it. Call it from
   * the "Reload to update" button, after unsaved work is saved.
   */
  applyUpdate(): Promise<void>
}

let applyWaitingUpdate: () => Promise<void> = () => Promise.resolve()

/** Same as `controls.applyUpdate()`, for a prompt component that does not hold the controls. */
export function applyServiceWorkerUpdate(): Promise<void> {
  return applyWaitingUpdate()
}

/**
 * Registers the service worker that caches the app for offline use: production builds
 * only (the dev server and Vitest never get one) and only where the browser supports it.
 * `onNeedRefresh` runs when a new version is waiting; the same news reaches
 * `subscribeToServiceWorker` listeners. Call it once, from main.tsx.
 */
export function registerServiceWorker(onNeedRefresh?: () => void): ServiceWorkerControls {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
    return { registered: false, applyUpdate: () => Promise.resolve() }
  }
  const updateSW = registerSW({
    onNeedRefresh() {
      setServiceWorkerState({ needRefresh: true, offlineReady: false })
      onNeedRefresh?.()
    },
    onOfflineReady() {
      setServiceWorkerState({ offlineReady: true })
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return
      setInterval(() => {
        if (navigator.onLine && !registration.installing) registration.update().catch(() => undefined)
      }, UPDATE_CHECK_INTERVAL_MS)
    },
    onRegisterError(error: unknown) {
      // Offline use is an extra: the app works without it, so only log why it is missing.
      console.info('Offline support is not available:', error)
    },
  })
  applyWaitingUpdate = () => updateSW(true)
  return { registered: true, applyUpdate: applyWaitingUpdate }
}

import { isGroupServerPage } from '../lib/group-mode.ts'
import { setServiceWorkerState } from './update-state.ts'

export {
  dismissServiceWorkerPrompt, getServiceWorkerState, subscribeToServiceWorker, type ServiceWorkerState,
} from './update-state.ts'

/**
 * Service worker registration on the browser's own API (workbox-window would cost 2.2 KB gzip of
 * the worksheet's 150 KB budget). The generated sw.js waits when a new version installs and
 * activates on a { type: 'SKIP_WAITING' } message, so updates are offered, never forced.
 */

/** A tab left open all day never navigates (hash routes), so ask for a new sw.js now and then. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000
const SW_URL = '/sw.js'

export interface ServiceWorkerControls {
  /** False in development, in tests and in browsers without service workers. */
  readonly registered: boolean
  /** Activates the waiting version and reloads the page once it controls it. */
  applyUpdate(): Promise<void>
}

let applyWaitingUpdate: () => Promise<void> = () => Promise.resolve()

/** Same as `controls.applyUpdate()`, for a prompt component that does not hold the controls. */
export function applyServiceWorkerUpdate(): Promise<void> {
  return applyWaitingUpdate()
}

function watchForWaiting(registration: ServiceWorkerRegistration, container: ServiceWorkerContainer, onWaiting: () => void): void {
  const waitFor = (worker: ServiceWorker | null) => {
    if (!worker) return
    worker.addEventListener('statechange', () => {
      // Installed while a controller exists: a new version waits. Without one, this is the first install.
      if (worker.state === 'installed') {
        if (container.controller) onWaiting()
        else setServiceWorkerState({ offlineReady: true })
      }
    })
  }
  if (registration.waiting && container.controller) onWaiting()
  waitFor(registration.installing)
  registration.addEventListener('updatefound', () => waitFor(registration.installing))
}

/**
 * Registers the service worker that caches the app for offline use: production builds only
 * (the dev server and Vitest never get one), only where the browser supports it, and never on
 * a page the group server served.
 * `onNeedRefresh` runs when a new version is waiting; the same news reaches
 * `subscribeToServiceWorker` listeners. Call it once, from main.tsx.
 */
export function registerServiceWorker(onNeedRefresh?: () => void): ServiceWorkerControls {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
    return { registered: false, applyUpdate: () => Promise.resolve() }
  }
  const container = navigator.serviceWorker
  if (isGroupServerPage()) {
    // The group server's pages need the server (sign-in, sessions): no offline copy. A worker
    // left on this origin by a standalone build would serve its cached page, without the
    // server's mark, so it is removed.
    container.getRegistrations().then((all) => Promise.all(all.map((r) => r.unregister()))).catch(() => undefined)
    return { registered: false, applyUpdate: () => Promise.resolve() }
  }
  let registration: ServiceWorkerRegistration | null = null
  const onWaiting = () => {
    setServiceWorkerState({ needRefresh: true, offlineReady: false })
    onNeedRefresh?.()
  }
  container.register(SW_URL, { scope: '/' }).then((r) => {
    registration = r
    watchForWaiting(r, container, onWaiting)
    setInterval(() => {
      if (navigator.onLine && !r.installing) r.update().catch(() => undefined)
    }, UPDATE_CHECK_INTERVAL_MS)
  }).catch((error: unknown) => {
    // Offline use is an extra: the app works without it, so only log why it is missing.
    console.info('Offline support is not available:', error)
  })
  applyWaitingUpdate = () => {
    const waiting = registration?.waiting
    if (!waiting) return Promise.resolve()
    return new Promise<void>((resolve) => {
      container.addEventListener('controllerchange', () => { globalThis.location.reload(); resolve() }, { once: true })
      waiting.postMessage({ type: 'SKIP_WAITING' })
    })
  }
  return { registered: true, applyUpdate: () => applyWaitingUpdate() }
}

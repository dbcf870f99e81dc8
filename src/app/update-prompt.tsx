import { useSyncExternalStore } from 'react'
import { Button } from '../components/button.tsx'
import { applyServiceWorkerUpdate, dismissServiceWorkerPrompt, getServiceWorkerState, subscribeToServiceWorker } from '../pwa/register-sw.ts'

/** Offers a new version of the app when one is ready; it never reloads on its own mid-claim. */
export function UpdatePrompt() {
  const { needRefresh } = useSyncExternalStore(subscribeToServiceWorker, getServiceWorkerState)
  if (needRefresh) {
    return (
      <div role="status" className="flex flex-wrap items-center gap-2 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm" data-print="hide">
        <span>A new version of the worksheet is ready. Drafts are saved, so reloading loses nothing.</span>
        <Button size="sm" variant="primary" onClick={() => void applyServiceWorkerUpdate()}>Reload now</Button>
        <Button size="sm" onClick={dismissServiceWorkerPrompt}>Later</Button>
      </div>
    )
  }
  return null
}

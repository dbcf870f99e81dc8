import { useEffect, useState } from 'react'
import { Button } from '../components/button.tsx'
import { useStore } from '../storage/index.ts'

/** Says plainly when this tab lost its database to a newer version opened in another tab. */
export function ConnectionLostBanner() {
  const store = useStore()
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => store.onConnectionLost(setMessage), [store])
  if (!message) return null
  return (
    <div role="alert" className="flex flex-wrap items-center gap-2 border-b border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900" data-print="hide">
      <span>{message}</span>
      <Button size="sm" variant="primary" onClick={() => window.location.reload()}>Reload this tab</Button>
    </div>
  )
}

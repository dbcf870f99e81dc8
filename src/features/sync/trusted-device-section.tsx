import { useId, useState } from 'react'
import { Button } from '../../components/button.tsx'
import type { Role } from '../../group-api/index.ts'
import { isTrustedDevice, setTrustedDevice } from '../../storage/group/sync/index.ts'

/**
 * Whether this computer keeps the practice's data after sign-out. On a trusted device (the
 * practice's own workstation) the synced copy stays for the next sign-in; anywhere else sign-out
 * deletes it. Only an admin marks a device trusted; anyone may undo it.
 */
export function TrustedDeviceSection({ role }: { role: Role | null }) {
  const headingId = useId()
  const [trusted, setTrusted] = useState(() => isTrustedDevice())
  const [error, setError] = useState<string | null>(null)

  const change = (next: boolean) => {
    setError(null)
    try {
      setTrustedDevice(next, role)
      setTrusted(isTrustedDevice())
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  return (
    <section aria-labelledby={headingId} className="mx-auto mt-4 flex max-w-4xl flex-col gap-2 rounded border border-brand-200 bg-white p-4 text-sm">
      <h3 id={headingId} className="text-lg font-semibold">This computer</h3>
      <p role="status">
        {trusted
          ? 'This computer is trusted: the practice\'s data synced here stays after sign-out, so the next sign-in starts quickly.'
          : 'This computer is not trusted: signing out deletes the practice\'s data synced here.'}
      </p>
      {error ? <p role="alert" className="font-medium text-red-700">{error}</p> : null}
      <div>
        {trusted
          ? <Button onClick={() => change(false)}>Stop trusting this computer</Button>
          : role === 'admin'
            ? <Button onClick={() => change(true)}>Trust this computer</Button>
            : <p className="text-slate-700">Only an admin can mark a computer as trusted (a practice workstation nobody else uses).</p>}
      </div>
    </section>
  )
}

import { useEffect, useId, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { formatDateTime } from '../../lib/date-time.ts'
import { describeError, useGroupClient } from '../../storage/group/index.ts'
import type { RouteResponse } from '../../storage/group/index.ts'
import { FormError } from './auth-card.tsx'
import { describeDevice } from '../../lib/user-agent.ts'

type SessionRow = RouteResponse<'sessions'>['sessions'][number]
type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; sessions: SessionRow[] }

interface SessionsSectionProps {
  /** Changes when the list should be read again (a password change ends other sessions). */
  reloadKey: number
  /** Every session ended, this one too. */
  onSignedOutEverywhere: () => void
}

/** This account's open sessions: where and when, this one marked; end the others, or all. */
export function SessionsSection({ reloadKey, onSignedOutEverywhere }: SessionsSectionProps) {
  const client = useGroupClient()
  const headingId = useId()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [reload, setReload] = useState(0)
  const [status, setStatus] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let current = true
    client.request('sessions').then(
      ({ sessions }) => { if (current) setLoad({ state: 'ready', sessions }) },
      (e: unknown) => { if (current) setLoad({ state: 'failed', message: describeError(e) }) },
    )
    return () => { current = false }
  }, [client, reloadKey, reload])

  const end = async (row: SessionRow) => {
    setError(null)
    try {
      await client.request('endSession', { params: { id: row.id } })
      setStatus(`The session on ${describeDevice(row.userAgent)} was ended.`)
      setReload((n) => n + 1)
    } catch (e) {
      setError(describeError(e))
    }
  }

  const everywhere = async () => {
    setBusy(true)
    setError(null)
    try {
      await client.request('signOutEverywhere')
      onSignedOutEverywhere()
    } catch (e) {
      setError(describeError(e))
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded border border-brand-200 bg-white p-4">
      <h3 id={headingId} className="text-lg font-semibold">Where you are signed in</h3>
      {load.state === 'loading' ? <p role="status">Loading your sessions…</p> : null}
      {load.state === 'failed' ? <FormError message={load.message} /> : null}
      {load.state === 'ready' ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Your open sessions</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-2">Device</th>
                <th scope="col" className="p-2">Signed in</th>
                <th scope="col" className="p-2">Last active</th>
                <th scope="col" className="p-2">IP address</th>
                <th scope="col" className="p-2">Practice</th>
                <th scope="col" className="p-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {load.sessions.map((row) => (
                <tr key={row.id} className="border-b border-slate-200">
                  <td className="p-2">{describeDevice(row.userAgent)}</td>
                  <td className="p-2"><time dateTime={row.createdAt}>{formatDateTime(row.createdAt)}</time></td>
                  <td className="p-2"><time dateTime={row.lastSeenAt}>{formatDateTime(row.lastSeenAt)}</time></td>
                  <td className="p-2">{row.ip ?? '—'}</td>
                  <td className="p-2">{row.practiceName ?? '—'}</td>
                  <td className="p-2">
                    {row.current ? <span className="font-semibold text-brand-800">This session</span> : (
                      <Button size="sm" onClick={() => void end(row)}>
                        End session<span className="sr-only"> on {describeDevice(row.userAgent)}, last active {formatDateTime(row.lastSeenAt)}</span>
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p role="status" className="text-sm">{status}</p>
      {confirming ? null : <FormError message={error} />}
      <div>
        <Button variant="danger" onClick={() => { setError(null); setConfirming(true) }}>Sign out everywhere</Button>
      </div>
      <ConfirmDialog open={confirming} title="Sign out everywhere?" confirmLabel="Sign out everywhere" danger busy={busy} error={error}
        onConfirm={() => void everywhere()} onCancel={() => { if (!busy) setConfirming(false) }}>
        <p>Every session of your account ends, on every device, this one too. You will sign in again here.</p>
      </ConfirmDialog>
    </section>
  )
}

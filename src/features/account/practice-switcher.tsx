import { useId, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { ROLE_LABELS, type SessionInfo } from '../../group-api/index.ts'
import { useGroupClient } from '../../storage/group/index.ts'
import { useServerError } from './use-server-error.ts'

interface PracticeSwitcherProps {
  session: SessionInfo
  onSwitched: (session: SessionInfo) => void
  /** On the dark header bar, or on a page. */
  tone?: 'header' | 'page'
}

/** For an account in several practices: work in another one (its role applies there). */
export function PracticeSwitcher({ session, onSwitched, tone = 'page' }: PracticeSwitcherProps) {
  const client = useGroupClient()
  const id = useId()
  const server = useServerError()
  const [picked, setPicked] = useState(session.practice?.id ?? '')
  const [busy, setBusy] = useState(false)
  if (session.practices.length < 2) return null
  const header = tone === 'header'
  const switchTo = async () => {
    if (!picked || picked === session.practice?.id) return
    setBusy(true)
    const next = await server.run(() => client.request('switchPractice', { body: { practiceId: picked } }))
    setBusy(false)
    if (next) onSwitched(next)
  }
  return (
    <form className="flex flex-wrap items-center gap-2" onSubmit={(e) => { e.preventDefault(); void switchTo() }}>
      <label htmlFor={id} className={header ? 'text-sm text-white' : 'text-sm font-medium'}>Practice</label>
      <select id={id} value={picked} onChange={(e) => setPicked(e.target.value)}
        className={`rounded border px-2 py-1 text-sm ${header ? 'border-white/70 bg-brand-800 text-white' : 'border-slate-400 bg-white text-slate-900'} focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 ${header ? 'focus-visible:outline-white' : 'focus-visible:outline-focus'}`}>
        {session.practices.map((p) => <option key={p.id} value={p.id}>{p.name} ({ROLE_LABELS[p.role]})</option>)}
      </select>
      {header ? (
        <button type="submit" disabled={busy || picked === session.practice?.id}
          className="rounded border border-white/70 px-2 py-1 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white disabled:cursor-not-allowed disabled:opacity-60 disabled:hover:bg-transparent">
          Switch
        </button>
      ) : <Button type="submit" size="sm" disabled={busy || picked === session.practice?.id}>Switch</Button>}
      {server.message ? <p role="alert" className={`text-sm font-medium ${header ? 'text-white' : 'text-red-800'}`}>{server.message}</p> : null}
    </form>
  )
}

import { useId, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { inputClass } from '../../components/field.tsx'
import type { OutboxMutation, WaitingChange } from '../../storage/group/sync/index.ts'
import type { ChangeView } from './describe-change.ts'

/** The server's limit on a finalize reason; the worksheet asks for at least this many characters. */
const REASON_MAX = 500
const REASON_MIN = 10

interface ChangeItemProps {
  change: WaitingChange
  view: ChangeView
  /** Sends a refused change again, with a corrected body if given (absent: the change only waits). */
  onRetry?: (body?: OutboxMutation['body']) => void
  onReopen?: () => void
  onDiscard?: () => void
}

/** One change of the outbox: what it is, where it stands, and what can be done about a refused one. */
export function ChangeItem({ change, view, onRetry, onReopen, onDiscard }: ChangeItemProps) {
  const id = useId()
  const [reason, setReason] = useState('')
  const { entry, current } = change
  const reasonOk = reason.trim().length >= REASON_MIN && reason.trim().length <= REASON_MAX
  const refused = view.state === 'refused'

  return (
    <li aria-labelledby={`${id}-title`} className={`flex flex-col gap-2 rounded border bg-white p-3 text-sm ${refused ? 'border-amber-400' : 'border-slate-300'}`}>
      <h4 id={`${id}-title`} className="font-semibold">{view.title}</h4>
      <p>{view.status}</p>
      {view.changedSince.length > 0 ? (
        <div>
          <p className="font-medium">What changed since {entry.route === 'decide' ? 'you decided' : 'you opened it'}:</p>
          <ul aria-label="What changed since" className="ml-5 list-disc">
            {view.changedSince.map((line, i) => <li key={i}>{line}</li>)}
          </ul>
        </div>
      ) : null}
      {view.needsReason && entry.route === 'finalize' ? (
        <form className="flex flex-col gap-1" onSubmit={(e) => { e.preventDefault(); if (reasonOk) onRetry?.({ ...entry.body, reason: reason.trim() }) }}>
          <label htmlFor={`${id}-reason`} className="font-medium">Why finalize with the error the server found? (required)</label>
          <textarea id={`${id}-reason`} rows={3} className={inputClass} value={reason} maxLength={REASON_MAX} onChange={(e) => setReason(e.target.value)} aria-describedby={`${id}-reason-hint`} />
          <p id={`${id}-reason-hint`} className="text-xs text-slate-600">At least {REASON_MIN} characters; the supervisor sees it with the encounter. Or reopen it as a draft to correct it.</p>
          <div><Button type="submit" variant="primary" disabled={!reasonOk}>Finalize with this reason</Button></div>
        </form>
      ) : null}
      {refused ? (
        <div className="flex flex-wrap gap-2">
          {view.canReopen ? <Button variant={view.needsReason ? 'secondary' : 'primary'} onClick={onReopen}>Reopen as a draft</Button> : null}
          {view.canDecideAgain && entry.route === 'decide' && current ? (
            <Button variant="primary" onClick={() => onRetry?.({ ...entry.body, expectedVersion: current.version })}>Send my decision again</Button>
          ) : null}
          {view.canDecideAgain && entry.route === 'saveRecord' ? (
            <Button variant="primary" onClick={() => onRetry?.({ ...entry.body, expectedVersion: change.currentRecord?.version ?? null })}>Save my version over it</Button>
          ) : null}
          {!view.needsReason && !view.canDecideAgain ? <Button onClick={() => onRetry?.()}>Retry</Button> : null}
          <Button variant="ghost" onClick={onDiscard}>Discard</Button>
        </div>
      ) : null}
    </li>
  )
}

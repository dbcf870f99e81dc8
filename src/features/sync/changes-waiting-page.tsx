import { useCallback, useEffect, useId, useState } from 'react'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { formatDateTime } from '../../lib/date-time.ts'
import { useSyncActions, type WaitingChange } from '../../storage/group/sync/index.ts'
import { ChangeItem } from './change-item.tsx'
import { describeChange } from './describe-change.ts'

interface ChangesWaitingPageProps {
  /** Opens a draft in the worksheet (a refused finalize reopened). */
  onOpenDraft: (draftId: string, notice: string) => void
}

/**
 * This device's changes the group server has not saved: those waiting to be sent, and those it
 * refused, with its message and what can be done (send again, with a reason or against the
 * encounter as it is now; reopen a finalize as a draft; discard).
 */
export function ChangesWaitingPage({ onOpenDraft }: ChangesWaitingPageProps) {
  const actions = useSyncActions()
  const headingId = useId()
  const [changes, setChanges] = useState<WaitingChange[] | null>(null)
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null)
  const [discarding, setDiscarding] = useState<WaitingChange | null>(null)

  const load = useCallback(() => {
    actions.waitingChanges().then(setChanges, (e: unknown) => setMessage({ text: e instanceof Error ? e.message : String(e), alert: true }))
  }, [actions])
  useEffect(() => {
    load()
    return actions.subscribe(load)
  }, [actions, load])

  const run = async (work: () => Promise<void>, done: string) => {
    setMessage(null)
    try {
      await work()
      setMessage({ text: done, alert: false })
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), alert: true })
    }
  }

  const reopen = async (order: number) => {
    setMessage(null)
    try {
      const draftId = await actions.reopenAsDraft(order)
      onOpenDraft(draftId, 'Reopened the refused finalize as a draft: your work is as you left it. Correct it, or give the reason, and finalize again.')
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), alert: true })
    }
  }

  const views = (changes ?? []).map((c) => ({ change: c, view: describeChange(c, formatDateTime) }))
  const refused = views.filter((v) => v.view.state === 'refused')
  const waiting = views.filter((v) => v.view.state === 'waiting')

  return (
    <section aria-labelledby={headingId} className="mx-auto flex max-w-4xl flex-col gap-4">
      <h2 id={headingId} className="text-xl font-semibold text-brand-800">Changes waiting</h2>
      <p className="text-sm text-slate-700">
        What you did on this computer that the group server has not saved yet. Waiting changes are sent in order as soon as the server can be reached;
        a change the server refused waits here for you.
      </p>
      {message ? <p role={message.alert ? 'alert' : 'status'} className={`rounded border px-3 py-2 text-sm ${message.alert ? 'border-red-300 bg-red-50 text-red-900' : 'border-brand-200 bg-white'}`}>{message.text}</p> : null}
      {changes === null ? <p role="status">Loading the changes…</p> : changes.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-3 text-sm">Every change made on this computer is saved on the group server.</p>
      ) : (
        <>
          {refused.length > 0 ? (
            <section aria-labelledby={`${headingId}-refused`} className="flex flex-col gap-2">
              <h3 id={`${headingId}-refused`} className="font-semibold text-brand-800">Refused by the server ({refused.length})</h3>
              <ul aria-label="Refused changes" className="flex flex-col gap-3">
                {refused.map(({ change, view }) => (
                  <ChangeItem key={view.order} change={change} view={view}
                    onRetry={(body) => void run(() => actions.retryChange(view.order, body), `Sending “${view.title}” again.`)}
                    onReopen={() => void reopen(view.order)}
                    onDiscard={() => setDiscarding(change)} />
                ))}
              </ul>
            </section>
          ) : null}
          {waiting.length > 0 ? (
            <section aria-labelledby={`${headingId}-waiting`} className="flex flex-col gap-2">
              <h3 id={`${headingId}-waiting`} className="font-semibold text-brand-800">Waiting to be sent ({waiting.length})</h3>
              <ul aria-label="Changes waiting to be sent" className="flex flex-col gap-2">
                {waiting.map(({ change, view }) => <ChangeItem key={view.order} change={change} view={view} />)}
              </ul>
            </section>
          ) : null}
        </>
      )}
      <ConfirmDialog open={discarding !== null} title="Discard this change?" confirmLabel="Discard" danger
        onCancel={() => setDiscarding(null)}
        onConfirm={() => {
          const change = discarding
          setDiscarding(null)
          if (change) void run(() => actions.discardChange(change.entry.order), 'The change was discarded.')
        }}>
        <p className="text-sm">
          {discarding?.entry.route === 'finalize'
            ? 'The finalized worksheet is not saved anywhere else: discarding it loses the work. Reopen it as a draft instead to keep it.'
            : 'The server never saved it; discarding it means it did not happen.'}
        </p>
      </ConfirmDialog>
    </section>
  )
}

import { useId, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { Dialog } from '../../components/dialog.tsx'
import { inputClass } from '../../components/field.tsx'
import { useCurrentUser } from '../../lib/current-user.tsx'
import type { Severity } from '../../domain/index.ts'
import type { FormIssue } from './model/index.ts'

const MIN_REASON = 10

interface FinalizeDialogProps {
  open: boolean
  counts: Record<Severity, number>
  blocking: FormIssue[]
  lineCount: number
  onCancel: () => void
  onConfirm: (reason: string | null) => void
}

/**
 * Confirms finalizing. Missing header facts block it; an error finding needs a written
 * reason; any error or warning sends the encounter to supervisor review.
 */
export function FinalizeDialog({ open, counts, blocking, lineCount, onCancel, onConfirm }: FinalizeDialogProps) {
  const [reason, setReason] = useState('')
  const { user } = useCurrentUser()
  const id = useId()
  const needsReason = counts.error > 0
  const reasonOk = !needsReason || reason.trim().length >= MIN_REASON
  const canFinalize = blocking.length === 0 && lineCount > 0 && reasonOk
  const review = counts.error > 0 || counts.warning > 0
  return (
    <Dialog
      open={open}
      title="Finalize this encounter"
      onClose={onCancel}
      actions={<>
        <Button onClick={onCancel}>Keep editing</Button>
        <Button variant="primary" disabled={!canFinalize} onClick={() => onConfirm(needsReason ? reason.trim() : null)}>Finalize</Button>
      </>}
    >
      {blocking.length > 0 || lineCount === 0 ? (
        <div role="alert" className="mb-3 rounded border border-red-300 bg-red-50 p-2 text-sm">
          <p className="font-semibold">Finish these first:</p>
          <ul className="ml-5 list-disc">
            {lineCount === 0 ? <li>There is no claim line yet.</li> : null}
            {blocking.map((b) => <li key={b.path}>{b.message}</li>)}
          </ul>
        </div>
      ) : null}
      <p className="text-sm">
        Finalized encounters count in this patient&apos;s later frequency checks.
        {review ? ' It has findings, so it goes to supervisor review.' : ' It has no error or warning, so no review is needed.'}
        {user ? ` It is recorded as finalized by ${user.name}.` : ''}
      </p>
      {needsReason ? (
        <div className="mt-3 flex flex-col gap-1">
          <label htmlFor={id} className="text-sm font-medium">Why finalize with {counts.error} error{counts.error === 1 ? '' : 's'}? (required)</label>
          <textarea id={id} rows={3} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={`${id}-hint`} />
          <p id={`${id}-hint`} className="text-xs text-slate-600">At least {MIN_REASON} characters; the supervisor sees it with the encounter.</p>
        </div>
      ) : null}
    </Dialog>
  )
}

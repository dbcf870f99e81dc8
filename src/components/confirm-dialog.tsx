import { useRef, type ReactNode } from 'react'
import { Button } from './button.tsx'
import { Dialog } from './dialog.tsx'

interface ConfirmDialogProps {
  open: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
  /** The confirmed action removes or ends something. */
  danger?: boolean
  /** The action is running: both buttons wait, Escape does nothing. */
  busy?: boolean
  /** Why the action failed, from the server (shown as an alert; the dialog stays open). */
  error?: string | null
}

/** Asks before an action that is hard to undo; focus starts on Cancel. */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel, danger = false, busy = false, error = null }: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null)
  return (
    <Dialog open={open} title={title} onClose={onCancel} busy={busy} initialFocus={cancel}
      actions={(
        <>
          <Button ref={cancel} onClick={onCancel} disabled={busy}>Cancel</Button>
          <Button variant={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>{confirmLabel}</Button>
        </>
      )}>
      {children}
      {error ? <p role="alert" className="mt-2 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-900">{error}</p> : null}
    </Dialog>
  )
}

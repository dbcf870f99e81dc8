import type { ReactNode } from 'react'
import { Button } from '../../components/button.tsx'
import { Dialog } from '../../components/dialog.tsx'

interface ConfirmDialogProps {
  title: string
  confirmLabel: string
  children: ReactNode
  onConfirm: () => void
  onCancel: () => void
}

/** Asks before something is removed for good. */
export function ConfirmDialog({ title, confirmLabel, children, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Dialog
      open
      title={title}
      onClose={onCancel}
      actions={<>
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="danger" onClick={onConfirm}>{confirmLabel}</Button>
      </>}
    >
      {children}
    </Dialog>
  )
}

import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react'

interface DialogProps {
  open: boolean
  title: string
  onClose: () => void
  children: ReactNode
  /** Buttons row; the dialog closes with Escape too. */
  actions?: ReactNode
  /** A wider dialog, for tables. */
  wide?: boolean
  /** While true (a save running), Escape does not close it. */
  busy?: boolean
  /** Focused when the dialog opens; else the browser's choice (the first focusable control). */
  initialFocus?: RefObject<HTMLElement | null>
  /** 'alertdialog' for an urgent question (a sign-out warning); its text is the description. */
  role?: 'dialog' | 'alertdialog'
}

/** A modal on the native <dialog> element: focus is trapped and Escape closes it. */
export function Dialog({ open, title, onClose, children, actions, wide = false, busy = false, initialFocus, role }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const bodyId = `${titleId}-body`
  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return
    // Focus returns where it was when the dialog closes, also when it is closed by unmounting.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    initialFocus?.current?.focus()
    return () => {
      if (dialog.open) dialog.close()
      if (before?.isConnected) before.focus()
    }
    // The focus target is read when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      role={role === 'alertdialog' ? role : undefined}
      aria-describedby={role === 'alertdialog' ? bodyId : undefined}
      aria-busy={busy || undefined}
      onClose={onClose}
      onCancel={(e) => { e.preventDefault(); if (!busy) onClose() }}
      className={`${wide ? 'w-[min(60rem,calc(100vw-2rem))]' : 'w-[min(40rem,calc(100vw-2rem))]'} m-auto max-h-[calc(100vh-2rem)] rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40`}
    >
      {open ? (
        <div className="flex flex-col gap-3 p-4">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">{title}</h2>
          <div id={bodyId} className="text-slate-800">{children}</div>
          {actions ? <div className="flex flex-wrap justify-end gap-2">{actions}</div> : null}
        </div>
      ) : null}
    </dialog>
  )
}

import { useEffect, useRef, type ReactNode } from 'react'

interface DialogProps {
  open: boolean
  title: string
  onClose: () => void
  children: ReactNode
  /** Buttons row; the dialog closes with Escape too. */
  actions?: ReactNode
}

/** A modal on the native <dialog> element: focus is trapped and Escape closes it. */
export function Dialog({ open, title, onClose, children, actions }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return
    // Focus returns where it was when the dialog closes, also when it is closed by unmounting.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    return () => {
      if (dialog.open) dialog.close()
      if (before?.isConnected) before.focus()
    }
  }, [open])
  return (
    <dialog
      ref={ref}
      aria-labelledby="dialog-title"
      onClose={onClose}
      onCancel={(e) => { e.preventDefault(); onClose() }}
      className="w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {open ? (
        <div className="flex flex-col gap-3 p-4">
          <h2 id="dialog-title" className="text-lg font-semibold text-slate-900">{title}</h2>
          <div className="text-slate-800">{children}</div>
          {actions ? <div className="flex flex-wrap justify-end gap-2">{actions}</div> : null}
        </div>
      ) : null}
    </dialog>
  )
}

import { useEffect, useRef, useState, type KeyboardEvent } from 'react'

/**
 * A popover opened by a button (the facet filters, the Columns menu): a click outside closes it,
 * Escape closes it and returns focus to the button. Spread `onKeyDown` on the wrapper that holds
 * both, and put `root` and `button` on them.
 */
export function useDisclosure() {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const onPointer = (e: PointerEvent) => { if (!root.current?.contains(e.target as Node)) setOpen(false) }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) { e.stopPropagation(); setOpen(false); button.current?.focus() }
  }
  return { open, setOpen, root, button, onKeyDown }
}

import { useEffect, useRef } from 'react'
import type { ProcedureType } from '../../domain/index.ts'

export interface ShortcutHandlers {
  addProcedure: (type: ProcedureType) => void
  finalize: () => void
  copyLines: () => void
  help: () => void
}

/** The worksheet's keyboard shortcuts, listed in the help overlay from this table. */
export const shortcuts: readonly { keys: string; action: string }[] = [
  { keys: 'Alt+1', action: 'Add a trigger point procedure' },
  { keys: 'Alt+2', action: 'Add a facet joint injection' },
  { keys: 'Alt+3', action: 'Add a radiofrequency ablation' },
  { keys: 'Alt+4', action: 'Add an epidural injection' },
  { keys: 'Ctrl+Enter', action: 'Finalize the encounter' },
  { keys: 'Alt+C', action: 'Copy the claim lines (tab-separated)' },
  { keys: 'Alt+H', action: 'Show this help' },
]

const byDigit: Record<string, ProcedureType> = { Digit1: 'trigger-point', Digit2: 'facet-injection', Digit3: 'facet-rfa', Digit4: 'epidural' }

/** Listens for the shortcuts anywhere on the page (they use Alt or Ctrl, so typing is never captured). */
export function useWorksheetShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers)
  useEffect(() => { ref.current = handlers })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return
      const h = ref.current
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); h.finalize(); return }
      if (!e.altKey || e.ctrlKey || e.metaKey) return
      const type = byDigit[e.code]
      if (type) { e.preventDefault(); h.addProcedure(type); return }
      if (e.code === 'KeyC') { e.preventDefault(); h.copyLines(); return }
      if (e.code === 'KeyH') { e.preventDefault(); h.help() }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

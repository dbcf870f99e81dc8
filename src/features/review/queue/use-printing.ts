import { useEffect, useState } from 'react'
import { flushSync } from 'react-dom'

/**
 * True while the browser prints (from `beforeprint` to `afterprint`). The print-only table of up
 * to 2,000 lines is rendered only then: kept in the page, it would be re-rendered on every sort
 * and filter of the queue. `beforeprint` runs before the print layout, and flushSync puts the
 * table in the DOM in time (window.print() and the browser's own Print command alike).
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false)
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true))
    const after = () => setPrinting(false)
    window.addEventListener('beforeprint', before)
    window.addEventListener('afterprint', after)
    return () => {
      window.removeEventListener('beforeprint', before)
      window.removeEventListener('afterprint', after)
    }
  }, [])
  return printing
}

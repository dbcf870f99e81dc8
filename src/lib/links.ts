import type { MouseEvent } from 'react'

/** A plain left click follows the app's own navigation; modified clicks keep the browser's (new tab, copy link). */
export function followsInApp(e: MouseEvent): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey
}

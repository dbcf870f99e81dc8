import { createContext, useContext } from 'react'
import type { WorksheetStore } from './types.ts'

export const StoreContext = createContext<WorksheetStore | null>(null)

/** The app's store; features read and write through it, never through IndexedDB directly. */
export function useStore(): WorksheetStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useStore needs a StoreProvider above it')
  return store
}

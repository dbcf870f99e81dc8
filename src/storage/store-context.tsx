import { createContext, useContext, type ReactNode } from 'react'
import type { WorksheetStore } from './types.ts'

const StoreContext = createContext<WorksheetStore | null>(null)

export function StoreProvider({ store, children }: { store: WorksheetStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

/** The app's store; features read and write through it, never through IndexedDB directly. */
export function useStore(): WorksheetStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useStore needs a StoreProvider above it')
  return store
}

import type { ReactNode } from 'react'
import { StoreContext } from './store-context.ts'
import type { WorksheetStore } from './types.ts'

export function StoreProvider({ store, children }: { store: WorksheetStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

export type { DraftRecord, EncounterRecord, HistoryRecord, ProviderRecord, ReviewState, WorksheetStore } from './types.ts'
export { createDexieStore, WorksheetDatabase } from './dexie-store.ts'
export { useStore } from './store-context.ts'
export { StoreProvider } from './store-provider.tsx'

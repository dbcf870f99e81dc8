export type { DraftRecord, EncounterRecord, HistoryRecord, ProviderRecord, ReviewState, WorksheetStore } from './types.ts'
export { createDexieStore, WorksheetDatabase } from './dexie-store.ts'
export { StoreProvider, useStore } from './store-context.tsx'

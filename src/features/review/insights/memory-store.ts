// Test support for the insights' component tests (not used by the app): an in-memory store with
// only the reads the page makes, and writes that notify its subscribers as the real store does.
import type {
  AuditRecord, EncounterRecord, ProviderRecord, RemittanceImportRecord, StoreTable, UserRecord, WorksheetStore,
} from '../../../storage/types.ts'
import { createMemoryTrainingStore } from '../../../storage/memory-training-store.ts'

export interface MemoryData {
  encounters: EncounterRecord[]
  audit: AuditRecord[]
  users: UserRecord[]
  remittances: RemittanceImportRecord[]
  providers: ProviderRecord[]
}

export interface MemoryStore {
  store: WorksheetStore
  /** Replaces some tables' records and tells the page, as a write in another tab would. */
  write: (changes: Partial<MemoryData>) => void
}

export function memoryStore(initial: Partial<MemoryData> = {}): MemoryStore {
  const data: MemoryData = { encounters: [], audit: [], users: [], remittances: [], providers: [], ...initial }
  const listeners = new Set<(tables: readonly StoreTable[]) => void>()
  const training = createMemoryTrainingStore((table) => { for (const listener of listeners) listener([table]) })
  const reads: Partial<WorksheetStore> = {
    listAllEncounters: () => Promise.resolve([...data.encounters]),
    listAudit: () => Promise.resolve([...data.audit]),
    listUsers: () => Promise.resolve([...data.users]),
    listRemittances: () => Promise.resolve([...data.remittances]),
    listProviders: () => Promise.resolve([...data.providers]),
    listPayerProfiles: () => Promise.resolve([]),
    training: () => Promise.resolve(training),
    subscribe: (listener) => {
      listeners.add(listener)
      return () => { listeners.delete(listener) }
    },
  }
  // Any other call is a read or write the page must not make.
  const store = new Proxy(reads, {
    get: (target, key: string) => target[key as keyof WorksheetStore] ?? (() => { throw new Error(`The insights page called store.${key}`) }),
  }) as WorksheetStore
  return {
    store,
    write: (changes) => {
      Object.assign(data, changes)
      const tables = Object.keys(changes) as StoreTable[]
      for (const listener of listeners) listener(tables)
    },
  }
}

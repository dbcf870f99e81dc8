import { useEffect, useState } from 'react'
import { useStore } from './store-context.ts'
import type { StoreTable, WorksheetStore } from './types.ts'

/**
 * Runs a store query and runs it again whenever one of the given tables changes, in this
 * tab or another. Undefined until the first answer arrives.
 */
export function useStoreQuery<T>(query: (store: WorksheetStore) => Promise<T>, tables: readonly StoreTable[], deps: readonly unknown[]): T | undefined {
  const store = useStore()
  const [value, setValue] = useState<T | undefined>(undefined)
  useEffect(() => {
    let live = true
    let run = 0
    const load = () => {
      const mine = ++run
      query(store).then((v) => { if (live && mine === run) setValue(v) }, () => undefined)
    }
    load()
    const unsubscribe = store.subscribe((changed) => { if (changed.some((t) => tables.includes(t))) load() })
    return () => { live = false; unsubscribe() }
    // The query is rebuilt each render; deps say when it means something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, ...deps])
  return value
}

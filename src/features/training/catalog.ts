import { useMemo } from 'react'
import { practiceCases } from '../../domain/training/cases/index.ts'
import type { PracticeCase } from '../../domain/training/types.ts'
import { useStoreQuery, type PracticeCaseRecord } from '../../storage/index.ts'

/** A practice case as training mode lists it: shipped with the app, or the practice's own (written or imported). */
export interface CatalogCase {
  case: PracticeCase
  source: 'shipped' | 'library'
  /** The stored record of a practice's own case. */
  record: PracticeCaseRecord | null
}

export interface CaseCatalog {
  /** Shipped cases first (in their order), then the practice's own by title. */
  cases: CatalogCase[]
  /** False until the practice's own cases have been read. */
  loaded: boolean
  byId: (caseId: string) => CatalogCase | undefined
}

const SHIPPED: readonly CatalogCase[] = practiceCases.map((c) => ({ case: c, source: 'shipped', record: null }))
const SHIPPED_IDS: ReadonlySet<string> = new Set(practiceCases.map((c) => c.id))

/** True when `caseId` is a shipped case's id (the practice's own cases may not reuse one). */
export const isShippedCaseId = (caseId: string): boolean => SHIPPED_IDS.has(caseId)

/** Every practice case: the shipped ones and the practice's own, live (a case saved in another tab shows). */
export function useCaseCatalog(): CaseCatalog {
  const records = useStoreQuery(async (s) => (await s.training()).listPracticeCases(), ['practiceCases'], [])
  return useMemo(() => {
    const own: CatalogCase[] = (records ?? []).filter((r) => !SHIPPED_IDS.has(r.id)).map((r) => ({ case: r.case, source: 'library', record: r }))
    const cases = [...SHIPPED, ...own]
    const index = new Map(cases.map((c) => [c.case.id, c]))
    return { cases, loaded: records !== undefined, byId: (caseId) => index.get(caseId) }
  }, [records])
}

import { familyLabels, type Family } from '../../../domain/vocabulary.ts'
import type { TrainingAttemptRecord } from '../../../storage/index.ts'
import type { CatalogCase } from '../catalog.ts'

export interface CaseFilters {
  query: string
  family: Family | ''
  notDoneOnly: boolean
}

export const NO_CASE_FILTERS: CaseFilters = Object.freeze({ query: '', family: '', notDoneOnly: false })

export interface CaseTally {
  attempts: number
  /** The best percent of the attempts. */
  best: number
}

/** A user's attempts tallied per case. */
export function bestByCase(attempts: readonly Pick<TrainingAttemptRecord, 'caseId' | 'percent'>[]): Map<string, CaseTally> {
  const tally = new Map<string, CaseTally>()
  for (const a of attempts) {
    const t = tally.get(a.caseId)
    tally.set(a.caseId, t ? { attempts: t.attempts + 1, best: Math.max(t.best, a.percent) } : { attempts: 1, best: a.percent })
  }
  return tally
}

/** The cases that match: the query in the title, id, note or a family's name; the family; not attempted yet. */
export function filterCases(cases: readonly CatalogCase[], filters: CaseFilters, tally: ReadonlyMap<string, CaseTally>): CatalogCase[] {
  const q = filters.query.trim().toLowerCase()
  return cases.filter(({ case: c }) =>
    (filters.family === '' || c.families.includes(filters.family)) &&
    (!filters.notDoneOnly || !tally.has(c.id)) &&
    (q === '' || [c.title, c.id, c.note, ...c.families.map((f) => familyLabels[f])].some((t) => t.toLowerCase().includes(q))))
}

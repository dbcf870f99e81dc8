import { describe, expect, it } from 'vitest'
import { practiceCases } from '../../../domain/training/cases/index.ts'
import type { CatalogCase } from '../catalog.ts'
import { bestByCase, filterCases, NO_CASE_FILTERS } from './cases-model.ts'

const catalog: CatalogCase[] = practiceCases.map((c) => ({ case: c, source: 'shipped', record: null }))

describe('the case list', () => {
  it('tallies attempts and the best score per case', () => {
    const tally = bestByCase([{ caseId: 'tpi-01', percent: 60 }, { caseId: 'tpi-01', percent: 94 }, { caseId: 'tpi-01', percent: 80 }, { caseId: 'fac-01', percent: 100 }])
    expect(tally.get('tpi-01')).toEqual({ attempts: 3, best: 94 })
    expect(tally.get('fac-01')).toEqual({ attempts: 1, best: 100 })
    expect(tally.has('tpi-02')).toBe(false)
  })

  it('shows every case without filters', () => {
    expect(filterCases(catalog, NO_CASE_FILTERS, new Map())).toHaveLength(catalog.length)
  })

  it('filters by family, by words of the title or note, and to cases not done', () => {
    const rfa = filterCases(catalog, { ...NO_CASE_FILTERS, family: 'facet-rfa' }, new Map())
    expect(rfa.length).toBeGreaterThan(0)
    expect(rfa.every((c) => c.case.families.includes('facet-rfa'))).toBe(true)
    expect(filterCases(catalog, { ...NO_CASE_FILTERS, query: 'UPPER TRAPEZIUS on both' }, new Map()).map((c) => c.case.id)).toEqual(['tpi-01'])
    const notDone = filterCases(catalog, { ...NO_CASE_FILTERS, notDoneOnly: true }, bestByCase([{ caseId: 'tpi-01', percent: 50 }]))
    expect(notDone).toHaveLength(catalog.length - 1)
    expect(notDone.some((c) => c.case.id === 'tpi-01')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { drugCatalog } from '../../../domain/index.ts'
import { applicableChecklist } from './checklist.ts'
import { supportingHints } from './diagnosis-hints.ts'
import { box19Preview, codeDateWarning, previewDrugUnits } from './drug-preview.ts'
import { isIcd10CmFormat } from './icd10.ts'
import { issueFor, issueUnder } from './issue-for.ts'
import { formatLevelText, parseLevelText, setLevelSide } from './levels.ts'
import { describeMuscleCount, distinctMuscleKeys, triggerPointCodeFor } from './muscle-count.ts'

const drug = (code: string) => drugCatalog.get(code)

describe('distinct muscles', () => {
  it.each([
    [[{ muscle: 'Trapezius ', side: 'left' as const }, { muscle: 'trapezius', side: 'left' as const }], 1],
    [[{ muscle: 'trapezius', side: 'bilateral' as const }], 2],
    [[{ muscle: 'trapezius', side: 'bilateral' as const }, { muscle: 'trapezius', side: 'right' as const }], 2],
    [[{ muscle: 'gluteus  medius', side: '' as const }, { muscle: 'gluteus medius', side: 'left' as const }], 2],
    [[{ muscle: '  ', side: 'left' as const }], 0],
  ])('counts %j as %i', (muscles, n) => {
    expect(distinctMuscleKeys(muscles)).toHaveLength(n)
  })

  it('codes 1-2 distinct muscles as 20552 and 3 or more as 20553', () => {
    expect([0, 1, 2, 3, 7].map(triggerPointCodeFor)).toEqual([null, '20552', '20552', '20553', '20553'])
    expect(describeMuscleCount(3)).toBe('3 distinct muscles (muscle + side) → 20553')
  })
})

describe('drug units preview', () => {
  it.each([
    ['J3301', 40, 'mg', 4],
    ['J3301', 41, 'mg', 5],
    ['J1100', 4000, 'mcg', 4],
    ['J0665', 0.25, 'mg', 1],
    ['S0020', 31, 'mL', 2],
  ] as const)('bills %s %d %s as %i units', (code, dose, unit, units) => {
    expect(previewDrugUnits(dose, unit, drug(code))).toMatchObject({ kind: 'units', units })
  })

  it('names what it cannot compute', () => {
    expect(previewDrugUnits(40, 'mL', drug('J3301'))).toMatchObject({ kind: 'needs-unit' })
    expect(previewDrugUnits(Number.NaN, 'mg', drug('J3301'))).toEqual({ kind: 'needs-dose' })
    expect(previewDrugUnits(6, 'mg', drug('J0702'))).toEqual({ kind: 'payer-profile' })
    expect(previewDrugUnits(2, 'mL', drug('J3490'))).toEqual({ kind: 'narrative' })
    expect(previewDrugUnits(2, 'mL', undefined)).toEqual({ kind: 'unknown-code' })
  })

  it('writes Box 19 as "name, dose unit"', () => {
    expect(box19Preview(' sodium bicarbonate 8.4% ', 2, 'mL')).toBe('sodium bicarbonate 8.4%, 2 mL')
    expect(box19Preview('', Number.NaN, 'mg')).toBe('DRUG NAME MISSING, DOSE MISSING mg')
  })

  it('warns about a code deleted or not yet in force on the date of service', () => {
    const j1020 = drug('J1020')
    const j1010 = drug('J1010')
    if (!j1020 || !j1010) throw new Error('catalog changed')
    expect(codeDateWarning(j1020, '2024-03-31')).toBeNull()
    expect(codeDateWarning(j1020, '2024-04-01')).toBe('J1020 was deleted after 2024-03-31; use J1010.')
    expect(codeDateWarning(j1010, '2024-03-01')).toMatch(/valid only from 2024-04-01/)
    expect(codeDateWarning(j1020, '')).toBeNull()
  })
})

describe('levels', () => {
  it('reads typed levels and writes them back', () => {
    const { levels, errors } = parseLevelText('L5-S1 right; l4-5 b, C7-T1, L4-L5 L')
    expect(errors).toEqual([])
    expect(levels).toEqual([{ level: 'C7-T1', side: '' }, { level: 'L4-L5', side: 'left' }, { level: 'L5-S1', side: 'right' }])
    expect(formatLevelText(levels)).toBe('C7-T1, L4-L5 L, L5-S1 R')
    expect(parseLevelText('S1-S2 R, L4-L5 X').errors).toHaveLength(2)
  })

  it('replaces the level in single mode', () => {
    expect(setLevelSide([{ level: 'L4-L5', side: '' }], 'L3-L4', 'left', true)).toEqual([{ level: 'L3-L4', side: 'left' }])
    expect(setLevelSide([{ level: 'L4-L5', side: '' }], 'L4-L5', null)).toEqual([])
  })
})

describe('small helpers', () => {
  it('checks the ICD-10-CM shape after trim and upper case', () => {
    expect(['M54.16', ' m5416', 'G89.18', 'M79.1', 'B02.29'].every(isIcd10CmFormat)).toBe(true)
    expect(['XYZ', 'M5', '54.16', 'M54.16789'].some(isIcd10CmFormat)).toBe(false)
  })

  it('finds the issues of a path, or under it', () => {
    const issues = [{ path: 'drugs.1.dose', message: 'The dose must be above 0' }, { path: 'otherLines.0.modifiers.1', message: 'Bad modifier' }]
    expect(issueFor(issues, 'drugs.1.dose')).toBe('The dose must be above 0')
    expect(issueFor(issues, 'drugs.1')).toBeUndefined()
    expect(issueUnder(issues, 'otherLines.0.modifiers')).toBe('Bad modifier')
    expect(issueUnder(issues, 'otherLines.0.mod')).toBeUndefined()
  })

  it('merges families that share their supporting diagnoses', () => {
    const hints = supportingHints(['facet-rfa', 'trigger-point', 'facet-injection'])
    expect(hints.map((h) => h.label)).toEqual(['Trigger point injection', 'Facet joint injection, Facet radiofrequency ablation'])
  })

  it('applies checklist items as the documentation rules do', () => {
    const ids = (ps: Parameters<typeof applicableChecklist>[0]) => applicableChecklist(ps).flatMap((g) => g.items.map((i) => i.id))
    expect(ids([{ type: 'facet-injection', technique: 'injection', facetPurpose: 'diagnostic' }])).not.toContain('facet-rfa-reason')
    expect(ids([{ type: 'facet-injection', technique: 'injection', facetPurpose: 'therapeutic' }])).toContain('facet-rfa-reason')
    expect(ids([{ type: 'trigger-point', technique: 'acupuncture', facetPurpose: 'diagnostic' }])).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { allRules, rulesById } from '../../../domain/index.ts'
import { buildRuleLibrary, effectiveDatesText, filterRules, groupByScope, NO_FILTERS, type RuleEntry } from './rule-library-model.ts'
import { testExamples, testWithoutExamples } from './test-examples.ts'

const library = buildRuleLibrary({ rules: allRules, examples: testExamples, withoutExamples: testWithoutExamples })
const entry = (id: string): RuleEntry => {
  const found = library.find((e) => e.rule.id === id)
  if (!found) throw new Error(`no entry ${id}`)
  return found
}
const ids = (entries: readonly RuleEntry[]) => entries.map((e) => e.rule.id)

describe('buildRuleLibrary', () => {
  it('has one entry per rule of the rule module, in the module order', () => {
    expect(ids(library)).toEqual(allRules.map((r) => r.id))
  })

  it('puts the example where the rule fires before its near miss, and evaluates both', () => {
    const { examples } = entry('FAC-SIDE-MISSING')
    expect(examples.map((e) => e.example.kind)).toEqual(['fires', 'near-miss'])
    expect(examples.map((e) => e.outcome.ok && e.outcome.fires)).toEqual([true, false])
  })

  it('takes a coding rule\'s codes from the lines that name it, not every line of the example', () => {
    const tpi = entry('TPI-CODE')
    expect(tpi.exampleCodes).toEqual(['20552'])
    expect(tpi.textCodes).toEqual(['20552', '20553'])
    expect(tpi.codes).toEqual(['20552', '20553'])
  })

  it('takes a check rule\'s codes from the lines its finding points at, or every line when it is about the whole claim', () => {
    expect(entry('FAC-SIDE-MISSING').exampleCodes).toEqual(['64493'])
    expect(entry('DX-REQUIRED').exampleCodes).toEqual(['64493'])
  })

  it('takes no codes from a near miss or from an example that does not parse', () => {
    expect(entry('DX-FORMAT').exampleCodes).toEqual([])
    const [bad] = entry('DX-FORMAT').examples
    expect(bad?.outcome.ok).toBe(false)
    if (bad && !bad.outcome.ok) expect(bad.outcome.issues.map((i) => i.path)).toContain('encounter.dateOfService')
  })

  it('resolves sources to their citation and confidence, and names run-time sources', () => {
    expect(entry('TPI-CODE').sources).toEqual([
      { kind: 'source', id: 'TPI-ONE-CODE', citation: expect.stringContaining('20552/20553') as string, confidence: 'V-secondary' },
      { kind: 'source', id: 'BILLING-GUIDE', citation: 'Billing guide (shared/domain/billing-guide.txt)', confidence: 'billing-guide' },
    ])
    expect(entry('FREQ-LIMIT').sources).toEqual([{ kind: 'payer-profile' }])
    expect(entry('NCCI-MUE').sources).toEqual([{ kind: 'ncci-table' }])
  })

  it('keeps the reason a rule has no examples', () => {
    expect(entry('NCCI-PTP').withoutExamplesReason).toMatch(/NCCI PTP table/)
    expect(entry('TPI-CODE').withoutExamplesReason).toBeNull()
  })
})

describe('filterRules', () => {
  it('finds a rule by its id, any case', () => {
    expect(ids(filterRules(library, { ...NO_FILTERS, query: 'fac-kx' }))).toEqual(['FAC-KX'])
  })

  it('needs every word of the search, in the title or the explanation', () => {
    const found = filterRules(library, { ...NO_FILTERS, query: 'muscle side' })
    expect(ids(found)).toContain('TPI-SIDE-MISSING')
    expect(found.every((e) => e.searchText.includes('muscle') && e.searchText.includes('side'))).toBe(true)
  })

  it('finds the rules that concern a code, from their text and their examples', () => {
    const found = ids(filterRules(library, { ...NO_FILTERS, query: '20553' }))
    expect(found).toEqual(expect.arrayContaining(['TPI-CODE', 'TPI-ONE-LINE', 'TPI-DRY-NEEDLING']))
    expect(found).not.toContain('FAC-CODE')
    expect(ids(filterRules(library, { ...NO_FILTERS, query: '64493' }))).toEqual(expect.arrayContaining(['FAC-SIDE-MISSING', 'DX-REQUIRED', 'FAC-CODE']))
  })

  it('narrows by family, category, severity and kind together', () => {
    const found = filterRules(library, { ...NO_FILTERS, scope: 'epidural', category: 'modifier', severity: 'error', kind: 'check' })
    expect(ids(found)).toEqual(['ESI-TF-SIDE-MISSING'])
    expect(filterRules(library, { ...NO_FILTERS, kind: 'coding' })).toHaveLength(allRules.filter((r) => r.kind === 'coding').length)
    expect(filterRules(library, { ...NO_FILTERS, scope: 'drug' }).every((e) => e.rule.scope === 'drug')).toBe(true)
  })

  it('returns nothing for a search no rule matches', () => {
    expect(filterRules(library, { ...NO_FILTERS, query: 'zzzz-no-such-rule' })).toEqual([])
  })
})

describe('groupByScope', () => {
  it('groups by procedure family, then drugs, then the whole claim, leaving out empty groups', () => {
    expect(groupByScope(library).map((g) => g.label)).toEqual([
      'Trigger point injection', 'Facet joint injection', 'Facet radiofrequency ablation', 'Epidural steroid injection', 'Drugs', 'Whole claim',
    ])
    const onlyDrugs = groupByScope(filterRules(library, { ...NO_FILTERS, query: 'j1010' }))
    expect(onlyDrugs.map((g) => g.scope)).toEqual(['drug'])
    expect(groupByScope(library).reduce((n, g) => n + g.entries.length, 0)).toBe(allRules.length)
  })
})

describe('effectiveDatesText', () => {
  it.each([
    [null, null, 'Applies to every date of service: no start or end date.'],
    ['2024-07-07', null, 'In effect since 2024-07-07; no end date.'],
    [null, '2024-03-31', 'In effect until 2024-03-31; no start date.'],
    ['2023-07-01', '2024-08-14', 'In effect from 2023-07-01 to 2024-08-14.'],
  ])('says %s to %s as "%s"', (from, to, text) => {
    expect(effectiveDatesText(from, to)).toBe(text)
  })

  it('matches the facet level limit\'s own start date', () => {
    expect(effectiveDatesText(rulesById.get('FAC-LEVEL-LIMIT')?.effectiveFrom ?? null, null)).toBe('In effect since 2024-07-07; no end date.')
  })
})

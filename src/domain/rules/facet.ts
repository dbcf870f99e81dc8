import type { CodedLevel } from '../coding/coded.ts'
import { isWithin } from '../dates.ts'
import type { Procedure } from '../schema.ts'
import { regionLabels, type Side } from '../vocabulary.ts'
import { checkRule, codingRule, type RuleDefinition, type RuleHit } from './rule.ts'
import { duplicateLevelRule, groupsOf, multiRegionRule, noLevelsRule, sideMissingRule, thoracolumbarRule } from './spinal-common.ts'

/** Two entries of one level share a joint unless one is left and the other right; an undocumented side may be either. */
function sidesOverlap(a: Side | null, b: Side | null): boolean {
  return a === null || b === null || a === 'bilateral' || b === 'bilateral' || a === b
}

export const facetRules: readonly RuleDefinition[] = [
  codingRule({
    id: 'FAC-CODE', title: 'Facet injection codes by region and level order', scope: 'facet-injection',
    severity: 'info', category: 'code-selection', sources: ['A57787', 'BILLING-GUIDE', 'AAPC-FACET-US'],
  }),
  codingRule({
    id: 'FAC-KX', title: 'KX on every diagnostic facet line', scope: 'facet-injection',
    severity: 'info', category: 'modifier', sources: ['NORIDIAN-FACET-QA', 'KX-WPS'],
  }),
  codingRule({
    id: 'BILAT-FORMAT', title: 'Bilateral lines in the payer profile\'s format', scope: 'claim',
    severity: 'info', category: 'modifier', sources: 'payer-profile',
  }),
  noLevelsRule('FAC-NO-LEVELS', 'facet-injection', ['A57787']),
  sideMissingRule('FAC-SIDE-MISSING', 'facet-injection', ['BILLING-GUIDE', 'A57787']),
  checkRule({
    id: 'FAC-GUIDANCE-NONE', title: 'Facet injection without fluoroscopy or CT', scope: 'facet-injection',
    severity: 'error', category: 'imaging', sources: ['A57787', 'BILLING-GUIDE'],
    check: (facts) => facts.encounter.procedures.flatMap((p: Procedure, i) => (p.type === 'facet-injection' && p.guidance === 'none' ? [{
      message: 'The facet injection has no imaging guidance recorded. 64490-64495 require fluoroscopy or CT; without it the claim will deny.',
      fix: 'If fluoroscopy or CT was used, record it (and archive the images); if none was used, the injection is not billable under these codes.',
      trace: [{ fact: 'guidance', value: 'none' }],
      procedureIndex: i,
    }] : [])),
  }),
  checkRule({
    id: 'FAC-ULTRASOUND', title: 'Ultrasound-guided facet injection not covered', scope: 'facet-injection',
    severity: 'warning', category: 'coverage', sources: ['A57787', 'A57826', 'AAPC-FACET-US'],
    check: (facts) => {
      const covered = facts.profile.coverage.ultrasoundFacetCovered.value
      if (covered === true) return []
      return groupsOf(facts, 'facet-injection').filter((g) => g.ultrasound).map((g) => ({
        message: covered === false
          ? `Ultrasound-guided facet injection coded as ${g.levels.length > 0 ? 'Category III codes 0213T-0218T' : 'ultrasound codes'}: this payer does not cover ultrasound-guided facet injections, so the lines will deny.`
          : 'Ultrasound-guided facet injection coded as Category III codes 0213T-0218T: this payer\'s coverage is not set in its profile (Medicare does not cover them).',
        fix: 'Obtain a signed ABN before the service and append GA, or bill the patient per the payer contract; use fluoroscopy or CT for a covered injection.',
        trace: [{ fact: 'guidance', value: 'ultrasound' }, { fact: 'region', value: regionLabels[g.region] }, { fact: 'profile: ultrasound covered', value: covered }],
        procedureIndex: g.levels[0]?.procedureIndex, lineIndexes: g.lineIndexes,
        source: facts.profile.coverage.ultrasoundFacetCovered.source,
      }))
    },
  }),
  checkRule({
    id: 'FAC-LEVEL-LIMIT', title: 'Third and further facet levels non-covered', scope: 'facet-injection',
    severity: 'error', category: 'coverage', sources: ['FACET-LCD-2024', 'OPD-PA-64492'], effectiveFrom: '2024-07-07',
    check: (facts) => {
      const cov = facts.profile.coverage.facetMaxLevelsPerSession
      if (cov.value === null || !isWithin(facts.dos, cov.effectiveFrom ?? '0000-01-01', null)) return []
      const max = cov.value
      return groupsOf(facts, 'facet-injection').flatMap((g): RuleHit[] => {
        const over = g.levels.filter((l) => l.ordinal > max)
        if (over.length === 0) return []
        return [{
          message: `${g.levels.length} facet levels in the ${regionLabels[g.region]} region: levels beyond ${max} (${over.map((l) => l.level).join(', ')}) are non-covered under this payer's facet policy, so that line will deny.`,
          fix: `Bill at most ${max} levels per region per session. If the patient signed an ABN for the extra level, append GA to that line; otherwise remove it.`,
          trace: [{ fact: 'levels in region', value: g.levels.length }, { fact: 'covered levels', value: max }, { fact: 'non-covered levels', value: over.map((l) => l.level).join(', ') }],
          procedureIndex: over[0]?.procedureIndex, lineIndexes: [...new Set(over.flatMap((l) => l.lineIndexes))],
          source: cov.source,
        }]
      })
    },
  }),
  multiRegionRule('FAC-MULTI-REGION', 'facet-injection', ['A57787', 'PALMETTO-FACET-CHECKLIST']),
  duplicateLevelRule('FAC-DUPLICATE-LEVEL', 'facet-injection'),
  thoracolumbarRule('FAC-T12L1', 'facet-injection'),
  checkRule({
    id: 'FAC-RFA-SAME-LEVEL', title: 'Facet injection and RFA at the same level and side the same day', scope: 'facet-injection',
    severity: 'warning', category: 'code-selection', sources: ['FACET-RFA-SAME-LEVEL'],
    check: (facts) => {
      const rfa = new Map<string, CodedLevel>()
      for (const g of groupsOf(facts, 'facet-rfa')) for (const l of g.levels) rfa.set(l.level, l)
      return groupsOf(facts, 'facet-injection').flatMap((g) => g.levels.flatMap((l): RuleHit[] => {
        const ablated = rfa.get(l.level)
        if (!ablated || !sidesOverlap(l.side, ablated.side)) return []
        return [{
          message: `${l.level} has both a facet injection and a radiofrequency ablation today on the same side: only the ablation is billed at the same level.`,
          fix: `Remove the facet injection at ${l.level} on the ablated side, or confirm from the note that they were at different levels or sides.`,
          trace: [{ fact: 'level', value: l.level }, { fact: 'injection side', value: l.side }, { fact: 'ablation side', value: ablated.side }],
          procedureIndex: l.procedureIndex, lineIndexes: [...l.lineIndexes, ...ablated.lineIndexes],
        }]
      }))
    },
  }),
]

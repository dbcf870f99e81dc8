import { addMonths } from '../dates.ts'
import { forEachSessionAfter } from '../history.ts'
import type { Procedure } from '../schema.ts'
import { regionLabels } from '../vocabulary.ts'
import { checkRule, codingRule, type RuleDefinition, type RuleHit } from './rule.ts'
import { duplicateLevelRule, groupsOf, multiRegionRule, noLevelsRule, sideMissingRule, thoracolumbarRule } from './spinal-common.ts'

const REPEAT_DIAGNOSTIC_AFTER_MONTHS = 24

export const rfaRules: readonly RuleDefinition[] = [
  codingRule({
    id: 'RFA-CODE', title: 'RFA codes per joint', scope: 'facet-rfa',
    severity: 'info', category: 'code-selection', sources: ['RFA-PER-JOINT', 'BILLING-GUIDE'],
    rationale: 'Radiofrequency ablation is counted per joint, not per nerve: the first joint of the region is 64633/64635 (one unit), each additional joint 64634/64636 (one unit per joint). Sides and bilateral formats as for facet injections.',
  }),
  noLevelsRule('RFA-NO-LEVELS', 'facet-rfa', ['RFA-PER-JOINT']),
  sideMissingRule('RFA-SIDE-MISSING', 'facet-rfa', ['BILLING-GUIDE', 'A57787']),
  checkRule({
    id: 'RFA-GUIDANCE', title: 'RFA without fluoroscopy or CT', scope: 'facet-rfa',
    severity: 'error', category: 'imaging', sources: ['PALMETTO-FACET-CHECKLIST', 'A57787'],
    rationale: '64633-64636 include fluoroscopy or CT guidance; facet procedures done without CT/fluoroscopy are non-covered.',
    check: (facts) => facts.encounter.procedures.flatMap((p: Procedure, i) => (p.type === 'facet-rfa' && p.guidance !== 'fluoroscopy' && p.guidance !== 'ct' ? [{
      message: `The radiofrequency ablation is recorded with ${p.guidance === 'none' ? 'no imaging guidance' : 'ultrasound guidance'}; 64633-64636 require fluoroscopy or CT and the claim will deny without it.`,
      fix: 'Record fluoroscopy or CT if it was used (and archive the images); otherwise the ablation is not billable under these codes.',
      trace: [{ fact: 'guidance', value: p.guidance }],
      procedureIndex: i,
    }] : [])),
  }),
  multiRegionRule('RFA-MULTI-REGION', 'facet-rfa', ['A57787', 'PALMETTO-FACET-CHECKLIST']),
  duplicateLevelRule('RFA-DUPLICATE-JOINT', 'facet-rfa'),
  thoracolumbarRule('RFA-T12L1', 'facet-rfa'),
  checkRule({
    id: 'RFA-THIRD-JOINT', title: 'Third RFA joint may be non-covered (unverified)', scope: 'facet-rfa',
    severity: 'info', category: 'coverage', sources: ['FACET-LCD-2024'],
    rationale: 'The 2024 facet LCDs make 3- and 4-level facet injections non-covered; whether a third ablated joint is non-covered too is an open question (reference D5, open question 5).',
    check: (facts) => groupsOf(facts, 'facet-rfa').flatMap((g): RuleHit[] => {
      const third = g.levels.filter((l) => l.ordinal >= 3)
      if (third.length === 0) return []
      return [{
        message: `${g.levels.length} joints ablated in the ${regionLabels[g.region]} region. Whether joints beyond the second are covered is unverified: the 2024 facet LCDs made third and fourth injection levels non-covered.`,
        fix: 'Check your MAC\'s facet LCD for ablation levels before submitting; consider an ABN for the extra joint.',
        trace: [{ fact: 'joints in region', value: g.levels.length }],
        procedureIndex: third[0]?.procedureIndex, lineIndexes: [...new Set(third.flatMap((l) => l.lineIndexes))],
      }]
    }),
  }),
  checkRule({
    id: 'RFA-DIAGNOSTIC-BLOCKS', title: 'Initial RFA without two diagnostic blocks on file', scope: 'facet-rfa',
    severity: 'warning', category: 'coverage', sources: ['CGS-FACET-PA', 'PALMETTO-FACET-CHECKLIST'],
    rationale: 'An initial RFA needs at least two diagnostic medial branch blocks, each with at least 80% relief (CGS). When two years or more have passed since the last RFA, the diagnostic blocks must be repeated (Palmetto).',
    check: (facts) => groupsOf(facts, 'facet-rfa').flatMap((g): RuleHit[] => {
      const last = { rfa: null as string | null }
      forEachSessionAfter(facts.sessions, 'facet-rfa', '', (s) => {
        if (s.dateOfService >= facts.dos) return false
        if (s.region === g.region) last.rfa = s.dateOfService
        return true
      })
      const since = last.rfa
      if (since !== null && facts.dos < addMonths(since, REPEAT_DIAGNOSTIC_AFTER_MONTHS)) return []
      let blocks = 0
      forEachSessionAfter(facts.sessions, 'facet-injection', since ?? '', (s) => {
        if (s.dateOfService >= facts.dos) return false
        if (s.region === g.region && s.purpose === 'diagnostic') blocks++
        return true
      })
      if (blocks >= 2) return []
      return [{
        message: since !== null
          ? `The last ${regionLabels[g.region]} RFA was on ${since}, two years or more ago, and the history on file shows ${blocks} diagnostic block(s) since: the diagnostic blocks must be repeated before another RFA.`
          : `The history on file shows ${blocks} diagnostic facet block(s) (KX) in the ${regionLabels[g.region]} region: an initial RFA needs two, each with at least 80% relief.`,
        fix: 'Import the patient\'s full claim history, or confirm in the chart that two diagnostic medial branch blocks with at least 80% relief were done (by any provider).',
        trace: [
          { fact: 'region', value: regionLabels[g.region] },
          { fact: 'diagnostic blocks on file', value: blocks },
          { fact: 'last RFA on file', value: since },
        ],
        procedureIndex: g.levels[0]?.procedureIndex, lineIndexes: g.lineIndexes,
      }]
    }),
  }),
]

import type { SpinalGroup } from '../coding/coded.ts'
import { lookupCode } from '../data/codes.ts'
import { addMonths } from '../dates.ts'
import { forEachSessionAfter } from '../history.ts'
import type { Procedure } from '../schema.ts'
import { regionLabels, type Side } from '../vocabulary.ts'
import { checkRule, codingRule, type Facts, type RuleDefinition, type RuleHit } from './rule.ts'
import { duplicateLevelRule, groupsOf, multiRegionRule, noLevelsRule, sideMissingRule, thoracolumbarRule } from './spinal-common.ts'

const REPEAT_DIAGNOSTIC_AFTER_MONTHS = 24

/** Side a history line treats, from its modifiers: 50 or RT with LT is both sides; none is unknown. */
function sideOfLine(modifiers: readonly string[]): Side | null {
  const rt = modifiers.includes('RT')
  const lt = modifiers.includes('LT')
  if (modifiers.includes('50') || (rt && lt)) return 'bilateral'
  return rt ? 'right' : lt ? 'left' : null
}

/** Sides ablated in the group that fewer than two dates of diagnostic blocks on file cover (a block without a side covers both). */
function sidesWithoutTwoBlocks(facts: Facts, g: SpinalGroup, since: string | null): ('left' | 'right')[] {
  const wanted = new Set<'left' | 'right'>()
  for (const l of g.levels) {
    if (l.side === 'left' || l.side === 'bilateral') wanted.add('left')
    if (l.side === 'right' || l.side === 'bilateral') wanted.add('right')
  }
  const dates = { left: new Set<string>(), right: new Set<string>() }
  for (const h of facts.history) {
    const info = lookupCode(h.code)
    if (info?.family !== 'facet-injection' || info.region !== g.region || !h.modifiers.includes('KX')) continue
    if (h.dateOfService >= facts.dos || (since !== null && h.dateOfService <= since)) continue
    const side = sideOfLine(h.modifiers)
    if (side !== 'right') dates.left.add(h.dateOfService)
    if (side !== 'left') dates.right.add(h.dateOfService)
  }
  return [...wanted].filter((s) => dates[s].size < 2)
}

export const rfaRules: readonly RuleDefinition[] = [
  codingRule({
    id: 'RFA-CODE', title: 'RFA codes per joint', scope: 'facet-rfa',
    severity: 'info', category: 'code-selection', sources: ['RFA-PER-JOINT', 'BILLING-GUIDE'],
  }),
  noLevelsRule('RFA-NO-LEVELS', 'facet-rfa', ['RFA-PER-JOINT']),
  sideMissingRule('RFA-SIDE-MISSING', 'facet-rfa', ['BILLING-GUIDE', 'A57787']),
  checkRule({
    id: 'RFA-GUIDANCE', title: 'RFA without fluoroscopy or CT', scope: 'facet-rfa',
    severity: 'error', category: 'imaging', sources: ['PALMETTO-FACET-CHECKLIST', 'A57787'],
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
      if (blocks >= 2) {
        const short = sidesWithoutTwoBlocks(facts, g, since)
        if (short.length === 0) return []
        return [{
          message: `The history on file shows ${blocks} diagnostic facet block(s) (KX) in the ${regionLabels[g.region]} region, but fewer than two on the ${short.join(' and ')} side ablated today. Whether the two blocks must be on the side (and joints) ablated is not verified.`,
          fix: `Confirm in the chart that two diagnostic medial branch blocks with at least 80% relief were done on the ${short.join(' and ')} side (by any provider).`,
          trace: [
            { fact: 'region', value: regionLabels[g.region] },
            { fact: 'diagnostic blocks on file', value: blocks },
            { fact: 'sides with fewer than two blocks', value: short.join(', ') },
            { fact: 'side matching', value: 'unverified (reference F7; open questions 3-4)' },
          ],
          procedureIndex: g.levels[0]?.procedureIndex, lineIndexes: g.lineIndexes,
        }]
      }
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

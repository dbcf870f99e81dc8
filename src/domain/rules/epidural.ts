import { interlaminarRegionOf } from '../coding/epidural-interlaminar.ts'
import type { EpiduralProcedure } from '../schema.ts'
import { regionLabels, regionOfLevel, THORACOLUMBAR_LEVEL } from '../vocabulary.ts'
import { checkRule, codingRule, type Facts, type RuleDefinition, type RuleHit } from './rule.ts'
import { duplicateLevelRule, groupsOf, sideMissingRule } from './spinal-common.ts'

function epidurals(facts: Facts): { p: EpiduralProcedure; i: number }[] {
  const out: { p: EpiduralProcedure; i: number }[] = []
  facts.encounter.procedures.forEach((p, i) => { if (p.type === 'epidural') out.push({ p, i }) })
  return out
}

function lineOfInterlaminar(facts: Facts, procedureIndex: number): number[] {
  const g = facts.coding.interlaminar.find((x) => x.procedureIndexes.includes(procedureIndex))
  return g && g.lineIndex >= 0 ? [g.lineIndex] : []
}

const isFluoroOrCt = (g: string): boolean => g === 'fluoroscopy' || g === 'ct'

export const epiduralRules: readonly RuleDefinition[] = [
  codingRule({
    id: 'ESI-IL-CODE', title: 'Interlaminar and caudal epidural codes', scope: 'epidural',
    severity: 'info', category: 'code-selection', sources: ['A58993', 'BILLING-GUIDE'],
  }),
  codingRule({
    id: 'ESI-TF-CODE', title: 'Transforaminal epidural codes per level', scope: 'epidural',
    severity: 'info', category: 'code-selection', sources: ['A58993', 'BILLING-GUIDE', 'ESI-BILATERAL'],
  }),
  codingRule({
    id: 'ESI-TF-T12L1', title: 'Transforaminal at T12-L1 is coded 64479', scope: 'epidural',
    severity: 'info', category: 'code-selection', sources: ['A58993'],
  }),
  codingRule({
    id: 'ESI-DSNRB-KX', title: 'KX on diagnostic selective nerve root blocks', scope: 'epidural',
    severity: 'info', category: 'modifier', sources: ['ESI-ARTICLES', 'BILLING-GUIDE'],
  }),
  checkRule({
    id: 'ESI-LEVEL-MISSING', title: 'Epidural without level or region', scope: 'epidural',
    severity: 'error', category: 'code-selection', sources: ['A58993'],
    check: (facts) => epidurals(facts).flatMap(({ p, i }): RuleHit[] => {
      if (p.approach === 'transforaminal' && p.levels.length === 0) {
        return [{ message: 'Transforaminal epidural with no level recorded: no line was coded.', fix: 'Pick each level injected (foramen) with its side.', trace: [{ fact: 'levels', value: 0 }], procedureIndex: i }]
      }
      if (p.approach === 'interlaminar' && interlaminarRegionOf(p) === null) {
        return [{ message: 'Interlaminar epidural with no level or region recorded: no line was coded.', fix: 'Pick the interspace injected (e.g. L4-L5).', trace: [{ fact: 'levels', value: 0 }, { fact: 'region', value: null }], procedureIndex: i }]
      }
      return []
    }),
  }),
  checkRule({
    id: 'ESI-IL-BILATERAL', title: 'Interlaminar or caudal epidural asked as bilateral', scope: 'epidural',
    severity: 'warning', category: 'modifier', sources: ['ESI-BILATERAL', 'BILLING-GUIDE'],
    check: (facts) => epidurals(facts).flatMap(({ p, i }): RuleHit[] => {
      if (p.approach === 'transforaminal' || !p.levels.some((l) => l.side === 'bilateral')) return []
      return [{
        message: `An ${p.approach} epidural was entered as bilateral. ${p.approach === 'caudal' ? 'Caudal' : 'Interlaminar'} epidurals take no modifier 50: it is billed once, one unit, without a side.`,
        fix: 'Bill the single line as coded. If the note describes injections through each foramen, the approach is transforaminal: change the approach.',
        trace: [{ fact: 'approach', value: p.approach }, { fact: 'side', value: 'bilateral' }],
        procedureIndex: i, lineIndexes: lineOfInterlaminar(facts, i),
      }]
    }),
  }),
  checkRule({
    id: 'ESI-IL-LEVELS', title: 'More than one interlaminar level in a session', scope: 'epidural',
    severity: 'warning', category: 'coverage', sources: ['ESI-ARTICLES'],
    check: (facts) => facts.coding.interlaminar.filter((g) => g.levelCount > 1).map((g) => ({
      message: `${g.levelCount} interlaminar/caudal levels or injections in the ${regionLabels[g.region]} region: one level per session is covered, and the code is billed once.`,
      fix: 'Bill one unit; make sure the note names the single interspace injected.',
      trace: [{ fact: 'levels', value: g.levelCount }, { fact: 'region', value: regionLabels[g.region] }],
      procedureIndex: g.procedureIndexes[0], lineIndexes: g.lineIndex >= 0 ? [g.lineIndex] : [],
    })),
  }),
  checkRule({
    id: 'ESI-NO-IMAGING', title: 'Interlaminar or caudal epidural without fluoroscopy or CT', scope: 'epidural',
    severity: 'warning', category: 'coverage', sources: ['A58993', 'ESI-ARTICLES'],
    check: (facts) => {
      const required = facts.profile.coverage.epiduralImagingRequired.value
      if (required !== true) return []
      return epidurals(facts).flatMap(({ p, i }): RuleHit[] => (p.approach !== 'transforaminal' && !isFluoroOrCt(p.guidance) ? [{
        message: `The ${p.approach} epidural is recorded with ${p.guidance === 'none' ? 'no imaging' : 'ultrasound'}, so it codes as ${p.approach === 'caudal' || interlaminarRegionOf(p) === 'lumbar-sacral' ? '62322' : '62320'}, which this payer does not cover for epidural steroid injections.`,
        fix: 'If fluoroscopy or CT was used, record it (the code becomes 62321/62323); otherwise expect a denial and consider an ABN.',
        trace: [{ fact: 'approach', value: p.approach }, { fact: 'guidance', value: p.guidance }],
        procedureIndex: i, lineIndexes: lineOfInterlaminar(facts, i),
        source: facts.profile.coverage.epiduralImagingRequired.source,
      }] : []))
    },
  }),
  checkRule({
    id: 'ESI-TF-GUIDANCE', title: 'Transforaminal epidural without fluoroscopy or CT', scope: 'epidural',
    severity: 'error', category: 'imaging', sources: ['A58993', 'ESI-ARTICLES'],
    check: (facts) => epidurals(facts).flatMap(({ p, i }): RuleHit[] => (p.approach === 'transforaminal' && !isFluoroOrCt(p.guidance) ? [{
      message: `The transforaminal epidural is recorded with ${p.guidance === 'none' ? 'no imaging guidance' : 'ultrasound guidance'}; 64479-64484 require fluoroscopy or CT and the claim will deny.`,
      fix: 'Record fluoroscopy or CT if it was used and archive the images; otherwise the injection cannot be billed with these codes.',
      trace: [{ fact: 'approach', value: 'transforaminal' }, { fact: 'guidance', value: p.guidance }],
      procedureIndex: i,
    }] : [])),
  }),
  sideMissingRule('ESI-TF-SIDE-MISSING', 'epidural-transforaminal', ['BILLING-GUIDE', 'ESI-BILATERAL']),
  duplicateLevelRule('ESI-TF-DUPLICATE-LEVEL', 'epidural-transforaminal'),
  checkRule({
    id: 'ESI-TF-LEVELS', title: 'More than two transforaminal levels', scope: 'epidural',
    severity: 'warning', category: 'coverage', sources: ['ESI-ARTICLES'],
    check: (facts) => {
      const max = facts.profile.coverage.transforaminalMaxLevels.value
      if (max === null) return []
      return groupsOf(facts, 'epidural-transforaminal').filter((g) => g.levels.length > max).map((g) => {
        const over = g.levels.filter((l) => l.ordinal > max)
        return {
          message: `${g.levels.length} transforaminal levels in the ${regionLabels[g.region]} region: at most ${max} are covered per session, so the extra add-on line(s) will deny.`,
          fix: `Bill at most ${max} levels; remove the extra add-on line(s) or obtain an ABN for them.`,
          trace: [{ fact: 'levels', value: g.levels.map((l) => l.level).join(', ') }, { fact: 'covered levels', value: max }],
          procedureIndex: over[0]?.procedureIndex, lineIndexes: [...new Set(over.flatMap((l) => l.lineIndexes))],
          source: facts.profile.coverage.transforaminalMaxLevels.source,
        }
      })
    },
  }),
  checkRule({
    id: 'ESI-MULTI-REGION', title: 'Epidurals in more than one region in a session', scope: 'epidural',
    severity: 'warning', category: 'coverage', sources: ['ESI-ARTICLES'],
    check: (facts) => {
      const regions = new Set([...groupsOf(facts, 'epidural-transforaminal').map((g) => g.region), ...facts.coding.interlaminar.map((g) => g.region)])
      if (regions.size < 2) return []
      // Transforaminal T12-L1 is cervical/thoracic by A58993; an interlaminar T12-L1 is not verified.
      const ilCt = facts.coding.interlaminar.filter((g) => g.region === 'cervical-thoracic')
      const viaT12L1 = !groupsOf(facts, 'epidural-transforaminal').some((g) => g.region === 'cervical-thoracic') &&
        ilCt.every((g) => g.procedureIndexes.every((i) => { const p = facts.encounter.procedures[i]; return p?.type === 'epidural' && p.levels[0]?.level === THORACOLUMBAR_LEVEL }))
      return [{
        message: 'Epidural injections in both the cervical/thoracic and lumbar/sacral regions in one session: one region per session is covered.' +
          (viaT12L1 ? ' The cervical/thoracic region comes only from an interlaminar injection at T12-L1, whose region is verified for transforaminal codes only.' : ''),
        fix: 'Bill the second region at a separate session, or confirm the payer allows both with documented necessity.',
        trace: [...regions].map((r) => ({ fact: 'region', value: regionLabels[r] })),
        lineIndexes: [...groupsOf(facts, 'epidural-transforaminal').flatMap((g) => g.lineIndexes), ...facts.coding.interlaminar.map((g) => g.lineIndex).filter((x) => x >= 0)],
      }]
    },
  }),
  checkRule({
    id: 'ESI-DSNRB-APPROACH', title: 'Diagnostic nerve root block entered with an interlaminar or caudal approach', scope: 'epidural',
    severity: 'warning', category: 'code-selection', sources: ['ESI-ARTICLES', 'BILLING-GUIDE'],
    check: (facts) => epidurals(facts).flatMap(({ p, i }): RuleHit[] => (p.purpose === 'diagnostic-nerve-root-block' && p.approach !== 'transforaminal' ? [{
      message: `A diagnostic nerve root block was entered with the ${p.approach} approach, so it was coded as a therapeutic ${p.approach} epidural without KX.`,
      fix: 'If the note describes a selective (foraminal) nerve root block, change the approach to transforaminal: the codes become 64479/64483 with KX.',
      trace: [{ fact: 'purpose', value: p.purpose }, { fact: 'approach', value: p.approach }],
      procedureIndex: i, lineIndexes: lineOfInterlaminar(facts, i),
    }] : [])),
  }),
  checkRule({
    id: 'ESI-CAUDAL-REGION', title: 'Caudal epidural with a region other than lumbar/sacral', scope: 'epidural',
    severity: 'warning', category: 'code-selection', sources: ['BILLING-GUIDE', 'A58993'],
    check: (facts) => epidurals(facts).flatMap(({ p, i }): RuleHit[] => {
      if (p.approach !== 'caudal') return []
      const wrong = p.region === 'cervical-thoracic' || p.levels.some((l) => regionOfLevel(l.level) !== 'lumbar-sacral')
      return wrong ? [{
        message: 'A caudal epidural was entered with a cervical or thoracic region or level; caudal epidurals are coded in the lumbar/sacral codes (62322/62323).',
        fix: 'Check the approach: an injection at a cervical or thoracic interspace is interlaminar, not caudal.',
        trace: [{ fact: 'approach', value: 'caudal' }, { fact: 'region', value: p.region ?? null }, { fact: 'levels', value: p.levels.map((l) => l.level).join(', ') }],
        procedureIndex: i, lineIndexes: lineOfInterlaminar(facts, i),
      }] : []
    }),
  }),
  checkRule({
    id: 'ESI-IL-T12L1', title: 'Interlaminar T12-L1 coded as thoracic (unverified)', scope: 'epidural',
    severity: 'info', category: 'code-selection', sources: ['A58993'],
    check: (facts) => epidurals(facts).flatMap(({ p, i }): RuleHit[] => (p.approach === 'interlaminar' && p.levels[0]?.level === THORACOLUMBAR_LEVEL ? [{
      message: 'The interlaminar epidural at T12-L1 was coded with the cervical/thoracic code (62320/62321). That region is verified only for transforaminal injections.',
      fix: 'Confirm with your MAC\'s ESI article before submitting.',
      trace: [{ fact: 'level', value: 'T12-L1' }],
      procedureIndex: i, lineIndexes: lineOfInterlaminar(facts, i),
    }] : [])),
  }),
]

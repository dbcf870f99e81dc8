import type { SpinalGroup } from '../coding/coded.ts'
import type { Procedure } from '../schema.ts'
import { regionLabels, THORACOLUMBAR_LEVEL } from '../vocabulary.ts'
import { checkRule, type CheckRule, type Facts, type RuleHit } from './rule.ts'
import type { SourceId } from '../data/sources.ts'

/** Checks shared by facet injections, facet RFA and transforaminal epidurals, each under its own rule id. */

export function groupsOf(facts: Facts, family: SpinalGroup['family']): SpinalGroup[] {
  return facts.coding.spinalGroups.filter((g) => g.family === family)
}

const nouns: Record<SpinalGroup['family'], { one: string; what: string; title: string }> = {
  'facet-injection': { one: 'level', what: 'facet injection', title: 'Facet injection' },
  'facet-rfa': { one: 'joint', what: 'radiofrequency ablation', title: 'Radiofrequency ablation' },
  'epidural-transforaminal': { one: 'level', what: 'transforaminal epidural', title: 'Transforaminal epidural' },
}

export function sideMissingRule(id: string, family: SpinalGroup['family'], sources: readonly SourceId[]): CheckRule {
  const n = nouns[family]
  return checkRule({
    id, title: `${n.title}: ${n.one} without a side`, scope: family === 'epidural-transforaminal' ? 'epidural' : family,
    severity: 'error', category: 'modifier', sources,
    check: (facts) => groupsOf(facts, family).flatMap((g) => g.levels.filter((l) => l.side === null).map((l): RuleHit => ({
      message: `The ${n.what} at ${l.level} has no side, so its line goes out without RT, LT or 50 and will be rejected.`,
      fix: `Record the side of ${l.level} (left, right or bilateral) from the procedure note.`,
      trace: [{ fact: n.one, value: l.level }, { fact: 'side', value: null }],
      procedureIndex: l.procedureIndex, lineIndexes: l.lineIndexes,
    }))),
  })
}

export function multiRegionRule(id: string, family: SpinalGroup['family'], sources: readonly SourceId[]): CheckRule {
  const n = nouns[family]
  return checkRule({
    id, title: `${n.title}: more than one spinal region in a session`, scope: family === 'epidural-transforaminal' ? 'epidural' : family,
    severity: 'warning', category: 'coverage', sources,
    check: (facts) => {
      const regions = [...new Set(groupsOf(facts, family).map((g) => g.region))]
      if (regions.length < 2) return []
      // T12-L1 is the only cervical/thoracic level: the second region rests on an unverified placement.
      const viaT12L1 = groupsOf(facts, family).filter((g) => g.region === 'cervical-thoracic').every((g) => g.levels.every((l) => l.level === THORACOLUMBAR_LEVEL))
      return [{
        message: `${n.title} in both the ${regions.map((r) => regionLabels[r]).join(' and the ')} regions in one session: the LCDs allow one region per session, so one region's lines are likely to deny.` +
          (viaT12L1 ? ' The second region comes only from coding T12-L1 with the cervical/thoracic codes, which is not verified for facet codes: if your MAC places T12-L1 with the lumbar codes, this is one region.' : ''),
        fix: viaT12L1
          ? 'Check your MAC\'s facet article for the region of T12-L1 before splitting the session; otherwise confirm the note documents both regions and the necessity.'
          : 'Confirm the note documents both regions and the necessity; otherwise bill the second region at a separate session.',
        trace: [...regions.map((r) => ({ fact: 'region', value: regionLabels[r] })), ...(viaT12L1 ? [{ fact: 'second region only from T12-L1 (unverified)', value: true }] : [])],
        lineIndexes: groupsOf(facts, family).flatMap((g) => g.lineIndexes),
      }]
    },
  })
}

export function duplicateLevelRule(id: string, family: SpinalGroup['family']): CheckRule {
  const n = nouns[family]
  return checkRule({
    id, title: `${n.title}: same ${n.one} entered twice`, scope: family === 'epidural-transforaminal' ? 'epidural' : family,
    severity: 'warning', category: 'code-selection', sources: ['ENGINE'],
    check: (facts) => groupsOf(facts, family).flatMap((g) => g.levels.filter((l) => l.mergedEntries > 1).map((l): RuleHit => ({
      message: `${l.level} was entered ${l.mergedEntries} times; it is billed once, as ${l.side ?? 'side not documented'}.`,
      fix: `Keep one entry for ${l.level} with its side (bilateral if both sides were treated).`,
      trace: [{ fact: n.one, value: l.level }, { fact: 'entries', value: l.mergedEntries }, { fact: 'merged side', value: l.side }],
      procedureIndex: l.procedureIndex, lineIndexes: l.lineIndexes,
    }))),
  })
}

export function noLevelsRule(id: string, type: 'facet-injection' | 'facet-rfa', sources: readonly SourceId[]): CheckRule {
  const noun = type === 'facet-rfa' ? 'joint' : 'level'
  return checkRule({
    id, title: `${type === 'facet-rfa' ? 'RFA' : 'Facet injection'} without a ${noun}`, scope: type,
    severity: 'error', category: 'code-selection', sources,
    check: (facts) => facts.encounter.procedures.flatMap((p: Procedure, i) => (p.type === type && p.levels.length === 0 ? [{
      message: `No ${noun} is recorded for this ${type === 'facet-rfa' ? 'radiofrequency ablation' : 'facet injection'}, so no line was coded.`,
      fix: `Pick each ${noun} treated on the spine level picker, with its side.`,
      trace: [{ fact: `${noun}s recorded`, value: 0 }],
      procedureIndex: i,
    }] : [])),
  })
}

export function thoracolumbarRule(id: string, family: 'facet-injection' | 'facet-rfa'): CheckRule {
  const what = family === 'facet-rfa' ? 'RFA' : 'facet injection'
  return checkRule({
    id, title: `T12-L1 ${what} coded as thoracic (unverified)`, scope: family,
    severity: 'info', category: 'code-selection', sources: ['A58993'],
    check: (facts) => groupsOf(facts, family).flatMap((g) => g.levels.filter((l) => l.level === THORACOLUMBAR_LEVEL).map((l): RuleHit => ({
      message: `T12-L1 was coded with the cervical/thoracic ${what} codes. That region for facet codes is unverified: only transforaminal epidurals have a source placing T12-L1 there.`,
      fix: 'Confirm with your MAC\'s facet article which region T12-L1 belongs to before submitting.',
      trace: [{ fact: 'level', value: 'T12-L1' }, { fact: 'region used', value: regionLabels[g.region] }],
      procedureIndex: l.procedureIndex, lineIndexes: l.lineIndexes,
    }))),
  })
}

import { lookupCode } from '../data/codes.ts'
import type { NdcListEntry } from '../ndc/ndc.ts'
import type { PayerProfile } from '../payer-profile.ts'
import type { Encounter } from '../schema.ts'
import type { Coding } from './coded.ts'
import { codeDrugs } from './drugs.ts'
import { OTHER_ORDER_BASE, placeEmissions, type Emission } from './emission.ts'
import { codeInterlaminar } from './epidural-interlaminar.ts'
import { mergeRepeatedLines } from './merge-lines.ts'
import { bilateralFormatOf, bilateralSettingOf, orderModifiers } from './modifiers.ts'
import { codeSpinalFamily } from './spinal.ts'
import { codeTriggerPoints } from './trigger-point.ts'

function otherLineEmissions(encounter: Encounter): Emission[] {
  return encounter.otherLines.map((o, i) => ({
    order: OTHER_ORDER_BASE + i,
    drafts: [{
      code: o.code, modifiers: orderModifiers(o.modifiers), units: o.units,
      label: lookupCode(o.code)?.label ?? 'Other line (not in this module\'s catalog)',
      procedureIndex: null, origin: 'other', originIndex: i, ruleIds: ['OTHER-LINE'],
      trace: [{ fact: 'entered by the coder', value: o.code }],
    }],
    attach: () => undefined,
  }))
}

/** Turns an encounter into claim lines in claim order, keeping what each family learned for the checks. */
export function codeEncounter(encounter: Encounter, profile: PayerProfile, ndcList: readonly NdcListEntry[] = []): Coding {
  const format = bilateralFormatOf(profile, bilateralSettingOf(encounter.claimType, encounter.placeOfService))
  const tpi = codeTriggerPoints(encounter)
  const facet = codeSpinalFamily(encounter, 'facet-injection', format)
  const rfa = codeSpinalFamily(encounter, 'facet-rfa', format)
  const tf = codeSpinalFamily(encounter, 'epidural-transforaminal', format)
  const il = codeInterlaminar(encounter)
  const drugs = codeDrugs(encounter, profile, ndcList)
  const emissions: Emission[] = [
    ...(tpi.emission ? [tpi.emission] : []),
    ...facet.emissions, ...rfa.emissions, ...tf.emissions, ...il.emissions,
    ...drugs.emissions, ...otherLineEmissions(encounter),
  ]
  const { lines, indexOf } = mergeRepeatedLines(placeEmissions(emissions), profile.repeatedLines)
  const coding: Coding = {
    lines: lines,
    spinalGroups: [...facet.groups, ...rfa.groups, ...tf.groups],
    interlaminar: il.groups,
    triggerPoint: tpi.coding,
    drugs: drugs.codings,
  }
  remapLineIndexes(coding, indexOf)
  return coding
}

/** Points what coding learned at the lines as merged (a level whose line went into another's points there). */
function remapLineIndexes(coding: Coding, indexOf: readonly number[]): void {
  const one = (i: number) => indexOf[i] ?? i
  const many = (list: readonly number[]) => [...new Set(list.map(one))]
  for (const g of coding.spinalGroups) {
    g.lineIndexes = many(g.lineIndexes)
    for (const l of g.levels) l.lineIndexes = many(l.lineIndexes)
  }
  for (const g of coding.interlaminar) g.lineIndex = one(g.lineIndex)
  if (coding.triggerPoint?.lineIndex != null) coding.triggerPoint.lineIndex = one(coding.triggerPoint.lineIndex)
  for (const d of coding.drugs) if (d.lineIndex !== null) d.lineIndex = one(d.lineIndex)
}

import { computeDrugUnits } from '../coding/drugs.ts'
import { biologicKeywords, lookupDrug } from '../data/drugs.ts'
import type { Drug } from '../schema.ts'
import { checkRule, codingRule, type Facts, type RuleDefinition, type RuleHit } from './rule.ts'

function lineOf(facts: Facts, drugIndex: number): number[] {
  const i = facts.coding.drugs[drugIndex]?.lineIndex
  return i == null ? [] : [i]
}

function drugHits(facts: Facts, fire: (drug: Drug, index: number) => RuleHit | null): RuleHit[] {
  const hits: RuleHit[] = []
  facts.encounter.drugs.forEach((d, i) => {
    const hit = fire(d, i)
    if (hit) hits.push(hit)
  })
  return hits
}

/** A drug is a biologic injectant by its category, its code (J3590) or its name. */
export function isBiologicInjectant(drug: Drug): boolean {
  if (drug.category === 'biologic' || drug.code === 'J3590') return true
  const name = drug.name.toLowerCase()
  return biologicKeywords.some((k) => name.includes(k))
}

const SPINAL_OR_TPI = new Set(['trigger-point', 'epidural'])

export const drugRules: readonly RuleDefinition[] = [
  codingRule({
    id: 'DRUG-UNITS', title: 'Drug units from the HCPCS billing unit', scope: 'drug',
    severity: 'info', category: 'units', sources: ['J-UNITS', 'J1010'],
  }),
  codingRule({
    id: 'DRUG-BOX19', title: 'Unclassified drug narrative in Box 19', scope: 'drug',
    severity: 'info', category: 'drug', sources: ['UNCLASSIFIED-DRUG'],
  }),
  checkRule({
    id: 'DRUG-UNKNOWN', title: 'Drug code not in the catalog', scope: 'drug',
    severity: 'error', category: 'drug', sources: ['J-UNITS'],
    check: (facts) => drugHits(facts, (d, i) => (facts.coding.drugs[i]?.problem === 'unknown-code' ? {
      message: `Drug code ${d.code} is not in the catalog, so its billing unit and units are unknown; no line was coded.`,
      fix: 'Check the code against the HCPCS file. If the drug has no specific code, bill J3490 with the drug name and dose (Box 19).',
      trace: [{ fact: 'code', value: d.code }],
    } : null)),
  }),
  checkRule({
    id: 'DRUG-DOSE-UNIT', title: 'Dose given in a unit the code cannot convert', scope: 'drug',
    severity: 'error', category: 'units', sources: ['J-UNITS'],
    check: (facts) => drugHits(facts, (d, i) => {
      const c = facts.coding.drugs[i]
      if (c?.problem !== 'dose-unit' || !c.info) return null
      const want = c.info.unit.kind === 'mL' ? 'mL' : 'mg'
      return {
        message: `${d.code} is billed per ${want}, but the dose was entered in ${d.unit}; units cannot be computed.`,
        fix: `Enter the dose in ${want} (volume times concentration for a per-mg code).`,
        trace: [{ fact: 'dose unit', value: d.unit }, { fact: 'billing unit', value: want }],
      }
    }),
  }),
  checkRule({
    id: 'DRUG-DELETED', title: 'Deleted drug code', scope: 'drug',
    severity: 'error', category: 'drug', sources: ['J1010'], effectiveFrom: '2024-04-01',
    check: (facts) => drugHits(facts, (d, i) => {
      const info = facts.coding.drugs[i]?.info
      if (!info?.effectiveTo || facts.dos <= info.effectiveTo) return null
      const replacement = info.replacedBy ? lookupDrug(info.replacedBy) : undefined
      const units = replacement ? computeDrugUnits(d, replacement, facts.profile).units : null
      return {
        message: `${d.code} was deleted after ${info.effectiveTo}; a claim dated ${facts.dos} with it will reject.`,
        fix: replacement ? `Bill ${replacement.code} (${replacement.name}) instead${units ? `: ${units} unit(s) for ${d.dose} ${d.unit}` : ''}.` : 'Use the current code for this drug.',
        trace: [{ fact: 'code', value: d.code }, { fact: 'deleted after', value: info.effectiveTo }, { fact: 'replacement', value: replacement?.code ?? null }],
        lineIndexes: lineOf(facts, i),
      }
    }),
  }),
  checkRule({
    id: 'DRUG-NOT-YET-VALID', title: 'Drug code not yet in force on the date of service', scope: 'drug',
    severity: 'error', category: 'drug', sources: ['J1010'],
    check: (facts) => drugHits(facts, (d, i) => {
      const info = facts.coding.drugs[i]?.info
      if (!info?.effectiveFrom || facts.dos >= info.effectiveFrom) return null
      return {
        message: `${d.code} is in force from ${info.effectiveFrom}; the date of service ${facts.dos} is earlier.`,
        fix: d.code === 'J1010' ? 'Before 2024-04-01 methylprednisolone acetate is J1020 (20 mg), J1030 (40 mg) or J1040 (80 mg).' : 'Use the code in force on the date of service.',
        trace: [{ fact: 'code', value: d.code }, { fact: 'effective from', value: info.effectiveFrom }],
        lineIndexes: lineOf(facts, i),
      }
    }),
  }),
  checkRule({
    id: 'DRUG-BOX19-NAME', title: 'Unclassified drug without a name', scope: 'drug',
    severity: 'error', category: 'drug', sources: ['UNCLASSIFIED-DRUG'],
    check: (facts) => drugHits(facts, (d, i) => (facts.coding.drugs[i]?.info?.unclassified && d.name.trim() === '' ? {
      message: `${d.code} is an unclassified code: Box 19 needs the drug name and dose, and no name was entered.`,
      fix: 'Enter the drug name (and NDC if the payer asks) so Box 19 reads "drug name, dose".',
      trace: [{ fact: 'code', value: d.code }, { fact: 'name', value: '' }],
      lineIndexes: lineOf(facts, i),
    } : null)),
  }),
  checkRule({
    id: 'DRUG-FACILITY-ONLY', title: 'Facility-only drug code on a professional claim', scope: 'drug',
    severity: 'error', category: 'drug', sources: ['UNCLASSIFIED-DRUG'],
    check: (facts) => drugHits(facts, (d, i) => (facts.coding.drugs[i]?.info?.facilityOnly && facts.encounter.claimType === 'professional' ? {
      message: `${d.code} is valid on facility claims only; this is a professional claim.`,
      fix: 'Bill the drug with J3490 (unclassified drug) and the Box 19 narrative on a professional claim.',
      trace: [{ fact: 'code', value: d.code }, { fact: 'claim type', value: 'professional' }],
      lineIndexes: lineOf(facts, i),
    } : null)),
  }),
  checkRule({
    id: 'DRUG-S-CODE', title: 'S-code for a payer that does not accept them', scope: 'drug',
    severity: 'error', category: 'drug', sources: ['S-CODES'],
    check: (facts) => drugHits(facts, (d, i) => (facts.coding.drugs[i]?.info?.notMedicare && !facts.profile.coverage.acceptsSCodes.value ? {
      message: `${d.code} is an S-code, which this payer does not accept.`,
      fix: 'Remove the line: for Medicare, local anesthetic used in the procedure is not separately billable.',
      trace: [{ fact: 'code', value: d.code }, { fact: 'profile accepts S-codes', value: false }],
      lineIndexes: lineOf(facts, i),
      source: facts.profile.coverage.acceptsSCodes.source,
    } : null)),
  }),
  checkRule({
    id: 'DRUG-IV-ONLY', title: 'IV-only lidocaine code used for an injection', scope: 'drug',
    severity: 'error', category: 'drug', sources: ['LOCAL-ANESTHETIC'],
    check: (facts) => drugHits(facts, (d, i) => (facts.coding.drugs[i]?.info?.ivOnly && facts.encounter.procedures.length > 0 ? {
      message: `${d.code} is for intravenous infusion only; lidocaine given as local anesthetic in an injection is not billed with it.`,
      fix: 'Remove the line; local anesthetic given by the physician during the procedure is part of the procedure.',
      trace: [{ fact: 'code', value: d.code }],
      lineIndexes: lineOf(facts, i),
    } : null)),
  }),
  checkRule({
    id: 'DRUG-LOCAL-ANESTHETIC', title: 'Local anesthetic not separately payable', scope: 'drug',
    severity: 'warning', category: 'coverage', sources: ['LOCAL-ANESTHETIC'],
    check: (facts) => {
      if (facts.profile.coverage.localAnestheticSeparatelyPayable.value !== false) return []
      return drugHits(facts, (d, i) => {
        const c = facts.coding.drugs[i]
        // An unclassified code (J3490, C9399) says nothing about the drug: the entered category applies.
        const category = c?.info && !c.info.unclassified ? c.info.category : d.category
        if (category !== 'local-anesthetic' || c?.info?.ivOnly || c?.info?.notMedicare || c?.lineIndex == null) return null
        return {
          message: `${d.code} (local anesthetic) is not separately payable for this payer: it is bundled into the procedure and the line will deny.`,
          fix: 'Remove the local anesthetic line.',
          trace: [{ fact: 'code', value: d.code }, { fact: 'category', value: 'local-anesthetic' }],
          lineIndexes: lineOf(facts, i),
          source: facts.profile.coverage.localAnestheticSeparatelyPayable.source,
        }
      })
    },
  }),
  checkRule({
    id: 'DRUG-NOT-SPINAL', title: 'Drug approved for another use', scope: 'drug',
    severity: 'warning', category: 'drug', sources: ['J-UNITS'],
    check: (facts) => drugHits(facts, (d, i) => {
      const info = facts.coding.drugs[i]?.info
      if (!info?.notSpinal || facts.encounter.procedures.length === 0) return null
      return {
        message: `${d.code} is approved for ${info.notSpinal}; billed with a spine or trigger point injection it will draw a denial.`,
        fix: 'Check the drug actually given (J3301 is the usual triamcinolone acetonide code).',
        trace: [{ fact: 'code', value: d.code }],
        lineIndexes: lineOf(facts, i),
      }
    }),
  }),
  checkRule({
    id: 'DRUG-J0702-UNITS', title: 'Betamethasone (J0702) unit convention', scope: 'drug',
    severity: 'info', category: 'units', sources: ['J0702-UNITS'],
    check: (facts) => drugHits(facts, (d, i) => (d.code === 'J0702' && facts.coding.drugs[i]?.units != null ? {
      message: `J0702 billed as ${facts.coding.drugs[i]?.units ?? 0} unit(s) using ${facts.profile.betamethasoneMgPerUnit.value} mg (combined) per unit. The unit convention for J0702 is ambiguous; this follows the payer profile.`,
      fix: 'Confirm the payer\'s reading of the J0702 unit (1 mL = 1 unit per the CMS answer) and set it in the payer profile.',
      trace: [{ fact: 'dose', value: `${d.dose} ${d.unit}` }, { fact: 'mg per unit (profile)', value: facts.profile.betamethasoneMgPerUnit.value }],
      lineIndexes: lineOf(facts, i),
      source: facts.profile.betamethasoneMgPerUnit.source,
    } : null)),
  }),
  checkRule({
    id: 'DRUG-CATEGORY-MISMATCH', title: 'Drug category differs from the catalog', scope: 'drug',
    severity: 'info', category: 'drug', sources: ['J-UNITS'],
    check: (facts) => drugHits(facts, (d, i) => {
      const info = facts.coding.drugs[i]?.info
      if (!info || info.unclassified || info.category === d.category) return null
      return {
        message: `${d.code} was entered as ${d.category}, but the catalog lists it as ${info.category}; the catalog's category is used.`,
        fix: `Set the category to ${info.category}.`,
        trace: [{ fact: 'code', value: d.code }, { fact: 'entered category', value: d.category }, { fact: 'catalog category', value: info.category }],
        lineIndexes: lineOf(facts, i),
      }
    }),
  }),
  checkRule({
    id: 'DRUG-FACILITY-SETTING', title: 'Drug on a professional claim in a facility setting', scope: 'drug',
    severity: 'info', category: 'drug', sources: ['DRUG-SETTING'],
    check: (facts) => {
      if (facts.encounter.claimType !== 'professional' || facts.encounter.placeOfService === '11') return []
      const lines = facts.coding.drugs.map((c) => c.lineIndex).filter((x): x is number => x !== null)
      if (lines.length === 0) return []
      return [{
        message: `Drug lines on a professional claim at place of service ${facts.encounter.placeOfService}: in a facility setting the facility normally supplies and bills the drug.`,
        fix: 'Keep the drug lines only if the physician supplied the drug; otherwise remove them (the facility bills the drug).',
        trace: [{ fact: 'place of service', value: facts.encounter.placeOfService }, { fact: 'drug lines', value: lines.length }],
        lineIndexes: lines,
      }]
    },
  }),
  checkRule({
    id: 'BIOLOGIC-INJECTANT', title: 'Biologic or non-FDA-approved injectant', scope: 'drug',
    severity: 'error', category: 'injectant', sources: ['BIOLOGICS'],
    check: (facts) => {
      const families = facts.encounter.procedures.map((p) => p.type).filter((t) => SPINAL_OR_TPI.has(t))
      if (families.length === 0) return []
      return drugHits(facts, (d, i) => (isBiologicInjectant(d) ? {
        message: `${d.name || d.code} is a biologic / non-FDA-approved injectant, billed with ${[...new Set(families)].join(' and ')}: it is not covered and puts the claim at risk of denial.`,
        fix: 'Do not bill the biologic to the payer: remove the line, and obtain an ABN (GA) or a patient financial agreement if the patient pays for it.',
        trace: [{ fact: 'drug', value: d.name || d.code }, { fact: 'category', value: d.category }],
        lineIndexes: lineOf(facts, i),
      } : null))
    },
  }),
]

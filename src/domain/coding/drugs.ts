import { lookupDrug, type DrugInfo } from '../data/drugs.ts'
import type { PayerProfile } from '../payer-profile.ts'
import type { Drug, Encounter } from '../schema.ts'
import type { ClaimNdc, TraceFact } from '../types.ts'
import { defaultNdc, formatNdc11, readNdc, unclassifiedDrugNarrative, type NdcListEntry, type NdcUnit } from '../ndc/ndc.ts'
import type { DrugCoding } from './coded.ts'
import { DRUG_ORDER_BASE, type Emission } from './emission.ts'

const EPSILON = 1e-9

/** Dose in milligrams, or null when it was given in mL (no concentration known). */
function doseInMg(drug: Drug): number | null {
  if (drug.unit === 'mg') return drug.dose
  if (drug.unit === 'mcg') return drug.dose / 1000
  return null
}

/** Billing units for a dose: dose over the code's unit size, rounded up; null when the dose unit cannot be converted. */
export function computeDrugUnits(drug: Drug, info: DrugInfo, profile: PayerProfile): { units: number | null; basis: string } {
  const unit = info.unit
  switch (unit.kind) {
    case 'narrative':
      return { units: 1, basis: 'unclassified code: one unit, drug and dose in Box 19' }
    case 'mL':
      return drug.unit === 'mL'
        ? { units: Math.max(1, Math.ceil(drug.dose / unit.size - EPSILON)), basis: `${unit.size} mL per unit` }
        : { units: null, basis: `billed per ${unit.size} mL: enter the dose in mL` }
    case 'mg': {
      const mg = doseInMg(drug)
      return mg === null
        ? { units: null, basis: `billed per ${unit.size} mg: enter the dose in mg` }
        : { units: Math.max(1, Math.ceil(mg / unit.size - EPSILON)), basis: `${unit.size} mg per unit` }
    }
    case 'payer-profile': {
      if (drug.unit === 'mL') return { units: Math.max(1, Math.ceil(drug.dose - EPSILON)), basis: '1 mL per unit' }
      const mg = doseInMg(drug) ?? 0
      const size = profile.betamethasoneMgPerUnit.value
      return { units: Math.max(1, Math.ceil(mg / size - EPSILON)), basis: `${size} mg (combined) per unit, per payer profile` }
    }
  }
}

function formatDose(drug: Drug): string {
  return `${Number(drug.dose.toFixed(3))} ${drug.unit}`
}

/** Box 19 narrative for an unclassified drug: "drug name, dose" and its NDC when known, at most 80 characters. */
export function box19Text(drug: Drug, ndc11: string | null = null): string {
  return unclassifiedDrugNarrative(drug.name, formatDose(drug), ndc11)
}

/** The NDC quantity when the dose already says it: mL for ML, mg for ME. */
function quantityFromDose(drug: Drug, unit: NdcUnit): number | null {
  if (unit === 'ML' && drug.unit === 'mL') return drug.dose
  if (unit === 'ME') return doseInMg(drug)
  return null
}

/** The drug's NDC: the one typed on it (checked and padded), else the practice's list for the code on the date. */
function ndcOf(drug: Drug, hcpcs: string, dateOfService: string, list: readonly NdcListEntry[]): { ndc: ClaimNdc | null; problem: string | null } {
  if (drug.ndc !== undefined && drug.ndc !== '') {
    const read = readNdc(drug.ndc)
    if (!read.ok) return { ndc: null, problem: read.message }
    const unit = drug.ndcUnit ?? null
    return { ndc: { ndc11: read.ndc11, quantity: drug.ndcQuantity ?? (unit ? quantityFromDose(drug, unit) : null), unit, from: 'entered' }, problem: null }
  }
  const listed = defaultNdc(list, hcpcs, dateOfService)
  if (!listed) return { ndc: null, problem: null }
  const unit = drug.ndcUnit ?? listed.unit
  return { ndc: { ndc11: listed.ndc11, quantity: drug.ndcQuantity ?? quantityFromDose(drug, unit), unit, from: 'practice-list' }, problem: null }
}

/** The total of doses that add up (all mg/mcg, or all mL), as one dose; null when they cannot be added. */
function totalDose(drugs: readonly Drug[]): Drug | null {
  const first = drugs[0]
  if (!first) return null
  if (drugs.every((d) => d.unit === 'mL')) return { ...first, dose: drugs.reduce((n, d) => n + d.dose, 0), unit: 'mL' }
  const mg = drugs.map(doseInMg)
  if (mg.some((m) => m === null)) return null
  return { ...first, dose: mg.reduce<number>((n, m) => n + (m ?? 0), 0), unit: 'mg' }
}

/**
 * One line per drug code, with units from the catalog's billing unit: a code entered twice (the
 * same steroid at two levels) is billed once for the total dose, rounded up once, not twice.
 * Unclassified codes stay one line per drug, each with its own Box 19 narrative.
 */
export function codeDrugs(encounter: Encounter, profile: PayerProfile, ndcList: readonly NdcListEntry[] = []): { codings: DrugCoding[]; emissions: Emission[] } {
  const codings: DrugCoding[] = []
  const emissions: Emission[] = []
  const byCode = new Map<string, number[]>()
  encounter.drugs.forEach((drug, drugIndex) => {
    const info = lookupDrug(drug.code)
    const coding: DrugCoding = { drugIndex, info, units: null, lineIndex: null, problem: null, ndcProblem: null, ndc: null }
    codings.push(coding)
    if (!info) {
      coding.problem = 'unknown-code'
      return
    }
    const found = ndcOf(drug, info.code, encounter.dateOfService, ndcList)
    coding.ndc = found.ndc
    coding.ndcProblem = found.problem
    const { units } = computeDrugUnits(drug, info, profile)
    coding.units = units
    if (units === null) {
      coding.problem = 'dose-unit'
      return
    }
    // One line per code and NDC: two packages of one drug are two NDC lines.
    const key = info.unclassified ? `${info.code}#${drugIndex}` : `${info.code}|${coding.ndc?.ndc11 ?? ''}`
    byCode.set(key, [...(byCode.get(key) ?? []), drugIndex])
  })
  for (const indexes of byCode.values()) {
    const drugs = indexes.map((i) => encounter.drugs[i]).filter((d): d is Drug => d !== undefined)
    const first = drugs[0]
    const firstIndex = indexes[0] ?? 0
    const info = codings[firstIndex]?.info
    if (!first || !info) continue
    const total = drugs.length > 1 ? totalDose(drugs) : first
    // Doses that cannot be added (mg and mL of one code) stay on their own lines; the claim merges their units.
    const parts = total ? [{ drug: total, members: indexes }] : indexes.map((i, k) => ({ drug: drugs[k] ?? first, members: [i] }))
    for (const part of parts) {
      const { units, basis } = computeDrugUnits(part.drug, info, profile)
      if (units === null) continue
      const trace: TraceFact[] = [
        { fact: 'drug', value: first.name || info.name },
        { fact: 'dose', value: part.members.length > 1 ? `${part.members.map((i) => formatDose(encounter.drugs[i] ?? first)).join(' + ')} = ${formatDose(part.drug)}` : formatDose(part.drug) },
        { fact: 'billing unit', value: basis },
      ]
      const ruleIds = info.unclassified ? ['DRUG-UNITS', 'DRUG-BOX19'] : ['DRUG-UNITS']
      const ndc = lineNdc(part.members.map((i) => codings[i]?.ndc ?? null))
      if (ndc) {
        ruleIds.push('NDC-LINE')
        trace.push({ fact: 'NDC', value: `${formatNdc11(ndc.ndc11)}${ndc.quantity === null ? '' : ` ${ndc.unit ?? ''}${Number(ndc.quantity.toFixed(3))}`} (${ndc.from === 'entered' ? 'entered' : "practice's list"})` })
      }
      emissions.push({
        order: DRUG_ORDER_BASE + (part.members[0] ?? firstIndex),
        drafts: [{
          code: info.code, modifiers: [], units, label: info.unclassified ? `Unclassified drug: ${first.name || 'name missing'}` : `Drug: ${info.name}`,
          procedureIndex: null, origin: 'drug', originIndex: part.members[0] ?? firstIndex, ruleIds, trace,
          ...(info.unclassified ? { box19: box19Text(first, ndc?.ndc11 ?? null) } : {}),
          ...(ndc ? { ndc } : {}),
        }],
        attach: ([index]) => { for (const i of part.members) { const c = codings[i]; if (c) c.lineIndex = index ?? null } },
      })
    }
  }
  return { codings, emissions }
}

/** The NDC of a line that takes in several entries of one code and NDC: quantities added when all are known. */
function lineNdc(ndcs: readonly (ClaimNdc | null)[]): ClaimNdc | null {
  const first = ndcs[0]
  if (!first) return null
  const known = ndcs.every((n) => n?.quantity !== null && n?.quantity !== undefined && n.unit === first.unit)
  return { ...first, quantity: known ? ndcs.reduce((q, n) => q + (n?.quantity ?? 0), 0) : null }
}

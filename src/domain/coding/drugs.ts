import { lookupDrug, type DrugInfo } from '../data/drugs.ts'
import type { PayerProfile } from '../payer-profile.ts'
import type { Drug, Encounter } from '../schema.ts'
import type { TraceFact } from '../types.ts'
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

/** Box 19 narrative for an unclassified drug: "drug name, dose". */
export function box19Text(drug: Drug): string {
  const name = drug.name.trim() || 'DRUG NAME MISSING'
  return `${name}, ${formatDose(drug)}`
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
export function codeDrugs(encounter: Encounter, profile: PayerProfile): { codings: DrugCoding[]; emissions: Emission[] } {
  const codings: DrugCoding[] = []
  const emissions: Emission[] = []
  const byCode = new Map<string, number[]>()
  encounter.drugs.forEach((drug, drugIndex) => {
    const info = lookupDrug(drug.code)
    const coding: DrugCoding = { drugIndex, info, units: null, lineIndex: null, problem: null }
    codings.push(coding)
    if (!info) {
      coding.problem = 'unknown-code'
      return
    }
    const { units } = computeDrugUnits(drug, info, profile)
    coding.units = units
    if (units === null) {
      coding.problem = 'dose-unit'
      return
    }
    const key = info.unclassified ? `${info.code}#${drugIndex}` : info.code
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
      emissions.push({
        order: DRUG_ORDER_BASE + (part.members[0] ?? firstIndex),
        drafts: [{
          code: info.code, modifiers: [], units, label: info.unclassified ? `Unclassified drug: ${first.name || 'name missing'}` : `Drug: ${info.name}`,
          procedureIndex: null, origin: 'drug', originIndex: part.members[0] ?? firstIndex, ruleIds, trace,
          ...(info.unclassified ? { box19: box19Text(first) } : {}),
        }],
        attach: ([index]) => { for (const i of part.members) { const c = codings[i]; if (c) c.lineIndex = index ?? null } },
      })
    }
  }
  return { codings, emissions }
}

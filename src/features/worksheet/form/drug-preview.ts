import { box19Text, computeDrugUnits, medicareProfile, type DoseUnit, type DrugInfo } from '../../../domain/index.ts'

export type UnitsPreview =
  | { kind: 'units'; units: number; basis: string }
  | { kind: 'needs-dose' }
  | { kind: 'needs-unit'; message: string }
  | { kind: 'payer-profile' }
  | { kind: 'narrative' }
  | { kind: 'unknown-code' }

/** "10 mg per unit", "units per payer profile", ... */
export function unitBasisText(info: DrugInfo): string {
  switch (info.unit.kind) {
    case 'mg': return `${info.unit.size} mg per unit`
    case 'mL': return `${info.unit.size} mL per unit`
    case 'payer-profile': return 'units per payer profile'
    case 'narrative': return '1 unit, name and dose in Box 19'
  }
}

/** "J3301 — triamcinolone acetonide (10 mg per unit)" */
export function drugOptionLabel(info: DrugInfo): string {
  return `${info.code} — ${info.name} (${unitBasisText(info)})`
}

/**
 * Billing units as the drug rule computes them for mg and mL codes: dose over the code's
 * unit size, rounded up, at least 1; mcg is converted to mg. Payer-profile and narrative
 * codes are named, not computed, here.
 */
export function previewDrugUnits(dose: number, unit: DoseUnit, info: DrugInfo | undefined): UnitsPreview {
  if (!info) return { kind: 'unknown-code' }
  const basis = info.unit
  if (basis.kind === 'payer-profile') return { kind: 'payer-profile' }
  if (basis.kind === 'narrative') return { kind: 'narrative' }
  if (!Number.isFinite(dose) || dose <= 0) return { kind: 'needs-dose' }
  // mg and mL codes do not read the payer profile, so any profile gives the rule's own answer.
  const { units, basis: text } = computeDrugUnits({ code: info.code, name: '', dose, unit, category: info.category }, info, medicareProfile)
  return units === null ? { kind: 'needs-unit', message: text } : { kind: 'units', units, basis: text }
}

/** Box 19 narrative of an unclassified drug as the claim will carry it: "drug name, dose unit" and the NDC when given. */
export function box19Preview(name: string, dose: number, unit: DoseUnit, ndc11: string | null = null): string {
  if (!Number.isFinite(dose)) return `${name.trim() || 'DRUG NAME MISSING'}, DOSE MISSING ${unit}`
  return box19Text({ code: 'J3490', name, dose, unit, category: 'other' }, ndc11)
}

/** A warning when the code is not valid on the date of service (deleted, or not yet in force), else null. */
export function codeDateWarning(info: DrugInfo, dateOfService: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfService)) return null
  if (info.effectiveTo !== null && dateOfService > info.effectiveTo) {
    const use = info.replacedBy ? `; use ${info.replacedBy}` : ''
    return `${info.code} was deleted after ${info.effectiveTo}${use}.`
  }
  if (info.effectiveFrom !== null && dateOfService < info.effectiveFrom) {
    return `${info.code} is valid only from ${info.effectiveFrom}, after this date of service.`
  }
  return null
}

import type { DoseUnit, DrugInfo } from '../../../domain/index.ts'

const EPSILON = 1e-9

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
  if (basis.kind === 'mL') {
    if (unit !== 'mL') return { kind: 'needs-unit', message: `billed per ${basis.size} mL: enter the dose in mL` }
    return { kind: 'units', units: Math.max(1, Math.ceil(dose / basis.size - EPSILON)), basis: `${basis.size} mL per unit` }
  }
  if (unit === 'mL') return { kind: 'needs-unit', message: `billed per ${basis.size} mg: enter the dose in mg` }
  const mg = unit === 'mcg' ? dose / 1000 : dose
  return { kind: 'units', units: Math.max(1, Math.ceil(mg / basis.size - EPSILON)), basis: `${basis.size} mg per unit` }
}

/** Box 19 narrative of an unclassified drug as the claim will carry it: "drug name, dose unit". */
export function box19Preview(name: string, dose: number, unit: DoseUnit): string {
  const drug = name.trim() || 'DRUG NAME MISSING'
  const amount = Number.isFinite(dose) ? `${Number(dose.toFixed(3))} ${unit}` : `DOSE MISSING ${unit}`
  return `${drug}, ${amount}`
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

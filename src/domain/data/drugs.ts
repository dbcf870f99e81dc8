import type { DrugCategory } from '../vocabulary.ts'
import type { SourceId } from './sources.ts'

/**
 * HCPCS drug codes with their billing unit, from reference section 3. HCPCS Level II
 * texts are public, so names are the plain drug names. Effective dates are given only
 * where a source states them; null means in force for every date this module handles.
 */

export type UnitBasis =
  /** units = dose in mg / size, rounded up */
  | { kind: 'mg'; size: number }
  /** units = dose in mL / size, rounded up */
  | { kind: 'mL'; size: number }
  /** the unit size is a payer-profile value (J0702's 1 mL vs 3 mg reading) */
  | { kind: 'payer-profile' }
  /** unclassified: one unit, drug name and dose in Box 19 */
  | { kind: 'narrative' }

export interface DrugInfo {
  code: string
  name: string
  category: DrugCategory
  unit: UnitBasis
  effectiveFrom: string | null
  effectiveTo: string | null
  replacedBy?: string
  /** Only for intravenous infusion, never local infiltration. */
  ivOnly?: boolean
  /** Not valid on Medicare claims (S-codes). */
  notMedicare?: boolean
  /** Facility claims only. */
  facilityOnly?: boolean
  /** Approved use lies outside the spine and trigger points. */
  notSpinal?: string
  unclassified?: boolean
  note?: string
  source: SourceId
}

const drugs: readonly DrugInfo[] = [
  { code: 'J3301', name: 'triamcinolone acetonide', category: 'steroid', unit: { kind: 'mg', size: 10 }, effectiveFrom: null, effectiveTo: null, source: 'J-UNITS' },
  { code: 'J3300', name: 'triamcinolone acetonide, preservative-free', category: 'steroid', unit: { kind: 'mg', size: 1 }, effectiveFrom: null, effectiveTo: null, note: 'Typically ophthalmic use.', source: 'J-UNITS' },
  { code: 'J3302', name: 'triamcinolone diacetate', category: 'steroid', unit: { kind: 'mg', size: 5 }, effectiveFrom: null, effectiveTo: null, note: 'Current status not verified.', source: 'J-UNITS' },
  { code: 'J3303', name: 'triamcinolone hexacetonide', category: 'steroid', unit: { kind: 'mg', size: 5 }, effectiveFrom: null, effectiveTo: null, source: 'J-UNITS' },
  { code: 'J3304', name: 'triamcinolone acetonide ER microspheres', category: 'steroid', unit: { kind: 'mg', size: 1 }, effectiveFrom: null, effectiveTo: null, notSpinal: 'knee osteoarthritis, intra-articular only', source: 'J-UNITS' },
  { code: 'J1010', name: 'methylprednisolone acetate', category: 'steroid', unit: { kind: 'mg', size: 1 }, effectiveFrom: '2024-04-01', effectiveTo: null, source: 'J1010' },
  { code: 'J1020', name: 'methylprednisolone acetate, 20 mg', category: 'steroid', unit: { kind: 'mg', size: 20 }, effectiveFrom: null, effectiveTo: '2024-03-31', replacedBy: 'J1010', source: 'J1010' },
  { code: 'J1030', name: 'methylprednisolone acetate, 40 mg', category: 'steroid', unit: { kind: 'mg', size: 40 }, effectiveFrom: null, effectiveTo: '2024-03-31', replacedBy: 'J1010', source: 'J1010' },
  { code: 'J1040', name: 'methylprednisolone acetate, 80 mg', category: 'steroid', unit: { kind: 'mg', size: 80 }, effectiveFrom: null, effectiveTo: '2024-03-31', replacedBy: 'J1010', source: 'J1010' },
  { code: 'J1100', name: 'dexamethasone sodium phosphate', category: 'steroid', unit: { kind: 'mg', size: 1 }, effectiveFrom: null, effectiveTo: null, source: 'J-UNITS' },
  { code: 'J0702', name: 'betamethasone acetate 3 mg and betamethasone sodium phosphate 3 mg', category: 'steroid', unit: { kind: 'payer-profile' }, effectiveFrom: null, effectiveTo: null, source: 'J0702-UNITS' },
  { code: 'J2001', name: 'lidocaine HCl for intravenous infusion', category: 'local-anesthetic', unit: { kind: 'mg', size: 10 }, effectiveFrom: null, effectiveTo: null, ivOnly: true, source: 'LOCAL-ANESTHETIC' },
  { code: 'J0665', name: 'bupivacaine, not otherwise specified', category: 'local-anesthetic', unit: { kind: 'mg', size: 0.5 }, effectiveFrom: null, effectiveTo: null, source: 'J-UNITS' },
  { code: 'S0020', name: 'bupivacaine HCl, 30 mL', category: 'local-anesthetic', unit: { kind: 'mL', size: 30 }, effectiveFrom: null, effectiveTo: null, notMedicare: true, source: 'LOCAL-ANESTHETIC' },
  { code: 'J3490', name: 'unclassified drug', category: 'other', unit: { kind: 'narrative' }, effectiveFrom: null, effectiveTo: null, unclassified: true, source: 'UNCLASSIFIED-DRUG' },
  { code: 'J3590', name: 'unclassified biologic', category: 'biologic', unit: { kind: 'narrative' }, effectiveFrom: null, effectiveTo: null, unclassified: true, source: 'UNCLASSIFIED-DRUG' },
  { code: 'C9399', name: 'unclassified drug or biological (hospital outpatient)', category: 'other', unit: { kind: 'narrative' }, effectiveFrom: null, effectiveTo: null, unclassified: true, facilityOnly: true, source: 'UNCLASSIFIED-DRUG' },
]

export const drugCatalog: ReadonlyMap<string, DrugInfo> = new Map(drugs.map((d) => [d.code, d]))

export function lookupDrug(code: string): DrugInfo | undefined {
  return drugCatalog.get(code)
}

/** Words that mark a non-FDA-approved biologic injectant whatever its code or category. */
export const biologicKeywords: readonly string[] = [
  'prp', 'platelet', 'amniotic', 'amnion', 'placenta', 'stem cell', 'mesenchymal', 'exosome', 'vitamin', 'cyanocobalamin', 'b12',
]

/**
 * The closed vocabularies of the interchange format. Each list drives both the
 * zod enum of the schema and, later, the choices the UI offers.
 */

export const SIDES = ['left', 'right', 'bilateral'] as const
export type Side = (typeof SIDES)[number]

export const GUIDANCE = ['fluoroscopy', 'ct', 'ultrasound', 'none'] as const
export type Guidance = (typeof GUIDANCE)[number]

export const TECHNIQUES = ['injection', 'dry-needling', 'acupuncture'] as const
export type Technique = (typeof TECHNIQUES)[number]

export const EPIDURAL_APPROACHES = ['interlaminar', 'caudal', 'transforaminal'] as const
export type EpiduralApproach = (typeof EPIDURAL_APPROACHES)[number]

export const EPIDURAL_PURPOSES = ['therapeutic', 'diagnostic-nerve-root-block'] as const
export type EpiduralPurpose = (typeof EPIDURAL_PURPOSES)[number]

export const FACET_PURPOSES = ['diagnostic', 'therapeutic'] as const
export type FacetPurpose = (typeof FACET_PURPOSES)[number]

export const PLACES_OF_SERVICE = ['11', '19', '22', '24'] as const
export type PlaceOfService = (typeof PLACES_OF_SERVICE)[number]

export const placeOfServiceLabels: Readonly<Record<PlaceOfService, string>> = {
  '11': 'Office',
  '19': 'Off-campus hospital outpatient department',
  '22': 'On-campus hospital outpatient department',
  '24': 'Ambulatory surgical center',
}

export const CLAIM_TYPES = ['professional', 'facility'] as const
export type ClaimType = (typeof CLAIM_TYPES)[number]

export const DRUG_CATEGORIES = ['steroid', 'local-anesthetic', 'biologic', 'other'] as const
export type DrugCategory = (typeof DRUG_CATEGORIES)[number]

export const DOSE_UNITS = ['mg', 'mcg', 'mL'] as const
export type DoseUnit = (typeof DOSE_UNITS)[number]

export const PROCEDURE_TYPES = ['trigger-point', 'facet-injection', 'facet-rfa', 'epidural'] as const
export type ProcedureType = (typeof PROCEDURE_TYPES)[number]

/** A family is the unit of frequency counting; it matches the procedure type. */
export type Family = ProcedureType

export const familyLabels: Readonly<Record<Family, string>> = {
  'trigger-point': 'Trigger point injection',
  'facet-injection': 'Facet joint injection',
  'facet-rfa': 'Facet radiofrequency ablation',
  epidural: 'Epidural steroid injection',
}

export const SPINAL_REGIONS = ['cervical-thoracic', 'lumbar-sacral'] as const
export type SpinalRegion = (typeof SPINAL_REGIONS)[number]

export const regionLabels: Readonly<Record<SpinalRegion, string>> = {
  'cervical-thoracic': 'cervical/thoracic',
  'lumbar-sacral': 'lumbar/sacral',
}

/** Motion segments in anatomical order, head to tail. */
export const SPINAL_LEVELS = [
  'C2-C3', 'C3-C4', 'C4-C5', 'C5-C6', 'C6-C7', 'C7-T1',
  'T1-T2', 'T2-T3', 'T3-T4', 'T4-T5', 'T5-T6', 'T6-T7', 'T7-T8', 'T8-T9', 'T9-T10', 'T10-T11',
  'T11-T12', 'T12-L1',
  'L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1',
] as const
export type SpinalLevel = (typeof SPINAL_LEVELS)[number]

const levelOrder: ReadonlyMap<string, number> = new Map(SPINAL_LEVELS.map((level, i) => [level, i]))

/** Position of a level from the head down; used to order levels within a region. */
export function levelRank(level: SpinalLevel): number {
  return levelOrder.get(level) ?? Number.MAX_SAFE_INTEGER
}

/** The thoracolumbar junction, whose region differs between code families. */
export const THORACOLUMBAR_LEVEL: SpinalLevel = 'T12-L1'

/**
 * Region of a level by its upper vertebra. T12-L1 is placed in cervical/thoracic here:
 * verified for transforaminal epidurals (A58993), unverified for facet and interlaminar
 * codes, which the rules report separately.
 */
export function regionOfLevel(level: SpinalLevel): SpinalRegion {
  return level.startsWith('L') ? 'lumbar-sacral' : 'cervical-thoracic'
}

export const PRIOR_AUTH_PATTERN = /^[A-Za-z0-9-]{4,30}$/

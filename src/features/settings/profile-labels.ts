import { EPIDURAL_PURPOSES, FACET_PURPOSES, type FrequencyLimit, type ProcedureType } from '../../domain/index.ts'

export const BILATERAL_SETTINGS = ['professional', 'hospitalOutpatientFacility', 'ascFacility'] as const
export type BilateralSettingKey = (typeof BILATERAL_SETTINGS)[number]

export const settingLabels: Readonly<Record<BilateralSettingKey, string>> = {
  professional: 'Professional claim',
  hospitalOutpatientFacility: 'Hospital outpatient facility claim',
  ascFacility: 'ASC facility claim',
}

export const purposeLabels: Readonly<Record<string, string>> = {
  diagnostic: 'diagnostic',
  therapeutic: 'therapeutic',
  'diagnostic-nerve-root-block': 'diagnostic nerve root block',
}

/** The purposes a limit of the family can be narrowed to. */
export const purposesOfFamily: Readonly<Record<ProcedureType, readonly string[]>> = {
  'trigger-point': [],
  'facet-injection': FACET_PURPOSES,
  'facet-rfa': [],
  epidural: EPIDURAL_PURPOSES,
}

export const coverageLabels: Readonly<Record<string, string>> = {
  facetMaxLevelsPerSession: 'Facet levels per region per session',
  ultrasoundFacetCovered: 'Ultrasound-guided facet injections covered',
  epiduralImagingRequired: 'Epidurals need fluoroscopy or CT',
  transforaminalMaxLevels: 'Transforaminal levels per session',
  localAnestheticSeparatelyPayable: 'Local anesthetic billed on its own line',
  acceptsSCodes: 'S-codes accepted',
  tpiImagingExcluded: 'Image-guided trigger point injections excluded',
}

export function describePurposes(purposes: FrequencyLimit['purposes']): string {
  return purposes === null ? 'every session' : `${purposes.map((p) => purposeLabels[p] ?? p).join(' and ')} sessions`
}

export function describeInterval(interval: { amount: number; unit: 'days' | 'months' } | null): string {
  if (interval === null) return 'none'
  const unit = interval.amount === 1 ? interval.unit.slice(0, -1) : interval.unit
  return `${interval.amount} ${unit}`
}

export function describeValue(value: string | number | boolean | null): string {
  if (value === null) return 'Not known'
  if (value === true) return 'Yes'
  if (value === false) return 'No'
  return String(value)
}

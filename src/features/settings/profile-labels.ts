import {
  EPIDURAL_PURPOSES, FACET_PURPOSES, type DISTINGUISHING_MODIFIERS, type FrequencyLimit, type NDC_REQUIREMENTS, type ProcedureType, type REPEATED_LINE_FORMATS, type RepeatedLines,
} from '../../domain/index.ts'

export const BILATERAL_SETTINGS = ['professional', 'hospitalOutpatientFacility', 'ascFacility'] as const
export type BilateralSettingKey = (typeof BILATERAL_SETTINGS)[number]

export const settingLabels: Readonly<Record<BilateralSettingKey, string>> = {
  professional: 'Professional claim',
  hospitalOutpatientFacility: 'Hospital outpatient facility claim',
  ascFacility: 'ASC facility claim',
}

/** What happens to two lines of one code with the same modifiers, in our words. */
export const repeatedLineFormatLabels: Readonly<Record<(typeof REPEATED_LINE_FORMATS)[number], string>> = {
  'merge-units': 'One line, units added (e.g. 64636 RT with 2 units)',
  'line-per-level': 'A line per level, the later ones told apart by a modifier',
}

/** The modifiers a payer may name to tell a repeated line apart, with our own short wording. */
export const distinguishingModifierLabels: Readonly<Record<(typeof DISTINGUISHING_MODIFIERS)[number], string>> = {
  59: '59: distinct service',
  XS: 'XS: separate structure',
  XU: 'XU: unusual non-overlapping service',
  76: '76: repeated by the same practitioner',
}

/** When the payer wants the NDC on drug lines, in our words. */
export const ndcRequirementLabels: Readonly<Record<(typeof NDC_REQUIREMENTS)[number], string>> = {
  'all-drugs': 'On every drug line (e.g. Medicaid, or a plan that asks for it)',
  'unclassified-drugs': 'Only on unclassified drugs (J3490, J3590)',
  never: 'Never asked for',
}

export function describeRepeatedLines(rule: RepeatedLines): string {
  return rule.format === 'line-per-level' && rule.modifier !== null
    ? `${repeatedLineFormatLabels[rule.format]}: ${distinguishingModifierLabels[rule.modifier]}`
    : repeatedLineFormatLabels[rule.format]
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

import type {
  ClaimType, DoseUnit, DrugCategory, EpiduralApproach, EpiduralPurpose, FacetPurpose, Guidance, Side, Technique,
} from '../../../domain/index.ts'

export const guidanceLabels: Readonly<Record<Guidance, string>> = {
  fluoroscopy: 'Fluoroscopy',
  ct: 'CT',
  ultrasound: 'Ultrasound',
  none: 'None',
}

export const techniqueLabels: Readonly<Record<Technique, string>> = {
  injection: 'Injection',
  'dry-needling': 'Dry needling',
  acupuncture: 'Acupuncture',
}

export const approachLabels: Readonly<Record<EpiduralApproach, string>> = {
  interlaminar: 'Interlaminar',
  caudal: 'Caudal',
  transforaminal: 'Transforaminal',
}

export const epiduralPurposeLabels: Readonly<Record<EpiduralPurpose, string>> = {
  therapeutic: 'Therapeutic',
  'diagnostic-nerve-root-block': 'Diagnostic nerve root block',
}

export const facetPurposeLabels: Readonly<Record<FacetPurpose, string>> = {
  diagnostic: 'Diagnostic',
  therapeutic: 'Therapeutic',
}

export const sideLabels: Readonly<Record<Side | '', string>> = {
  '': 'Not documented',
  left: 'Left',
  right: 'Right',
  bilateral: 'Bilateral',
}

export const claimTypeLabels: Readonly<Record<ClaimType, string>> = {
  professional: 'Professional (CMS-1500)',
  facility: 'Facility (UB-04)',
}

export const drugCategoryLabels: Readonly<Record<DrugCategory, string>> = {
  steroid: 'Steroid',
  'local-anesthetic': 'Local anesthetic',
  biologic: 'Biologic',
  other: 'Other',
}

export const doseUnitLabels: Readonly<Record<DoseUnit, string>> = {
  mg: 'mg',
  mcg: 'mcg',
  mL: 'mL',
}

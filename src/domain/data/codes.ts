import type { Family, SpinalRegion } from '../vocabulary.ts'

/**
 * Procedure and service codes the module knows. Labels are our own plain-language
 * wording: no AMA CPT descriptor is reproduced.
 */

export type CodeKind = 'primary' | 'add-on' | 'imaging' | 'evaluation' | 'other'

export interface CodeInfo {
  code: string
  label: string
  kind: CodeKind
  family?: Family
  region?: SpinalRegion
  /** For add-on codes: the primary codes one of which must be on the claim. */
  primaries?: readonly string[]
  /** Imaging guidance is part of the code and cannot be billed on its own line. */
  includesImaging?: boolean
  /** Medicare bilateral indicator, where the reference gives it (1 = 150% with 50; 0 = no bilateral payment). */
  bilateralIndicator?: 0 | 1
}

const entries: readonly CodeInfo[] = [
  { code: '20552', label: 'Trigger point injection(s), 1 or 2 muscles', kind: 'primary', family: 'trigger-point', bilateralIndicator: 0 },
  { code: '20553', label: 'Trigger point injection(s), 3 or more muscles', kind: 'primary', family: 'trigger-point', bilateralIndicator: 0 },
  { code: '20560', label: 'Dry needling without injection, 1 or 2 muscles', kind: 'other' },
  { code: '20561', label: 'Dry needling without injection, 3 or more muscles', kind: 'other' },

  { code: '64490', label: 'Facet joint / medial branch injection, neck or upper back, first level, fluoro/CT', kind: 'primary', family: 'facet-injection', region: 'cervical-thoracic', includesImaging: true },
  { code: '64491', label: 'Facet injection, neck or upper back, second level (add-on)', kind: 'add-on', family: 'facet-injection', region: 'cervical-thoracic', primaries: ['64490'], includesImaging: true },
  { code: '64492', label: 'Facet injection, neck or upper back, third and further levels (add-on)', kind: 'add-on', family: 'facet-injection', region: 'cervical-thoracic', primaries: ['64490'], includesImaging: true },
  { code: '64493', label: 'Facet joint / medial branch injection, low back, first level, fluoro/CT', kind: 'primary', family: 'facet-injection', region: 'lumbar-sacral', includesImaging: true },
  { code: '64494', label: 'Facet injection, low back, second level (add-on)', kind: 'add-on', family: 'facet-injection', region: 'lumbar-sacral', primaries: ['64493'], includesImaging: true },
  { code: '64495', label: 'Facet injection, low back, third and further levels (add-on)', kind: 'add-on', family: 'facet-injection', region: 'lumbar-sacral', primaries: ['64493'], includesImaging: true },
  { code: '0213T', label: 'Facet injection with ultrasound, neck or upper back, first level', kind: 'primary', family: 'facet-injection', region: 'cervical-thoracic', includesImaging: true },
  { code: '0214T', label: 'Facet injection with ultrasound, neck or upper back, second level (add-on)', kind: 'add-on', family: 'facet-injection', region: 'cervical-thoracic', primaries: ['0213T'], includesImaging: true },
  { code: '0215T', label: 'Facet injection with ultrasound, neck or upper back, third and further levels (add-on)', kind: 'add-on', family: 'facet-injection', region: 'cervical-thoracic', primaries: ['0213T'], includesImaging: true },
  { code: '0216T', label: 'Facet injection with ultrasound, low back, first level', kind: 'primary', family: 'facet-injection', region: 'lumbar-sacral', includesImaging: true },
  { code: '0217T', label: 'Facet injection with ultrasound, low back, second level (add-on)', kind: 'add-on', family: 'facet-injection', region: 'lumbar-sacral', primaries: ['0216T'], includesImaging: true },
  { code: '0218T', label: 'Facet injection with ultrasound, low back, third and further levels (add-on)', kind: 'add-on', family: 'facet-injection', region: 'lumbar-sacral', primaries: ['0216T'], includesImaging: true },

  { code: '64633', label: 'Radiofrequency ablation of facet nerves, neck or upper back, first joint, fluoro/CT', kind: 'primary', family: 'facet-rfa', region: 'cervical-thoracic', includesImaging: true },
  { code: '64634', label: 'RFA of facet nerves, neck or upper back, each additional joint (add-on)', kind: 'add-on', family: 'facet-rfa', region: 'cervical-thoracic', primaries: ['64633'], includesImaging: true },
  { code: '64635', label: 'Radiofrequency ablation of facet nerves, low back, first joint, fluoro/CT', kind: 'primary', family: 'facet-rfa', region: 'lumbar-sacral', includesImaging: true },
  { code: '64636', label: 'RFA of facet nerves, low back, each additional joint (add-on)', kind: 'add-on', family: 'facet-rfa', region: 'lumbar-sacral', primaries: ['64635'], includesImaging: true },

  { code: '62320', label: 'Interlaminar epidural injection, neck or upper back, no fluoro/CT', kind: 'primary', family: 'epidural', region: 'cervical-thoracic', bilateralIndicator: 0 },
  { code: '62321', label: 'Interlaminar epidural injection, neck or upper back, with fluoro/CT', kind: 'primary', family: 'epidural', region: 'cervical-thoracic', includesImaging: true, bilateralIndicator: 0 },
  { code: '62322', label: 'Interlaminar or caudal epidural injection, low back, no fluoro/CT', kind: 'primary', family: 'epidural', region: 'lumbar-sacral', bilateralIndicator: 0 },
  { code: '62323', label: 'Interlaminar or caudal epidural injection, low back, with fluoro/CT', kind: 'primary', family: 'epidural', region: 'lumbar-sacral', includesImaging: true, bilateralIndicator: 0 },
  { code: '64479', label: 'Transforaminal epidural injection, neck or upper back (incl. T12-L1), single level, image-guided', kind: 'primary', family: 'epidural', region: 'cervical-thoracic', includesImaging: true, bilateralIndicator: 1 },
  { code: '64480', label: 'Transforaminal epidural, neck or upper back, each additional level (add-on)', kind: 'add-on', family: 'epidural', region: 'cervical-thoracic', primaries: ['64479'], includesImaging: true, bilateralIndicator: 1 },
  { code: '64483', label: 'Transforaminal epidural injection, low back, single level, image-guided', kind: 'primary', family: 'epidural', region: 'lumbar-sacral', includesImaging: true, bilateralIndicator: 1 },
  { code: '64484', label: 'Transforaminal epidural, low back, each additional level (add-on)', kind: 'add-on', family: 'epidural', region: 'lumbar-sacral', primaries: ['64483'], includesImaging: true, bilateralIndicator: 1 },

  { code: '77003', label: 'Fluoroscopic guidance for spinal needle placement', kind: 'imaging' },
  { code: '77012', label: 'CT guidance for needle placement', kind: 'imaging' },
  { code: '76942', label: 'Ultrasound guidance for needle placement', kind: 'imaging' },
  { code: '76000', label: 'Fluoroscopy, up to 1 hour', kind: 'imaging' },
  { code: '27096', label: 'Sacroiliac joint injection, image-guided', kind: 'other' },

  ...['99202', '99203', '99204', '99205'].map((code) => ({ code, label: 'Office visit, new patient', kind: 'evaluation' as const })),
  ...['99211', '99212', '99213', '99214', '99215'].map((code) => ({ code, label: 'Office visit, established patient', kind: 'evaluation' as const })),
]

export const codeCatalog: ReadonlyMap<string, CodeInfo> = new Map(entries.map((e) => [e.code, e]))

export function lookupCode(code: string): CodeInfo | undefined {
  return codeCatalog.get(code)
}

/** Anesthesia codes (00100-01999) are a numeric range rather than catalog entries. */
export function isAnesthesiaCode(code: string): boolean {
  if (!/^0[01]\d{3}$/.test(code)) return false
  const n = Number(code)
  return n >= 100 && n <= 1999
}

export const imagingGuidanceCodes: readonly string[] = entries.filter((e) => e.kind === 'imaging').map((e) => e.code)

import type { Family } from '../vocabulary.ts'
import type { SourceId } from './sources.ts'

/**
 * The documentation a claim of each family depends on: the billing guide's table,
 * plus the RFA items of CGS's published RFA pathway. The coder ticks each item in the
 * worksheet; every open item is a finding.
 */

export interface ChecklistItem {
  id: string
  family: Family
  label: string
  /** Only for this purpose (e.g. therapeutic facet injections). */
  purpose?: 'therapeutic' | 'diagnostic'
  source: SourceId
}

export const documentationChecklist: readonly ChecklistItem[] = [
  { id: 'tpi-muscles', family: 'trigger-point', label: 'Muscle name(s) and number of trigger points injected in each', source: 'BILLING-GUIDE' },
  { id: 'tpi-substance', family: 'trigger-point', label: 'Substance name, J-code and volume given', source: 'BILLING-GUIDE' },
  { id: 'tpi-laterality', family: 'trigger-point', label: 'Laterality where it applies', source: 'BILLING-GUIDE' },
  { id: 'tpi-relief', family: 'trigger-point', label: 'Percent pain relief right after the injection', source: 'BILLING-GUIDE' },
  { id: 'tpi-conservative', family: 'trigger-point', label: 'Failed conservative treatment (physical therapy, medication) with dates', source: 'BILLING-GUIDE' },

  { id: 'facet-levels', family: 'facet-injection', label: 'Spinal level(s) and side of each injection', source: 'BILLING-GUIDE' },
  { id: 'facet-imaging', family: 'facet-injection', label: 'Fluoroscopy or CT guidance stated, images archived in the record', source: 'BILLING-GUIDE' },
  { id: 'facet-pain-scores', family: 'facet-injection', label: 'Pain scale before and after the procedure (same scale)', source: 'BILLING-GUIDE' },
  { id: 'facet-function', family: 'facet-injection', label: 'Functional disability measure (e.g. ODI)', source: 'BILLING-GUIDE' },
  { id: 'facet-rfa-reason', family: 'facet-injection', purpose: 'therapeutic', label: 'Why radiofrequency ablation is not yet indicated or was already tried', source: 'BILLING-GUIDE' },

  { id: 'rfa-levels', family: 'facet-rfa', label: 'Joints treated and side of each', source: 'CGS-FACET-PA' },
  { id: 'rfa-imaging', family: 'facet-rfa', label: 'Fluoroscopy or CT guidance stated, images archived', source: 'CGS-FACET-PA' },
  { id: 'rfa-diagnostic-blocks', family: 'facet-rfa', label: 'Two diagnostic medial branch blocks, each with at least 80% relief for the expected duration', source: 'CGS-FACET-PA' },
  { id: 'rfa-scales', family: 'facet-rfa', label: 'Same pain scale before and after each block; baseline disability scale', source: 'CGS-FACET-PA' },

  { id: 'esi-approach', family: 'epidural', label: 'Approach stated as interlaminar, caudal or transforaminal (not implied by the code)', source: 'BILLING-GUIDE' },
  { id: 'esi-level-entry', family: 'epidural', label: 'Spinal level and entry point (e.g. L4-L5 interspace, right L5 foramen)', source: 'BILLING-GUIDE' },
  { id: 'esi-imaging', family: 'epidural', label: 'Imaging modality used and images archived', source: 'BILLING-GUIDE' },
  { id: 'esi-substance', family: 'epidural', label: 'Substance name, concentration and volume injected', source: 'BILLING-GUIDE' },
  { id: 'esi-session-count', family: 'epidural', label: 'Session count checked against the annual limit across the group\'s providers', source: 'BILLING-GUIDE' },
]

import type { EvaluationInputDraft } from '../../schema.ts'
import { officeVisit } from './office-visit.ts'

/**
 * Shared pieces of the drug and claim-level examples: "today", the encounter fields every
 * example repeats (office visit, Medicare, professional claim), and the procedures they use.
 * Everything here is plain data, so each example still opens in the worksheet as written.
 */

type EncounterDraft = EvaluationInputDraft['encounter']
export type ProcedureDraft = EncounterDraft['procedures'][number]
type DrugDraft = NonNullable<EncounterDraft['drugs']>[number]
export type HistoryDraft = NonNullable<EvaluationInputDraft['history']>

export { EXAMPLE_TODAY } from './office-visit.ts'

/** An encounter in the office (POS 11) on a Medicare professional claim; an example states only what differs. */
export function exampleInput(
  encounter: Partial<EncounterDraft> & Pick<EncounterDraft, 'patientId' | 'diagnoses' | 'procedures'>,
  history: HistoryDraft = [],
): EvaluationInputDraft {
  const visit = officeVisit({ dateOfService: '2026-10-14', patientId: encounter.patientId, diagnoses: encounter.diagnoses, procedures: encounter.procedures, history })
  return { ...visit, encounter: { ...visit.encounter, ...encounter } }
}

/** Left L4-L5 transforaminal epidural under fluoroscopy (64483-LT). */
export const lumbarTransforaminal: ProcedureDraft = {
  type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy',
  levels: [{ level: 'L4-L5', side: 'left' }],
}

/** Right L4-L5 therapeutic facet injection under fluoroscopy (64493-RT). */
export const lumbarFacetRight: ProcedureDraft = {
  type: 'facet-injection', purpose: 'therapeutic', guidance: 'fluoroscopy',
  levels: [{ level: 'L4-L5', side: 'right' }],
}

/** Left trapezius and left rhomboid trigger point injections (two muscles: 20552). */
export const upperBackTriggerPoints: ProcedureDraft = {
  type: 'trigger-point', technique: 'injection', guidance: 'none',
  muscles: [{ muscle: 'trapezius', side: 'left', injections: 2 }, { muscle: 'rhomboid', side: 'left', injections: 1 }],
}

export const triamcinolone40: DrugDraft = { code: 'J3301', name: 'triamcinolone acetonide', dose: 40, unit: 'mg', category: 'steroid' }
/** Triamcinolone 20 mg, a trigger point injectant (J3301, 2 units). */
export const triamcinolone20: DrugDraft = { code: 'J3301', name: 'triamcinolone acetonide', dose: 20, unit: 'mg', category: 'steroid' }
export const dexamethasone10: DrugDraft = { code: 'J1100', name: 'dexamethasone sodium phosphate', dose: 10, unit: 'mg', category: 'steroid' }

/** Lumbar radiculopathy: supports an epidural. */
export const RADICULOPATHY = 'M54.16'
/** Lumbar spondylosis without radiculopathy: supports a facet injection or RFA. */
export const LUMBAR_SPONDYLOSIS = 'M47.816'
/** Myalgia of other site: supports trigger point injections. */
export const MYALGIA = 'M79.18'

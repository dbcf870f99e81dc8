import type { EvaluationInputDraft } from '../../schema.ts'

/**
 * What the trigger point and facet examples share: a Medicare office visit by DR-A, so each
 * example states only the facts its rule turns on and its near miss differs in one of them.
 */

type EncounterDraft = EvaluationInputDraft['encounter']
export type ProcedureDraft = EncounterDraft['procedures'][number]
type DrugDraft = NonNullable<EncounterDraft['drugs']>[number]

export { EXAMPLE_TODAY as TODAY, officeVisit } from './office-visit.ts'

/** A trigger point steroid dose: two units of J3301 (10 mg per unit). */
export const triamcinolone20: DrugDraft = { code: 'J3301', name: 'triamcinolone acetonide', dose: 20, unit: 'mg', category: 'steroid' }

/** Myalgia of another site: the diagnosis group that supports trigger point injections. */
export const MYALGIA = 'M79.18'
/** Lumbar spondylosis without myelopathy or radiculopathy: supports lumbar facet procedures. */
export const LUMBAR_SPONDYLOSIS = 'M47.816'
/** Cervical spondylosis without myelopathy or radiculopathy. */
export const CERVICAL_SPONDYLOSIS = 'M47.812'
/** Thoracolumbar spondylosis without myelopathy or radiculopathy. */
export const THORACOLUMBAR_SPONDYLOSIS = 'M47.815'

/** The documentation checklist items of each family, as the worksheet stores the ticks. */
export const triggerPointChecklist = ['tpi-muscles', 'tpi-substance', 'tpi-laterality', 'tpi-relief', 'tpi-conservative'] as const
export const facetChecklist = ['facet-levels', 'facet-imaging', 'facet-pain-scores', 'facet-function', 'facet-rfa-reason'] as const

/** Every item ticked, except `open` when given: the one item a documentation example is about. */
export function ticked(items: readonly string[], open?: string): Record<string, boolean> {
  return Object.fromEntries(items.map((id) => [id, id !== open]))
}

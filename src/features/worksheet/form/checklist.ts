import { PROCEDURE_TYPES, documentationChecklist, familyLabels, type ChecklistItem, type ProcedureType } from '../../../domain/index.ts'
import type { ProcedureValues } from '../model/index.ts'

export interface ChecklistGroup {
  family: ProcedureType
  label: string
  items: ChecklistItem[]
}

type ProcedureLike = Pick<ProcedureValues, 'type' | 'technique' | 'facetPurpose'>

/**
 * Mirrors the documentation rules: an item applies when a procedure of its family is on the
 * worksheet (trigger points only when injected, not dry needling or acupuncture), and a
 * purpose-specific facet item only when a facet injection has that purpose.
 */
function applies(item: ChecklistItem, procedures: readonly ProcedureLike[]): boolean {
  return procedures.some((p) => {
    if (p.type !== item.family) return false
    if (p.type === 'trigger-point' && p.technique !== 'injection') return false
    if (item.purpose && p.type === 'facet-injection' && p.facetPurpose !== item.purpose) return false
    return true
  })
}

/** The checklist items that apply to these procedures, grouped by family in the usual family order. */
export function applicableChecklist(procedures: readonly ProcedureLike[]): ChecklistGroup[] {
  return PROCEDURE_TYPES.flatMap((family) => {
    const items = documentationChecklist.filter((item) => item.family === family && applies(item, procedures))
    return items.length > 0 ? [{ family, label: familyLabels[family], items }] : []
  })
}

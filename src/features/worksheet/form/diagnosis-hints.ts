import { PROCEDURE_TYPES, familyLabels, type ProcedureType } from '../../../domain/index.ts'
import { supportingDiagnoses } from '../../../domain/data/diagnoses.ts'

export interface SupportingHint {
  families: ProcedureType[]
  /** "Facet joint injection, Facet radiofrequency ablation" */
  label: string
  groups: string[]
}

const groupsByFamily: ReadonlyMap<ProcedureType, string[]> = new Map(
  PROCEDURE_TYPES.map((type) => [type, supportingDiagnoses[type].map((g) => g.label)]),
)

/** The diagnosis groups that support the procedure types present, one entry per distinct list (facet and RFA share theirs). */
export function supportingHints(types: readonly ProcedureType[]): SupportingHint[] {
  const hints: SupportingHint[] = []
  for (const type of PROCEDURE_TYPES) {
    if (!types.includes(type)) continue
    const groups = groupsByFamily.get(type) ?? []
    const same = hints.find((h) => h.groups.join('|') === groups.join('|'))
    if (same) {
      same.families.push(type)
      same.label = same.families.map((f) => familyLabels[f]).join(', ')
    } else {
      hints.push({ families: [type], label: familyLabels[type], groups })
    }
  }
  return hints
}

import { documentationChecklist, type ChecklistItem } from '../data/documentation.ts'
import { checkRule, type Facts, type RuleDefinition, type RuleHit } from './rule.ts'

function appliesTo(item: ChecklistItem, facts: Facts): number | null {
  const index = facts.encounter.procedures.findIndex((p) => {
    if (p.type !== item.family) return false
    if (p.type === 'trigger-point' && p.technique !== 'injection') return false
    if (item.purpose && p.type === 'facet-injection' && p.purpose !== item.purpose) return false
    return true
  })
  return index >= 0 ? index : null
}

/** One rule per checklist item: each unchecked item of a family in the encounter is a finding. */
export const documentationRules: readonly RuleDefinition[] = documentationChecklist.map((item) =>
  checkRule({
    id: `DOC-${item.id.toUpperCase()}`,
    title: `Documentation: ${item.label}`,
    scope: item.family,
    severity: 'warning',
    category: 'documentation',
    sources: [item.source],
    check: (facts): RuleHit[] => {
      const procedureIndex = appliesTo(item, facts)
      if (procedureIndex === null || facts.encounter.documentation[item.id] === true) return []
      return [{
        message: `Not yet confirmed in the note: ${item.label}.`,
        fix: 'Check the procedure note and tick the item, or ask the provider to add it before the claim goes out.',
        trace: [{ fact: 'checklist item', value: item.id }, { fact: 'ticked', value: false }],
        procedureIndex,
      }]
    },
  }),
)

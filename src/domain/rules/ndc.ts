import { checkNdcQuantity, formatNdc11 } from '../ndc/ndc.ts'
import { checkRule, codingRule, type Facts, type RuleDefinition, type RuleHit } from './rule.ts'

/** Whether the payer profile asks for an NDC on this drug's line. */
function ndcRequired(facts: Facts, drugIndex: number): boolean {
  const rule = facts.profile.ndc.required
  if (rule === 'never') return false
  if (rule === 'all-drugs') return true
  return facts.coding.drugs[drugIndex]?.info?.unclassified === true
}

/** Each drug entry that became a line, once per line (entries merged into one line report once). */
function drugLines(facts: Facts): { drugIndex: number; lineIndex: number }[] {
  const seen = new Set<number>()
  const out: { drugIndex: number; lineIndex: number }[] = []
  for (const d of facts.coding.drugs) {
    if (d.lineIndex === null || seen.has(d.lineIndex)) continue
    seen.add(d.lineIndex)
    out.push({ drugIndex: d.drugIndex, lineIndex: d.lineIndex })
  }
  return out
}

const requirementText = (facts: Facts) => facts.profile.ndc.required === 'all-drugs'
  ? `${facts.profile.name} asks for the NDC on every drug line`
  : `${facts.profile.name} asks for the NDC on unclassified drugs`

export const ndcRules: readonly RuleDefinition[] = [
  codingRule({
    id: 'NDC-LINE', title: 'NDC on the drug line', scope: 'drug',
    severity: 'info', category: 'drug', sources: ['NDC-FORMAT'],
  }),
  checkRule({
    id: 'NDC-FORMAT', title: 'NDC that cannot be read', scope: 'drug',
    severity: 'error', category: 'drug', sources: ['NDC-FORMAT'],
    check: (facts) => facts.coding.drugs.flatMap((d): RuleHit[] => (d.ndcProblem === null ? [] : [{
      message: `The NDC entered for ${facts.encounter.drugs[d.drugIndex]?.code ?? 'the drug'}: ${d.ndcProblem}`,
      fix: 'Copy the NDC from the package with its hyphens (4-4-2, 5-3-2 or 5-4-1 for 10 digits); the claim takes the 11-digit 5-4-2 form, which the worksheet makes for you.',
      trace: [{ fact: 'NDC entered', value: facts.encounter.drugs[d.drugIndex]?.ndc ?? '' }],
      ...(d.lineIndex === null ? {} : { lineIndexes: [d.lineIndex] }),
    }])),
  }),
  checkRule({
    id: 'NDC-MISSING', title: 'NDC the payer requires is missing', scope: 'drug',
    severity: 'error', category: 'drug', sources: 'payer-profile',
    check: (facts) => drugLines(facts).flatMap(({ drugIndex, lineIndex }): RuleHit[] => {
      const line = facts.coding.lines[lineIndex]
      const coding = facts.coding.drugs[drugIndex]
      if (!line || line.ndc || coding?.ndcProblem || !ndcRequired(facts, drugIndex)) return []
      return [{
        message: `${line.code} has no NDC: ${requirementText(facts)}, so the line will be returned.`,
        fix: `Enter the NDC from the vial or package on the drug, or add the practice's NDC for ${line.code} to the NDC list in settings.`,
        trace: [{ fact: 'code', value: line.code }, { fact: 'payer asks for NDC', value: facts.profile.ndc.required }],
        lineIndexes: [lineIndex],
        source: `Payer profile "${facts.profile.name}": ${facts.profile.ndc.source}`,
      }]
    }),
  }),
  checkRule({
    id: 'NDC-QUANTITY', title: 'NDC without its quantity and unit', scope: 'drug',
    severity: 'error', category: 'units', sources: ['NDC-FORMAT'],
    check: (facts) => drugLines(facts).flatMap(({ drugIndex, lineIndex }): RuleHit[] => {
      const ndc = facts.coding.lines[lineIndex]?.ndc
      if (!ndc || !ndcRequired(facts, drugIndex)) return []
      const problem = ndc.unit === null ? 'no unit (UN, ML, GR, F2 or ME)' : ndc.quantity === null ? 'no quantity' : checkNdcQuantity(ndc.quantity)
      if (problem === null) return []
      return [{
        message: `NDC ${formatNdc11(ndc.ndc11)} on ${facts.coding.lines[lineIndex]?.code ?? 'the drug line'} has ${problem.startsWith('no ') ? problem : `a bad quantity: ${problem}`}; the payer reads the NDC with its quantity and unit.`,
        fix: 'Enter the amount given in the NDC\'s unit: ML for liquids in mL, UN for vials or units, ME for milligrams, GR for grams, F2 for international units.',
        trace: [{ fact: 'NDC', value: formatNdc11(ndc.ndc11) }, { fact: 'quantity', value: ndc.quantity }, { fact: 'unit', value: ndc.unit }],
        lineIndexes: [lineIndex],
      }]
    }),
  }),
]

import type { RuleExample, RuleWithoutExamples } from '../types.ts'
import { rfaAndEpiduralExamples, rfaAndEpiduralWithoutExamples } from './ablation-and-epidural.ts'
import { drugAndClaimExamples, drugAndClaimWithoutExamples } from './drugs-and-claim.ts'
import { triggerPointAndFacetExamples, triggerPointAndFacetWithoutExamples } from './spinal-injections.ts'

/**
 * The rule library's examples: for each rule, one encounter where it fires and one close
 * variant where it does not (examples.test.ts proves both against the rule module). Import by
 * this path: the worksheet does not carry them.
 */
export const ruleExamples: readonly RuleExample[] = [...triggerPointAndFacetExamples, ...rfaAndEpiduralExamples, ...drugAndClaimExamples]

/** Rules that have no examples, each with the reason. */
export const rulesWithoutExamples: readonly RuleWithoutExamples[] = [
  ...triggerPointAndFacetWithoutExamples, ...rfaAndEpiduralWithoutExamples, ...drugAndClaimWithoutExamples,
]

/** A rule's examples, the one where it fires first. */
export function examplesFor(ruleId: string): RuleExample[] {
  return ruleExamples.filter((e) => e.ruleId === ruleId).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'fires' ? -1 : 1))
}

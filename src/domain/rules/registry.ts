import { claimRules, bilateralUnverifiedRule } from './claim.ts'
import { coverageRules } from './coverage.ts'
import { diagnosisRules } from './diagnosis.ts'
import { documentationRules } from './documentation.ts'
import { drugRules } from './drugs.ts'
import { ndcRules } from './ndc.ts'
import { epiduralRules } from './epidural.ts'
import { facetRules } from './facet.ts'
import { frequencyRules } from './frequency.ts'
import { ncciRules } from './ncci.ts'
import { pointerRules } from './pointers.ts'
import { rfaRules } from './rfa.ts'
import type { CheckRule, RuleDefinition } from './rule.ts'
import { triggerPointRules } from './trigger-point.ts'

/** Every rule of the module, in the order findings are reported within a severity. */
export const allRules: readonly RuleDefinition[] = [
  ...claimRules,
  bilateralUnverifiedRule,
  ...triggerPointRules,
  ...facetRules,
  ...rfaRules,
  ...epiduralRules,
  ...drugRules,
  ...ndcRules,
  ...diagnosisRules,
  ...coverageRules,
  ...pointerRules,
  ...frequencyRules,
  ...ncciRules,
  ...documentationRules,
]

export const checkRules: readonly CheckRule[] = allRules.filter((r): r is CheckRule => r.kind === 'check')

export const rulesById: ReadonlyMap<string, RuleDefinition> = new Map(allRules.map((r) => [r.id, r]))

import type { RuleExample, RuleWithoutExamples } from '../types.ts'
import { facetExamples } from './spinal-injections-facet.ts'
import { triggerPointExamples } from './spinal-injections-trigger-point.ts'

/** The examples of the trigger point and facet injection rules, documentation items included. */
export const triggerPointAndFacetExamples: readonly RuleExample[] = [...triggerPointExamples, ...facetExamples]

/** Every trigger point and facet injection rule can be shown by an encounter: none is left without. */
export const triggerPointAndFacetWithoutExamples: readonly RuleWithoutExamples[] = []

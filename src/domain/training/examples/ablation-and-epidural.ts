import type { RuleExample, RuleWithoutExamples } from '../types.ts'
import { rfaAndEpiduralDocumentationExamples } from './ablation-and-epidural-documentation.ts'
import { epiduralExamples } from './ablation-and-epidural-epidural.ts'
import { rfaExamples } from './ablation-and-epidural-rfa.ts'

/** The rule library examples of the facet-rfa and epidural scopes. */
export const rfaAndEpiduralExamples: readonly RuleExample[] = [...rfaExamples, ...epiduralExamples, ...rfaAndEpiduralDocumentationExamples]

/** Every facet-rfa and epidural rule can be shown by an encounter, so none is listed here. */
export const rfaAndEpiduralWithoutExamples: readonly RuleWithoutExamples[] = []

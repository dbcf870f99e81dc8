import type { PracticeCase } from '../types.ts'
import { facetCases } from './injections-facet.ts'
import { triggerPointCases } from './injections-trigger-point.ts'

/** Practice cases for trigger point and facet joint injections (and one case mixing the two). */
export const injectionCases: readonly PracticeCase[] = [...triggerPointCases, ...facetCases]

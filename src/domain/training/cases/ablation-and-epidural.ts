import type { PracticeCase } from '../types.ts'
import { epiduralCases } from './ablation-and-epidural-esi.ts'
import { epiduralCasesPart2 } from './ablation-and-epidural-esi-part2.ts'
import { rfaCases } from './ablation-and-epidural-rfa.ts'

/** The practice cases for facet radiofrequency ablation and epidural steroid injections. */
export const ablationAndEpiduralCases: readonly PracticeCase[] = [...rfaCases, ...epiduralCases, ...epiduralCasesPart2]

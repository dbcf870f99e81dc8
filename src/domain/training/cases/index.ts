import type { PracticeCase } from '../types.ts'
import { ablationAndEpiduralCases } from './ablation-and-epidural.ts'
import { injectionCases } from './injections.ts'

/** The shipped practice cases (cases.test.ts re-computes every answer key). Import by this path. */
export const practiceCases: readonly PracticeCase[] = [...injectionCases, ...ablationAndEpiduralCases]

import type { DrugInfo } from '../data/drugs.ts'
import type { ClaimLine, ClaimNdc, TraceFact } from '../types.ts'
import type { FacetPurpose, EpiduralPurpose, Side, SpinalLevel, SpinalRegion } from '../vocabulary.ts'

/**
 * What the coding stage learned while it built the lines, kept for the checks so
 * that no rule has to code the encounter a second time.
 */

export interface CodedLevel {
  level: SpinalLevel
  side: Side | null
  procedureIndex: number
  purpose: FacetPurpose | EpiduralPurpose | null
  /** 1 = first level/joint of its region in this session. */
  ordinal: number
  /** The level was entered more than once and merged. */
  mergedEntries: number
  lineIndexes: number[]
}

export interface SpinalGroup {
  family: 'facet-injection' | 'facet-rfa' | 'epidural-transforaminal'
  region: SpinalRegion
  ultrasound: boolean
  levels: CodedLevel[]
  lineIndexes: number[]
}

export interface InterlaminarGroup {
  region: SpinalRegion
  procedureIndexes: number[]
  levelCount: number
  lineIndex: number
}

export interface TriggerPointCoding {
  injectionProcedureIndexes: number[]
  /** Distinct muscle keys "muscle|side" over every injection entry of the date. */
  distinctMuscles: string[]
  lineIndex: number | null
}

export interface DrugCoding {
  drugIndex: number
  info: DrugInfo | undefined
  units: number | null
  lineIndex: number | null
  problem: 'unknown-code' | 'dose-unit' | null
  /** The NDC typed on the drug could not be read (why), or null. */
  ndcProblem: string | null
  /** The NDC the line carries (typed, or from the practice's list), or null. */
  ndc: ClaimNdc | null
}

export interface Coding {
  lines: ClaimLine[]
  spinalGroups: SpinalGroup[]
  interlaminar: InterlaminarGroup[]
  triggerPoint: TriggerPointCoding | null
  drugs: DrugCoding[]
}

/** Line under construction before it gets its index on the claim. */
export type LineDraft = Omit<ClaimLine, 'trace'> & { trace: TraceFact[] }

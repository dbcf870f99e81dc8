import { useMemo } from 'react'
import type { CoverageContext } from '../domain/coverage/index.ts'
import type { Icd10CodeSet } from '../domain/icd10/index.ts'
import { codeSetOf, coverageContextOf } from './evaluation-reference.ts'
import type { NdcListRecord } from './types.ts'
import { useStoreQuery } from './use-store-query.ts'

export { codeSetOf }

export interface ReferenceData {
  /** Undefined when no release is loaded. */
  codeSets: readonly Icd10CodeSet[] | undefined
  /** Undefined when no article is loaded. */
  coverage: CoverageContext | undefined
  /** The practice's NDC list (empty until loaded or when none is kept). */
  ndcList: readonly NdcListRecord[]
}

const NO_NDCS: readonly NdcListRecord[] = []

/**
 * The reference data the practice loaded (ICD-10-CM releases, Medicare billing articles and its
 * coverage choices) and its NDC list, ready for the evaluation context and kept current as it is loaded or removed.
 */
export function useReferenceData(): ReferenceData {
  const releases = useStoreQuery((s) => s.loadIcd10Releases(), ['icd10'], [])
  const articles = useStoreQuery((s) => s.listCoverageArticles(), ['coverageArticles'], [])
  const settings = useStoreQuery((s) => s.getCoverageSettings(), ['coverageSettings'], [])
  const ndcList = useStoreQuery((s) => s.listNdcList(), ['ndcList'], []) ?? NO_NDCS
  const codeSets = useMemo(() => (releases && releases.length > 0 ? releases.map(codeSetOf) : undefined), [releases])
  const coverage = useMemo<CoverageContext | undefined>(() => coverageContextOf(articles, settings), [articles, settings])
  return useMemo(() => ({ codeSets, coverage, ndcList }), [codeSets, coverage, ndcList])
}

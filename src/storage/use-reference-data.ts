import { useMemo } from 'react'
import type { CoverageContext } from '../domain/coverage/index.ts'
import type { Icd10CodeSet } from '../domain/icd10/index.ts'
import { codeSetOfRelease, coverageContextOf } from '../group-api/evaluation-reference.ts'
import { decodeIcd10Codes } from './icd10-codes.ts'
import type { Icd10ReleaseRecord, NdcListRecord } from './types.ts'
import { useStoreQuery } from './use-store-query.ts'

/** Built indexes by release id and load time: a release's index is built once per page, not per render or reload. */
const indexCache = new Map<string, Icd10CodeSet>()

/** The code set of a stored release, its index built on first use. */
export function codeSetOf(record: Icd10ReleaseRecord): Icd10CodeSet {
  const key = `${record.id}|${record.loadedAt}`
  let set = indexCache.get(key)
  if (!set) {
    set = codeSetOfRelease(record, decodeIcd10Codes(record.codes))
    indexCache.set(key, set)
  }
  return set
}

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

import type { Icd10Release, Icd10ReleaseKind } from './types.ts'

/** The fiscal year a date of service falls in: October 1 starts the next year's (2025-10-01 is FY2026). */
export function fiscalYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4))
  const month = Number(isoDate.slice(5, 7))
  return month >= 10 ? year + 1 : year
}

/** The dates a release applies to by default: the October release for the whole year, the April update from April 1. */
export function releaseBounds(fiscalYear: number, release: Icd10ReleaseKind): { from: string; to: string } {
  return {
    from: release === 'april' ? `${fiscalYear}-04-01` : `${fiscalYear - 1}-10-01`,
    to: `${fiscalYear}-09-30`,
  }
}

export function releaseId(fiscalYear: number, release: Icd10ReleaseKind): string {
  return release === 'april' ? `${fiscalYear}-april` : String(fiscalYear)
}

/**
 * The release in force on a date of service: among the loaded releases whose dates hold it, the
 * one that started last (an April update replaces its October release from April 1). Null when
 * none holds it: the code set for that date was not loaded.
 */
export function selectRelease<R extends Pick<Icd10Release, 'effectiveFrom' | 'effectiveTo'>>(releases: readonly R[], dateOfService: string): R | null {
  let best: R | null = null
  for (const r of releases) {
    if (r.effectiveFrom > dateOfService || r.effectiveTo < dateOfService) continue
    if (best === null || r.effectiveFrom > best.effectiveFrom) best = r
  }
  return best
}

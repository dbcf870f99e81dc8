import type { Icd10Code, Icd10Release } from '../domain/icd10/index.ts'
import type { Icd10ReleaseInfo, Icd10ReleaseRecord } from './types.ts'

/** How an ICD-10-CM release is kept: its codes as one text (see Icd10ReleaseRecord). */

/** Codes → one line each, `code TAB 1/0 TAB short TAB long`; tabs and line breaks in text become spaces. */
export function encodeIcd10Codes(codes: readonly Icd10Code[]): string {
  const clean = (text: string) => text.replace(/[\t\r\n]/g, ' ')
  return codes.map((c) => `${c.code}\t${c.billable ? 1 : 0}\t${clean(c.short)}\t${clean(c.long)}`).join('\n')
}

export function decodeIcd10Codes(text: string): Icd10Code[] {
  if (text === '') return []
  return text.split('\n').map((line) => {
    const [code = '', flag, short = '', long = ''] = line.split('\t')
    return { code, billable: flag === '1', short, long }
  })
}

/** The record to store for a parsed release. */
export function icd10ReleaseRecord(release: Icd10Release, fileName: string, loadedAt: string): Icd10ReleaseRecord {
  return {
    id: release.id, fiscalYear: release.fiscalYear, release: release.release, effectiveFrom: release.effectiveFrom, effectiveTo: release.effectiveTo,
    loadedAt, fileName, codeCount: release.codes.length, codes: encodeIcd10Codes(release.codes),
  }
}

export function icd10InfoOf(r: Icd10ReleaseRecord): Icd10ReleaseInfo {
  return { id: r.id, fiscalYear: r.fiscalYear, release: r.release, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, loadedAt: r.loadedAt, fileName: r.fileName, codeCount: r.codeCount, ...(r.group ? { group: r.group } : {}) }
}

/** Newest release first: later effective date first. */
export { byReleaseDesc } from '../group-api/evaluation-reference.ts'

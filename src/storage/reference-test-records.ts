import type { CoverageArticleRecord, Icd10ReleaseRecord } from './types.ts'

/** Test support: small ICD-10-CM and coverage records as the reference screens store them. */

export function icd10Record(fiscalYear = 2027, codes = 'M541\t0\tRadiculopathy\tRadiculopathy\nM5416\t1\tRadiculopathy, lumbar\tRadiculopathy, lumbar region'): Icd10ReleaseRecord {
  return {
    id: String(fiscalYear), fiscalYear, release: 'october', effectiveFrom: `${fiscalYear - 1}-10-01`, effectiveTo: `${fiscalYear}-09-30`,
    loadedAt: '2026-11-26T10:00:00.000Z', fileName: `icd10cm_order_${fiscalYear}.txt`, codeCount: codes.split('\n').length, codes,
  }
}

export function articleRecord(articleId: string, version = 1, codes: string[] = ['M5416']): CoverageArticleRecord {
  return {
    article: { articleId, version, title: `Billing and Coding ${articleId}`, hcpcsCodes: ['62323'], groups: [{ group: 1, paragraph: 'Group 1', codes }] },
    loadedAt: '2026-11-26T10:00:00.000Z', fileNames: ['article.csv'],
  }
}

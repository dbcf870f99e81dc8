import { builtInPayerProfiles, payerProfileSchema, type PayerProfile } from '../domain/index.ts'
import type { CoverageContext } from '../domain/coverage/index.ts'
import { buildIcd10Index, type Icd10CodeSet } from '../domain/icd10/index.ts'
import type { MueTable, PtpTable } from '../domain/ncci/index.ts'
import { decodeIcd10Codes } from './icd10-codes.ts'
import type { CoverageArticleRecord, CoverageSettingsRecord, CustomPayerProfileRecord, Icd10ReleaseRecord, NcciTableRecord } from './types.ts'

/**
 * How stored data becomes the evaluation context's reference data: the payer profiles, the NCCI
 * tables, the ICD-10-CM code sets and the coverage context. The browser (the worksheet's hooks and
 * stores) and the group server's finalize (server/services/evaluation-data.ts) both build the
 * context with these, so a line is coded the same way on both sides.
 */

const builtInIds = new Set(builtInPayerProfiles.map((p) => p.id))

/**
 * The payer profiles the app evaluates with: the built-in ones, then the practice's own in the
 * order given. A custom profile that does not parse under payerProfileSchema, or that takes a
 * built-in profile's id, is left out (the server refuses such a record on write).
 */
export function payerProfilesWith(custom: readonly Pick<CustomPayerProfileRecord, 'profile'>[]): PayerProfile[] {
  const own: PayerProfile[] = []
  for (const r of custom) {
    const parsed = payerProfileSchema.safeParse(r.profile)
    if (parsed.success && !builtInIds.has(parsed.data.id)) own.push(r.profile)
  }
  return [...builtInPayerProfiles, ...own]
}

/** Newest quarter first; at one quarter, MUE before PTP. */
export const byQuarterDesc = (a: { quarter: string; kind: string }, b: { quarter: string; kind: string }) =>
  a.quarter !== b.quarter ? (a.quarter < b.quarter ? 1 : -1) : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0

/** The NCCI tables of stored table records, newest quarter first. */
export function ncciTablesOf(records: readonly NcciTableRecord[]): { mue: MueTable[]; ptp: PtpTable[] } {
  const mue: MueTable[] = []
  const ptp: PtpTable[] = []
  for (const r of [...records].sort(byQuarterDesc)) {
    if (r.kind === 'mue') mue.push(r.table)
    else ptp.push(r.table)
  }
  return { mue, ptp }
}

/** Built indexes by release id and load time: a release's index is built once per page (or server process), not per render or request. */
const indexCache = new Map<string, Icd10CodeSet>()

/** The code set of a stored release, its index built on first use. */
export function codeSetOf(record: Icd10ReleaseRecord): Icd10CodeSet {
  const key = `${record.id}|${record.loadedAt}`
  let set = indexCache.get(key)
  if (!set) {
    set = { id: record.id, fiscalYear: record.fiscalYear, effectiveFrom: record.effectiveFrom, effectiveTo: record.effectiveTo, index: buildIcd10Index(decodeIcd10Codes(record.codes)) }
    indexCache.set(key, set)
  }
  return set
}

/** Forgets a built index (a release removed or replaced), so a long-running process does not keep it. */
export function forgetCodeSet(record: Pick<Icd10ReleaseRecord, 'id' | 'loadedAt'>): void {
  indexCache.delete(`${record.id}|${record.loadedAt}`)
}

/** The coverage context of the loaded billing articles and the practice's coverage choices; undefined when no article is loaded. */
export function coverageContextOf(articles: readonly Pick<CoverageArticleRecord, 'article'>[] | undefined, settings: Pick<CoverageSettingsRecord, 'choices' | 'settings'> | undefined): CoverageContext | undefined {
  return articles && articles.length > 0 ? { articles: articles.map((r) => r.article), choices: settings?.choices ?? {}, settings: settings?.settings ?? {} } : undefined
}

import { builtInPayerProfiles, payerProfileSchema, type PayerProfile } from '../domain/index.ts'
import type { CoverageArticle, CoverageContext } from '../domain/coverage/index.ts'
import { buildIcd10Index, type Icd10Code, type Icd10CodeSet } from '../domain/icd10/index.ts'
import type { MueTable, PtpTable } from '../domain/ncci/index.ts'

/**
 * How stored data becomes the evaluation context's reference data: the payer profiles, the NCCI
 * tables, the ICD-10-CM code sets and the coverage context. The browser (the worksheet's hooks and
 * its stores) and the group server's finalize and move-in (server/services/evaluation-data.ts)
 * both build the context with these, so a line is coded the same way on both sides.
 */

const builtInIds = new Set(builtInPayerProfiles.map((p) => p.id))

/**
 * The payer profiles the app evaluates with: the built-in ones, then the practice's own in the
 * order given. A custom profile that does not parse under payerProfileSchema, or that takes a
 * built-in profile's id, is left out (the stores refuse such a record on write).
 */
export function payerProfilesWith(custom: readonly { profile: PayerProfile }[]): PayerProfile[] {
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

type NcciTableEntry = { quarter: string } & ({ kind: 'mue'; table: MueTable } | { kind: 'ptp'; table: PtpTable })

/** The NCCI tables of stored table records, newest quarter first. */
export function ncciTablesOf(records: readonly NcciTableEntry[]): { mue: MueTable[]; ptp: PtpTable[] } {
  const mue: MueTable[] = []
  const ptp: PtpTable[] = []
  for (const r of [...records].sort(byQuarterDesc)) {
    if (r.kind === 'mue') mue.push(r.table)
    else ptp.push(r.table)
  }
  return { mue, ptp }
}

/** Newest ICD-10-CM release first: later effective date first. */
export const byReleaseDesc = (a: { effectiveFrom: string; id: string }, b: { effectiveFrom: string; id: string }) =>
  a.effectiveFrom !== b.effectiveFrom ? (a.effectiveFrom < b.effectiveFrom ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0

/** The code set of a release (its index built here: callers keep the result rather than build it per evaluation). */
export function codeSetOfRelease(release: { id: string; fiscalYear: number; effectiveFrom: string; effectiveTo: string }, codes: readonly Icd10Code[]): Icd10CodeSet {
  return { id: release.id, fiscalYear: release.fiscalYear, effectiveFrom: release.effectiveFrom, effectiveTo: release.effectiveTo, index: buildIcd10Index(codes) }
}

/** The coverage context of the loaded billing articles and the practice's coverage choices; undefined when no article is loaded. */
export function coverageContextOf(
  articles: readonly { article: CoverageArticle }[] | undefined,
  settings: Pick<CoverageContext, 'choices' | 'settings'> | undefined,
): CoverageContext | undefined {
  return articles && articles.length > 0 ? { articles: articles.map((r) => r.article), choices: settings?.choices ?? {}, settings: settings?.settings ?? {} } : undefined
}

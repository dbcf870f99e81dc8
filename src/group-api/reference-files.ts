import { codeCatalog } from '../domain/index.ts'
import { parseCoverageArticles, type CoverageArticle } from '../domain/coverage/index.ts'
import { parseIcd10OrderFile, releaseId, type Icd10Release, type Icd10ReleaseKind } from '../domain/icd10/index.ts'
import { mergePtpTables, parseMueFile, parsePtpFile, quarterBounds, type MueTable, type PtpTable } from '../domain/ncci/index.ts'

/**
 * Public reference files (CMS NCCI tables, ICD-10-CM order files, MCD billing articles) as the
 * browser and the group server both read them: the same parsers, the same meta, the same record
 * keys. The browser parses for its own store and before it uploads; the server parses again and
 * never trusts the browser's parse (issues 13, 14).
 */

export const REFERENCE_KINDS = ['ncci', 'icd10', 'coverage'] as const
export type ReferenceKind = (typeof REFERENCE_KINDS)[number]

/** What the person says about the files that the files themselves do not say. */
export type ReferenceMeta =
  | { kind: 'ncci'; table: 'mue' | 'ptp'; quarter: string }
  | { kind: 'icd10'; fiscalYear: number; release: Icd10ReleaseKind }
  | { kind: 'coverage' }

export interface ReferenceSource { name: string; text: string }

/** What a list shows of an upload, per kind (counts and coverage dates as the app shows them). */
export type ReferenceSummary =
  | { kind: 'ncci'; table: 'mue' | 'ptp'; quarter: string; effectiveFrom: string; effectiveTo: string | null; entryCount: number }
  | { kind: 'icd10'; fiscalYear: number; release: Icd10ReleaseKind; effectiveFrom: string; effectiveTo: string; codeCount: number }
  | { kind: 'coverage'; articles: { articleId: string; title: string | null }[] }

export type ParsedReference =
  | { kind: 'ncci'; table: { kind: 'mue'; table: MueTable } | { kind: 'ptp'; table: PtpTable } }
  | { kind: 'icd10'; release: Icd10Release }
  | { kind: 'coverage'; articles: CoverageArticle[] }

export type ReferenceParse =
  | { ok: true; parsed: ParsedReference; summary: ReferenceSummary; keys: string[]; warnings: string[] }
  | { ok: false; problems: string[]; errorCount: number }

/** The meta an upload was made with, from its summary (to parse a stored upload again). */
export const metaOfSummary = (s: ReferenceSummary): ReferenceMeta =>
  s.kind === 'ncci' ? { kind: 'ncci', table: s.table, quarter: s.quarter } : s.kind === 'icd10' ? { kind: 'icd10', fiscalYear: s.fiscalYear, release: s.release } : { kind: 'coverage' }

/** The procedure codes the app bills: an article listing none of them is left out of an import. */
export const APP_CODES: ReadonlySet<string> = new Set([...codeCatalog.values()].filter((c) => c.family !== undefined).map((c) => c.code))

/** Problems named in a refusal; the rest are counted. */
export const SHOWN_PROBLEMS = 20

/** "file: Row N, column X: message"; a file-wide problem (row 0) reads as it is. */
export function describeProblem(e: { file?: string; row: number; column?: string; message: string }): string {
  const where = e.row === 0 ? '' : `Row ${e.row}${e.column ? `, column ${e.column}` : ''}: `
  return `${e.file ? `${e.file}: ` : ''}${where}${e.message}`
}

const refuse = (errors: readonly { file?: string; row: number; column?: string; message: string }[]): ReferenceParse =>
  ({ ok: false, problems: errors.slice(0, SHOWN_PROBLEMS).map(describeProblem), errorCount: errors.length })

const ptpCount = (t: PtpTable) => { let n = 0; for (const e of t.edits.values()) n += e.length; return n }

/**
 * The app's record keys an upload provides: an NCCI table per kind and quarter (`mue:2026Q1`),
 * an ICD-10-CM release per fiscal year (`2026`, `2026-april`), a billing article per article id.
 * A second upload providing the same keys replaces the first, as a second load does in the
 * standalone app.
 */
export function keysOf(summary: ReferenceSummary): string[] {
  switch (summary.kind) {
    case 'ncci': return [`${summary.table}:${summary.quarter}`]
    case 'icd10': return [releaseId(summary.fiscalYear, summary.release)]
    case 'coverage': return summary.articles.map((a) => a.articleId)
  }
}

/** Parses an upload's files with the app's own parsers: every record, or the problems by file, row and column. */
export function parseReferenceFiles(meta: ReferenceMeta, files: readonly ReferenceSource[]): ReferenceParse {
  if (files.length === 0) return refuse([{ row: 0, message: 'No file was given.' }])
  if (meta.kind === 'ncci') {
    const quarter = meta.quarter.trim().toUpperCase()
    let bounds: { from: string; to: string }
    try { bounds = quarterBounds(quarter) } catch { return refuse([{ row: 0, message: `'${meta.quarter}' is not a quarter (write it like 2026Q1).` }]) }
    const fileMeta = { quarter, effectiveFrom: bounds.from, effectiveTo: bounds.to }
    const base = { kind: 'ncci' as const, table: meta.table, quarter, effectiveFrom: bounds.from, effectiveTo: bounds.to }
    if (meta.table === 'mue') {
      if (files.length > 1) return refuse([{ row: 0, message: 'An MUE table is one file.' }])
      const parsed = parseMueFile(files[0].text, fileMeta)
      if (!parsed.ok) return refuse(parsed.errors.map((e) => ({ ...e, file: files[0].name })))
      const summary: ReferenceSummary = { ...base, entryCount: parsed.table.entries.size }
      return { ok: true, parsed: { kind: 'ncci', table: { kind: 'mue', table: parsed.table } }, summary, keys: keysOf(summary), warnings: parsed.warnings }
    }
    const parts: PtpTable[] = []
    const warnings: string[] = []
    for (const file of files) {
      const parsed = parsePtpFile(file.text, fileMeta)
      if (!parsed.ok) return refuse(parsed.errors.map((e) => ({ ...e, file: file.name })))
      parts.push(parsed.table)
      warnings.push(...parsed.warnings)
    }
    const merged = mergePtpTables(parts)
    if (!merged.ok) return refuse(merged.errors.map((e) => ({ ...e, file: files.map((f) => f.name).join(', ') })))
    const summary: ReferenceSummary = { ...base, entryCount: ptpCount(merged.table) }
    return { ok: true, parsed: { kind: 'ncci', table: { kind: 'ptp', table: merged.table } }, summary, keys: keysOf(summary), warnings: [...warnings, ...merged.warnings] }
  }
  if (meta.kind === 'icd10') {
    if (files.length > 1) return refuse([{ row: 0, message: 'An ICD-10-CM release is one order file.' }])
    const parsed = parseIcd10OrderFile(files[0].text, { fiscalYear: meta.fiscalYear, release: meta.release })
    if (!parsed.ok) return refuse(parsed.errors.map((e) => ({ ...e, file: files[0].name })))
    const r = parsed.release
    const summary: ReferenceSummary = { kind: 'icd10', fiscalYear: r.fiscalYear, release: r.release, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, codeCount: r.codes.length }
    return { ok: true, parsed: { kind: 'icd10', release: r }, summary, keys: [r.id], warnings: parsed.warnings }
  }
  const parsed = parseCoverageArticles(files, { keepHcpcs: APP_CODES })
  if (!parsed.ok) return refuse(parsed.errors)
  if (parsed.articles.length === 0) return refuse([{ row: 0, message: 'None of the articles in these files lists a code this app bills.' }])
  const summary: ReferenceSummary = { kind: 'coverage', articles: parsed.articles.map((a) => ({ articleId: a.articleId, title: a.title })) }
  return { ok: true, parsed: { kind: 'coverage', articles: parsed.articles }, summary, keys: keysOf(summary), warnings: parsed.warnings }
}

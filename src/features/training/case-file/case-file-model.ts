import { CASE_LEVELS, type AnswerKey, type CaseLevel, type PracticeCase } from '../../../domain/training/types.ts'
import type { PracticeCaseRecord } from '../../../storage/types.ts'

/**
 * The case file screen's pure side: which cases an export holds, its file name, and what an
 * import would do to each case of a file the case file model accepted.
 */

export type ExportScope = 'all' | 'own' | CaseLevel
export const EXPORT_SCOPES: readonly ExportScope[] = ['all', 'own', ...CASE_LEVELS]

/** A case of the catalog, as the export sees it. */
export interface ExportableCase {
  case: PracticeCase
  source: 'shipped' | 'library'
}

/** The cases of `scope`, in catalog order. */
export function casesOfScope(cases: readonly ExportableCase[], scope: ExportScope): PracticeCase[] {
  const kept = scope === 'all' ? cases : scope === 'own' ? cases.filter((c) => c.source === 'library') : cases.filter((c) => c.case.level === scope)
  return kept.map((c) => c.case)
}

/** The download's name for a local date YYYY-MM-DD. */
export const caseFileName = (localDate: string): string => `practice-cases-${localDate}.json`

export type ImportStatus =
  | { kind: 'new' }
  | { kind: 'replaces'; title: string }
  /** The id is a shipped case's: the whole file is refused. */
  | { kind: 'shipped' }

export interface ImportRow {
  case: PracticeCase
  status: ImportStatus
  /** The file's answer key differs from the rule module's today; the module's is stored. */
  keyUpdated: boolean
}

export interface ImportPreview {
  rows: ImportRow[]
  /** Ids of cases that reuse a shipped case's id (any makes the whole import refused). */
  shippedClashes: string[]
}

/**
 * What importing the accepted cases would do: each case new or replacing the practice's case of
 * the same id, its key replaced by today's when stale; refused as a whole when an id is shipped.
 */
export function buildImportPreview(
  cases: readonly PracticeCase[],
  staleKeys: readonly { id: string; key: AnswerKey }[],
  isShipped: (id: string) => boolean,
  ownTitles: ReadonlyMap<string, string>,
): ImportPreview {
  const fresh = new Map(staleKeys.map((s) => [s.id, s.key]))
  const rows = cases.map((c): ImportRow => {
    const key = fresh.get(c.id)
    const own = ownTitles.get(c.id)
    const status: ImportStatus = isShipped(c.id) ? { kind: 'shipped' } : own !== undefined ? { kind: 'replaces', title: own } : { kind: 'new' }
    return { case: key ? { ...c, answerKey: key } : c, status, keyUpdated: key !== undefined }
  })
  return { rows, shippedClashes: rows.filter((r) => r.status.kind === 'shipped').map((r) => r.case.id) }
}

/** The records one import stores; a replaced case keeps when it was first stored. */
export function importRecords(
  preview: ImportPreview,
  user: { id: string; name: string } | null,
  now: string,
  createdAtOf: (id: string) => string | undefined,
): PracticeCaseRecord[] {
  if (preview.shippedClashes.length > 0) throw new Error('A case file with a shipped case id cannot be imported.')
  return preview.rows.map((r) => ({
    id: r.case.id, case: r.case, origin: 'imported', createdAt: createdAtOf(r.case.id) ?? now, updatedAt: now,
    userId: user?.id ?? '', userName: user?.name ?? '',
  }))
}

/** "3 cases imported: 2 new, 1 replaced; 1 answer key updated to today's rule module." */
export function importSummary(preview: ImportPreview): string {
  const n = preview.rows.length
  const replaced = preview.rows.filter((r) => r.status.kind === 'replaces').length
  const updated = preview.rows.filter((r) => r.keyUpdated).length
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`
  return `${plural(n, 'case')} imported: ${n - replaced} new, ${replaced} replaced${updated > 0 ? `; ${plural(updated, 'answer key')} updated to today's rule module` : ''}.`
}

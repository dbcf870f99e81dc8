import type { EvaluationInputDraft } from '../../schema.ts'

/**
 * Shared pieces of the RFA and epidural practice cases: every fact that matters to a case is
 * written in the case itself; only the invented patient account and the schema wrapper live here.
 */

type EncounterDraft = EvaluationInputDraft['encounter']
type HistoryDraft = NonNullable<EvaluationInputDraft['history']>[number]

export const CASE_TODAY = '2026-11-26'

/** An input with the encounter as stated and the prior claim lines on file. */
export function caseInput(encounter: Omit<EncounterDraft, 'otherLines'> & Partial<Pick<EncounterDraft, 'otherLines'>>, history: HistoryDraft[] = []): EvaluationInputDraft {
  return { schemaVersion: 1, encounter: { otherLines: [], ...encounter }, history }
}

/** One prior claim line: date, code, modifiers, rendering provider (one unit). */
export function prior(dateOfService: string, code: string, modifiers: string[], providerId: string): HistoryDraft {
  return { dateOfService, code, modifiers, units: 1, providerId }
}

/** The RFA checklist items, each ticked only when the note shows it. */
export function rfaDocs(open: ReadonlyArray<'rfa-levels' | 'rfa-imaging' | 'rfa-diagnostic-blocks' | 'rfa-scales'> = []): Record<string, boolean> {
  const items = ['rfa-levels', 'rfa-imaging', 'rfa-diagnostic-blocks', 'rfa-scales'] as const
  return Object.fromEntries(items.map((id) => [id, !open.includes(id)]))
}

/** The epidural checklist items, each ticked only when the note shows it. */
export function esiDocs(open: ReadonlyArray<'esi-approach' | 'esi-level-entry' | 'esi-imaging' | 'esi-substance' | 'esi-session-count'> = []): Record<string, boolean> {
  const items = ['esi-approach', 'esi-level-entry', 'esi-imaging', 'esi-substance', 'esi-session-count'] as const
  return Object.fromEntries(items.map((id) => [id, !open.includes(id)]))
}

/** The facet injection checklist items (for cases that add a facet injection to an RFA day). */
export function facetDocs(open: ReadonlyArray<'facet-levels' | 'facet-imaging' | 'facet-pain-scores' | 'facet-function' | 'facet-rfa-reason'> = []): Record<string, boolean> {
  const items = ['facet-levels', 'facet-imaging', 'facet-pain-scores', 'facet-function', 'facet-rfa-reason'] as const
  return Object.fromEntries(items.map((id) => [id, !open.includes(id)]))
}

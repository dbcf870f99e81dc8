import type { IsoDate } from '../../dates.ts'
import type { EvaluationInputDraft } from '../../schema.ts'

export { EXAMPLE_TODAY, officeVisit, type VisitFacts } from './office-visit.ts'
type HistoryLineDraft = NonNullable<EvaluationInputDraft['history']>[number]

/** A diagnostic medial branch block on file: the first right lumbar facet level (64493) with KX, as a claim export carries it. */
export function lumbarDiagnosticBlock(dateOfService: IsoDate, providerId: string): HistoryLineDraft {
  return { dateOfService, code: '64493', modifiers: ['RT', 'KX'], units: 1, providerId }
}

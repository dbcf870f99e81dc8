import type { IsoDate } from '../../dates.ts'
import type { EvaluationInputDraft } from '../../schema.ts'

/** The "today" every RFA and epidural example is evaluated on. */
export const EXAMPLE_TODAY: IsoDate = '2026-11-26'

type EncounterDraft = EvaluationInputDraft['encounter']
type HistoryLineDraft = NonNullable<EvaluationInputDraft['history']>[number]

/** A diagnostic medial branch block on file: the first right lumbar facet level (64493) with KX, as a claim export carries it. */
export function lumbarDiagnosticBlock(dateOfService: IsoDate, providerId: string): HistoryLineDraft {
  return { dateOfService, code: '64493', modifiers: ['RT', 'KX'], units: 1, providerId }
}

export interface VisitFacts {
  patientId: string
  dateOfService: IsoDate
  diagnoses: string[]
  procedures: EncounterDraft['procedures']
  documentation?: Record<string, boolean>
  history?: EvaluationInputDraft['history']
}

/**
 * An office visit billed professionally by DR-A under the Medicare profile: the setting every
 * example shares, so a pair differs only in the fact the rule reads.
 */
export function officeVisit(facts: VisitFacts): EvaluationInputDraft {
  return {
    encounter: {
      dateOfService: facts.dateOfService,
      patientId: facts.patientId,
      providerId: 'DR-A',
      placeOfService: '11',
      claimType: 'professional',
      payerProfile: 'medicare',
      priorAuthorization: null,
      diagnoses: facts.diagnoses,
      procedures: facts.procedures,
      drugs: [],
      otherLines: [],
      documentation: facts.documentation ?? {},
    },
    history: facts.history ?? [],
  }
}

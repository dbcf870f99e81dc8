import type { IsoDate } from '../../dates.ts'
import type { EvaluationInputDraft } from '../../schema.ts'

/**
 * The setting every rule example shares: an office visit (place of service 11) billed
 * professionally by DR-A under the Medicare profile, evaluated on EXAMPLE_TODAY. An example then
 * states only the facts its rule turns on, and its near miss differs in one of them. Plain data:
 * each example opens in the worksheet as written.
 */

type EncounterDraft = EvaluationInputDraft['encounter']

export const EXAMPLE_TODAY: IsoDate = '2026-11-26'

export interface VisitFacts {
  patientId: string
  dateOfService: IsoDate
  diagnoses: string[]
  procedures: EncounterDraft['procedures']
  drugs?: EncounterDraft['drugs']
  otherLines?: EncounterDraft['otherLines']
  documentation?: Record<string, boolean>
  history?: EvaluationInputDraft['history']
}

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
      drugs: facts.drugs ?? [],
      otherLines: facts.otherLines ?? [],
      documentation: facts.documentation ?? {},
    },
    history: facts.history ?? [],
  }
}

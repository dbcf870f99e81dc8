import { builtInPayerProfiles } from './data/payer-profiles.ts'
import type { IsoDate } from './dates.ts'
import type { EvaluationContext, NcciTables } from './types.ts'

export interface ContextOptions {
  ncci?: NcciTables
  payerProfiles?: EvaluationContext['payerProfiles']
  codeSets?: EvaluationContext['codeSets']
  coverage?: EvaluationContext['coverage']
  ndcList?: EvaluationContext['ndcList']
}

/**
 * A context with the built-in payer profiles; the caller says what day it is, and passes the
 * reference data the practice loaded (absent: the rules say the data was not loaded).
 */
export function createContext(today: IsoDate, options: ContextOptions = {}): EvaluationContext {
  return {
    today,
    payerProfiles: options.payerProfiles ?? builtInPayerProfiles,
    ...(options.ncci ? { ncci: options.ncci } : {}),
    ...(options.codeSets ? { codeSets: options.codeSets } : {}),
    ...(options.coverage ? { coverage: options.coverage } : {}),
    ...(options.ndcList ? { ndcList: options.ndcList } : {}),
  }
}

import { builtInPayerProfiles } from './data/payer-profiles.ts'
import type { IsoDate } from './dates.ts'
import type { EvaluationContext, NcciTables } from './types.ts'

/** A context with the built-in payer profiles; the caller says what day it is. */
export function createContext(today: IsoDate, options: { ncci?: NcciTables; payerProfiles?: EvaluationContext['payerProfiles'] } = {}): EvaluationContext {
  return { today, payerProfiles: options.payerProfiles ?? builtInPayerProfiles, ...(options.ncci ? { ncci: options.ncci } : {}) }
}

import { isIcd10CmFormat as isCode, normalizeDiagnosis } from '../../../domain/index.ts'

/** Whether the text has the shape of an ICD-10-CM code (the rule module's own check), not whether the code exists. */
export function isIcd10CmFormat(text: string): boolean {
  return isCode(normalizeDiagnosis(text))
}

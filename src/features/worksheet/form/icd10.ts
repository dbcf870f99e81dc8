export const ICD10_CM_PATTERN = /^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/

/** Whether the text has the shape of an ICD-10-CM code once trimmed and upper-cased (not whether the code exists). */
export function isIcd10CmFormat(text: string): boolean {
  return ICD10_CM_PATTERN.test(text.trim().toUpperCase())
}

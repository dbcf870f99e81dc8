/**
 * The ICD-10-CM code set by fiscal year: parse the CMS order file, pick the release in force on
 * a date of service, and look codes up or search them for the diagnosis field.
 */
export type { Icd10Code, Icd10CodeSet, Icd10Release, Icd10ReleaseKind, Icd10ReleaseMeta, Icd10Status } from './types.ts'
export { parseIcd10OrderFile, type Icd10ParseOptions, type Icd10ParseResult } from './parse-order-file.ts'
export { fiscalYearOf, releaseBounds, releaseId, selectRelease } from './fiscal-year.ts'
export { buildIcd10Index, formatIcd10, normalizeIcd10, type Icd10Index, type Icd10Match } from './code-index.ts'

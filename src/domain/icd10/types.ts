import type { Icd10Index } from './code-index.ts'

/**
 * The ICD-10-CM code set as CMS publishes it each fiscal year (the "order file"), and what the
 * worksheet needs of it: is a code valid for the date of service, is it billable, what does it
 * say. Descriptions are public (CMS/CDC); no AMA text is involved.
 */

/** One line of the order file. `code` has no dot ("M5416"); `billable` is the file's 1/0 flag. */
export interface Icd10Code {
  code: string
  billable: boolean
  short: string
  long: string
}

/** 'october': the fiscal year's release (October 1); 'april': its April update. */
export type Icd10ReleaseKind = 'october' | 'april'

/** What the caller knows of a file that the file does not say. */
export interface Icd10ReleaseMeta {
  /** The fiscal year the file is for (FY2026 runs 2025-10-01 to 2026-09-30). */
  fiscalYear: number
  release?: Icd10ReleaseKind
  /** First date of service, ISO; defaults to the release's date (October 1 before the year, or April 1). */
  effectiveFrom?: string
  /** Last date of service (inclusive), ISO; defaults to September 30 of the fiscal year. */
  effectiveTo?: string
}

/** A loaded order file: every code of one release, in the file's order. */
export interface Icd10Release {
  /** `${fiscalYear}` or `${fiscalYear}-april`: one record per release. */
  id: string
  fiscalYear: number
  release: Icd10ReleaseKind
  effectiveFrom: string
  effectiveTo: string
  codes: Icd10Code[]
}

/** How a diagnosis code stands in a release. */
export type Icd10Status =
  | { status: 'billable'; code: Icd10Code }
  /** A category or subcategory: more characters are needed; `children` are its billable codes. */
  | { status: 'header'; code: Icd10Code; children: Icd10Code[] }
  | { status: 'unknown' }

/** A loaded release as the rule module reads it: its dates and its index. */
export interface Icd10CodeSet {
  id: string
  fiscalYear: number
  effectiveFrom: string
  effectiveTo: string
  index: Icd10Index
}

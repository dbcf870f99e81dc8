/**
 * Shapes of the CMS National Correct Coding Initiative (NCCI) tables once parsed: the
 * practitioner Medically Unlikely Edits (MUE) and procedure-to-procedure (PTP) edits.
 * Dates are ISO YYYY-MM-DD strings; codes are 5-character HCPCS/CPT codes.
 */

/**
 * One problem found in a file. `row` is the 1-based physical line on which the record
 * starts (what a text editor shows), or 0 when the problem is about the whole file or
 * its metadata rather than one line. `column` is the header name as written in the file.
 */
export type NcciParseError = { row: number; column?: string; message: string }

export type ParseResult<T> =
  | { ok: true; table: T; warnings: string[] }
  | { ok: false; errors: NcciParseError[] }

/** What the caller knows about a file that the file itself does not say. */
export interface NcciFileMeta {
  /** Publication quarter, e.g. "2026Q4". */
  quarter: string
  /** First date of service the table applies to, ISO. */
  effectiveFrom: string
  /** Last date of service the table applies to (inclusive), ISO; null or absent = until superseded. */
  effectiveTo?: string | null
}

export interface NcciParseOptions {
  /** Largest accepted input, counted in characters of the decoded text. Default 60 MB. */
  maxBytes?: number
}

/** 1 = claim-line edit, 2 = date-of-service edit (policy), 3 = date-of-service edit (clinical). */
export type MueAdjudicationIndicator = 1 | 2 | 3

export interface MueEntry {
  code: string
  value: number
  mai: MueAdjudicationIndicator
  rationale: string
}

export interface MueTable {
  kind: 'mue-practitioner'
  quarter: string
  effectiveFrom: string
  effectiveTo: string | null
  entries: Map<string, MueEntry>
}

/** 0 = no modifier bypasses the edit, 1 = an NCCI-associated modifier may, 9 = not applicable. */
export type PtpModifierIndicator = 0 | 1 | 9

export interface PtpEdit {
  column1: string
  column2: string
  effectiveFrom: string
  /** Last date of service the edit applies to, inclusive (see isPtpEditActiveOn); null = not deleted. */
  deletedOn: string | null
  modifierIndicator: PtpModifierIndicator
  rationale: string
}

export interface PtpTable {
  kind: 'ptp-practitioner'
  quarter: string
  effectiveFrom: string
  effectiveTo: string | null
  /** Keyed by the column 1 code, in file order. */
  edits: Map<string, PtpEdit[]>
}

import type { IsoDate } from '../dates.ts'

/**
 * Shapes of an X12 835 (005010X221A1) health care claim payment/advice once parsed, and of
 * what the import reports about it. Amounts are integer cents; dates are ISO YYYY-MM-DD.
 */

/** Integer number of cents; an 835 amount such as "-12.5" is -1250. */
export type Cents = number

/** CAS01: who the adjustment is charged to, as X12 defines the five group codes. */
export const ADJUSTMENT_GROUPS = ['CO', 'PR', 'OA', 'PI', 'CR'] as const
export type AdjustmentGroup = (typeof ADJUSTMENT_GROUPS)[number]

export interface Adjustment {
  group: AdjustmentGroup
  /** Claim adjustment reason code (CARC), e.g. "45", "B15". */
  reason: string
  amount: Cents
  /** Units adjusted (CAS04/07/...), when the payer sent them. */
  quantity?: number
}

/** CLP02 values the 835 TR3 allows, with our names for them. */
export const CLAIM_STATUSES = {
  '1': 'processed-primary',
  '2': 'processed-secondary',
  '3': 'processed-tertiary',
  '4': 'denied',
  '19': 'processed-primary-forwarded',
  '20': 'processed-secondary-forwarded',
  '21': 'processed-tertiary-forwarded',
  '22': 'reversal',
  '23': 'not-our-claim-forwarded',
  '25': 'predetermination-pricing-only',
} as const
export type ClaimStatusCode = keyof typeof CLAIM_STATUSES
export type ClaimStatus = (typeof CLAIM_STATUSES)[ClaimStatusCode]

export interface RemittanceLine {
  /** The procedure code as adjudicated (SVC01-2). */
  code: string
  /** SVC01-1: HC (CPT/HCPCS), N4 (NDC), ... */
  codeQualifier: string
  modifiers: string[]
  /** Units paid (SVC05). An absent SVC05 is read as one unit: our reading of the TR3, not confirmed on a source. */
  units: number
  charge: Cents
  paid: Cents
  /** DTM*472, else DTM*150, else the claim's statement start (DTM*232). */
  dateOfService: IsoDate | null
  adjustments: Adjustment[]
  /** Remittance advice remark codes (LQ*HE). */
  remarks: string[]
  /** REF*6R: the line item control number the practice sent in the 837. */
  lineControlNumber?: string
  /** AMT*B6. */
  allowed?: Cents
  /** SVC06, when the payer adjudicated a different code than the one billed. */
  billedCode?: string
  billedModifiers?: string[]
  /** SVC07, when the units paid differ from the units billed. */
  billedUnits?: number
}

export interface RemittanceClaim {
  /** CLP01: the claim identifier the practice sent (CLM01 of the 837). */
  patientControlNumber: string
  statusCode: ClaimStatusCode
  status: ClaimStatus
  charge: Cents
  paid: Cents
  patientResponsibility?: Cents
  /** CLP07: the payer's own claim number. */
  payerClaimNumber: string
  /** NM1*QC as "LAST, FIRST". */
  patientName?: string
  /** NM1*QC NM109 (the payer's member identifier). */
  patientMemberId?: string
  /** NM1*82 NM109 (usually the rendering NPI). */
  renderingProviderId?: string
  /** DTM*232 / DTM*233: the claim statement period. */
  serviceDates: { from: IsoDate | null; to: IsoDate | null }
  /** Claim-level CAS. */
  adjustments: Adjustment[]
  /** Claim-level remark codes (MOA03-07, MIA05/20-24). */
  remarks: string[]
  lines: RemittanceLine[]
}

export interface ProviderAdjustment {
  providerId: string
  fiscalPeriodDate: IsoDate
  /** PLB03-1 etc., e.g. "WO" (overpayment recovery), "L6" (interest). */
  reason: string
  reference?: string
  amount: Cents
}

/** One 835 transaction set (ST..SE): one payment from one payer. */
export interface Remittance {
  transactionControlNumber: string
  payerName: string
  /** N1*PR with N103 = XV, else REF*2U. */
  payerId?: string
  payeeName?: string
  /** N1*PE N104 (NPI when N103 = XX). */
  payeeId?: string
  /** BPR16: check issue or EFT effective date. */
  paymentDate: IsoDate
  /** DTM*405. */
  productionDate?: IsoDate
  paymentAmount: Cents
  /** BPR04: CHK, ACH, NON, BOP, FWT. */
  paymentMethod: string
  /** TRN02: check or EFT trace number. */
  checkOrEftNumber: string
  claims: RemittanceClaim[]
  providerAdjustments: ProviderAdjustment[]
}

/**
 * One problem found in a file. `segment` counts segments from 1 (the ISA), as X12 tools
 * show them, or is 0 when the problem is about the whole file; `element` is the element
 * position (CLP02 = 2) and `component` the position inside a composite (SVC01-2 = 2).
 * `message` is the whole sentence, position included.
 */
export interface RemittanceParseError {
  segment: number
  segmentId?: string
  element?: number
  component?: number
  message: string
}

/** All or nothing: every transaction set of the file, or only the errors. */
export type RemittanceParseResult =
  | { ok: true; remittances: Remittance[]; warnings: string[] }
  | { ok: false; errors: RemittanceParseError[] }

export interface RemittanceParseOptions {
  /** Largest accepted input, counted in characters of the decoded text. Default 20,000,000. */
  maxBytes?: number
  /** Stop collecting after this many errors. Default 50. */
  maxErrors?: number
}

/** Our categories for why a payer denied a line; 'other' holds everything unmapped. */
export const DENIAL_CATEGORIES = [
  'modifier', 'documentation', 'frequency', 'prior-authorization', 'coverage', 'coding', 'other',
] as const
export type DenialCategory = (typeof DENIAL_CATEGORIES)[number]

/** Our denial categories as billing staff name them (the remittance preview and the insights). */
export const DENIAL_CATEGORY_LABELS: Readonly<Record<DenialCategory, string>> = {
  modifier: 'Modifier',
  documentation: 'Documentation or missing information',
  frequency: 'Frequency limit',
  'prior-authorization': 'Prior authorization',
  coverage: 'Coverage or medical necessity',
  coding: 'Coding (code, diagnosis, bundling)',
  other: 'Other (not one of our categories)',
}

/**
 * Remittance import: read X12 835 (005010X221A1) files, categorise CARC/RARC adjustments
 * into our denial categories, and match denied lines to the encounters that produced them.
 */
export type {
  Adjustment,
  AdjustmentGroup,
  Cents,
  ClaimStatus,
  ClaimStatusCode,
  DenialCategory,
  ProviderAdjustment,
  Remittance,
  RemittanceClaim,
  RemittanceLine,
  RemittanceParseError,
  RemittanceParseOptions,
  RemittanceParseResult,
} from './types.ts'
export { ADJUSTMENT_GROUPS, CLAIM_STATUSES, DENIAL_CATEGORIES, DENIAL_CATEGORY_LABELS } from './types.ts'
export { DEFAULT_MAX_BYTES, parseRemittanceFile } from './parse-835.ts'
export { categorizeAdjustment, DENIAL_RULE, type AdjustmentCategory } from './categorize.ts'
export { carcByCode, carcEntries, CARC_KINDS, type CarcEntry, type CarcKind } from './data/carc.ts'
export { rarcByCode, rarcEntries, type RarcEntry } from './data/rarc.ts'
export { codeSources, type CodeConfidence, type CodeSource, type CodeSourceId } from './data/sources.ts'
export {
  matchRemittance,
  type ClaimMatch,
  type ClaimMatchMethod,
  type ControlNumberStrategy,
  type DenialAdjustment,
  type DeniedLine,
  type EncounterForMatching,
  type LineMatchQuality,
  type MatchOptions,
  type RemittanceMatchResult,
  type UnmatchedClaim,
  type UnmatchedLine,
} from './match.ts'
export {
  describePayment,
  paymentKeyOf,
  paymentSummaryOf,
  repeatedPayments,
  summarizeImport,
  type RemittanceImportSummary,
  type RemittancePaymentSummary,
} from './import-summary.ts'

import type { Severity } from '../../../domain/index.ts'
import type { DenialCategory } from '../../../domain/remittance/index.ts'
import type { ReviewStatus } from '../model/types.ts'
import type { DateRange } from './date-range.ts'

/** What the charts are about: review flags, payer denials, or denials of lines a supervisor overrode. */
export type ChartKind = 'flags' | 'denials' | 'overridden'
export type ChartDimension = 'category' | 'rule' | 'provider' | 'payer' | 'month' | 'coder' | 'supervisor'

export const CHART_IDS = [
  'flags-category', 'flags-rule', 'flags-provider', 'flags-payer', 'flags-month',
  'denials-category', 'denials-rule', 'denials-provider', 'denials-payer', 'denials-month',
  'overridden-rule', 'overridden-coder', 'overridden-supervisor',
] as const
export type ChartId = (typeof CHART_IDS)[number]

/** A bucket a chart calls out instead of a value of its dimension. */
export type SpecialBucket = 'no-rule' | 'unmatched'

export interface InsightBar {
  /** The value grouped by: a category, rule id, provider id, payer, "YYYY-MM" or user id ('' when not recorded). */
  key: string
  label: string
  /** How many lines the bar holds: always lineIds.length. */
  count: number
  /** Flags: how many of the bar's lines are errors and how many warnings (they add up to count). */
  severity: { error: number; warning: number } | null
  /** Denials: the denied amount of the bar's lines, in cents. */
  amount: number | null
  /** Keys into Insights.lines: the drill-down. */
  lineIds: string[]
  special: SpecialBucket | null
}

export interface InsightChart {
  id: ChartId
  kind: ChartKind
  dimension: ChartDimension
  title: string
  bars: InsightBar[]
}

export interface DenialDetail {
  category: DenialCategory
  carcCodes: string[]
  rarcCodes: string[]
  /** Cents. */
  amount: number
  /** Nothing was paid on the line. */
  full: boolean
  paymentDate: string
  payerClaimNumber: string
  /** The remittance import the denial came from. */
  remittanceId: string
}

export interface OverrideDetail {
  /** ISO date-time of the override entry. */
  at: string
  supervisorId: string
  supervisorName: string
  reason: string | null
  note: string | null
}

/**
 * One line of a drill-down: a flagged claim line (id = its queue row id) or a denied line of a
 * remittance (id = `${remittanceId}#${index}`), with the encounter line it matched when it did.
 */
export interface InsightLine {
  id: string
  /** The review-queue rows this line opens: its own claim line, every line of the encounter for a claim-level denial, none when unmatched. */
  rowIds: string[]
  dateOfService: string | null
  /** The patient account; for an unmatched denial, the claim's patient control number. */
  patientId: string
  /** '' when not recorded. */
  providerId: string
  coderName: string
  payer: string
  code: string
  modifiers: string
  /** 1-based claim line; null for a claim-level or unmatched denial. */
  lineNumber: number | null
  ruleIds: string[]
  severity: Severity | null
  status: ReviewStatus | null
  denial: DenialDetail | null
  /** The override the denial came after (overridden-then-denied lines only). */
  override: OverrideDetail | null
}

export interface InsightTotals {
  /** Every finalized encounter, whatever its date. */
  finalizedEncounters: number
  /** Finalized encounters with a date of service in the range. */
  encounters: number
  flaggedLines: number
  /** Flagged lines whose current status is overridden. */
  overriddenLines: number
  deniedLines: number
  /** Cents. */
  deniedAmount: number
  overriddenThenDenied: number
  /** Cents. */
  overriddenThenDeniedAmount: number
  /** Imported remittance files (all of them, whatever the range). */
  remittanceFiles: number
}

export interface Insights {
  range: DateRange
  totals: InsightTotals
  charts: Record<ChartId, InsightChart>
  lines: ReadonlyMap<string, InsightLine>
}

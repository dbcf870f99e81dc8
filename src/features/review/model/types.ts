import type { Category, Severity } from '../../../domain/index.ts'
import type { AuditRecord, EncounterRecord } from '../../../storage/types.ts'

/** Who uses the app on this machine; chosen when the app opens, every action is recorded under it. */
export const USER_ROLES = ['coder', 'supervisor', 'trainee'] as const
export type UserRole = (typeof USER_ROLES)[number]

export interface UserProfile {
  id: string
  name: string
  role: UserRole
  createdAt: string
}

/**
 * Where a claim line stands in review. 'no-findings': no error or warning applies to the line,
 * so it needs no review (info findings alone do not send an encounter to review either).
 */
export const REVIEW_STATUSES = ['no-findings', 'pending', 'approved', 'returned', 'overridden'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

/** What a supervisor can do to a line in the queue. */
export const DECISION_ACTIONS = ['approve', 'return', 'override', 'reopen'] as const
export type DecisionAction = (typeof DECISION_ACTIONS)[number]

/**
 * Everything the audit log records: the coder's finalize, the supervisor's decisions, and the
 * hand-off of the encounter in a charge file ('charge-export', for the encounter, its `to` the
 * status it had then, its note the format and file name).
 */
export const AUDIT_ACTIONS = ['finalize', ...DECISION_ACTIONS, 'charge-export'] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** The reasons a supervisor picks from to override a finding. */
export const OVERRIDE_REASONS = [
  'Documentation supports the service',
  'Payer policy differs from the default profile',
  'Rule does not apply to this case',
  'Corrected on the claim outside the app',
  'Other',
] as const
export type OverrideReason = (typeof OVERRIDE_REASONS)[number]

/** The reason that needs free text beside it. */
export const OTHER_REASON: OverrideReason = 'Other'

/**
 * One line of the append-only audit log: who did what, when and why (the store's AuditRecord,
 * with the review's own actions and statuses). Entries are never changed or removed; a later
 * entry supersedes an earlier one's status. `from` is null only for 'finalize', which creates
 * the status; `reason` is the override reason picked from OVERRIDE_REASONS; `note` is free text
 * (the return note, the override explanation, why a line was reopened).
 */
export interface AuditEntry extends AuditRecord {
  action: AuditAction
  from: ReviewStatus | null
  to: ReviewStatus
}

/** An audit entry before the store gives it its id and time. */
export type AuditDraft = Omit<AuditEntry, 'id' | 'at'>

/**
 * A finalized encounter as the review reads it. `finalizedBy` (the coder's user id) is not on
 * EncounterRecord yet; older records without it show an unknown coder.
 */
export type ReviewEncounter = EncounterRecord & { finalizedBy?: string | null }

/** The finding a queue row shows. */
export interface TopFinding {
  ruleId: string
  message: string
}

/** One claim line of a finalized encounter, as the review queue shows it. */
export interface QueueRow {
  /** `${encounterId}:${lineIndex}`. */
  rowId: string
  encounterId: string
  lineIndex: number
  dateOfService: string
  patientId: string
  providerId: string
  /** The user who finalized the encounter, or null when not recorded. */
  coderId: string | null
  /** The coder's name from the user profiles, else their id, else ''. */
  coderName: string
  payer: string
  code: string
  /** In billing order, joined by spaces. */
  modifiers: string
  units: number
  topFinding: TopFinding | null
  severity: Severity | null
  category: Category | null
  /** Every rule whose finding applies to the line (its own and the encounter's), without repeats. */
  ruleIds: string[]
  findingCount: number
  /** True when an error finding applies to the line: an override then needs free text. */
  hasError: boolean
  status: ReviewStatus
}

/** Plain words for each status, for the queue, the audit log and exports. */
export const STATUS_LABELS: Record<ReviewStatus, string> = {
  'no-findings': 'No findings',
  pending: 'Pending review',
  approved: 'Approved',
  returned: 'Returned to coder',
  overridden: 'Overridden',
}

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  finalize: 'Finalized',
  approve: 'Approved',
  return: 'Returned',
  override: 'Overridden',
  reopen: 'Reopened',
  'charge-export': 'Exported as charges',
}

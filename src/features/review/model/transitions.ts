import {
  OTHER_REASON, OVERRIDE_REASONS, type AuditDraft, type DecisionAction, type ReviewEncounter, type ReviewStatus,
  type UserProfile,
} from './types.ts'

/**
 * Review decisions as a state machine. Rules, decided here and shown to the user as the
 * error messages below:
 * - only a supervisor decides; a coder or a trainee cannot approve, return, override or reopen;
 * - nobody approves or overrides an encounter they finalized themselves (four eyes), but a
 *   supervisor may return or reopen their own work;
 * - approve: pending -> approved; a note is optional;
 * - return: pending, approved or overridden -> returned; needs a note for the coder;
 * - override: pending -> overridden; needs a reason from OVERRIDE_REASONS, and free text when
 *   the reason is 'Other' or an error finding applies to the line;
 * - reopen: approved or overridden -> pending; needs a note saying why. A returned line comes
 *   back by being finalized again, not by reopen.
 */

export const MAX_NOTE_LENGTH = 2000

const TRANSITIONS: Record<DecisionAction, { from: readonly ReviewStatus[]; to: ReviewStatus }> = {
  approve: { from: ['pending'], to: 'approved' },
  return: { from: ['pending', 'approved', 'overridden'], to: 'returned' },
  override: { from: ['pending'], to: 'overridden' },
  reopen: { from: ['approved', 'overridden'], to: 'pending' },
}

/** Actions forbidden on an encounter the acting user finalized. */
const NOT_ON_OWN_WORK: readonly DecisionAction[] = ['approve', 'override']

const VERBS: Record<DecisionAction, string> = { approve: 'approve', return: 'return', override: 'override', reopen: 'reopen' }

const STATUS_WORDS: Record<ReviewStatus, string> = {
  'no-findings': 'has no findings to review',
  pending: 'is waiting for review',
  approved: 'is already approved',
  returned: 'was returned to the coder',
  overridden: 'is already overridden',
}

/** The line a decision is about. */
export interface DecisionTarget {
  encounterId: string
  lineIndex: number
  /** Who finalized the encounter, or null when not recorded. */
  coderId: string | null
  /** An error finding applies to the line. */
  hasError: boolean
}

export interface DecisionInput {
  user: Pick<UserProfile, 'id' | 'name' | 'role'>
  target: DecisionTarget
  /** The override reason, one of OVERRIDE_REASONS. Ignored for other actions. */
  reason?: string | null
  note?: string | null
}

export type DecisionErrorCode =
  | 'role' | 'own-work' | 'transition' | 'note-required' | 'note-too-long' | 'reason-required' | 'reason-unknown'

export interface DecisionError {
  code: DecisionErrorCode
  message: string
}

export type DecisionResult =
  | { ok: true; status: ReviewStatus; entry: AuditDraft }
  | { ok: false; error: DecisionError }

/** What an action asks for besides the click: whether a reason and a note are required. */
export interface DecisionRequirements {
  reason: boolean
  note: boolean
}

/** Whether `action` needs an override reason and a note, for the line `target` (and the picked reason). */
export function requirementsFor(action: DecisionAction, target: Pick<DecisionTarget, 'hasError'>, reason?: string | null): DecisionRequirements {
  switch (action) {
    case 'approve':
      return { reason: false, note: false }
    case 'return':
    case 'reopen':
      return { reason: false, note: true }
    case 'override':
      return { reason: true, note: target.hasError || reason === OTHER_REASON }
  }
}

function fail(code: DecisionErrorCode, message: string): DecisionResult {
  return { ok: false, error: { code, message } }
}

function isOverrideReason(reason: string): boolean {
  return (OVERRIDE_REASONS as readonly string[]).includes(reason)
}

/**
 * Applies `action` to a line whose status is `current`. Returns the new status and the audit
 * entry to append (without id and time, which the store gives), or why the action is refused.
 */
export function decide(current: ReviewStatus, action: DecisionAction, input: DecisionInput): DecisionResult {
  const { user, target } = input
  const verb = VERBS[action]
  if (user.role !== 'supervisor') {
    return fail('role', `Only a supervisor can ${verb} a line; you are signed in as a ${user.role}.`)
  }
  if (NOT_ON_OWN_WORK.includes(action) && target.coderId !== null && target.coderId === user.id) {
    return fail('own-work', `You finalized this encounter, so another supervisor has to ${verb} it.`)
  }
  const transition = TRANSITIONS[action]
  if (!transition.from.includes(current)) {
    return fail('transition', `Cannot ${verb} this line: it ${STATUS_WORDS[current]}.`)
  }
  const note = input.note?.trim() ?? ''
  const reason = action === 'override' ? (input.reason?.trim() ?? '') : ''
  if (action === 'override') {
    if (reason === '') return fail('reason-required', 'Pick a reason for the override.')
    if (!isOverrideReason(reason)) return fail('reason-unknown', `"${reason}" is not one of the override reasons.`)
  }
  const needs = requirementsFor(action, target, reason)
  if (needs.note && note === '') {
    const why = {
      return: 'Write a note for the coder saying what to correct.',
      reopen: 'Write a note saying why the line is reopened.',
      override: target.hasError
        ? 'An error finding applies to this line: explain the override in the note.'
        : 'Explain the "Other" reason in the note.',
      approve: '',
    }[action]
    return fail('note-required', why)
  }
  if (note.length > MAX_NOTE_LENGTH) {
    return fail('note-too-long', `The note is ${note.length} characters; keep it to ${MAX_NOTE_LENGTH}.`)
  }
  return {
    ok: true,
    status: transition.to,
    entry: {
      userId: user.id, userName: user.name, encounterId: target.encounterId, lineIndex: target.lineIndex,
      action, from: current, to: transition.to, reason: reason === '' ? null : reason, note: note === '' ? null : note,
    },
  }
}

/**
 * The actions the user could take on a line now, before any reason or note is given: what the
 * UI enables. Each of them may still ask for a reason or a note (requirementsFor).
 */
export function availableActions(current: ReviewStatus, user: Pick<UserProfile, 'id' | 'role'>, target: Pick<DecisionTarget, 'coderId'>): DecisionAction[] {
  if (user.role !== 'supervisor') return []
  return (Object.keys(TRANSITIONS) as DecisionAction[]).filter((action) =>
    TRANSITIONS[action].from.includes(current) && !(NOT_ON_OWN_WORK.includes(action) && target.coderId !== null && target.coderId === user.id))
}

/** One line of a bulk action: its current status and who it belongs to. */
export interface BulkItem {
  status: ReviewStatus
  target: DecisionTarget
}

/**
 * The same action, reason and note on many lines (the queue's bulk actions). Lines that
 * refuse it are listed with the reason; the others' entries are in input order.
 */
export function decideMany(
  items: readonly BulkItem[],
  action: DecisionAction,
  input: Omit<DecisionInput, 'target'>,
): { accepted: { target: DecisionTarget; status: ReviewStatus; entry: AuditDraft }[]; refused: { target: DecisionTarget; error: DecisionError }[] } {
  const accepted: { target: DecisionTarget; status: ReviewStatus; entry: AuditDraft }[] = []
  const refused: { target: DecisionTarget; error: DecisionError }[] = []
  for (const item of items) {
    const result = decide(item.status, action, { ...input, target: item.target })
    if (result.ok) accepted.push({ target: item.target, status: result.status, entry: result.entry })
    else refused.push({ target: item.target, error: result.error })
  }
  return { accepted, refused }
}

/**
 * The audit entry of a finalize: on the whole encounter, by the user who finalized it. It
 * creates the status (from null); the written reason given for an error finding is its note.
 */
export function finalizeEntry(encounter: Pick<ReviewEncounter, 'id' | 'review' | 'finalizeReason'>, user: Pick<UserProfile, 'id' | 'name'>): AuditDraft {
  return {
    userId: user.id, userName: user.name, encounterId: encounter.id, lineIndex: null, action: 'finalize',
    from: null, to: encounter.review === 'pending' ? 'pending' : 'no-findings', reason: null,
    note: encounter.finalizeReason?.trim() ? encounter.finalizeReason.trim() : null,
  }
}

import { MAX_NOTE_LENGTH, requirementsFor } from '../model/transitions.ts'
import { OTHER_REASON, type DecisionAction, type QueueRow } from '../model/types.ts'
import { plural } from './decision-labels.ts'

/** What the decision form asks for, given the lines it will apply to and the reason picked so far. */
export interface NoteRule {
  required: boolean
  /** Shown beside the field: whether and why the note is required. */
  hint: string
}

export interface DecisionFormErrors {
  reason?: string
  note?: string
}

/** Whether the note is required for these lines, and the words saying why beside the field. */
export function noteRule(action: DecisionAction, rows: readonly QueueRow[], reason: string | null): NoteRule {
  const withError = rows.filter((r) => r.hasError).length
  const { note } = requirementsFor(action, { hasError: withError > 0 }, reason)
  switch (action) {
    case 'approve':
      return { required: note, hint: 'Optional. It is kept in the audit log.' }
    case 'return':
      return { required: note, hint: 'Required. The coder sees it with the returned encounter.' }
    case 'reopen':
      return { required: note, hint: 'Required. Say why the line goes back to review.' }
    case 'override':
      if (withError > 0) {
        const where = rows.length === 1 ? 'this line' : `${withError.toLocaleString('en-US')} of the ${plural(rows.length, 'line')} to override`
        return { required: note, hint: `Required: an error finding applies to ${where}.` }
      }
      if (reason === OTHER_REASON) return { required: note, hint: 'Required for the reason "Other".' }
      return { required: note, hint: 'Optional, unless the reason is "Other".' }
  }
}

const MISSING_NOTE: Record<DecisionAction, string> = {
  approve: '',
  return: 'Write a note for the coder saying what to correct.',
  reopen: 'Write a note saying why the line is reopened.',
  override: 'Explain the override.',
}

/** The form's errors, at the field they belong to; an empty object when it can be sent. */
export function validateDecision(action: DecisionAction, rows: readonly QueueRow[], reason: string | null, note: string): DecisionFormErrors {
  const errors: DecisionFormErrors = {}
  if (action === 'override' && !reason) errors.reason = 'Pick a reason for the override.'
  const text = note.trim()
  if (noteRule(action, rows, reason).required && text === '') errors.note = MISSING_NOTE[action]
  else if (text.length > MAX_NOTE_LENGTH) {
    errors.note = `The note is ${text.length.toLocaleString('en-US')} characters; keep it to ${MAX_NOTE_LENGTH.toLocaleString('en-US')}.`
  }
  return errors
}

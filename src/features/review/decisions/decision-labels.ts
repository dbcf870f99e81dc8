import type { DecisionAction, QueueRow } from '../model/types.ts'

/** The words each decision uses in titles, buttons and summaries. */
export const ACTION_WORDS: Record<DecisionAction, { verb: string; button: string; past: string; participle: string }> = {
  approve: { verb: 'Approve', button: 'Approve', past: 'Approved', participle: 'approved' },
  return: { verb: 'Return', button: 'Return to coder', past: 'Returned', participle: 'returned' },
  override: { verb: 'Override', button: 'Override', past: 'Overrode', participle: 'overridden' },
  reopen: { verb: 'Reopen', button: 'Reopen', past: 'Reopened', participle: 'reopened' },
}

/** The free-text field's label per action (what a screen reader and a test find it by). */
export const NOTE_LABELS: Record<DecisionAction, string> = {
  approve: 'Note',
  return: 'Note for the coder',
  override: 'Explanation',
  reopen: 'Why reopen',
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`
}

/** "PT-1001 on 2026-10-14, line 2 (64493 50 KX)". */
export function rowLabel(row: QueueRow): string {
  const code = row.modifiers === '' ? row.code : `${row.code} ${row.modifiers}`
  return `${row.patientId} on ${row.dateOfService}, line ${row.lineIndex + 1} (${code})`
}

/** "PT-1001 on 2026-10-14": how an encounter is named to the user. */
export function encounterLabel(row: Pick<QueueRow, 'patientId' | 'dateOfService'>): string {
  return `${row.patientId} on ${row.dateOfService}`
}

/** "2026-11-26 10:00:00 UTC": the stored ISO time, exact and readable. */
export function auditTime(at: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(at)
  return match ? `${match[1]} ${match[2]} UTC` : at
}


import type { DraftRecord, EncounterRecord, WorksheetStore } from '../../../storage/types.ts'
import { stampEntry } from '../model/audit.ts'
import { decide, type DecisionErrorCode } from '../model/transitions.ts'
import type { AuditEntry, DecisionAction, QueueRow, UserProfile } from '../model/types.ts'
import { ACTION_WORDS, encounterLabel, plural, rowLabel } from './decision-labels.ts'

export type DecisionStore = Pick<WorksheetStore, 'appendAudit' | 'returnToCoder'>

export interface DecisionRequest {
  action: DecisionAction
  rows: readonly QueueRow[]
  encounters: ReadonlyMap<string, EncounterRecord>
  user: Pick<UserProfile, 'id' | 'name' | 'role'>
  /** The override reason (OVERRIDE_REASONS); ignored by the other actions. */
  reason: string | null
  note: string
  /** One ISO date-time for every entry of the decision. */
  now: string
  newId: () => string
  toReturnedDraft: (record: EncounterRecord, note: string, now: string) => DraftRecord
}

export interface SkippedRow {
  row: QueueRow
  message: string
}

export interface DecisionOutcome {
  applied: QueueRow[]
  skipped: SkippedRow[]
  summary: string
}

/**
 * A write that failed. Nothing of it was stored except `applied` (a return stores encounter by
 * encounter, so the encounters before the failing one stay returned).
 */
export class DecisionWriteError extends Error {
  readonly applied: readonly QueueRow[]

  constructor(message: string, applied: readonly QueueRow[]) {
    super(message)
    this.name = 'DecisionWriteError'
    this.applied = applied
  }
}

/** Refusals that depend on the line and the user, not on what was typed: the line is skipped, not the form. */
const LINE_REFUSALS: readonly DecisionErrorCode[] = ['role', 'own-work', 'transition']

/**
 * Why `row` cannot take `action` from `user` whatever reason or note is given (wrong status, own
 * work, not a supervisor), or null when it can.
 */
export function lineBlocker(row: QueueRow, action: DecisionAction, user: Pick<UserProfile, 'id' | 'name' | 'role'>): string | null {
  const result = decide(row.status, action, { user, target: row, reason: null, note: null })
  return !result.ok && LINE_REFUSALS.includes(result.error.code) ? result.error.message : null
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

const MAX_LISTED = 3

function listRows(skipped: readonly SkippedRow[]): string {
  const listed = skipped.slice(0, MAX_LISTED).map(({ row, message }) => `${rowLabel(row)}: ${message}`)
  const more = skipped.length - listed.length
  return more > 0 ? `${listed.join(' ')} And ${plural(more, 'more line')}.` : listed.join(' ')
}

function summarize(request: DecisionRequest, applied: readonly QueueRow[], skipped: readonly SkippedRow[]): string {
  const { past, participle } = ACTION_WORDS[request.action]
  const parts: string[] = []
  if (applied.length === 0) {
    parts.push(`No line was ${participle}.`)
  } else if (request.action === 'return') {
    const encounters = new Set(applied.map((r) => r.encounterId)).size
    parts.push(`Returned ${plural(applied.length, 'line')} of ${plural(encounters, 'encounter')} to the coder.`)
  } else {
    const why = request.action === 'override' && request.reason ? ` (${request.reason})` : ''
    parts.push(`${past} ${plural(applied.length, 'line')}${why}.`)
  }
  if (skipped.length > 0) parts.push(`Skipped ${plural(skipped.length, 'line')}: ${listRows(skipped)}`)
  return parts.join(' ')
}

/**
 * Applies one decision to the rows and writes it. Each row goes through decide(); rows it
 * refuses are skipped with its message. Approve, override and reopen append every entry in one
 * call (all or nothing); a return stores, per encounter, the returned draft and its lines'
 * entries together, and stops at the first failure. A failed write throws DecisionWriteError
 * saying what was and was not stored.
 */
export async function applyDecision(store: DecisionStore, request: DecisionRequest): Promise<DecisionOutcome> {
  const { action, rows, user, reason, note, now, newId } = request
  const skipped: SkippedRow[] = []
  const accepted: { row: QueueRow; entry: AuditEntry }[] = []
  for (const row of rows) {
    const result = decide(row.status, action, { user, target: row, reason, note })
    if (result.ok) accepted.push({ row, entry: stampEntry(result.entry, newId(), now) })
    else skipped.push({ row, message: result.error.message })
  }

  if (action !== 'return') {
    if (accepted.length > 0) {
      try {
        await store.appendAudit(accepted.map((a) => a.entry))
      } catch (error) {
        throw new DecisionWriteError(`Nothing was saved: ${messageOf(error)}`, [])
      }
    }
    const applied = accepted.map((a) => a.row)
    return { applied, skipped, summary: summarize(request, applied, skipped) }
  }

  const byEncounter = new Map<string, { row: QueueRow; entry: AuditEntry }[]>()
  for (const item of accepted) {
    const group = byEncounter.get(item.row.encounterId)
    if (group) group.push(item)
    else byEncounter.set(item.row.encounterId, [item])
  }
  const applied: QueueRow[] = []
  const returned: string[] = []
  const groups = [...byEncounter.entries()]
  for (const [position, [encounterId, group]] of groups.entries()) {
    const record = request.encounters.get(encounterId)
    if (!record) {
      for (const { row } of group) skipped.push({ row, message: 'Its encounter is no longer stored.' })
      continue
    }
    try {
      await store.returnToCoder(request.toReturnedDraft(record, note.trim(), now), group.map((g) => g.entry))
    } catch (error) {
      const notReturned = groups.slice(position).map(([, g]) => encounterLabel(g[0].row))
      const done = returned.length > 0 ? `Returned ${returned.join(', ')}. ` : 'Nothing was returned. '
      throw new DecisionWriteError(`${done}Not returned: ${notReturned.join(', ')}. ${messageOf(error)}`, applied)
    }
    applied.push(...group.map((g) => g.row))
    returned.push(encounterLabel(group[0].row))
  }
  return { applied, skipped, summary: summarize(request, applied, skipped) }
}

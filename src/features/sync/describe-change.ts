import type { Decision, EncounterSummary, PracticeRecord } from '../../group-api/index.ts'
import type { WaitingChange } from '../../storage/group/sync/actions.ts'
import { TOO_OLD } from '../../storage/group/sync/outbox.ts'
import type { OutboxEntry } from '../../storage/group/sync/types.ts'

/** What the "Changes waiting" screen says about one outbox entry, and what it offers. */
export interface ChangeView {
  order: number
  title: string
  /** 'waiting': still to be sent; 'refused': the server said no and the user decides. */
  state: 'waiting' | 'refused'
  /** Where it stands, in a sentence. */
  status: string
  /** For a decision the server refused as stale: what the others decided since, one line each. */
  changedSince: string[]
  /** The server found an error on finalize and wants a written reason. */
  needsReason: boolean
  /** A refused finalize: its worksheet can come back as a draft. */
  canReopen: boolean
  /** A stale decision (or record save) can be sent again against the encounter (record) as it is now. */
  canDecideAgain: boolean
}

const ACTION_PAST: Record<Decision['action'], string> = { approve: 'approved', return: 'returned', override: 'overrode' }
const ACTION_VERB: Record<Decision['action'], string> = { approve: 'Approve', return: 'Return', override: 'Override' }

const lineWord = (lineIndex: number | null | undefined) => (lineIndex === null || lineIndex === undefined ? 'the encounter' : `line ${lineIndex + 1}`)

function titleOf(entry: OutboxEntry, current: EncounterSummary | null): string {
  switch (entry.route) {
    case 'finalize': {
      const { patientId, dateOfService } = entry.body.encounter
      return `Finalize ${patientId} on ${dateOfService}`
    }
    case 'decide': {
      const record = entry.local?.audit
      const of = current ? ` of ${current.patientId} on ${current.dateOfService}` : ''
      return `${ACTION_VERB[entry.body.action]} ${lineWord(entry.body.lineIndex ?? record?.lineIndex)}${of}`
    }
    case 'addAttempt':
      return `Practice attempt on case ${entry.body.caseId} (${entry.body.scorePercent}%)`
    case 'saveRecord':
      return `Save ${RECORD_WORDS[entry.params.kind]} ${entry.params.key}`
    case 'deleteRecord':
      return `Delete ${RECORD_WORDS[entry.params.kind]} ${entry.params.key}`
    case 'importRemittance':
      return `Import remittance file ${entry.body.fileName}`
    case 'deleteRemittance':
      return `Remove remittance file ${entry.local?.remittance?.fileName ?? entry.params.id}`
    case 'recordChargeExports': {
      const n = entry.body.encounterIds.length
      return `Record the charge export ${entry.body.fileName} (${n} ${n === 1 ? 'encounter' : 'encounters'})`
    }
  }
}

const RECORD_WORDS: Record<PracticeRecord['kind'], string> = {
  provider: 'provider', 'payer-profile': 'payer profile', 'practice-case': 'practice case', 'coverage-settings': 'coverage choices', draft: 'draft', 'ndc-list-entry': 'NDC list entry', 'charge-settings': 'charge file settings',
}

/** What happened to a record since the version a refused write was made against. */
export function recordChangedSince(current: PracticeRecord | null | undefined, formatTime: (iso: string) => string): string[] {
  if (current === undefined) return []
  if (current === null) return ['Someone deleted it.']
  return [`${current.updatedByName} saved version ${current.version} on ${formatTime(current.updatedAt)}.`]
}

/** The decisions taken on the encounter after the version the decision was made against. */
export function decisionsSince(expectedVersion: number | undefined, current: EncounterSummary | null): Decision[] {
  if (!current || expectedVersion === undefined) return []
  // Each decision raises the version by one, from 1 at finalize.
  return current.decisions.slice(Math.max(0, expectedVersion - 1))
}

export function describeDecision(d: Decision, formatTime: (iso: string) => string): string {
  return `${d.decidedByName} ${ACTION_PAST[d.action]} ${lineWord(d.lineIndex)} on ${formatTime(d.decidedAt)}${d.reason ? `: “${d.reason}”` : ''}`
}

/** The screen's reading of a change (pure: times are formatted by `formatTime`). */
export function describeChange(change: WaitingChange, formatTime: (iso: string) => string): ChangeView {
  const { entry, current } = change
  const error = entry.lastError
  const refused = entry.state === 'needs-attention'
  const stale = refused && entry.route === 'decide' && error?.status === 409 && error.error === 'stale'
  const staleRecord = refused && (entry.route === 'saveRecord' || entry.route === 'deleteRecord') && error?.status === 409 && error.error === 'stale'
  const changedSince = stale && entry.route === 'decide' ? decisionsSince(entry.body.expectedVersion, current).map((d) => describeDecision(d, formatTime))
    : staleRecord ? recordChangedSince(change.currentRecord ?? null, formatTime) : []
  let status: string
  if (refused && error?.error === TOO_OLD) status = error.message
  else if (refused) status = `The server refused it: ${error?.message ?? 'no reason given.'}`
  else if (error) status = `Waiting to be sent (tried ${entry.attempts} ${entry.attempts === 1 ? 'time' : 'times'}; last: ${error.message})`
  else status = `Waiting to be sent since ${formatTime(entry.createdAt)}.`
  return {
    order: entry.order,
    title: titleOf(entry, current),
    state: refused ? 'refused' : 'waiting',
    status,
    changedSince,
    needsReason: refused && entry.route === 'finalize' && error?.status === 409 && error.error === 'reason-required',
    canReopen: refused && entry.route === 'finalize' && entry.local?.draft !== undefined,
    canDecideAgain: (stale && current !== null) || (staleRecord && entry.route === 'saveRecord'),
  }
}

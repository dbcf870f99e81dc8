import type { ChargeEncounter } from '../../domain/charges/index.ts'
import type { ChargeExportRecord, EncounterRecord } from '../../storage/types.ts'

/**
 * Which finalized encounters a charge file may carry. An encounter is ready when every claim
 * line is settled in review: it needed no review, or a supervisor approved or overrode it.
 * Lines still waiting for review (an open error or warning) or returned to the coder hold the
 * encounter back, with the reason shown.
 */

/** A line's review status, as the review feature derives it from the findings and the audit log. */
export type LineReviewStatus = 'no-findings' | 'pending' | 'approved' | 'returned' | 'overridden'

const SETTLED: ReadonlySet<LineReviewStatus> = new Set(['no-findings', 'approved', 'overridden'])

/** A finalized encounter with its lines' review statuses and when review last decided on it. */
export interface ChargeCandidate {
  record: EncounterRecord
  statuses: readonly LineReviewStatus[]
  /** The latest review decision on the encounter (ISO date-time), or null when none. */
  decidedAt: string | null
}

export interface BatchOptions {
  /** Only encounters ready on or after this date (YYYY-MM-DD); null for all. */
  since: string | null
  /** Offer encounters already exported again (a deliberate re-export). */
  includeExported: boolean
}

export interface ReadyEncounter {
  candidate: ChargeCandidate
  /** When the encounter became ready: the last decision, else finalization. */
  readyAt: string
  /** Its earlier exports, oldest first (empty when never exported). */
  exports: readonly ChargeExportRecord[]
}

export interface HeldEncounter {
  candidate: ChargeCandidate
  reason: string
}

export interface ChargeBatch {
  ready: ReadyEncounter[]
  held: HeldEncounter[]
  /** Ready encounters left out because they were exported before (includeExported false). */
  alreadyExported: number
  /** Those encounters, with who exported them and when (at this desk or, in group mode, any desk of the practice). */
  exported: ReadyEncounter[]
}

/** Why the encounter cannot be exported yet, or null when every line is settled. */
export function holdReason(candidate: ChargeCandidate): string | null {
  const { statuses, record } = candidate
  if (record.lines.length === 0) return 'It has no claim lines.'
  const returned = statuses.filter((s) => s === 'returned').length
  if (returned > 0) return `Returned to the coder (${returned} of ${statuses.length} lines).`
  const waiting = statuses.filter((s) => !SETTLED.has(s)).length
  if (waiting > 0) return `Awaiting review (${waiting} of ${statuses.length} lines).`
  return null
}

export function readyAtOf(candidate: ChargeCandidate): string {
  const { decidedAt, record } = candidate
  return decidedAt !== null && decidedAt > record.finalizedAt ? decidedAt : record.finalizedAt
}

/** The batch: ready encounters in date-of-service order, held ones with their reasons. */
export function chargeBatch(candidates: readonly ChargeCandidate[], exports: readonly ChargeExportRecord[], options: BatchOptions): ChargeBatch {
  const byEncounter = new Map<string, ChargeExportRecord[]>()
  for (const e of exports) {
    const list = byEncounter.get(e.encounterId) ?? []
    list.push(e)
    byEncounter.set(e.encounterId, list)
  }
  const ready: ReadyEncounter[] = []
  const held: HeldEncounter[] = []
  const exported: ReadyEncounter[] = []
  for (const candidate of candidates) {
    const readyAt = readyAtOf(candidate)
    if (options.since !== null && readyAt.slice(0, 10) < options.since) continue
    const reason = holdReason(candidate)
    if (reason !== null) { held.push({ candidate, reason }); continue }
    const previous = (byEncounter.get(candidate.record.id) ?? []).sort((a, b) => (a.exportedAt < b.exportedAt ? -1 : 1))
    if (previous.length > 0 && !options.includeExported) { exported.push({ candidate, readyAt, exports: previous }); continue }
    ready.push({ candidate, readyAt, exports: previous })
  }
  const order = (a: EncounterRecord, b: EncounterRecord) =>
    a.dateOfService !== b.dateOfService ? (a.dateOfService < b.dateOfService ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  ready.sort((a, b) => order(a.candidate.record, b.candidate.record))
  held.sort((a, b) => order(a.candidate.record, b.candidate.record))
  exported.sort((a, b) => order(a.candidate.record, b.candidate.record))
  return { ready, held, alreadyExported: exported.length, exported }
}

/** "<date time> by <person> (<FORMAT>)" for each earlier export, oldest first. */
export function describeExports(exports: readonly ChargeExportRecord[]): string {
  return exports.map((e) => `${e.exportedAt.slice(0, 16).replace('T', ' ')} by ${e.userName} (${e.format.toUpperCase()})`).join('; ')
}

/** The encounter as the charge builders read it: the diagnoses in box 21 order and the claim lines. */
export function toChargeEncounter(record: EncounterRecord): ChargeEncounter {
  return {
    encounterId: record.id, patientId: record.patientId, providerId: record.providerId, dateOfService: record.dateOfService,
    placeOfService: record.encounter.placeOfService, payerProfile: record.payerProfile,
    diagnoses: record.encounter.diagnoses, lines: record.lines,
  }
}

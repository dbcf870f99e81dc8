import type { IsoDate } from '../dates.ts'
import { categorizeAdjustment } from './categorize.ts'
import type { Adjustment, AdjustmentGroup, Cents, ClaimStatus, DenialCategory, Remittance, RemittanceClaim, RemittanceLine } from './types.ts'

/**
 * Matches a parsed remittance to the encounters that produced it, and lists every denied
 * line in a flat shape the denial charts group by category, rule, provider, payer, month.
 */

/** What matching needs of a finalized encounter (the store's EncounterRecord has these fields). */
export interface EncounterForMatching {
  id: string
  patientId: string
  dateOfService: IsoDate
  providerId: string
  payerProfile: string
  /** The claim lines in claim order; DeniedLine.lineIndex points into this list. */
  lines: readonly { code: string; modifiers: readonly string[]; units: number }[]
}

/** What the practice puts in the 837's CLM01, which comes back as CLP01. */
export type ControlNumberStrategy = 'encounter-id' | 'patient-id' | 'encounter-id-or-patient-id'

export interface MatchOptions {
  /** Default 'encounter-id-or-patient-id'. */
  controlNumber?: ControlNumberStrategy
}

/** encounter-id: CLP01 is the encounter id; otherwise a patient identifier plus a date of service. */
export type ClaimMatchMethod = 'encounter-id' | 'patient-id-and-date' | 'member-id-and-date'
/** exact: code, modifiers (any order) and units; then units differing; then modifiers differing. */
export type LineMatchQuality = 'exact' | 'units-differ' | 'modifiers-differ'

export interface ClaimMatch {
  remittanceIndex: number
  claimIndex: number
  patientControlNumber: string
  payerClaimNumber: string
  status: ClaimStatus
  encounterId: string | null
  method: ClaimMatchMethod | null
  lines: { remittanceLineIndex: number; lineIndex: number | null; quality: LineMatchQuality | null }[]
}

export interface DenialAdjustment {
  group: AdjustmentGroup
  carc: string
  amount: Cents
  category: DenialCategory
  reason: string
}

/** One denied line (or, with remittanceLineIndex null, a claim-level denial), ready for charts. */
export interface DeniedLine {
  /** null when the claim matched no encounter: it still counts by payer and category. */
  encounterId: string | null
  /** Index into the encounter's lines; null for a claim-level denial or an unmatched line. */
  lineIndex: number | null
  remittanceLineIndex: number | null
  code: string | null
  modifiers: string[]
  units: number | null
  dateOfService: IsoDate | null
  /** The category of the largest denial adjustment. */
  category: DenialCategory
  carcCodes: string[]
  rarcCodes: string[]
  /** Sum of the denial adjustments, in cents. */
  amount: Cents
  /** True when nothing was paid on the line (or the claim, for a claim-level denial). */
  full: boolean
  reason: string
  adjustments: DenialAdjustment[]
  patientControlNumber: string
  payerClaimNumber: string
  payerName: string
  payerId: string | null
  paymentDate: IsoDate
  checkOrEftNumber: string
  /** The encounter's provider, else the rendering provider the payer names (NM1*82). */
  providerId: string | null
  payerProfile: string | null
}

export interface UnmatchedClaim {
  patientControlNumber: string
  payerClaimNumber: string
  reason: string
}

export interface UnmatchedLine {
  patientControlNumber: string
  encounterId: string
  remittanceLineIndex: number
  code: string
  modifiers: string[]
  dateOfService: IsoDate | null
  reason: string
}

export interface RemittanceMatchResult {
  claims: ClaimMatch[]
  denials: DeniedLine[]
  unmatchedClaims: UnmatchedClaim[]
  unmatchedLines: UnmatchedLine[]
}

function normalizeModifiers(modifiers: readonly string[]): string {
  return modifiers.map((m) => m.trim().toUpperCase()).filter((m) => m !== '').sort().join(' ')
}

/** The line as billed: SVC06/SVC07 when the payer changed code or units, else SVC01/SVC05. */
function billedLine(line: RemittanceLine): { code: string; modifiers: string[]; units: number } {
  return {
    code: (line.billedCode ?? line.code).toUpperCase(),
    modifiers: line.billedModifiers ?? line.modifiers,
    units: line.billedUnits ?? line.units,
  }
}

function claimDates(claim: RemittanceClaim): { dates: Set<string>; from: string | null; to: string | null } {
  const dates = new Set(claim.lines.map((l) => l.dateOfService).filter((d): d is string => d !== null))
  return { dates, from: claim.serviceDates.from, to: claim.serviceDates.to ?? claim.serviceDates.from }
}

function onClaimDates(encounter: EncounterForMatching, claim: RemittanceClaim): boolean {
  const { dates, from, to } = claimDates(claim)
  if (dates.has(encounter.dateOfService)) return true
  return from !== null && to !== null && encounter.dateOfService >= from && encounter.dateOfService <= to
}

type Index = { byId: Map<string, EncounterForMatching>; byPatient: Map<string, EncounterForMatching[]> }

function indexEncounters(encounters: readonly EncounterForMatching[]): Index {
  const byId = new Map<string, EncounterForMatching>()
  const byPatient = new Map<string, EncounterForMatching[]>()
  for (const e of encounters) {
    byId.set(e.id, e)
    const list = byPatient.get(e.patientId)
    if (list) list.push(e)
    else byPatient.set(e.patientId, [e])
  }
  return { byId, byPatient }
}

function findEncounter(
  claim: RemittanceClaim,
  index: Index,
  strategy: ControlNumberStrategy,
): { encounter: EncounterForMatching; method: ClaimMatchMethod } | { reason: string } {
  const pcn = claim.patientControlNumber
  if (strategy !== 'patient-id') {
    const encounter = index.byId.get(pcn)
    if (encounter) return { encounter, method: 'encounter-id' }
  }
  const keys: [string, ClaimMatchMethod][] = []
  if (strategy !== 'encounter-id') keys.push([pcn, 'patient-id-and-date'])
  if (claim.patientMemberId && claim.patientMemberId !== pcn) keys.push([claim.patientMemberId, 'member-id-and-date'])
  for (const [key, method] of keys) {
    const candidates = (index.byPatient.get(key) ?? []).filter((e) => onClaimDates(e, claim))
    if (candidates.length === 1 && candidates[0]) return { encounter: candidates[0], method }
    if (candidates.length > 1) {
      return { reason: `${candidates.length} encounters of patient '${key}' are on the claim's dates (${candidates.map((e) => e.id).join(', ')}); the claim cannot say which.` }
    }
  }
  const { dates, from } = claimDates(claim)
  const when = [...dates][0] ?? from ?? 'no date'
  const tried = strategy === 'patient-id' ? `no encounter of patient '${pcn}'` : `no encounter has id '${pcn}' and no encounter of patient '${pcn}'`
  return { reason: `${tried}${claim.patientMemberId ? ` or '${claim.patientMemberId}'` : ''} is dated ${when}.` }
}

function matchLines(claim: RemittanceClaim, encounter: EncounterForMatching): { lineIndex: number | null; quality: LineMatchQuality | null; reason?: string }[] {
  const used = new Set<number>()
  const tiers: [LineMatchQuality, (a: ReturnType<typeof billedLine>, b: EncounterForMatching['lines'][number]) => boolean][] = [
    ['exact', (a, b) => normalizeModifiers(a.modifiers) === normalizeModifiers(b.modifiers) && a.units === b.units],
    ['units-differ', (a, b) => normalizeModifiers(a.modifiers) === normalizeModifiers(b.modifiers)],
    ['modifiers-differ', () => true],
  ]
  return claim.lines.map((line) => {
    if (line.dateOfService !== null && line.dateOfService !== encounter.dateOfService) {
      return { lineIndex: null, quality: null, reason: `the line is dated ${line.dateOfService}, the encounter ${encounter.dateOfService}.` }
    }
    const billed = billedLine(line)
    for (const [quality, fits] of tiers) {
      const j = encounter.lines.findIndex((l, k) => !used.has(k) && l.code.toUpperCase() === billed.code && fits(billed, l))
      if (j >= 0) {
        used.add(j)
        return { lineIndex: j, quality }
      }
    }
    return { lineIndex: null, quality: null, reason: `no unmatched line of encounter ${encounter.id} bills ${billed.code}.` }
  })
}

function denialAdjustments(adjustments: readonly Adjustment[], remarks: readonly string[]): DenialAdjustment[] {
  return adjustments.flatMap((a) => {
    const c = categorizeAdjustment(a.group, a.reason, remarks)
    return c.denial && a.amount > 0 ? [{ group: a.group, carc: a.reason, amount: a.amount, category: c.category, reason: c.reason }] : []
  })
}

function largest(adjustments: readonly DenialAdjustment[]): DenialAdjustment | undefined {
  return adjustments.reduce<DenialAdjustment | undefined>((best, a) => (best === undefined || a.amount > best.amount ? a : best), undefined)
}

/**
 * Matches each claim of the remittance(s) to an encounter (by CLP01 as the encounter id or
 * the patient id, per `options.controlNumber`, else by patient and date of service) and
 * each service line to an encounter line (code, date, modifiers in any order, then units).
 * Lists the denied lines (see DENIAL_RULE) and, plainly, what did not match. Reversals
 * (CLP02 = 22) take back an earlier payment and are never denials.
 */
export function matchRemittance(
  remittance: Remittance | readonly Remittance[],
  encounters: readonly EncounterForMatching[],
  options: MatchOptions = {},
): RemittanceMatchResult {
  const remittances: readonly Remittance[] = Array.isArray(remittance) ? remittance : [remittance as Remittance]
  const index = indexEncounters(encounters)
  const strategy = options.controlNumber ?? 'encounter-id-or-patient-id'
  const result: RemittanceMatchResult = { claims: [], denials: [], unmatchedClaims: [], unmatchedLines: [] }

  remittances.forEach((rem, remittanceIndex) => {
    rem.claims.forEach((claim, claimIndex) => {
      const found = findEncounter(claim, index, strategy)
      const encounter = 'encounter' in found ? found.encounter : null
      const lineMatches = encounter ? matchLines(claim, encounter) : claim.lines.map(() => ({ lineIndex: null, quality: null }))
      result.claims.push({
        remittanceIndex,
        claimIndex,
        patientControlNumber: claim.patientControlNumber,
        payerClaimNumber: claim.payerClaimNumber,
        status: claim.status,
        encounterId: encounter?.id ?? null,
        method: 'method' in found ? found.method : null,
        lines: lineMatches.map((m, i) => ({ remittanceLineIndex: i, lineIndex: m.lineIndex, quality: m.quality })),
      })
      if ('reason' in found) {
        result.unmatchedClaims.push({ patientControlNumber: claim.patientControlNumber, payerClaimNumber: claim.payerClaimNumber, reason: found.reason })
      }
      lineMatches.forEach((m, i) => {
        const line = claim.lines[i]
        if (encounter && line && m.lineIndex === null) {
          result.unmatchedLines.push({
            patientControlNumber: claim.patientControlNumber,
            encounterId: encounter.id,
            remittanceLineIndex: i,
            code: line.code,
            modifiers: line.modifiers,
            dateOfService: line.dateOfService,
            reason: 'reason' in m && m.reason ? m.reason : 'no matching line.',
          })
        }
      })
      if (claim.status === 'reversal') return
      const common = {
        encounterId: encounter?.id ?? null,
        patientControlNumber: claim.patientControlNumber,
        payerClaimNumber: claim.payerClaimNumber,
        payerName: rem.payerName,
        payerId: rem.payerId ?? null,
        paymentDate: rem.paymentDate,
        checkOrEftNumber: rem.checkOrEftNumber,
        providerId: encounter?.providerId ?? claim.renderingProviderId ?? null,
        payerProfile: encounter?.payerProfile ?? null,
      }
      const push = (adjustments: DenialAdjustment[], rarcs: readonly string[], rest: Omit<DeniedLine, keyof typeof common | 'category' | 'carcCodes' | 'rarcCodes' | 'amount' | 'reason' | 'adjustments'>): void => {
        const top = largest(adjustments)
        if (!top) return
        result.denials.push({
          ...common,
          ...rest,
          category: top.category,
          carcCodes: [...new Set(adjustments.map((a) => a.carc))],
          rarcCodes: [...rarcs],
          amount: adjustments.reduce((sum, a) => sum + a.amount, 0),
          reason: adjustments.map((a) => a.reason).join(' | '),
          adjustments,
        })
      }
      claim.lines.forEach((line, i) => {
        const remarks = line.remarks.length > 0 ? line.remarks : claim.remarks
        push(denialAdjustments(line.adjustments, remarks), remarks, {
          lineIndex: lineMatches[i]?.lineIndex ?? null,
          remittanceLineIndex: i,
          code: line.code,
          modifiers: line.modifiers,
          units: line.billedUnits ?? line.units,
          dateOfService: line.dateOfService,
          full: line.paid === 0,
        })
      })
      push(denialAdjustments(claim.adjustments, claim.remarks), claim.remarks, {
        lineIndex: null,
        remittanceLineIndex: null,
        code: null,
        modifiers: [],
        units: null,
        dateOfService: claim.serviceDates.from ?? claim.lines[0]?.dateOfService ?? null,
        full: claim.paid === 0,
      })
    })
  })
  return result
}

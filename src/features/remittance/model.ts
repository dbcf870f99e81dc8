import type {
  ClaimMatchMethod,
  ControlNumberStrategy,
  DeniedLine,
  EncounterForMatching,
  Remittance,
  RemittanceMatchResult,
  RemittanceParseError,
} from '../../domain/remittance/index.ts'
import { paymentSummaryOf, summarizeImport } from '../../domain/remittance/index.ts'
import type { EncounterRecord } from '../../storage/index.ts'
import type { RemittanceImportRecord, RemittancePayment } from '../../storage/types.ts'

/** Pure pieces of the Remittances screen: labels, money, and the record an import stores. */

/** What the practice-management system puts in CLM01 (returned as CLP01), in plain words. */
export const CONTROL_NUMBER_OPTIONS: readonly { value: ControlNumberStrategy; label: string }[] = [
  { value: 'encounter-id-or-patient-id', label: 'The encounter number, or else the patient account (match by patient and date)' },
  { value: 'encounter-id', label: 'The encounter number from this app' },
  { value: 'patient-id', label: 'The patient account (match by patient and date of service)' },
]
export const DEFAULT_CONTROL_NUMBER: ControlNumberStrategy = 'encounter-id-or-patient-id'

export const MATCH_METHOD_LABELS: Readonly<Record<ClaimMatchMethod, string>> = {
  'encounter-id': 'by encounter number',
  'patient-id-and-date': 'by patient account and date of service',
  'member-id-and-date': 'by the payer\'s member ID and date of service',
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })

/** Integer cents as dollars: 48608 → "$486.08", -1250 → "-$12.50". */
export function formatCents(cents: number): string {
  return usd.format(cents / 100)
}

/** "1 claim", "2 claims" (numbers grouped the en-US way). */
export const plural = (n: number, word: string, many = `${word}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`

/** The parser's limit in whole megabytes, for the picker's hint. */
export const megabytes = (bytes: number): string => `${Math.round(bytes / 1_000_000).toLocaleString('en-US')} MB`

/** The message of one parse error; the parser already writes the position ("Segment 14 (CLP), element 2: …"). */
export const describeParseError = (error: RemittanceParseError): string => error.message

export { paymentKeyOf, repeatedPayments } from '../../domain/remittance/index.ts'

/** One payment of a parsed file, as the store keeps it. */
export const toPayment = (remittance: Remittance): RemittancePayment => paymentSummaryOf(remittance)

/** What matching needs of the stored, finalized encounters (their claim lines in claim order). */
export function toEncountersForMatching(encounters: readonly EncounterRecord[]): EncounterForMatching[] {
  return encounters.map((e) => ({ id: e.id, patientId: e.patientId, dateOfService: e.dateOfService, providerId: e.providerId, payerProfile: e.payerProfile, lines: e.lines }))
}

export interface ImportInput {
  id: string
  fileName: string
  importedAt: string
  user: { id: string; name: string } | null
  remittances: readonly Remittance[]
  match: RemittanceMatchResult
}

/** The one record an import stores: the payments, the match counts and every denied line. */
export function buildImportRecord({ id, fileName, importedAt, user, remittances, match }: ImportInput): RemittanceImportRecord {
  return { id, fileName, importedAt, userId: user?.id ?? null, userName: user?.name ?? '', ...summarizeImport(remittances, match) }
}

/** The reason codes of a denied line with their group, "CO-4", each once; RARCs as they are. */
export function reasonCodesOf(denial: Pick<DeniedLine, 'adjustments' | 'carcCodes'>): { code: string; label: string }[] {
  const listed = new Map<string, { code: string; label: string }>()
  for (const a of denial.adjustments) listed.set(`${a.group}-${a.carc}`, { code: a.carc, label: `${a.group}-${a.carc}` })
  for (const code of denial.carcCodes) if (![...listed.values()].some((l) => l.code === code)) listed.set(code, { code, label: code })
  return [...listed.values()]
}

/** "64494 50 RT" for a denied line; "Whole claim" for a claim-level denial. */
export function deniedCodeLabel(denial: Pick<DeniedLine, 'code' | 'modifiers'>): string {
  return denial.code === null ? 'Whole claim' : [denial.code, ...denial.modifiers].join(' ')
}

/**
 * Where a denied line landed among the encounters: "ENC-1, line 2 (64494)", the encounter alone
 * for a claim-level denial, or null when it matched no encounter line.
 */
export function matchedLineLabel(denial: Pick<DeniedLine, 'encounterId' | 'lineIndex' | 'remittanceLineIndex'>, encounters: ReadonlyMap<string, EncounterForMatching>): string | null {
  if (denial.encounterId === null) return null
  if (denial.remittanceLineIndex === null) return `${denial.encounterId} (whole claim)`
  if (denial.lineIndex === null) return null
  const line = encounters.get(denial.encounterId)?.lines[denial.lineIndex]
  return `${denial.encounterId}, line ${denial.lineIndex + 1}${line ? ` (${line.code})` : ''}`
}

/** Counts for the preview and the list of imports. */
export function summarize(record: Pick<RemittanceImportRecord, 'payments' | 'claims' | 'matchedClaims' | 'denials'>): string {
  return `${plural(record.payments.length, 'payment')}, ${plural(record.claims, 'claim')} (${record.matchedClaims.toLocaleString('en-US')} matched to encounters), ${plural(record.denials.length, 'denied line')}`
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A stored time as staff read it: local date and time to the minute. */
export function localDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

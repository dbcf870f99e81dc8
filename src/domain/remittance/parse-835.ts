import { readInterchange, type Separators, type TransactionSet } from './envelope.ts'
import { ErrorList, StopParsing } from './errors.ts'
import { readAdjustments, readClaim, readLine, readProviderAdjustments } from './read-segments.ts'
import { SegmentReader } from './segment-reader.ts'
import type {
  Adjustment,
  ProviderAdjustment,
  Remittance,
  RemittanceClaim,
  RemittanceLine,
  RemittanceParseOptions,
  RemittanceParseResult,
} from './types.ts'
import { formatAmount } from './values.ts'

/**
 * The 835 loops this app needs, read from one transaction set: the payment (BPR, TRN,
 * DTM*405), payer and payee (N1*PR, N1*PE), claims (CLP with NM1, DTM, CAS, MOA) and their
 * service lines (SVC with DTM, CAS, REF*6R, AMT*B6, LQ*HE), and provider adjustments (PLB).
 * Segments the app does not use (TS3, PER, N3, ...) are passed over.
 */

export const DEFAULT_MAX_BYTES = 20_000_000
const DEFAULT_MAX_ERRORS = 50

const groupThousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** Checks that an adjudicated amount is explained by its adjustments; a mismatch is a warning. */
function checkBalance(charge: number, paid: number, adjustments: readonly Adjustment[], what: string, warnings: string[]): void {
  const adjusted = adjustments.reduce((sum, a) => sum + a.amount, 0)
  if (charge - paid !== adjusted) {
    warnings.push(`${what}: charge ${formatAmount(charge)} less payment ${formatAmount(paid)} is not the ${formatAmount(adjusted)} of its adjustments.`)
  }
}

function finishClaim(claim: RemittanceClaim, number: number, warnings: string[]): void {
  for (const line of claim.lines) line.dateOfService ??= claim.serviceDates.from
  const lineAdjustments = claim.lines.flatMap((l) => l.adjustments)
  checkBalance(claim.charge, claim.paid, [...claim.adjustments, ...lineAdjustments], `Claim ${claim.patientControlNumber} (segment ${number})`, warnings)
}

function readTransaction(set: TransactionSet, separators: Separators, errors: ErrorList, warnings: string[]): Remittance | null {
  const start = set.segments[0]
  let payment: { amount: number; method: string; date: string } | null = null
  let checkOrEftNumber: string | null = null
  let payerName: string | null = null
  const remittance: Partial<Remittance> = {}
  const claims: RemittanceClaim[] = []
  const providerAdjustments: ProviderAdjustment[] = []
  let loop: 'header' | 'payer' | 'payee' | 'other-party' | 'claim' | 'line' | 'summary' = 'header'
  let claim: { value: RemittanceClaim | null; number: number } | null = null
  let line: RemittanceLine | null = null
  const closeClaim = (): void => {
    if (claim?.value) finishClaim(claim.value, claim.number, warnings)
    claim = null
    line = null
  }

  for (const seg of set.segments) {
    const r = new SegmentReader(seg, separators, errors)
    const qualifier = r.text(1)
    switch (seg.id) {
      case 'BPR': {
        const amount = r.amount(2, 'total payment amount')
        const method = r.required(4, 'payment method code')
        const date = r.date(16, 'payment date')
        if (amount !== null && method !== null && date !== null) payment = { amount, method, date }
        break
      }
      case 'TRN':
        checkOrEftNumber = r.required(2, 'check or EFT trace number')
        break
      case 'N1':
        if (loop === 'claim' || loop === 'line') break
        if (qualifier === 'PR') {
          loop = 'payer'
          payerName = r.required(2, 'payer name')
          if (r.text(3) === 'XV' && r.text(4) !== '') remittance.payerId = r.text(4)
        } else if (qualifier === 'PE') {
          loop = 'payee'
          if (r.text(2) !== '') remittance.payeeName = r.text(2)
          if (r.text(4) !== '') remittance.payeeId = r.text(4)
        } else loop = 'other-party'
        break
      case 'REF':
        if (loop === 'payer' && qualifier === '2U' && r.text(2) !== '') remittance.payerId ??= r.text(2)
        if (loop === 'line' && line && qualifier === '6R' && r.text(2) !== '') line.lineControlNumber = r.text(2)
        break
      case 'DTM': {
        const date = r.date(2, `date (DTM01 ${qualifier || 'missing'})`, ['405', '232', '233', '472', '150'].includes(qualifier))
        if (date === null) break
        if (qualifier === '405' && loop !== 'claim' && loop !== 'line') remittance.productionDate = date
        else if (loop === 'line' && line && (qualifier === '472' || (qualifier === '150' && line.dateOfService === null))) line.dateOfService = date
        else if (claim?.value && qualifier === '232') claim.value.serviceDates.from = date
        else if (claim?.value && qualifier === '233') claim.value.serviceDates.to = date
        break
      }
      case 'LX':
        closeClaim()
        loop = 'header'
        break
      case 'CLP':
        closeClaim()
        claim = { value: readClaim(r), number: seg.number }
        if (claim.value) claims.push(claim.value)
        loop = 'claim'
        break
      case 'CAS':
        if (loop === 'line') {
          const adjustments = readAdjustments(r)
          line?.adjustments.push(...adjustments)
        } else if (loop === 'claim') {
          const adjustments = readAdjustments(r)
          claim?.value?.adjustments.push(...adjustments)
        } else r.error('CAS found outside a claim (no CLP before it).')
        break
      case 'NM1':
        if (loop !== 'claim' || !claim?.value) break
        if (qualifier === 'QC') {
          const name = [r.text(3), r.text(4)].filter((p) => p !== '').join(', ')
          if (name !== '') claim.value.patientName = name
          if (r.text(9) !== '') claim.value.patientMemberId = r.text(9)
        } else if (qualifier === '82' && r.text(9) !== '') claim.value.renderingProviderId = r.text(9)
        break
      case 'MOA':
      case 'MIA': {
        const positions = seg.id === 'MOA' ? [3, 4, 5, 6, 7] : [5, 20, 21, 22, 23, 24]
        const remarks = positions.map((i) => r.text(i)).filter((code) => code !== '')
        if (loop === 'claim' && claim?.value) claim.value.remarks.push(...remarks)
        break
      }
      case 'SVC':
        if (!claim) {
          r.error('service line found before any claim (no CLP before it).')
          break
        }
        line = readLine(r)
        if (line) claim.value?.lines.push(line)
        loop = 'line'
        break
      case 'AMT':
        if (loop === 'line' && line && qualifier === 'B6') {
          const allowed = r.amount(2, 'allowed amount')
          if (allowed !== null) line.allowed = allowed
        }
        break
      case 'LQ':
        if (loop === 'line' && line && qualifier === 'HE') {
          const code = r.required(2, 'remark code')
          if (code !== null) line.remarks.push(code)
        }
        break
      case 'PLB':
        closeClaim()
        loop = 'summary'
        providerAdjustments.push(...readProviderAdjustments(r))
        break
      default:
        break
    }
  }
  closeClaim()
  const at = { segment: start?.number ?? 0, segmentId: 'ST' }
  if (!payment) {
    if (!set.segments.some((s) => s.id === 'BPR')) errors.add(at, `transaction set ${set.controlNumber} has no BPR segment (payment amount, method and date).`)
    return null
  }
  if (checkOrEftNumber === null) {
    if (!set.segments.some((s) => s.id === 'TRN')) errors.add(at, `transaction set ${set.controlNumber} has no TRN segment (check or EFT trace number).`)
    return null
  }
  if (payerName === null) {
    if (!set.segments.some((s) => s.id === 'N1' && s.elements[1] === 'PR')) errors.add(at, `transaction set ${set.controlNumber} has no N1*PR segment naming the payer.`)
    return null
  }
  const paidToClaims = claims.reduce((sum, c) => sum + c.paid, 0)
  const providerTotal = providerAdjustments.reduce((sum, p) => sum + p.amount, 0)
  if (paidToClaims - providerTotal !== payment.amount) {
    warnings.push(`Transaction set ${set.controlNumber}: the payment of ${formatAmount(payment.amount)} is not the claims' ${formatAmount(paidToClaims)} less provider adjustments of ${formatAmount(providerTotal)}.`)
  }
  return {
    ...remittance,
    transactionControlNumber: set.controlNumber,
    payerName,
    paymentDate: payment.date,
    paymentAmount: payment.amount,
    paymentMethod: payment.method,
    checkOrEftNumber,
    claims,
    providerAdjustments,
  }
}

/**
 * Parses an X12 835 (005010X221A1) remittance file: one Remittance per transaction set
 * (ST..SE), each one payment from one payer. All or nothing: if any segment is malformed
 * or an envelope does not close with the right count and control number, only the errors
 * come back, each naming the segment number and element position.
 */
export function parseRemittanceFile(text: string, options: RemittanceParseOptions = {}): RemittanceParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (text.length > maxBytes) {
    return {
      ok: false,
      errors: [{ segment: 0, message: `The file has ${groupThousands(text.length)} characters, more than the ${groupThousands(maxBytes)} this import accepts; split it or raise the limit.` }],
    }
  }
  const errors = new ErrorList(options.maxErrors ?? DEFAULT_MAX_ERRORS)
  const warnings: string[] = []
  const remittances: Remittance[] = []
  try {
    const interchange = readInterchange(text, errors)
    if (interchange) {
      for (const set of interchange.transactionSets) {
        const remittance = readTransaction(set, interchange.separators, errors, warnings)
        if (remittance) remittances.push(remittance)
      }
    }
  } catch (e) {
    if (!(e instanceof StopParsing)) throw e
  }
  return errors.size > 0 ? { ok: false, errors: errors.errors } : { ok: true, remittances, warnings }
}

import { showValue } from './errors.ts'
import type { SegmentReader } from './segment-reader.ts'
import {
  ADJUSTMENT_GROUPS,
  CLAIM_STATUSES,
  type Adjustment,
  type AdjustmentGroup,
  type ClaimStatusCode,
  type ProviderAdjustment,
  type RemittanceClaim,
  type RemittanceLine,
} from './types.ts'

/**
 * Readers of the 835 segments that carry money and codes: CLP (claim), SVC (service line),
 * CAS (adjustments) and PLB (provider adjustments). Each records an error per bad element
 * and returns null (or skips the value) so the file's other problems are found too.
 */

const REASON_CODE = /^[A-Z0-9]{1,5}$/

function isGroup(code: string): code is AdjustmentGroup {
  return (ADJUSTMENT_GROUPS as readonly string[]).includes(code)
}

function isStatusCode(code: string): code is ClaimStatusCode {
  return Object.hasOwn(CLAIM_STATUSES, code)
}

/** CAS: a group code, then up to six reason/amount/quantity triples. */
export function readAdjustments(r: SegmentReader): Adjustment[] {
  const group = r.text(1)
  if (!isGroup(group)) {
    r.error(`adjustment group code ${showValue(group)} is not one of ${ADJUSTMENT_GROUPS.join(', ')}.`, 1)
    return []
  }
  if (r.length > 19) r.error('more than 6 reason/amount/quantity triples; a CAS holds at most 6.', 20)
  const adjustments: Adjustment[] = []
  for (let k = 0; k < 6; k++) {
    const [reasonAt, amountAt, quantityAt] = [2 + 3 * k, 3 + 3 * k, 4 + 3 * k]
    const reason = r.text(reasonAt)
    if (reason === '') {
      if (k === 0) r.error('the claim adjustment reason code is missing.', reasonAt)
      else if (r.text(amountAt) !== '' || r.text(quantityAt) !== '') {
        r.error(`an amount or quantity without a reason code in element ${reasonAt}.`, r.text(amountAt) !== '' ? amountAt : quantityAt)
      }
      continue
    }
    if (!REASON_CODE.test(reason)) {
      r.error(`reason code ${showValue(reason)} is not a claim adjustment reason code.`, reasonAt)
      continue
    }
    if (r.text(amountAt) === '') {
      r.error(`reason code ${showValue(reason)} in element ${reasonAt} has no amount; CAS elements come in reason/amount/quantity triples.`, amountAt)
      continue
    }
    const amount = r.amount(amountAt, 'adjustment amount')
    const quantity = r.quantity(quantityAt, 'adjustment quantity', false)
    if (amount === null) continue
    const adjustment: Adjustment = { group, reason, amount }
    if (quantity !== null) adjustment.quantity = quantity
    adjustments.push(adjustment)
  }
  return adjustments
}

export function readClaim(r: SegmentReader): RemittanceClaim | null {
  const patientControlNumber = r.required(1, 'patient control number')
  const statusText = r.text(2)
  let statusCode: ClaimStatusCode | null = null
  if (statusText === '') r.error('the claim status code is missing.', 2)
  else if (!/^\d+$/.test(statusText)) r.error(`claim status code ${showValue(statusText)} is not a number.`, 2)
  else if (!isStatusCode(statusText)) {
    r.error(`claim status code ${showValue(statusText)} is not one the 835 uses (${Object.keys(CLAIM_STATUSES).join(', ')}).`, 2)
  } else statusCode = statusText
  const charge = r.amount(3, 'total claim charge')
  const paid = r.amount(4, 'claim payment amount')
  const patientResponsibility = r.amount(5, 'patient responsibility amount', false)
  const payerClaimNumber = r.required(7, 'payer claim control number')
  if (patientControlNumber === null || statusCode === null || charge === null || paid === null || payerClaimNumber === null) return null
  const claim: RemittanceClaim = {
    patientControlNumber,
    statusCode,
    status: CLAIM_STATUSES[statusCode],
    charge,
    paid,
    payerClaimNumber,
    serviceDates: { from: null, to: null },
    adjustments: [],
    remarks: [],
    lines: [],
  }
  if (patientResponsibility !== null) claim.patientResponsibility = patientResponsibility
  return claim
}

export function readLine(r: SegmentReader): RemittanceLine | null {
  const procedure = r.components(1)
  const qualifier = procedure[1] ?? ''
  const code = procedure[2] ?? ''
  if (r.text(1) === '') r.error('the procedure code (qualifier:code:modifiers) is missing.', 1)
  else if (code === '') r.error('the procedure code is missing.', 1, 2)
  else if (qualifier === '') r.error('the procedure code qualifier (HC, N4, ...) is missing.', 1, 1)
  const charge = r.amount(2, 'line charge amount')
  const paid = r.amount(3, 'line payment amount')
  const units = r.quantity(5, 'units of service paid', false)
  const billedUnits = r.quantity(7, 'original units of service', false)
  if (code === '' || qualifier === '' || charge === null || paid === null) return null
  const line: RemittanceLine = {
    code,
    codeQualifier: qualifier,
    modifiers: procedure.slice(3, 7).filter((m) => m !== ''),
    units: units ?? 1,
    charge,
    paid,
    dateOfService: null,
    adjustments: [],
    remarks: [],
  }
  const billed = r.components(6)
  if ((billed[2] ?? '') !== '') {
    line.billedCode = billed[2] ?? ''
    line.billedModifiers = billed.slice(3, 7).filter((m) => m !== '')
  }
  if (billedUnits !== null) line.billedUnits = billedUnits
  return line
}

export function readProviderAdjustments(r: SegmentReader): ProviderAdjustment[] {
  const providerId = r.required(1, 'provider identifier')
  const fiscalPeriodDate = r.date(2, 'fiscal period date')
  const result: ProviderAdjustment[] = []
  for (let k = 0; k < 6; k++) {
    const [reasonAt, amountAt] = [3 + 2 * k, 4 + 2 * k]
    if (r.text(reasonAt) === '' && r.text(amountAt) === '') continue
    const [, reason = '', reference = ''] = r.components(reasonAt)
    if (reason === '') r.error('the adjustment reason code is missing.', reasonAt, 1)
    const amount = r.amount(amountAt, 'provider adjustment amount')
    if (reason === '' || amount === null || providerId === null || fiscalPeriodDate === null) continue
    result.push({ providerId, fiscalPeriodDate, reason, ...(reference ? { reference } : {}), amount })
  }
  return result
}

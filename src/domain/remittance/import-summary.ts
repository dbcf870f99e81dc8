import type { DeniedLine, RemittanceMatchResult, UnmatchedClaim, UnmatchedLine } from './match.ts'
import type { Cents, Remittance } from './types.ts'

/**
 * What an imported 835 file keeps once matched: its payments, each with the identity a store
 * keeps once, the match counts and every denied line. The browser's store and the group server
 * build it with these same functions.
 */

/** One payment (835 transaction set) of an imported file, as stored. */
export interface RemittancePaymentSummary {
  payerName: string
  payerId: string | null
  /** ISO date (BPR16). */
  paymentDate: string
  checkOrEftNumber: string
  amount: Cents
  claims: number
}

export interface RemittanceImportSummary {
  /** One key per payment (paymentKeyOf): a payment already stored refuses the whole file. */
  paymentKeys: string[]
  payments: RemittancePaymentSummary[]
  claims: number
  matchedClaims: number
  denials: DeniedLine[]
  unmatchedClaims: UnmatchedClaim[]
  unmatchedLines: UnmatchedLine[]
}

/** The identity of a payment, stored once: payer (its id, else its name), check or EFT number, date. */
export function paymentKeyOf(remittance: Pick<Remittance, 'payerId' | 'payerName' | 'checkOrEftNumber' | 'paymentDate'>): string {
  return `${remittance.payerId ?? remittance.payerName}|${remittance.checkOrEftNumber}|${remittance.paymentDate}`
}

export function paymentSummaryOf(remittance: Remittance): RemittancePaymentSummary {
  return {
    payerName: remittance.payerName,
    payerId: remittance.payerId ?? null,
    paymentDate: remittance.paymentDate,
    checkOrEftNumber: remittance.checkOrEftNumber,
    amount: remittance.paymentAmount,
    claims: remittance.claims.length,
  }
}

/** A payment named as billing staff read it: payer, check or EFT number, date. */
export function describePayment(payment: Pick<RemittancePaymentSummary, 'payerName' | 'checkOrEftNumber' | 'paymentDate'>): string {
  return `payment from ${payment.payerName} (check/EFT ${payment.checkOrEftNumber}, dated ${payment.paymentDate})`
}

/** Two payments of one file with the same identity: a store would keep only one, so the file is refused. */
export function repeatedPayments(remittances: readonly Remittance[]): string[] {
  const seen = new Set<string>()
  const repeated: string[] = []
  for (const r of remittances) {
    const key = paymentKeyOf(r)
    if (seen.has(key)) repeated.push(`The ${describePayment(r)} appears twice in the file.`)
    seen.add(key)
  }
  return repeated
}

/** The payments, the match counts and every denied line of a parsed and matched file. */
export function summarizeImport(remittances: readonly Remittance[], match: RemittanceMatchResult): RemittanceImportSummary {
  return {
    paymentKeys: remittances.map(paymentKeyOf),
    payments: remittances.map(paymentSummaryOf),
    claims: match.claims.length,
    matchedClaims: match.claims.filter((c) => c.encounterId !== null).length,
    denials: match.denials,
    unmatchedClaims: match.unmatchedClaims,
    unmatchedLines: match.unmatchedLines,
  }
}

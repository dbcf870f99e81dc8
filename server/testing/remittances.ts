import { build835 } from '../../src/domain/remittance/testing/build-835.ts'

/** 835 files for the server's tests, written by the domain's own builder. */

let checks = 0

/**
 * An 835 paying one claim with a denied line: `claimId` as CLP01 (an encounter id, or a patient
 * id), the denied line billing `code` on `date`; `check` names the payment (a new one unless given).
 */
export function remittanceText(options: { claimId?: string; code?: string; date?: string; check?: string; payerName?: string } = {}): string {
  const date = options.date ?? '2026-11-20'
  const check = options.check ?? `CHK${String(++checks).padStart(6, '0')}${Math.floor(Math.random() * 1e6)}`
  return build835({
    payerName: options.payerName ?? 'ACME HEALTH', payerId: 'ACME1', paymentDate: '2026-11-21', checkNumber: check,
    claims: [{
      patientControlNumber: options.claimId ?? 'PT-REMIT-1', status: '1', charge: 30000, paid: 10000, payerClaimNumber: `PCN-${check}`,
      patient: { last: 'DOE', first: 'JAN', memberId: 'MEM-1' }, from: date,
      lines: [
        { code: '97110', charge: 10000, paid: 10000, date },
        { code: options.code ?? '64483', charge: 20000, paid: 0, date, adjustments: [{ group: 'CO', reason: '119', amount: 20000 }] },
      ],
    }],
  })
}

/** An upload body for POST /api/remittances. */
export function remittanceUpload(text = remittanceText(), fileName = 'acme.835', controlNumber = 'encounter-id-or-patient-id') {
  return { id: crypto.randomUUID(), fileName, controlNumber, text }
}

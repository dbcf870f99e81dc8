// Test support for the insights' unit and component tests (not used by the app).
import type { DeniedLine } from '../../../domain/remittance/index.ts'
import type { AuditRecord, RemittanceImportRecord } from '../../../storage/types.ts'
import { finding, line, record, users } from '../model/test-fixtures.ts'

export { finding, line, record, users }

/** A denied line of an 835, matched to `encounterId` line `lineIndex` unless those are null. */
export function denied(overrides: Partial<DeniedLine> = {}): DeniedLine {
  return {
    encounterId: 'E1', lineIndex: 0, remittanceLineIndex: 0, code: '64493', modifiers: [], units: 1, dateOfService: '2026-10-14',
    category: 'modifier', carcCodes: ['4'], rarcCodes: [], amount: 25000, full: true, reason: 'The procedure code is inconsistent with the modifier used.',
    adjustments: [], patientControlNumber: 'E1', payerClaimNumber: 'PCN-1', payerName: 'MEDICARE JURISDICTION L', payerId: '12502',
    paymentDate: '2026-11-10', checkOrEftNumber: 'EFT-1', providerId: 'DR-A', payerProfile: 'medicare', ...overrides,
  }
}

export function remittance(id: string, denials: DeniedLine[]): RemittanceImportRecord {
  return {
    id, fileName: `${id}.835`, importedAt: '2026-11-12T09:00:00.000Z', userId: users.coder.id, userName: users.coder.name,
    paymentKeys: [`12502|EFT-${id}|2026-11-10`],
    payments: [{ payerName: 'MEDICARE JURISDICTION L', payerId: '12502', paymentDate: '2026-11-10', checkOrEftNumber: `EFT-${id}`, amount: 0, claims: 1 }],
    claims: 1, matchedClaims: 1, denials, unmatchedClaims: [], unmatchedLines: [],
  }
}

let auditId = 0

/** An audit entry of the review, by the supervisor unless another user is given. */
export function audit(overrides: Partial<AuditRecord> & Pick<AuditRecord, 'encounterId' | 'action' | 'to'>): AuditRecord {
  return {
    id: `a-${++auditId}`, at: '2026-10-20T15:00:00.000Z', userId: users.supervisor.id, userName: users.supervisor.name, lineIndex: 0,
    from: 'pending', reason: null, note: null, ...overrides,
  }
}

/** The supervisor overriding line `lineIndex` of `encounterId`. */
export function override(encounterId: string, lineIndex: number, at = '2026-10-20T15:00:00.000Z', by = users.supervisor): AuditRecord {
  return audit({ encounterId, lineIndex, at, action: 'override', from: 'pending', to: 'overridden', userId: by.id, userName: by.name, reason: 'Documentation supports the service', note: 'Op note documents both levels.' })
}

import { describe, expect, it } from 'vitest'
import { appendEntry, stampEntry } from './audit.ts'
import { auditToCsv, QUEUE_COLUMNS, queueToCsv } from './export.ts'
import { queueRows } from './queue-rows.ts'
import { finding, line, record, users } from './test-fixtures.ts'
import { decide, finalizeEntry } from './transitions.ts'
import type { AuditEntry } from './types.ts'

const enc = record({
  id: 'E1', patientId: '=cmd|/C calc!A0', lines: [line({ code: '64493', modifiers: ['50', 'KX'] }), line({ code: 'J3301', units: 4, procedureIndex: null })],
  findings: [finding({ ruleId: 'FACET-KX', severity: 'error', category: 'modifier', message: 'Bilateral "50" needs KX, per LCD', lineIndexes: [0] })],
})
const rows = queueRows([enc], { users: Object.values(users), includeAllLines: true })

describe('queueToCsv', () => {
  it('writes every column of the queue by default order', () => {
    expect(queueToCsv(rows, QUEUE_COLUMNS.map((c) => c.id))).toBe([
      'Date of service,Patient account,Provider,Coder,Payer,Code,Modifiers,Units,Top finding,Severity,Category,Rules,Status',
      `2026-10-14,'=cmd|/C calc!A0,DR-A,Casey Coder,medicare,64493,50 KX,1,"FACET-KX: Bilateral ""50"" needs KX, per LCD",error,modifier,FACET-KX,Pending review`,
      `2026-10-14,'=cmd|/C calc!A0,DR-A,Casey Coder,medicare,J3301,,4,,,,,No findings`,
      '',
    ].join('\r\n'))
  })

  it('writes only the visible columns, in the order given', () => {
    expect(queueToCsv(rows.slice(0, 1), ['status', 'code', 'units'])).toBe('Status,Code,Units\r\nPending review,64493,1\r\n')
  })

  it('is the header alone for an empty view', () => {
    expect(queueToCsv([], ['code'])).toBe('Code\r\n')
  })

  it.each(['=1+1', '+1', '-1', '@SUM(A1:A9)', '\t=1', '\r=1'])('neutralises %j in a cell', (evil) => {
    const [first] = queueRows([record({ patientId: evil, findings: [finding({ message: evil, ruleId: 'R' })] })], { includeAllLines: false })
    const csv = queueToCsv(first ? [first] : [], ['patientId', 'topFinding'])
    const cells = csv.split('\r\n')[1]
    expect(cells?.startsWith(`'${evil}`) || cells?.startsWith(`"'${evil}`)).toBe(true)
  })
})

describe('auditToCsv', () => {
  it('writes the log in order, lines numbered from 1, encounter actions without a line', () => {
    const target = { encounterId: 'E1', lineIndex: 0, coderId: 'u-coder', hasError: true }
    const override = decide('pending', 'override', { user: users.supervisor, target, reason: 'Other', note: '=HYPERLINK("x")\nsecond line' })
    if (!override.ok) throw new Error(override.error.message)
    let log: readonly AuditEntry[] = []
    log = appendEntry(log, stampEntry(finalizeEntry({ id: 'E1', review: 'pending', finalizeReason: 'Payer, confirmed' }, users.coder), 'a1', '2026-11-26T10:00:00.000Z'))
    log = appendEntry(log, stampEntry(override.entry, 'a2', '2026-11-26T11:00:00.000Z'))
    expect(auditToCsv(log)).toBe([
      'Time,User,User id,Encounter,Line,Action,From,To,Reason,Note',
      '2026-11-26T10:00:00.000Z,Casey Coder,u-coder,E1,,Finalized,,Pending review,,"Payer, confirmed"',
      `2026-11-26T11:00:00.000Z,Sam Supervisor,u-sup,E1,1,Overridden,Pending review,Overridden,Other,"'=HYPERLINK(""x"")\nsecond line"`,
      '',
    ].join('\r\n'))
  })
})

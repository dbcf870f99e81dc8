import { describe, expect, it } from 'vitest'
import { queueRows } from './queue-rows.ts'
import { exampleRecord, finding, line, record, users } from './test-fixtures.ts'

const allUsers = Object.values(users)

describe('queueRows', () => {
  it('makes one row per claim line of the issue example, each tied to its findings', () => {
    const rows = queueRows([exampleRecord()], { users: allUsers, includeAllLines: false })
    expect(rows.map((r) => [r.rowId, r.code, r.modifiers, r.severity, r.topFinding?.ruleId, r.status])).toEqual([
      ['EX:0', '20552', '', 'warning', 'TPI-WITH-OTHER-BLOCK', 'pending'],
      ['EX:1', '64493', '50 KX', 'error', 'IMG-BUNDLED', 'pending'],
      ['EX:2', '64635', 'RT', 'error', 'IMG-BUNDLED', 'pending'],
      ['EX:3', '64483', 'RT', 'error', 'IMG-BUNDLED', 'pending'],
      // The drug line has no finding of its own: the encounter's diagnosis warning is its top one.
      ['EX:4', 'J3301', '', 'warning', 'DX-SUPPORT', 'pending'],
      ['EX:5', '77003', '', 'error', 'IMG-BUNDLED', 'pending'],
    ])
    const first = rows[0]
    expect(first).toMatchObject({
      encounterId: 'EX', lineIndex: 0, dateOfService: '2026-10-14', patientId: 'PT-1001', providerId: 'DR-A',
      coderId: 'u-coder', coderName: 'Casey Coder', payer: 'medicare', units: 1, category: 'coverage', hasError: false,
    })
    // Its own rule, its procedure's documentation rules, then the encounter's, once each.
    expect(first?.ruleIds).toEqual([
      'TPI-WITH-OTHER-BLOCK', 'DOC-TPI-MUSCLES', 'DOC-TPI-SUBSTANCE', 'DOC-TPI-LATERALITY', 'DOC-TPI-RELIEF',
      'DOC-TPI-CONSERVATIVE', 'DX-SUPPORT', 'DX-LISTS-NOT-LOADED', 'NCCI-NOT-LOADED',
    ])
    expect(first?.findingCount).toBe(11)
  })

  it('ties a finding to a line by lineIndexes, then by procedure, else to the whole encounter', () => {
    const enc = record({
      lines: [line({ procedureIndex: 0 }), line({ procedureIndex: 1, code: '64494' }), line({ procedureIndex: null, code: 'J3301' })],
      findings: [
        finding({ ruleId: 'BY-LINE', severity: 'info', lineIndexes: [2] }),
        finding({ ruleId: 'BY-PROC', severity: 'error', procedureIndex: 1 }),
        finding({ ruleId: 'ENC', severity: 'warning' }),
      ],
    })
    const rows = queueRows([enc], { includeAllLines: true })
    expect(rows.map((r) => [r.code, r.topFinding?.ruleId, r.ruleIds, r.hasError])).toEqual([
      ['64493', 'ENC', ['ENC'], false],
      ['64494', 'BY-PROC', ['BY-PROC', 'ENC'], true],
      ['J3301', 'ENC', ['BY-LINE', 'ENC'], false],
    ])
  })

  it("prefers the line's own finding over the encounter's at the same severity, else the first", () => {
    const enc = record({
      lines: [line()],
      findings: [finding({ ruleId: 'ENC' }), finding({ ruleId: 'OWN-1', lineIndexes: [0] }), finding({ ruleId: 'OWN-2', lineIndexes: [0] })],
    })
    expect(queueRows([enc], { includeAllLines: false })[0]?.topFinding).toEqual({ ruleId: 'OWN-1', message: 'message' })
  })

  it('treats a procedure finding whose procedure made no line as the encounter\'s', () => {
    const enc = record({ lines: [line({ procedureIndex: 0 })], findings: [finding({ ruleId: 'P3', procedureIndex: 3 })] })
    expect(queueRows([enc], { includeAllLines: false })[0]?.ruleIds).toEqual(['P3'])
  })

  it('leaves out lines with no error or warning unless all lines are asked for', () => {
    const enc = record({
      lines: [line(), line({ procedureIndex: 1 }), line({ procedureIndex: 2 })],
      findings: [finding({ ruleId: 'W', procedureIndex: 0 }), finding({ ruleId: 'I', severity: 'info', procedureIndex: 1 })],
    })
    expect(queueRows([enc], { includeAllLines: false }).map((r) => r.rowId)).toEqual(['E1:0'])
    const all = queueRows([enc], { includeAllLines: true })
    expect(all.map((r) => [r.rowId, r.status, r.severity])).toEqual([
      ['E1:0', 'pending', 'warning'], ['E1:1', 'no-findings', 'info'], ['E1:2', 'no-findings', null],
    ])
    expect(all[2]).toMatchObject({ topFinding: null, category: null, ruleIds: [], findingCount: 0 })
  })

  it('takes decided statuses from the audit log', () => {
    const enc = record({ lines: [line(), line({ procedureIndex: 1 })], findings: [finding()] })
    const rows = queueRows([enc], { includeAllLines: false, statuses: new Map([['E1:1', 'approved' as const]]) })
    expect(rows.map((r) => r.status)).toEqual(['pending', 'approved'])
  })

  it('names the coder by profile, else by id, else leaves the coder empty', () => {
    const encs = [record({ id: 'A', findings: [finding()] }), record({ id: 'B', findings: [finding()], finalizedBy: 'u-gone' }),
      record({ id: 'C', findings: [finding()], finalizedBy: undefined })]
    expect(queueRows(encs, { users: allUsers, includeAllLines: false }).map((r) => [r.coderId, r.coderName])).toEqual([
      ['u-coder', 'Casey Coder'], ['u-gone', 'u-gone'], [null, ''],
    ])
  })

  it('makes no row for an encounter without lines', () => {
    expect(queueRows([record({ lines: [], findings: [finding()] })], { includeAllLines: true })).toEqual([])
  })
})

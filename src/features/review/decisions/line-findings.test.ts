import { describe, expect, it } from 'vitest'
import { queueRows } from '../model/queue-rows.ts'
import { exampleRecord, finding, line, record } from '../model/test-fixtures.ts'
import { findingsForLine } from './line-findings.ts'

const lines = [line({ code: '64493', procedureIndex: 0 }), line({ code: '64494', procedureIndex: 0 }), line({ code: '20552', procedureIndex: 1 })]

describe('findingsForLine', () => {
  it('takes a finding\'s line indexes first, then its procedure\'s lines, else the whole encounter', () => {
    const findings = [
      finding({ ruleId: 'BY-INDEX', severity: 'info', lineIndexes: [1, 2], procedureIndex: 0 }),
      finding({ ruleId: 'BY-PROC', severity: 'warning', procedureIndex: 0 }),
      finding({ ruleId: 'NO-LINE-PROC', severity: 'warning', procedureIndex: 7 }),
      finding({ ruleId: 'WHOLE', severity: 'error' }),
    ]
    const ids = (i: number) => findingsForLine(findings, lines, i).map((f) => `${f.finding.ruleId}/${f.scope}`)
    expect(ids(0)).toEqual(['WHOLE/encounter', 'BY-PROC/line', 'NO-LINE-PROC/encounter'])
    expect(ids(1)).toEqual(['WHOLE/encounter', 'BY-PROC/line', 'NO-LINE-PROC/encounter', 'BY-INDEX/line'])
    expect(ids(2)).toEqual(['WHOLE/encounter', 'NO-LINE-PROC/encounter', 'BY-INDEX/line'])
  })

  it('puts the line\'s own finding before the encounter\'s at the same severity', () => {
    const findings = [finding({ ruleId: 'ENC', severity: 'warning' }), finding({ ruleId: 'OWN', severity: 'warning', lineIndexes: [0] })]
    expect(findingsForLine(findings, lines, 0).map((f) => f.finding.ruleId)).toEqual(['OWN', 'ENC'])
  })

  it('agrees with the queue on how many findings each line of the issue example has', () => {
    const rec = exampleRecord()
    const rows = queueRows([rec], { includeAllLines: true })
    expect(rows.filter((r) => r.findingCount > 0).length).toBeGreaterThan(0)
    for (const row of rows) expect(findingsForLine(rec.findings, rec.lines, row.lineIndex)).toHaveLength(row.findingCount)
    expect(rows.map((r) => findingsForLine(record().findings, rec.lines, r.lineIndex))).toEqual(rows.map(() => []))
  })
})

import { describe, expect, it } from 'vitest'
import { queueView } from './filters.ts'
import { queueRows } from './queue-rows.ts'
import { finding, line, record } from './test-fixtures.ts'
import { withStatuses } from './with-statuses.ts'

const rows = queueRows([
  record({ id: 'A', lines: [line(), line({ procedureIndex: 1 })], findings: [finding({ procedureIndex: 0 }), finding({ procedureIndex: 1, severity: 'info' })] }),
  record({ id: 'B', lines: [line()], findings: [finding({ severity: 'error' })] }),
], { includeAllLines: true })

describe('withStatuses', () => {
  it('copies only the rows whose status changes, and never a line without findings', () => {
    const next = withStatuses(rows, new Map([['A:0', 'approved' as const], ['A:1', 'approved' as const], ['B:0', 'pending' as const]]))
    expect(next.map((r) => r.status)).toEqual(['approved', 'no-findings', 'pending'])
    expect(next[1]).toBe(rows[1])
    expect(next[2]).toBe(rows[2])
    expect(rows[0]?.status).toBe('pending')
  })

  it('returns the same array when nothing changes', () => {
    expect(withStatuses(rows, new Map())).toBe(rows)
    expect(withStatuses(rows, new Map([['B:0', 'pending' as const], ['Z:9', 'approved' as const]]))).toBe(rows)
  })

  it('filters, counts and sorts by the new statuses with the carried index', () => {
    const before = queueView(rows, { status: ['pending'] }, [{ id: 'status', desc: false }])
    expect(before.rows.map((r) => r.rowId)).toEqual(['A:0', 'B:0'])
    const next = withStatuses(rows, new Map([['A:0', 'returned' as const]]))
    const after = queueView(next, { status: ['pending', 'returned'] }, [{ id: 'status', desc: true }])
    expect(after.rows.map((r) => [r.rowId, r.status])).toEqual([['A:0', 'returned'], ['B:0', 'pending']])
    expect(after.facets.status).toEqual(new Map([['pending', 1], ['returned', 1], ['no-findings', 1]]))
    expect(queueView(next, { search: 'rule' }, [{ id: 'status', desc: false }]).rows.map((r) => r.rowId)).toEqual(['B:0', 'A:0', 'A:1'])
  })
})

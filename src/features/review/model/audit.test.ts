import { describe, expect, it } from 'vitest'
import { appendEntry, auditForLine, lineStatuses, rowIdOf, stampEntry } from './audit.ts'
import { decide, finalizeEntry } from './transitions.ts'
import { users } from './test-fixtures.ts'
import type { AuditDraft, AuditEntry } from './types.ts'

const target = { encounterId: 'E1', lineIndex: 0, coderId: 'u-coder', hasError: false }

function draftOf(result: ReturnType<typeof decide>): AuditDraft {
  if (!result.ok) throw new Error(result.error.message)
  return result.entry
}

function log(): readonly AuditEntry[] {
  const drafts: AuditDraft[] = [
    finalizeEntry({ id: 'E1', review: 'pending', finalizeReason: null }, users.coder),
    draftOf(decide('pending', 'approve', { user: users.supervisor, target })),
    draftOf(decide('pending', 'return', { user: users.supervisor, target: { ...target, lineIndex: 1 }, note: 'Add KX.' })),
    finalizeEntry({ id: 'E2', review: 'pending', finalizeReason: null }, users.coder),
    draftOf(decide('pending', 'override', { user: users.supervisor, target: { ...target, encounterId: 'E2' }, reason: 'Documentation supports the service' })),
    draftOf(decide('approved', 'reopen', { user: users.supervisor2, target, note: 'Second look.' })),
  ]
  return drafts.reduce<readonly AuditEntry[]>((acc, d, i) => appendEntry(acc, stampEntry(d, `a${i}`, `2026-11-26T10:0${i}:00.000Z`)), [])
}

describe('the audit log', () => {
  it('stamps an entry with its id and time and freezes it', () => {
    const entry = stampEntry(finalizeEntry({ id: 'E1', review: 'pending', finalizeReason: null }, users.coder), 'a1', '2026-11-26T10:00:00.000Z')
    expect(entry).toMatchObject({ id: 'a1', at: '2026-11-26T10:00:00.000Z', action: 'finalize', userName: 'Casey Coder' })
    expect(Object.isFrozen(entry)).toBe(true)
    expect(() => { (entry as { note: string | null }).note = 'edited' }).toThrow(TypeError)
  })

  it('only ever grows: appending leaves the old log as it was', () => {
    const before = log()
    const after = appendEntry(before, stampEntry(before[0], 'x', 'y'))
    expect(before).toHaveLength(6)
    expect(after).toHaveLength(7)
    expect(after.slice(0, 6)).toEqual(before)
    expect(Object.isFrozen(after)).toBe(true)
  })

  it('shows a line its own entries and its encounter finalize, in order', () => {
    expect(auditForLine(log(), 'E1', 0).map((e) => [e.id, e.action])).toEqual([['a0', 'finalize'], ['a1', 'approve'], ['a5', 'reopen']])
    expect(auditForLine(log(), 'E1', 1).map((e) => e.id)).toEqual(['a0', 'a2'])
    expect(auditForLine(log(), 'E2', 0).map((e) => e.id)).toEqual(['a3', 'a4'])
    expect(auditForLine(log(), 'E3', 0)).toEqual([])
  })

  it('gives each decided line its latest status', () => {
    expect(lineStatuses(log())).toEqual(new Map([
      [rowIdOf('E1', 0), 'pending'], [rowIdOf('E1', 1), 'returned'], [rowIdOf('E2', 0), 'overridden'],
    ]))
  })

  it('starts the lines over when their encounter is finalized again', () => {
    const again = appendEntry(log(), stampEntry(finalizeEntry({ id: 'E1', review: 'pending', finalizeReason: null }, users.coder), 'a9', 'z'))
    expect(lineStatuses(again)).toEqual(new Map([[rowIdOf('E2', 0), 'overridden']]))
  })

  it('counts a decision stamped in the same millisecond as the finalize, whatever order the log lists them in', () => {
    const at = '2026-11-26T12:00:00.000Z'
    const finalize = stampEntry(finalizeEntry({ id: 'E1', review: 'pending', finalizeReason: null }, users.coder), 'b', at)
    const approve = stampEntry(draftOf(decide('pending', 'approve', { user: users.supervisor, target })), 'a', at)
    expect(lineStatuses([approve, finalize])).toEqual(new Map([[rowIdOf('E1', 0), 'approved']]))
    expect(lineStatuses([finalize, approve])).toEqual(new Map([[rowIdOf('E1', 0), 'approved']]))
  })
})

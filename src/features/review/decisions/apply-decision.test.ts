import { describe, expect, it } from 'vitest'
import type { AuditRecord, DraftRecord, EncounterRecord } from '../../../storage/types.ts'
import { queueRows } from '../model/queue-rows.ts'
import { finding, line, record, users } from '../model/test-fixtures.ts'
import type { QueueRow, ReviewStatus } from '../model/types.ts'
import { applyDecision, DecisionWriteError, lineBlocker, type DecisionRequest, type DecisionStore } from './apply-decision.ts'

/** An in-memory store with the review's two writes; `failOn` makes a write throw like a full disk. */
function fakeStore(failOn: { append?: boolean; returnOf?: string } = {}) {
  const audit: AuditRecord[] = []
  const drafts: DraftRecord[] = []
  const calls: string[] = []
  const store: DecisionStore = {
    appendAudit: (entries) => {
      calls.push(`append ${entries.length}`)
      if (failOn.append) return Promise.reject(new Error('The disk is full.'))
      audit.push(...entries)
      return Promise.resolve()
    },
    returnToCoder: (draft, entries) => {
      calls.push(`return ${draft.id} ${entries.length}`)
      if (failOn.returnOf === draft.id) return Promise.reject(new Error('The disk is full.'))
      drafts.push(draft)
      audit.push(...entries)
      return Promise.resolve(draft)
    },
  }
  return { store, audit, drafts, calls }
}

const e1 = record({
  id: 'E1', patientId: 'PT-1001', lines: [line({ code: '64493', modifiers: ['50'] }), line({ code: '64494', modifiers: ['50'] })],
  findings: [finding({ ruleId: 'FACET-KX', severity: 'error', message: 'Needs KX', lineIndexes: [0] }), finding({ ruleId: 'W', lineIndexes: [1] })],
})
const e2 = record({ id: 'E2', patientId: 'PT-1002', dateOfService: '2026-10-15', findings: [finding({ ruleId: 'W2', lineIndexes: [0] })] })
const own = record({ id: 'E3', patientId: 'PT-1003', finalizedBy: users.supervisor.id, findings: [finding({ lineIndexes: [0] })] })
const encounters = new Map<string, EncounterRecord>([e1, e2, own].map((e) => [e.id, e]))

function rows(statuses: Record<string, ReviewStatus> = {}): QueueRow[] {
  return queueRows([e1, e2, own], { users: Object.values(users), includeAllLines: false, statuses: new Map(Object.entries(statuses)) })
}
const row = (id: string, statuses?: Record<string, ReviewStatus>) => rows(statuses).find((r) => r.rowId === id)!

function request(overrides: Partial<DecisionRequest>): DecisionRequest {
  let n = 0
  return {
    action: 'approve', rows: [], encounters, user: users.supervisor, reason: null, note: '', now: '2026-11-27T09:00:00.000Z',
    newId: () => `id-${++n}`,
    toReturnedDraft: (rec, note, now) => ({ id: rec.id, createdAt: now, updatedAt: now, patientId: rec.patientId, dateOfService: rec.dateOfService, values: {}, status: 'returned', returnNote: note }),
    ...overrides,
  }
}

describe('applyDecision', () => {
  it('approves several lines with one append, each entry with its own id and the same time', async () => {
    const { store, audit, calls } = fakeStore()
    const out = await applyDecision(store, request({ rows: [row('E1:1'), row('E2:0')], note: ' Looks right. ' }))
    expect(calls).toEqual(['append 2'])
    expect(audit.map((a) => [a.id, a.at, a.encounterId, a.lineIndex, a.action, a.from, a.to, a.note])).toEqual([
      ['id-1', '2026-11-27T09:00:00.000Z', 'E1', 1, 'approve', 'pending', 'approved', 'Looks right.'],
      ['id-2', '2026-11-27T09:00:00.000Z', 'E2', 0, 'approve', 'pending', 'approved', 'Looks right.'],
    ])
    expect(out.applied.map((r) => r.rowId)).toEqual(['E1:1', 'E2:0'])
    expect(out.summary).toBe('Approved 2 lines.')
  })

  it('overrides with the picked reason and says it in the summary', async () => {
    const { store, audit } = fakeStore()
    const out = await applyDecision(store, request({ action: 'override', rows: [row('E2:0')], reason: 'Documentation supports the service' }))
    expect(audit).toMatchObject([{ action: 'override', to: 'overridden', reason: 'Documentation supports the service', note: null, userId: 'u-sup' }])
    expect(out.summary).toBe('Overrode 1 line (Documentation supports the service).')
  })

  it('does not override without a reason, nor a line with an error finding without an explanation', async () => {
    const { store, calls } = fakeStore()
    const noReason = await applyDecision(store, request({ action: 'override', rows: [row('E2:0')], reason: null }))
    expect(noReason.applied).toEqual([])
    expect(noReason.skipped.map((s) => s.message)).toEqual(['Pick a reason for the override.'])
    const unexplained = await applyDecision(store, request({ action: 'override', rows: [row('E1:0'), row('E1:1')], reason: 'Rule does not apply to this case' }))
    expect(unexplained.applied.map((r) => r.rowId)).toEqual(['E1:1'])
    expect(unexplained.skipped).toMatchObject([{ row: { rowId: 'E1:0' }, message: 'An error finding applies to this line: explain the override in the note.' }])
    expect(calls).toEqual(['append 1'])
  })

  it('refuses approving or overriding your own work (four eyes) but approves the rest', async () => {
    const { store, audit } = fakeStore()
    const out = await applyDecision(store, request({ rows: [row('E3:0'), row('E2:0')] }))
    expect(audit.map((a) => a.encounterId)).toEqual(['E2'])
    expect(out.summary).toBe('Approved 1 line. Skipped 1 line: PT-1003 on 2026-10-14, line 1 (64493): You finalized this encounter, so another supervisor has to approve it.')
    const other = fakeStore()
    expect((await applyDecision(other.store, request({ rows: [row('E3:0')], user: users.supervisor2 }))).applied).toHaveLength(1)
  })

  it.each([['coder', users.coder], ['trainee', users.trainee]] as const)('writes nothing for a %s', async (_role, user) => {
    const { store, calls } = fakeStore()
    const out = await applyDecision(store, request({ rows: [row('E2:0')], user }))
    expect(calls).toEqual([])
    expect(out.applied).toEqual([])
    expect(out.summary).toContain(`No line was approved. Skipped 1 line: PT-1002 on 2026-10-15, line 1 (64493): Only a supervisor can approve a line; you are signed in as a ${user.role}.`)
  })

  it('skips lines in the wrong status and names them', async () => {
    const { store } = fakeStore()
    const out = await applyDecision(store, request({ action: 'reopen', note: 'Second look', rows: [row('E2:0', { 'E2:0': 'approved' }), row('E1:1')] }))
    expect(out.applied.map((r) => r.rowId)).toEqual(['E2:0'])
    expect(out.skipped).toMatchObject([{ row: { rowId: 'E1:1' }, message: 'Cannot reopen this line: it is waiting for review.' }])
  })

  it('returns per encounter: one returned draft with all its lines\' entries', async () => {
    const { store, calls, drafts, audit } = fakeStore()
    const out = await applyDecision(store, request({ action: 'return', note: '  Add KX to both lines. ', rows: [row('E1:0'), row('E2:0'), row('E1:1')] }))
    expect(calls).toEqual(['return E1 2', 'return E2 1'])
    expect(drafts.map((d) => [d.id, d.returnNote])).toEqual([['E1', 'Add KX to both lines.'], ['E2', 'Add KX to both lines.']])
    expect(audit.map((a) => `${a.encounterId}:${a.lineIndex} ${a.to}`)).toEqual(['E1:0 returned', 'E1:1 returned', 'E2:0 returned'])
    expect(out.summary).toBe('Returned 3 lines of 2 encounters to the coder.')
  })

  it('does not return without a note for the coder', async () => {
    const { store, calls } = fakeStore()
    const out = await applyDecision(store, request({ action: 'return', note: '   ', rows: [row('E2:0')] }))
    expect(calls).toEqual([])
    expect(out.skipped.map((s) => s.message)).toEqual(['Write a note for the coder saying what to correct.'])
  })

  it('stores nothing when the single append fails, and says so', async () => {
    const { store, audit } = fakeStore({ append: true })
    const failure = applyDecision(store, request({ rows: [row('E1:1'), row('E2:0')] }))
    await expect(failure).rejects.toThrow(new DecisionWriteError('Nothing was saved: The disk is full.', []))
    await failure.catch((e: unknown) => expect((e as DecisionWriteError).applied).toEqual([]))
    expect(audit).toEqual([])
  })

  it('stops a return at the failing encounter and reports which were returned and which not', async () => {
    const { store, calls, drafts } = fakeStore({ returnOf: 'E2' })
    const third = record({ id: 'E4', patientId: 'PT-1004', findings: [finding({ lineIndexes: [0] })] })
    const all = new Map(encounters).set('E4', third)
    const list = [...rows(), ...queueRows([third], { includeAllLines: false })].filter((r) => r.encounterId !== 'E3')
    const error = await applyDecision(store, request({ action: 'return', note: 'Fix', rows: list, encounters: all })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DecisionWriteError)
    expect((error as Error).message).toBe('Returned PT-1001 on 2026-10-14. Not returned: PT-1002 on 2026-10-15, PT-1004 on 2026-10-14. The disk is full.')
    expect((error as DecisionWriteError).applied.map((r) => r.rowId)).toEqual(['E1:0', 'E1:1'])
    expect(calls).toEqual(['return E1 2', 'return E2 1'])
    expect(drafts.map((d) => d.id)).toEqual(['E1'])
  })

  it('skips lines whose encounter is gone', async () => {
    const { store, calls } = fakeStore()
    const out = await applyDecision(store, request({ action: 'return', note: 'Fix', rows: [row('E2:0'), row('E1:1')], encounters: new Map([['E1', e1]]) }))
    expect(calls).toEqual(['return E1 1'])
    expect(out.skipped).toMatchObject([{ row: { rowId: 'E2:0' }, message: 'Its encounter is no longer stored.' }])
  })

  it('lists at most three skipped lines in the summary', async () => {
    const { store } = fakeStore()
    const many = Array.from({ length: 5 }, (_, i) => ({ ...row('E2:0'), rowId: `E2:${i}`, lineIndex: i }))
    const out = await applyDecision(store, request({ rows: many, user: users.trainee }))
    expect(out.summary).toMatch(/line 3 \(64493\): Only a supervisor can approve a line; you are signed in as a trainee\. And 2 more lines\.$/)
  })
})

describe('lineBlocker', () => {
  it('names what keeps a line from the action whatever is typed, and nothing for a fillable form', () => {
    expect(lineBlocker(row('E2:0'), 'override', users.supervisor)).toBeNull()
    expect(lineBlocker(row('E2:0'), 'return', users.supervisor)).toBeNull()
    expect(lineBlocker(row('E3:0'), 'override', users.supervisor)).toBe('You finalized this encounter, so another supervisor has to override it.')
    expect(lineBlocker(row('E2:0'), 'reopen', users.supervisor)).toBe('Cannot reopen this line: it is waiting for review.')
    expect(lineBlocker(row('E2:0'), 'approve', users.coder)).toBe('Only a supervisor can approve a line; you are signed in as a coder.')
  })
})

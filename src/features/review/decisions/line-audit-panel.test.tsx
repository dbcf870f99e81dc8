// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CurrentUserContext } from '../../../lib/current-user.tsx'
import { appendEntry, lineStatuses, stampEntry } from '../model/audit.ts'
import { queueRows } from '../model/queue-rows.ts'
import { finding, line, record, users } from '../model/test-fixtures.ts'
import { decide, finalizeEntry } from '../model/transitions.ts'
import type { AuditDraft, AuditEntry, DecisionAction, UserProfile } from '../model/types.ts'
import { LineAuditPanel } from './line-audit-panel.tsx'

const download = vi.hoisted(() => vi.fn<(name: string, text: string, mime: string) => void>())
vi.mock('../../../lib/download.ts', () => ({ downloadText: download }))

afterEach(() => { cleanup(); download.mockReset() })

const enc = record({
  id: 'E1', patientId: 'PT 1001/A', finalizeReason: 'Payer confirmed KX is not needed.',
  lines: [line({ code: '64493', modifiers: ['50', 'KX'], units: 1 }), line({ code: '64494', modifiers: ['50'], units: 1 })],
  findings: [
    finding({ ruleId: 'FACET-KX', severity: 'error', category: 'modifier', message: 'Bilateral facet needs KX', fix: 'Add KX', source: 'LCD L38773', lineIndexes: [0] }),
    finding({ ruleId: 'FACET-LEVELS', severity: 'warning', category: 'frequency', message: 'Third level', fix: 'Check levels', source: '', lineIndexes: [1] }),
    finding({ ruleId: 'ENC-NOTE', severity: 'info', category: 'prior-authorization', message: 'Document the guidance', fix: 'Record imaging' }),
  ],
})

function draftOf(result: ReturnType<typeof decide>): AuditDraft {
  if (!result.ok) throw new Error(result.error.message)
  return result.entry
}
const target = { encounterId: 'E1', lineIndex: 0, coderId: 'u-coder', hasError: true }
const drafts: AuditDraft[] = [
  finalizeEntry(enc, users.coder),
  draftOf(decide('pending', 'return', { user: users.supervisor, target: { ...target, lineIndex: 1 }, note: 'Wrong level.' })),
  draftOf(decide('pending', 'override', { user: users.supervisor, target, reason: 'Other', note: 'Payer letter on file.' })),
  draftOf(decide('overridden', 'reopen', { user: users.supervisor2, target, note: 'Second look.' })),
]
const log = drafts.reduce<readonly AuditEntry[]>((acc, d, i) => appendEntry(acc, stampEntry(d, `a${i}`, `2026-11-26T10:0${i}:00.000Z`)), [])
const rows = queueRows([enc], { users: Object.values(users), includeAllLines: true, statuses: lineStatuses(log) })

function open(user: UserProfile | null, lineIndex = 0, encounter: typeof enc | null = enc) {
  const onDecide = vi.fn<(action: DecisionAction) => void>()
  const onClose = vi.fn<() => void>()
  render(
    <CurrentUserContext.Provider value={{ user, setUser: () => undefined }}>
      <LineAuditPanel row={rows[lineIndex]} encounter={encounter ?? undefined} log={log} onClose={onClose} onDecide={onDecide} />
    </CurrentUserContext.Provider>,
  )
  return { onDecide, onClose, dialog: screen.getByRole('dialog', { name: `Line ${lineIndex + 1} of PT 1001/A on 2026-10-14` }) }
}

describe('LineAuditPanel', () => {
  it('shows the claim line, its findings and who finalized it and why', () => {
    const { dialog } = open(users.supervisor)
    const claim = within(dialog).getByRole('region', { name: 'Claim line' })
    expect(claim.textContent).toContain('Code64493')
    expect(claim.textContent).toContain('Modifiers50 KX')
    expect(claim.textContent).toContain('StatusPending review')
    const items = within(within(dialog).getByRole('list', { name: 'Findings on this line' })).getAllByRole('listitem')
    expect(items.map((i) => i.textContent)).toEqual([
      'ErrorFACET-KXModifierBilateral facet needs KXFixAdd KXSourceLCD L38773',
      'InfoENC-NOTEPrior authorization(applies to the whole encounter)Document the guidanceFixRecord imagingSourcesource',
    ])
    const finalized = within(dialog).getByRole('region', { name: 'Finalized' })
    expect(finalized.textContent).toContain('By Casey Coder on 2026-11-26 10:00:00 UTC.')
    expect(finalized.textContent).toContain('Reason given: Payer confirmed KX is not needed.')
  })

  it('lists the line\'s own audit entries and its encounter\'s finalize, oldest first', () => {
    const { dialog } = open(users.supervisor)
    const table = within(within(dialog).getByRole('region', { name: 'Audit history' })).getByRole('table')
    const cells = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))
    expect(cells).toEqual([
      ['2026-11-26 10:00:00 UTC', 'Casey Coder', 'Finalized (encounter)', 'Pending review', '', 'Payer confirmed KX is not needed.'],
      ['2026-11-26 10:02:00 UTC', 'Sam Supervisor', 'Overridden', 'Pending review → Overridden', 'Other', 'Payer letter on file.'],
      ['2026-11-26 10:03:00 UTC', 'Pat Lead', 'Reopened', 'Overridden → Pending review', '', 'Second look.'],
    ])
  })

  it('exports the line\'s audit log as CSV under a name with the patient, date and line', () => {
    const { dialog } = open(users.supervisor, 1)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export this line\'s audit log (CSV)' }))
    expect(download).toHaveBeenCalledOnce()
    const [fileName, text, mime] = download.mock.calls[0]
    expect(fileName).toBe('audit-PT_1001_A-2026-10-14-line-2.csv')
    expect(mime).toBe('text/csv;charset=utf-8')
    expect(text.split('\r\n')).toEqual([
      'Time,User,User id,Encounter,Line,Action,From,To,Reason,Note',
      '2026-11-26T10:00:00.000Z,Casey Coder,u-coder,E1,,Finalized,,Pending review,,Payer confirmed KX is not needed.',
      '2026-11-26T10:01:00.000Z,Sam Supervisor,u-sup,E1,2,Returned,Pending review,Returned to coder,,Wrong level.',
      '',
    ])
  })

  it('offers a supervisor the actions open on the line and hands the choice to the page', () => {
    const { dialog, onDecide, onClose } = open(users.supervisor)
    const buttons = within(dialog).getAllByRole('button').map((b) => b.textContent)
    expect(buttons).toEqual(['Export this line\'s audit log (CSV)', 'Approve', 'Return to coder', 'Override', 'Close'])
    fireEvent.click(within(dialog).getByRole('button', { name: 'Override' }))
    expect(onDecide).toHaveBeenCalledWith('override')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(onClose).toHaveBeenCalledOnce()
  })

  it('lets the coder\'s own supervisor only return their own work, and says why', () => {
    const { dialog } = open({ ...users.supervisor, id: 'u-coder' })
    expect(within(dialog).queryByRole('button', { name: 'Approve' })).toBeNull()
    expect(within(dialog).getByRole('button', { name: 'Return to coder' })).toBeDefined()
    expect(within(dialog).getByText('You finalized this encounter, so another supervisor has to approve or override it.')).toBeDefined()
  })

  it('offers a trainee no decision and a returned line none either', () => {
    const trainee = open(users.trainee)
    expect(within(trainee.dialog).getByText('Only a supervisor can approve, return, override or reopen a line.')).toBeDefined()
    expect(within(trainee.dialog).queryByRole('button', { name: 'Approve' })).toBeNull()
    cleanup()
    const returned = open(users.supervisor, 1)
    expect(within(returned.dialog).getByText('This line is with the coder; it comes back to review when the encounter is finalized again.')).toBeDefined()
    expect(within(returned.dialog).getAllByRole('button').map((b) => b.textContent)).toEqual(['Export this line\'s audit log (CSV)', 'Close'])
  })

  it('still shows the audit history when the encounter is gone', () => {
    const { dialog } = open(users.supervisor, 0, null)
    expect(within(dialog).getByRole('alert').textContent).toBe('This encounter is no longer stored; only its audit history is shown.')
    expect(within(dialog).getByText('No finding applies to this line.')).toBeDefined()
    expect(within(dialog).getAllByRole('row')).toHaveLength(4)
  })
})

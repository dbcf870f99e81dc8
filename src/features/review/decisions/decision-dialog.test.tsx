// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CurrentUserContext } from '../../../lib/current-user.tsx'
import { createIdbStore, deleteStore, StoreProvider, type DraftRecord, type EncounterRecord, type WorksheetStore } from '../../../storage/index.ts'
import { queueRows } from '../model/queue-rows.ts'
import { finding, line, record, users } from '../model/test-fixtures.ts'
import type { DecisionAction, QueueRow, UserProfile } from '../model/types.ts'
import { DecisionDialog } from './decision-dialog.tsx'

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(() => { name = `review-decisions-${++n}`; store = createIdbStore(name) })
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

const e1 = record({
  id: 'E1', patientId: 'PT-1001', lines: [line({ code: '64493', modifiers: ['50'] }), line({ code: '64494', modifiers: ['50'] })],
  findings: [finding({ ruleId: 'FACET-KX', severity: 'error', message: 'Bilateral facet needs KX', lineIndexes: [0] }), finding({ ruleId: 'UNITS', lineIndexes: [1] })],
})
const e2 = record({ id: 'E2', patientId: 'PT-1002', dateOfService: '2026-10-15', findings: [finding({ ruleId: 'W2', message: 'Check the level', lineIndexes: [0] })] })
const own = record({ id: 'E3', patientId: 'PT-1003', finalizedBy: users.supervisor.id, findings: [finding({ lineIndexes: [0] })] })
const encounters = new Map<string, EncounterRecord>([e1, e2, own].map((e) => [e.id, e]))
const rows = queueRows([e1, e2, own], { users: Object.values(users), includeAllLines: false })
const pick = (...ids: string[]) => ids.map((id) => rows.find((r) => r.rowId === id)!)

const toReturnedDraft = (rec: EncounterRecord, note: string, now: string): DraftRecord =>
  ({ id: rec.id, createdAt: now, updatedAt: now, patientId: rec.patientId, dateOfService: rec.dateOfService, values: {}, status: 'returned', returnNote: note })

function open(action: DecisionAction, selected: readonly QueueRow[], user: UserProfile | null = users.supervisor, writer: WorksheetStore = store) {
  const onDone = vi.fn<(summary: string) => void>()
  const onCancel = vi.fn<() => void>()
  render(
    <StoreProvider store={writer}>
      <CurrentUserContext.Provider value={{ user, setUser: () => undefined }}>
        <DecisionDialog action={action} rows={selected} encounters={encounters} toReturnedDraft={toReturnedDraft} onCancel={onCancel} onDone={onDone} />
      </CurrentUserContext.Provider>
    </StoreProvider>,
  )
  return { onDone, onCancel }
}

const describedText = (el: HTMLElement) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' | ')

describe('DecisionDialog', () => {
  it('overrides two lines with a reason, asking for an explanation because one has an error finding', async () => {
    const { onDone } = open('override', pick('E1:0', 'E2:0'))
    const dialog = screen.getByRole('dialog', { name: 'Override 2 lines' })
    const group = within(dialog).getByRole('radiogroup', { name: 'Override reason' })
    expect(document.activeElement).toBe(within(group).getByRole('radio', { name: 'Documentation supports the service' }))
    const explanation = within(dialog).getByRole('textbox', { name: 'Explanation' })
    expect(describedText(explanation)).toContain('Required: an error finding applies to 1 of the 2 lines to override.')

    fireEvent.click(within(dialog).getByRole('button', { name: 'Override 2 lines' }))
    expect(group.getAttribute('aria-invalid')).toBe('true')
    expect(describedText(group)).toBe('Pick a reason for the override.')
    expect(describedText(explanation)).toContain('Explain the override.')
    expect(explanation.getAttribute('aria-invalid')).toBe('true')

    fireEvent.click(within(group).getByRole('radio', { name: 'Payer policy differs from the default profile' }))
    fireEvent.change(explanation, { target: { value: 'Our Medicare contractor accepts 50 without KX.' } })
    expect(describedText(explanation)).toBe('Required: an error finding applies to 1 of the 2 lines to override. | 46 of 2,000 characters')
    expect(explanation.hasAttribute('aria-invalid')).toBe(false)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Override 2 lines' }))
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Overrode 2 lines (Payer policy differs from the default profile).'))
    const audit = (await store.listAudit()).sort((a, b) => a.encounterId.localeCompare(b.encounterId))
    expect(audit.map((a) => [a.encounterId, a.lineIndex, a.action, a.from, a.to, a.reason, a.note, a.userId])).toEqual([
      ['E1', 0, 'override', 'pending', 'overridden', 'Payer policy differs from the default profile', 'Our Medicare contractor accepts 50 without KX.', 'u-sup'],
      ['E2', 0, 'override', 'pending', 'overridden', 'Payer policy differs from the default profile', 'Our Medicare contractor accepts 50 without KX.', 'u-sup'],
    ])
    expect(new Set(audit.map((a) => a.id)).size).toBe(2)
    expect(new Set(audit.map((a) => a.at)).size).toBe(1)
  })

  it('asks for the explanation of "Other" only once it is picked', () => {
    open('override', pick('E2:0'))
    const explanation = screen.getByRole('textbox', { name: 'Explanation' })
    expect(describedText(explanation)).toContain('Optional, unless the reason is "Other".')
    fireEvent.click(screen.getByRole('radio', { name: 'Other' }))
    expect(describedText(explanation)).toContain('Required for the reason "Other".')
    expect(explanation.hasAttribute('required')).toBe(true)
  })

  it('marks a supervisor\'s own work as skipped and approves the rest (four eyes)', async () => {
    const { onDone } = open('approve', pick('E3:0', 'E2:0'))
    const items = within(screen.getByRole('region', { name: 'Lines in this decision' })).getAllByRole('listitem')
    expect(items[0].textContent).toContain('PT-1003')
    expect(items[0].textContent).toContain('Will be skipped: You finalized this encounter, so another supervisor has to approve it.')
    expect(screen.getByText('1 of 2 lines will be approved; the others are marked below.')).toBeDefined()
    fireEvent.click(screen.getByRole('button', { name: 'Approve 1 line' }))
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce())
    expect(onDone.mock.calls[0][0]).toMatch(/^Approved 1 line\. Skipped 1 line: PT-1003 on 2026-10-14, line 1 \(64493\): You finalized/)
    expect((await store.listAudit()).map((a) => a.encounterId)).toEqual(['E2'])
  })

  it('explains and disables everything for a trainee', () => {
    open('approve', pick('E2:0'), users.trainee)
    expect(screen.getByRole('alert').textContent).toBe('Only a supervisor can approve lines. You are signed in as Tia Trainee, a trainee. Switch to a supervisor\'s profile to decide.')
    expect(screen.getByRole('button', { name: 'Approve 1 line' }).hasAttribute('disabled')).toBe(true)
    expect(screen.getByRole('textbox', { name: 'Note' }).hasAttribute('disabled')).toBe(true)
  })

  it('returns lines to their coder with the note, one draft per encounter', async () => {
    const { onDone } = open('return', pick('E1:0', 'E1:1', 'E2:0'))
    const dialog = screen.getByRole('dialog', { name: 'Return 3 lines to the coder' })
    const note = within(dialog).getByRole('textbox', { name: 'Note for the coder' })
    expect(document.activeElement).toBe(note)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Return 3 lines' }))
    expect(describedText(note)).toContain('Write a note for the coder saying what to correct.')
    expect(document.activeElement).toBe(note)
    fireEvent.change(note, { target: { value: 'Add KX: the LCD requires it for bilateral facets.' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Return 3 lines' }))
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Returned 3 lines of 2 encounters to the coder.'))
    expect((await store.listDrafts()).map((d) => [d.id, d.status, d.returnNote]).sort()).toEqual([
      ['E1', 'returned', 'Add KX: the LCD requires it for bilateral facets.'], ['E2', 'returned', 'Add KX: the LCD requires it for bilateral facets.'],
    ])
    expect((await store.listAudit()).map((a) => `${a.encounterId}:${a.lineIndex}`).sort()).toEqual(['E1:0', 'E1:1', 'E2:0'])
  })

  it('keeps the dialog and the input when the store fails, and shows why', async () => {
    const failing: WorksheetStore = { ...store, appendAudit: () => Promise.reject(new Error('The browser\'s storage is full.')) }
    const { onDone, onCancel } = open('reopen', [{ ...pick('E2:0')[0], status: 'approved' }], users.supervisor, failing)
    const note = screen.getByRole('textbox', { name: 'Why reopen' })
    fireEvent.change(note, { target: { value: 'The payer changed its policy.' } })
    fireEvent.click(screen.getByRole('button', { name: 'Reopen 1 line' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was saved: The browser\'s storage is full.')
    expect(onDone).not.toHaveBeenCalled()
    expect((note as HTMLTextAreaElement).value).toBe('The payer changed its policy.')
    expect(screen.getByRole('button', { name: 'Reopen 1 line' }).hasAttribute('disabled')).toBe(false)
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(onCancel).toHaveBeenCalledOnce()
  })

  it('marks the encounters a failed return did store, and does not return them twice', async () => {
    const calls: string[] = []
    const failing: WorksheetStore = {
      ...store,
      returnToCoder: (draft, audit) => {
        calls.push(draft.id)
        return draft.id === 'E2' && calls.length === 2 ? Promise.reject(new Error('Disk full.')) : store.returnToCoder(draft, audit)
      },
    }
    const { onDone } = open('return', pick('E1:0', 'E2:0'), users.supervisor, failing)
    fireEvent.change(screen.getByRole('textbox', { name: 'Note for the coder' }), { target: { value: 'Fix the level.' } })
    fireEvent.click(screen.getByRole('button', { name: 'Return 2 lines' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Returned PT-1001 on 2026-10-14. Not returned: PT-1002 on 2026-10-15. Disk full.')
    expect(screen.getByText('Returned to the coder.')).toBeDefined()
    fireEvent.click(screen.getByRole('button', { name: 'Return 1 line' }))
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Returned 1 line of 1 encounter to the coder. 1 line had been returned before the error.'))
    expect(calls).toEqual(['E1', 'E2', 'E2'])
  })

  it('counts characters and refuses a note over the limit', () => {
    open('approve', pick('E2:0'))
    const note = screen.getByRole('textbox', { name: 'Note' })
    fireEvent.change(note, { target: { value: 'x'.repeat(2001) } })
    expect(describedText(note)).toContain('2,001 of 2,000 characters')
    fireEvent.click(screen.getByRole('button', { name: 'Approve 1 line' }))
    expect(describedText(note)).toContain('The note is 2,001 characters; keep it to 2,000.')
  })

  it('shows ten lines and the rest on request', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...pick('E2:0')[0], rowId: `E2:${i}`, lineIndex: i }))
    open('approve', many)
    const list = screen.getByRole('region', { name: 'Lines in this decision' })
    expect(within(list).getAllByRole('listitem')).toHaveLength(10)
    const more = screen.getByRole('button', { name: 'Show all 12 lines' })
    expect(more.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(more)
    expect(within(list).getAllByRole('listitem')).toHaveLength(12)
    expect(screen.getByRole('button', { name: 'Show the first 10 lines only' }).getAttribute('aria-expanded')).toBe('true')
  })

  it('closes on Escape', () => {
    const { onCancel } = open('approve', pick('E2:0'))
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }))
    expect(onCancel).toHaveBeenCalledOnce()
  })
})

// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Encounter } from '../../domain/index.ts'
import type { Decision, EncounterSummary } from '../../group-api/index.ts'
import { SyncActionsContext, type OutboxEntry, type OutboxMutation, type SyncActions, type WaitingChange } from '../../storage/group/sync/index.ts'
import { ChangesWaitingPage } from './changes-waiting-page.tsx'
import { decisionsSince, describeChange } from './describe-change.ts'

afterEach(cleanup)

const ENCOUNTER_ID = '00000000-0000-4000-8000-000000000e01'
const encounter = { patientId: 'PT-7', dateOfService: '2026-11-02' } as Encounter
const draft = { id: 'draft-1', createdAt: 'then', updatedAt: 'then', patientId: 'PT-7', dateOfService: '2026-11-02', values: {}, status: 'draft' as const, returnNote: null }
const base = { key: 'icw-key-0001', createdAt: '2026-11-26T10:00:00.000Z', attempts: 1 }

const refusedFinalize: OutboxEntry = {
  ...base, order: 1, route: 'finalize', body: { encounter }, local: { draft }, state: 'needs-attention',
  lastError: { status: 409, error: 'reason-required', message: 'The server\'s check found an error (FREQ-LIMIT): finalize with a written reason, or correct the encounter.' },
}
const staleDecision: OutboxEntry = {
  ...base, order: 2, route: 'decide', params: { id: ENCOUNTER_ID }, body: { action: 'approve', lineIndex: 0, expectedVersion: 1 }, state: 'needs-attention',
  lastError: { status: 409, error: 'stale', message: 'This encounter changed since you opened it (now version 2, review returned).' },
}
const waitingAttempt: OutboxEntry = {
  ...base, order: 3, route: 'addAttempt', body: { caseId: 'tpi-01', scorePercent: 80, lines: [] }, state: 'pending', attempts: 0, lastError: null,
}
const returnedBySam: Decision = {
  id: '00000000-0000-4000-8000-000000000d01', lineIndex: 0, action: 'return', reason: 'Add the level.', decidedBy: '00000000-0000-4000-8000-00000000d5d5',
  decidedByName: 'Sam Supervisor', decidedAt: '2026-11-26T11:00:00.000Z',
}
const current = {
  id: ENCOUNTER_ID, patientId: 'PT-7', dateOfService: '2026-11-02', finalizedAt: '2026-11-26T09:00:00.000Z', finalizedBy: '00000000-0000-4000-8000-00000000c0c0',
  finalizedByName: 'Casey Coder', review: 'returned', lines: [{}], findings: [], reason: null, version: 2, encounter, decisions: [returnedBySam],
} as EncounterSummary

const time = (iso: string) => iso.slice(0, 16).replace('T', ' ')

function fakeActions(changes: WaitingChange[]) {
  const actions = {
    waitingChanges: vi.fn(() => Promise.resolve(changes)),
    retryChange: vi.fn((order: number, body?: OutboxMutation['body']) => { void order; void body; return Promise.resolve() }),
    discardChange: vi.fn((order: number) => { void order; return Promise.resolve() }),
    reopenAsDraft: vi.fn((order: number) => { void order; return Promise.resolve('draft-1') }),
    subscribe: vi.fn(() => () => undefined),
  } satisfies SyncActions
  return actions
}

function renderPage(changes: WaitingChange[]) {
  const actions = fakeActions(changes)
  const onOpenDraft = vi.fn()
  render(<SyncActionsContext value={actions}><ChangesWaitingPage onOpenDraft={onOpenDraft} /></SyncActionsContext>)
  return { actions, onOpenDraft }
}

describe('reading a change of the outbox', () => {
  it('says a finalize the server refused for an error wants a reason, and can come back as a draft', () => {
    expect(describeChange({ entry: refusedFinalize, current: null }, time)).toMatchObject({
      title: 'Finalize PT-7 on 2026-11-02', state: 'refused', needsReason: true, canReopen: true, canDecideAgain: false,
      status: 'The server refused it: The server\'s check found an error (FREQ-LIMIT): finalize with a written reason, or correct the encounter.',
    })
  })

  it('says what others decided since a stale decision was made', () => {
    expect(decisionsSince(1, current)).toEqual([returnedBySam])
    expect(decisionsSince(2, current)).toEqual([])
    expect(describeChange({ entry: staleDecision, current }, time)).toMatchObject({
      title: 'Approve line 1 of PT-7 on 2026-11-02', changedSince: ['Sam Supervisor returned line 1 on 2026-11-26 11:00: “Add the level.”'], canDecideAgain: true,
    })
  })

  it('says a change still to be sent is waiting', () => {
    expect(describeChange({ entry: waitingAttempt, current: null }, time)).toMatchObject({
      title: 'Practice attempt on case tpi-01 (80%)', state: 'waiting', status: 'Waiting to be sent since 2026-11-26 10:00.',
    })
  })
})

describe('the changes waiting screen', () => {
  it('lists refused changes apart from waiting ones', async () => {
    renderPage([{ entry: refusedFinalize, current: null }, { entry: staleDecision, current }, { entry: waitingAttempt, current: null }])
    const refused = await screen.findByRole('list', { name: 'Refused changes' })
    expect(within(refused).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Finalize PT-7 on 2026-11-02', 'Approve line 1 of PT-7 on 2026-11-02'])
    expect(within(screen.getByRole('list', { name: 'Changes waiting to be sent' })).getByRole('heading').textContent).toBe('Practice attempt on case tpi-01 (80%)')
  })

  it('sends a refused finalize again with the reason given, or reopens it as a draft', async () => {
    const { actions, onOpenDraft } = renderPage([{ entry: refusedFinalize, current: null }])
    const user = userEvent.setup()
    const item = await screen.findByRole('listitem', { name: 'Finalize PT-7 on 2026-11-02' })
    const send = within(item).getByRole('button', { name: 'Finalize with this reason' })
    expect(send.hasAttribute('disabled')).toBe(true)
    await user.type(within(item).getByRole('textbox', { name: 'Why finalize with the error the server found? (required)' }), 'Documented medical necessity.')
    await user.click(send)
    expect(actions.retryChange).toHaveBeenCalledWith(1, { encounter, reason: 'Documented medical necessity.' })
    await user.click(within(item).getByRole('button', { name: 'Reopen as a draft' }))
    await waitFor(() => expect(onOpenDraft).toHaveBeenCalledWith('draft-1', expect.stringMatching(/^Reopened the refused finalize as a draft/)))
  })

  it('sends a stale decision again against the encounter as it is now', async () => {
    const { actions } = renderPage([{ entry: staleDecision, current }])
    const item = await screen.findByRole('listitem', { name: 'Approve line 1 of PT-7 on 2026-11-02' })
    expect(within(item).getByRole('list', { name: 'What changed since' }).textContent).toContain('Sam Supervisor returned line 1')
    await userEvent.setup().click(within(item).getByRole('button', { name: 'Send my decision again' }))
    expect(actions.retryChange).toHaveBeenCalledWith(2, { action: 'approve', lineIndex: 0, expectedVersion: 2 })
  })

  it('asks before discarding, warning that a finalize\'s work is lost', async () => {
    const { actions } = renderPage([{ entry: refusedFinalize, current: null }])
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Discard' }))
    const dialog = screen.getByRole('dialog', { name: 'Discard this change?' })
    expect(dialog.textContent).toContain('Reopen it as a draft instead to keep it.')
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }))
    await waitFor(() => expect(actions.discardChange).toHaveBeenCalledWith(1))
  })

  it('says when every change is saved', async () => {
    renderPage([])
    expect(await screen.findByText('Every change made on this computer is saved on the group server.')).toBeDefined()
  })
})

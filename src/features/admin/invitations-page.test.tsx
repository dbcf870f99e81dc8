// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Invite } from '../../group-api/index.ts'
import { ApiError, GroupClientProvider } from '../../storage/group/index.ts'
import { createFakeGroupClient, type FakeGroupClient } from '../../storage/group/fake-client.ts'
import { IDS, invite, LINK_TOKEN } from '../../storage/group/test-fixtures.ts'
import { InvitationsPage } from './invitations-page.tsx'

const NOW = Date.parse('2026-11-26T12:00:00.000Z')
beforeEach(() => { vi.useFakeTimers({ now: NOW, toFake: ['Date'] }) })
afterEach(() => { cleanup(); vi.useRealTimers() })

const open = invite({ id: '00000000-0000-4000-8000-0000000000f1', email: 'open@north.example', expiresAt: '2026-12-01T00:00:00.000Z' })
const accepted = invite({ id: '00000000-0000-4000-8000-0000000000f2', email: 'done@north.example', acceptedAt: '2026-11-21T08:00:00.000Z' })
const expired = invite({ id: '00000000-0000-4000-8000-0000000000f3', email: 'late@north.example', expiresAt: '2026-11-25T00:00:00.000Z' })

function inviteServer(start: Invite[] = [open, accepted, expired]): FakeGroupClient {
  let invites = [...start]
  return createFakeGroupClient()
    .on('invites', () => ({ invites }))
    .on('createInvite', ({ body }) => {
      const created = invite({ id: IDS.invite, email: body.email, role: body.role, expiresAt: new Date(NOW + body.expiresInDays * 86_400_000).toISOString() })
      invites = [created, ...invites]
      return { invite: created, link: `/#/invite/${LINK_TOKEN}` }
    })
    .on('revokeInvite', ({ params }) => { invites = invites.filter((i) => i.id !== params.id); return null })
}

const renderPage = (client: FakeGroupClient) => render(<GroupClientProvider client={client}><InvitationsPage /></GroupClientProvider>)
const statusOf = (table: HTMLElement, email: string) => {
  const row = within(table).getAllByRole('row').find((r) => within(r).queryAllByRole('cell')[0]?.textContent === email)
  return row ? within(row).getAllByRole('cell')[2].textContent : null
}

describe('InvitationsPage', () => {
  it('lists invitations as open, accepted or expired', async () => {
    renderPage(inviteServer())
    const table = await screen.findByRole('table', { name: 'Invitations' })
    expect(statusOf(table, 'open@north.example')).toBe('Open')
    expect(statusOf(table, 'done@north.example')).toBe('Accepted')
    expect(statusOf(table, 'late@north.example')).toBe('Expired')
    expect(within(table).getAllByRole('button', { name: /Withdraw/ })).toHaveLength(1)
  })

  it('creates an invitation and shows its link, absolute, to copy, with its expiry', async () => {
    const client = inviteServer()
    renderPage(client)
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    await screen.findByRole('table', { name: 'Invitations' })
    await user.type(screen.getByLabelText('Email'), '  New.Person@North.Example ')
    await user.selectOptions(screen.getByLabelText('Role'), 'supervisor')
    const days = screen.getByLabelText('Link valid for (days)')
    await user.clear(days)
    await user.type(days, '14')
    await user.click(screen.getByRole('button', { name: 'Create invitation' }))

    const link = await screen.findByRole('textbox', { name: 'Invitation link' })
    expect((link as HTMLInputElement).value).toBe(`${window.location.origin}/#/invite/${LINK_TOKEN}`)
    expect(client.callsTo('createInvite')[0]?.body).toEqual({ email: 'new.person@north.example', role: 'supervisor', expiresInDays: 14 })
    expect(screen.getByRole('heading', { name: 'Invitation for new.person@north.example (Supervisor) created' })).toBe(document.activeElement)
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeDefined()
    expect(screen.getByText(/The link works once, until/).querySelector('time')?.getAttribute('dateTime')).toBe('2026-12-10T12:00:00.000Z')
    await vi.waitFor(() => expect(statusOf(screen.getByRole('table', { name: 'Invitations' }), 'new.person@north.example')).toBe('Open'))
    expect(screen.getByLabelText<HTMLInputElement>('Email').value).toBe('')
  })

  it('checks the form before sending: an email and 1 to 30 days', async () => {
    const client = inviteServer()
    renderPage(client)
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    await screen.findByRole('table', { name: 'Invitations' })
    const days = screen.getByLabelText('Link valid for (days)')
    await user.clear(days)
    await user.type(days, '45')
    await user.click(screen.getByRole('button', { name: 'Create invitation' }))
    expect(await screen.findByText('Enter the email address of the person to invite.')).toBeDefined()
    expect(screen.getByText('Use at most 30.')).toBeDefined()
    expect(client.callsTo('createInvite')).toHaveLength(0)
  })

  it('shows the server\'s refusal of an invitation', async () => {
    const client = inviteServer().on('createInvite', () => { throw new ApiError(409, 'already-member', 'casey@north.example is already a member of this practice.') })
    renderPage(client)
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    await screen.findByRole('table', { name: 'Invitations' })
    await user.type(screen.getByLabelText('Email'), 'casey@north.example')
    await user.click(screen.getByRole('button', { name: 'Create invitation' }))
    expect((await screen.findByRole('alert')).textContent).toBe('casey@north.example is already a member of this practice.')
  })

  it('withdraws an open invitation after confirming', async () => {
    const client = inviteServer()
    renderPage(client)
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const table = await screen.findByRole('table', { name: 'Invitations' })
    await user.click(within(table).getByRole('button', { name: 'Withdraw the invitation for open@north.example' }))
    const dialog = screen.getByRole('dialog', { name: 'Withdraw this invitation?' })
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw' }))
    expect(await screen.findByText('The invitation for open@north.example was withdrawn; its link no longer works.')).toBeDefined()
    expect(client.callsTo('revokeInvite')[0]?.url).toBe(`/api/admin/invites/${open.id}`)
    await vi.waitFor(() => expect(statusOf(screen.getByRole('table', { name: 'Invitations' }), 'open@north.example')).toBeNull())
  })
})

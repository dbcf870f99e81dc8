// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SessionInfo } from '../../group-api/index.ts'
import { ApiError, GroupClientProvider } from '../../storage/group/index.ts'
import { createFakeGroupClient, type FakeGroupClient } from '../../storage/group/fake-client.ts'
import { IDS, sessionInfo } from '../../storage/group/test-fixtures.ts'
import { AccountPage } from './account-page.tsx'

afterEach(cleanup)

const CHROME_WIN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'
const SAFARI_IOS = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'

function sessions() {
  return {
    sessions: [
      { id: IDS.session, createdAt: '2026-11-26T08:00:00.000Z', lastSeenAt: '2026-11-26T09:00:00.000Z', ip: '10.0.0.5', userAgent: CHROME_WIN, current: true, practiceName: 'North Clinic' },
      { id: IDS.otherSession, createdAt: '2026-11-25T08:00:00.000Z', lastSeenAt: '2026-11-25T17:00:00.000Z', ip: '10.0.0.9', userAgent: SAFARI_IOS, current: false, practiceName: 'North Clinic' },
    ],
  }
}

function renderPage(client: FakeGroupClient, session: SessionInfo = sessionInfo()) {
  const onSessionChange = vi.fn<(s: SessionInfo) => void>()
  const onSignedOut = vi.fn<(notice: string) => void>()
  render(<GroupClientProvider client={client}><AccountPage session={session} onSessionChange={onSessionChange} onSignedOut={onSignedOut} /></GroupClientProvider>)
  return { onSessionChange, onSignedOut }
}

describe('AccountPage', () => {
  it('lists this account\'s sessions with this one marked, and ends another one', async () => {
    let list = sessions()
    const client = createFakeGroupClient()
      .on('sessions', () => list)
      .on('endSession', ({ params }) => { list = { sessions: list.sessions.filter((s) => s.id !== params.id) }; return null })
    renderPage(client)
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Your account' }))
    const table = await screen.findByRole('table', { name: 'Your open sessions' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['Chrome on Windows', 'Safari on iOS'])
    expect(within(rows[0]).getByText('This session')).toBeDefined()
    expect(within(rows[0]).queryByRole('button')).toBeNull()

    await userEvent.setup().click(within(rows[1]).getByRole('button', { name: /^End session on Safari on iOS/ }))
    expect(await screen.findByText('The session on Safari on iOS was ended.')).toBeDefined()
    expect(client.callsTo('endSession')[0]?.url).toBe(`/api/auth/sessions/${IDS.otherSession}`)
    await vi.waitFor(() => expect(within(screen.getByRole('table', { name: 'Your open sessions' })).getAllByRole('row')).toHaveLength(2))
  })

  it('signs out everywhere only after confirming, then returns to sign-in with a notice', async () => {
    const client = createFakeGroupClient().on('sessions', sessions).on('signOutEverywhere', () => null)
    const { onSignedOut } = renderPage(client)
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }))
    const dialog = screen.getByRole('dialog', { name: 'Sign out everywhere?' })
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }))
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(client.callsTo('signOutEverywhere')).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }))
    await user.click(within(screen.getByRole('dialog', { name: 'Sign out everywhere?' })).getByRole('button', { name: 'Sign out everywhere' }))
    await vi.waitFor(() => expect(onSignedOut).toHaveBeenCalledWith('You signed out everywhere. Sign in again to continue.'))
  })

  it('changes the password after checking the new one twice, then reads the sessions again', async () => {
    const client = createFakeGroupClient().on('sessions', sessions).on('changePassword', () => null)
    renderPage(client)
    const user = userEvent.setup()
    await user.type(screen.getByLabelText('Current password'), 'old password here')
    await user.type(screen.getByLabelText('New password'), 'short')
    await user.type(screen.getByLabelText('Confirm new password'), 'different')
    await user.click(screen.getByRole('button', { name: 'Change password' }))
    expect(await screen.findByText('Use at least 12 characters.')).toBeDefined()
    expect(screen.getByText('The two passwords are not the same.')).toBeDefined()
    expect(client.callsTo('changePassword')).toHaveLength(0)

    await user.clear(screen.getByLabelText('New password'))
    await user.type(screen.getByLabelText('New password'), 'a long walk by the river')
    await user.clear(screen.getByLabelText('Confirm new password'))
    await user.type(screen.getByLabelText('Confirm new password'), 'a long walk by the river')
    await user.click(screen.getByRole('button', { name: 'Change password' }))
    expect(await screen.findByText('Your password was changed. Your sessions on other devices were ended.')).toBeDefined()
    expect(client.callsTo('changePassword')[0]?.body).toEqual({ currentPassword: 'old password here', newPassword: 'a long walk by the river' })
    await vi.waitFor(() => expect(client.callsTo('sessions')).toHaveLength(2))
  })

  it('shows the server\'s reason when the new password is refused', async () => {
    const client = createFakeGroupClient().on('sessions', sessions)
      .on('changePassword', () => { throw new ApiError(400, 'weak-password', 'This password is on a list of common passwords. Choose another.', 'newPassword') })
    renderPage(client)
    const user = userEvent.setup()
    await user.type(screen.getByLabelText('Current password'), 'old password here')
    await user.type(screen.getByLabelText('New password'), 'password1234')
    await user.type(screen.getByLabelText('Confirm new password'), 'password1234')
    await user.click(screen.getByRole('button', { name: 'Change password' }))
    expect((await screen.findByRole('alert')).textContent).toBe('This password is on a list of common passwords. Choose another.')
  })

  it('turns two-factor off with the password where the practice does not require it, then reads the session again', async () => {
    const off = sessionInfo({ twoFactorEnabled: false })
    const client = createFakeGroupClient().on('sessions', sessions).on('twoFactorDisable', () => null).on('session', () => off)
    const { onSessionChange } = renderPage(client, sessionInfo({ twoFactorEnabled: true }))
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Turn off two-factor' }))
    await user.type(screen.getByLabelText('Password'), 'my own password')
    await user.click(screen.getByRole('button', { name: 'Turn off two-factor' }))
    await vi.waitFor(() => expect(onSessionChange).toHaveBeenCalledWith(off))
    expect(client.callsTo('twoFactorDisable')[0]?.body).toEqual({ password: 'my own password' })
    expect(await screen.findByText('Two-factor authentication is off.')).toBeDefined()
  })

  it('offers no way to turn two-factor off where the practice requires it, but new backup codes', async () => {
    const codes = Array.from({ length: 10 }, (_, i) => `code${i}-abcde`)
    const client = createFakeGroupClient().on('sessions', sessions).on('backupCodes', () => ({ backupCodes: codes }))
    renderPage(client, sessionInfo({ twoFactorEnabled: true, twoFactorRequired: true }))
    expect(screen.getByText(/North Clinic requires it for your role/)).toBeDefined()
    expect(screen.queryByRole('button', { name: 'Turn off two-factor' })).toBeNull()
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'New backup codes' }))
    await user.type(screen.getByLabelText('Authentication code'), '654321')
    await user.click(screen.getByRole('button', { name: 'Create new backup codes' }))
    const list = await screen.findByRole('list', { name: 'Backup codes' })
    expect(within(list).getAllByRole('listitem')).toHaveLength(10)
    expect(client.callsTo('backupCodes')[0]?.body).toEqual({ code: '654321' })
  })
})

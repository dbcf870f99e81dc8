// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SessionInfo } from '../../group-api/index.ts'
import { ApiError, GroupClientProvider } from '../../storage/group/index.ts'
import { createFakeGroupClient, type FakeGroupClient } from '../../storage/group/fake-client.ts'
import { LINK_TOKEN, sessionInfo } from '../../storage/group/test-fixtures.ts'
import { InviteScreen } from './invite-screen.tsx'
import { SetupScreen } from './setup-screen.tsx'

afterEach(cleanup)

function renderSetup(client: FakeGroupClient) {
  const onDone = vi.fn<(s: SessionInfo) => void>()
  const onSignIn = vi.fn()
  render(<GroupClientProvider client={client}><SetupScreen token={LINK_TOKEN} onDone={onDone} onSignIn={onSignIn} /></GroupClientProvider>)
  return { onDone, onSignIn }
}

function renderInvite(client: FakeGroupClient, token = LINK_TOKEN) {
  const onJoined = vi.fn<(s: SessionInfo) => void>()
  render(<GroupClientProvider client={client}><InviteScreen token={token} onJoined={onJoined} onSignIn={vi.fn()} /></GroupClientProvider>)
  return onJoined
}

describe('first-run setup', () => {
  it('creates the practice and its admin with the link\'s token, after checking the form', async () => {
    const session = sessionInfo()
    const client = createFakeGroupClient().on('setupStatus', () => ({ needed: true })).on('setup', () => session)
    const { onDone } = renderSetup(client)
    const user = userEvent.setup()
    const password = await screen.findByLabelText('Password')
    expect(document.getElementById(password.getAttribute('aria-describedby') ?? '')?.textContent)
      .toMatch(/At least 12 characters\. Common passwords.*are refused\. There are no other rules.*a long passphrase.*is fine\./)

    await user.click(screen.getByRole('button', { name: 'Create the practice' }))
    expect(await screen.findByText('Enter the practice name.')).toBeDefined()
    expect(client.callsTo('setup')).toHaveLength(0)

    await user.type(screen.getByLabelText('Practice name'), ' North Clinic ')
    await user.type(screen.getByLabelText('Your name'), 'Ada Admin')
    await user.type(screen.getByLabelText('Email'), 'Ada@North.Example')
    await user.type(password, 'four words make a passphrase')
    await user.type(screen.getByLabelText('Confirm password'), 'four words make a passphrase')
    await user.click(screen.getByRole('button', { name: 'Create the practice' }))
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(session))
    expect(client.callsTo('setup')[0]?.body).toEqual({
      token: LINK_TOKEN, practiceName: 'North Clinic', name: 'Ada Admin', email: 'ada@north.example', password: 'four words make a passphrase',
    })
  })

  it('says the server is already set up and offers the sign-in instead of the form', async () => {
    const { onSignIn } = renderSetup(createFakeGroupClient().on('setupStatus', () => ({ needed: false })))
    expect(await screen.findByRole('heading', { name: 'This server is already set up' })).toBeDefined()
    expect(screen.queryByLabelText('Practice name')).toBeNull()
    await userEvent.setup().click(screen.getByRole('button', { name: 'Go to sign in' }))
    expect(onSignIn).toHaveBeenCalledOnce()
  })
})

describe('invitation', () => {
  const preview = { practiceName: 'North Clinic', role: 'coder' as const, email: 'casey@north.example', expiresAt: '2026-12-03T10:00:00.000Z', existingAccount: false }

  it('shows what the invitation is for and creates the account with a name and a password', async () => {
    const session = sessionInfo({ role: 'coder' })
    const client = createFakeGroupClient().on('invitePreview', () => preview).on('acceptInvite', () => session)
    const onJoined = renderInvite(client)
    expect(await screen.findByRole('heading', { name: 'Join North Clinic' })).toBeDefined()
    expect(screen.getByText('Coder')).toBeDefined()
    expect(screen.getByText('casey@north.example')).toBeDefined()
    const user = userEvent.setup()
    await user.type(screen.getByLabelText('Your name'), 'Casey Coder')
    await user.type(screen.getByLabelText('Password'), 'my patients come first')
    await user.type(screen.getByLabelText('Confirm password'), 'my patients come first')
    await user.click(screen.getByRole('button', { name: 'Create account and join' }))
    await vi.waitFor(() => expect(onJoined).toHaveBeenCalledWith(session))
    expect(client.callsTo('acceptInvite')[0]?.body).toEqual({ token: LINK_TOKEN, name: 'Casey Coder', password: 'my patients come first' })
  })

  it('asks only for the password of an existing account, and shows the server\'s refusal', async () => {
    const client = createFakeGroupClient().on('invitePreview', () => ({ ...preview, existingAccount: true }))
      .on('acceptInvite', () => { throw new ApiError(401, 'sign-in-failed', 'The email or password is not right.') })
    const onJoined = renderInvite(client)
    expect(await screen.findByText(/You already have an account with casey@north.example/)).toBeDefined()
    expect(screen.queryByLabelText('Your name')).toBeNull()
    const user = userEvent.setup()
    await user.type(screen.getByLabelText('Password'), 'not my password')
    await user.click(screen.getByRole('button', { name: 'Join the practice' }))
    expect((await screen.findByRole('alert')).textContent).toBe('The email or password is not right.')
    expect(onJoined).not.toHaveBeenCalled()
  })

  it('explains an expired or used link in the server\'s words, and a cut-off link without asking the server', async () => {
    const client = createFakeGroupClient().on('invitePreview', () => { throw new ApiError(404, 'invite-invalid', 'This invitation link has expired, was withdrawn or was used already.') })
    renderInvite(client)
    expect((await screen.findByRole('alert')).textContent).toBe('This invitation link has expired, was withdrawn or was used already.')
    cleanup()
    const fresh = createFakeGroupClient()
    renderInvite(fresh, 'abc')
    expect((await screen.findByRole('alert')).textContent).toMatch(/not complete/)
    expect(fresh.calls).toHaveLength(0)
  })
})

// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SessionInfo } from '../../group-api/index.ts'
import { ApiError, GroupClientProvider } from '../../storage/group/index.ts'
import { createFakeGroupClient, type FakeGroupClient } from '../../storage/group/fake-client.ts'
import { sessionInfo } from '../../storage/group/test-fixtures.ts'
import { SignInScreen } from './sign-in-screen.tsx'

afterEach(cleanup)

function renderSignIn(client: FakeGroupClient, notice: string | null = null) {
  const onSignedIn = vi.fn<(session: SessionInfo) => void>()
  render(<GroupClientProvider client={client}><SignInScreen onSignedIn={onSignedIn} notice={notice} /></GroupClientProvider>)
  return onSignedIn
}

async function fill(email: string, password: string) {
  const user = userEvent.setup()
  await user.type(screen.getByLabelText('Email'), email)
  await user.type(screen.getByLabelText('Password'), password)
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
}

describe('SignInScreen', () => {
  it('signs in with the trimmed email and the password as typed, and hands over the session', async () => {
    const session = sessionInfo({ state: 'two-factor' })
    const client = createFakeGroupClient().on('signIn', () => session)
    const onSignedIn = renderSignIn(client)
    await fill('  Ada@North.Example ', ' correct horse ')
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(session))
    expect(client.callsTo('signIn')[0]?.body).toEqual({ email: 'ada@north.example', password: ' correct horse ' })
  })

  it('says what is missing without asking the server', async () => {
    const client = createFakeGroupClient()
    renderSignIn(client)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('Enter your email address.')).toBeDefined()
    expect(screen.getByText('Enter your password.')).toBeDefined()
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true')
    expect(client.calls).toHaveLength(0)
  })

  it('shows the server\'s refusal as it is worded, as an alert', async () => {
    const message = 'The email or password is not right, or the account is locked for a while.'
    const client = createFakeGroupClient().on('signIn', () => { throw new ApiError(401, 'sign-in-failed', message) })
    const onSignedIn = renderSignIn(client)
    await fill('ada@north.example', 'wrong password')
    expect((await screen.findByRole('alert')).textContent).toBe(message)
    expect(onSignedIn).not.toHaveBeenCalled()
  })

  it('shows a lockout (429) message as it is worded', async () => {
    const message = 'Too many failed sign-ins from this address. Try again in 15 minutes.'
    const client = createFakeGroupClient().on('signIn', () => { throw new ApiError(429, 'rate-limited', message) })
    renderSignIn(client)
    await fill('ada@north.example', 'whatever')
    expect((await screen.findByRole('alert')).textContent).toBe(message)
  })

  it('shows why the person is here again (signed out after inactivity)', () => {
    renderSignIn(createFakeGroupClient(), 'You were signed out after 15 minutes without activity.')
    expect(screen.getByRole('status').textContent).toBe('You were signed out after 15 minutes without activity.')
  })
})

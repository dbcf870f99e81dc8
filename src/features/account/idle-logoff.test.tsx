// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SessionInfo } from '../../group-api/index.ts'
import { ApiError, GroupClientProvider } from '../../storage/group/index.ts'
import { createFakeGroupClient, type FakeGroupClient } from '../../storage/group/fake-client.ts'
import { sessionInfo } from '../../storage/group/test-fixtures.ts'
import { IdleLogoff } from './idle-logoff.tsx'
import { countdownMilestone, formatCountdown, idleSignOutNotice, warningLeadMs } from './idle-timing.ts'

const START = Date.parse('2026-11-26T09:00:00.000Z')
const MIN = 60_000

beforeEach(() => { vi.useFakeTimers({ now: START }) })
afterEach(() => { cleanup(); vi.useRealTimers() })

/** A server whose refresh moves the idle expiry to now + the timeout. */
function server(timeoutMinutes = 15): FakeGroupClient {
  return createFakeGroupClient().on('refresh', () => sessionInfo({ idleTimeoutMinutes: timeoutMinutes }, Date.now()))
}

function Harness({ client, first, onExpired, onSignOut }: { client: FakeGroupClient; first: SessionInfo; onExpired: () => void; onSignOut: () => void }) {
  const [session, setSession] = useState(first)
  return (
    <GroupClientProvider client={client}>
      <p data-testid="expiry">{session.idleExpiresAt}</p>
      <IdleLogoff session={session} onSession={setSession} onExpired={onExpired} onSignOut={onSignOut} />
    </GroupClientProvider>
  )
}

function start(timeoutMinutes = 15, client = server(timeoutMinutes)) {
  const onExpired = vi.fn()
  const onSignOut = vi.fn()
  render(<Harness client={client} first={sessionInfo({ idleTimeoutMinutes: timeoutMinutes }, START)} onExpired={onExpired} onSignOut={onSignOut} />)
  return { client, onExpired, onSignOut }
}

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms))
const warning = () => screen.queryByRole('alertdialog', { name: 'Are you still there?' })

describe('automatic logoff', () => {
  it('warns 2 minutes before the idle expiry, with a countdown, and signs out at the expiry', async () => {
    const { onExpired } = start(15)
    await advance(13 * MIN - 1000)
    expect(warning()).toBeNull()
    await advance(1000)
    const dialog = warning()
    expect(dialog).not.toBeNull()
    expect(dialog!.textContent).toMatch(/signed out in 2:00/)
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Stay signed in' }))
    await advance(30_000)
    expect(warning()!.textContent).toMatch(/signed out in 1:30/)
    await advance(60_000)
    expect(warning()!.textContent).toMatch(/signed out in 0:30/)
    expect(screen.getByText('Less than 30 seconds left before you are signed out.')).toBeDefined()
    expect(onExpired).not.toHaveBeenCalled()
    await advance(30_000)
    expect(onExpired).toHaveBeenCalledOnce()
  })

  it('"Stay signed in" refreshes the session and closes the warning; the next warning comes a full timeout later', async () => {
    const { client, onExpired } = start(15)
    await advance(13 * MIN)
    fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }))
    await advance(0)
    expect(client.callsTo('refresh')).toHaveLength(1)
    expect(warning()).toBeNull()
    expect(screen.getByTestId('expiry').textContent).toBe(new Date(START + 28 * MIN).toISOString())
    await advance(13 * MIN - 1000)
    expect(warning()).toBeNull()
    await advance(1000)
    expect(warning()).not.toBeNull()
    expect(onExpired).not.toHaveBeenCalled()
  })

  it('keeps the warning and says why when "Stay signed in" cannot reach the server', async () => {
    const client = createFakeGroupClient().on('refresh', () => { throw new ApiError(0, 'network', 'The group server could not be reached.') })
    start(15, client)
    await advance(13 * MIN)
    fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }))
    await advance(0)
    expect(warning()).not.toBeNull()
    expect(screen.getByRole('alert').textContent).toBe('The group server could not be reached.')
  })

  it('"Sign out" in the warning signs out', async () => {
    const { onSignOut } = start(15)
    await advance(13 * MIN)
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    expect(onSignOut).toHaveBeenCalledOnce()
  })

  it('keeps the server session alive while the person works, refreshing at most once a minute', async () => {
    const { client, onExpired } = start(15)
    await advance(5 * MIN)
    fireEvent.keyDown(window, { key: 'a' })
    await advance(0)
    expect(client.callsTo('refresh')).toHaveLength(1)
    await advance(30_000)
    fireEvent.pointerDown(window)
    fireEvent.keyDown(window, { key: 'b' })
    await advance(0)
    expect(client.callsTo('refresh')).toHaveLength(1)
    await advance(30_000)
    fireEvent.pointerDown(window)
    await advance(0)
    expect(client.callsTo('refresh')).toHaveLength(2)
    // The last refresh was 6 minutes in: the warning comes 13 minutes after that, not before.
    await advance(12 * MIN)
    expect(warning()).toBeNull()
    await advance(1 * MIN)
    expect(warning()).not.toBeNull()
    expect(onExpired).not.toHaveBeenCalled()
  })

  it('reports activity held back by the once-a-minute limit instead of warning', async () => {
    const { client } = start(2)
    // Timeout 2 minutes: the warning lead is 1 minute. Activity 10 s in is not sent (sign-in just refreshed).
    await advance(10_000)
    fireEvent.keyDown(window, { key: 'x' })
    await advance(0)
    expect(client.callsTo('refresh')).toHaveLength(0)
    await advance(50_000)
    expect(client.callsTo('refresh')).toHaveLength(1)
    expect(warning()).toBeNull()
  })

  it('warns half the timeout ahead when the timeout is short', async () => {
    start(2)
    await advance(MIN - 1000)
    expect(warning()).toBeNull()
    await advance(1000)
    expect(warning()!.textContent).toMatch(/signed out in 1:00/)
  })

  it('reads the server\'s expiry on this browser\'s clock when the clocks differ', async () => {
    const client = server(15)
    // The server's clock is 5 minutes ahead of this one: its expiry (START + 15) is 10 minutes away here... unless corrected.
    client.setServerClockOffset(5 * MIN)
    const onExpired = vi.fn()
    render(<Harness client={client} first={sessionInfo({ idleTimeoutMinutes: 15 }, START + 5 * MIN)} onExpired={onExpired} onSignOut={vi.fn()} />)
    await advance(13 * MIN - 1000)
    expect(warning()).toBeNull()
    await advance(1000)
    expect(warning()).not.toBeNull()
  })
})

describe('idle timing', () => {
  it.each([[15, 120_000], [4, 120_000], [3, 90_000], [2, 60_000]])('warns before a %i-minute timeout %i ms ahead', (minutes, lead) => {
    expect(warningLeadMs(minutes)).toBe(lead)
  })

  it('counts down in m:ss, rounding up', () => {
    expect(formatCountdown(120_000)).toBe('2:00')
    expect(formatCountdown(65_001)).toBe('1:06')
    expect(formatCountdown(999)).toBe('0:01')
    expect(formatCountdown(-5)).toBe('0:00')
  })

  it('tells a screen reader only at a minute, 30 and 10 seconds', () => {
    expect(countdownMilestone(90_000)).toBeNull()
    expect(countdownMilestone(60_000)).toMatch(/less than a minute/i)
    expect(countdownMilestone(25_000)).toMatch(/30 seconds/)
    expect(countdownMilestone(9_000)).toMatch(/10 seconds/)
  })

  it('says how long the person was away', () => {
    expect(idleSignOutNotice(15)).toBe('You were signed out after 15 minutes without activity.')
  })
})

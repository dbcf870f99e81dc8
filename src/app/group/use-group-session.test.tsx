// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../storage/group/index.ts'
import { createFakeGroupClient } from '../../storage/group/fake-client.ts'
import { sessionInfo } from '../../storage/group/test-fixtures.ts'
import { SESSION_ENDED_NOTICE, useGroupSession } from './use-group-session.ts'

afterEach(cleanup)

const server = () => createFakeGroupClient().on('session', () => sessionInfo()).on('signOut', () => null)

describe('the group session', () => {
  it('starts signed out when the server has no session, and signed in when it has one', async () => {
    const noSession = createFakeGroupClient().on('session', () => { throw new ApiError(401, 'unauthenticated', 'Sign in.') })
    const none = renderHook(() => useGroupSession(noSession))
    await waitFor(() => expect(none.result.current.state).toEqual({ status: 'signed-out', notice: null }))
    const withSession = server()
    const some = renderHook(() => useGroupSession(withSession))
    await waitFor(() => expect(some.result.current.state.status).toBe('session'))
  })

  it('ends on any 401 unauthenticated once signed in, with a notice', async () => {
    const client = server().on('sessions', () => { throw new ApiError(401, 'unauthenticated', 'Sign in.') })
    const { result } = renderHook(() => useGroupSession(client))
    await waitFor(() => expect(result.current.state.status).toBe('session'))
    await act(() => client.request('sessions').catch(() => undefined))
    expect(result.current.state).toEqual({ status: 'signed-out', notice: SESSION_ENDED_NOTICE })
  })

  it('tells the app\'s other tabs about a sign-out and a refreshed session', async () => {
    const [tabA, tabB] = [server(), server()]
    const a = renderHook(() => useGroupSession(tabA))
    const b = renderHook(() => useGroupSession(tabB))
    await waitFor(() => expect(a.result.current.state.status).toBe('session'))
    await waitFor(() => expect(b.result.current.state.status).toBe('session'))
    const renamed = sessionInfo({ practice: { id: sessionInfo().practice!.id, name: 'North Clinic (Main St)' } })
    act(() => a.result.current.setSession(renamed))
    await waitFor(() => expect(b.result.current.state).toEqual({ status: 'session', session: renamed }))
    act(() => a.result.current.signOut('You were signed out after 15 minutes without activity.'))
    await waitFor(() => expect(b.result.current.state).toEqual({ status: 'signed-out', notice: 'You were signed out after 15 minutes without activity.' }))
  })
})

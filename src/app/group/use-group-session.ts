import { useCallback, useEffect, useRef, useState } from 'react'
import type { SessionInfo } from '../../group-api/index.ts'
import { ApiError, describeError, type GroupClient } from '../../storage/group/index.ts'

export type GateState =
  | { status: 'loading' }
  /** The first session check failed for another reason than "not signed in". */
  | { status: 'unreachable'; message: string }
  | { status: 'signed-out'; notice: string | null }
  /** Signed in, or half-way (the two-factor step, or the enrolment the practice requires). */
  | { status: 'session'; session: SessionInfo }

export const SESSION_ENDED_NOTICE = 'Your session has ended. Sign in again to continue.'
export const SIGNED_OUT_NOTICE = 'You signed out.'

/** Tabs of the app on one origin share one session cookie: they tell each other about it. */
const CHANNEL = 'icw-group-session'
type TabMessage = { type: 'session'; session: SessionInfo } | { type: 'signed-out'; notice: string | null }

export interface GroupSession {
  state: GateState
  /** Something happened in this tab (a sign-in, a sign-out): screens move focus to their heading. */
  interacted: boolean
  /** A session from the server (sign-in, two-factor, refresh, practice switch). */
  setSession: (session: SessionInfo) => void
  /** Signs out here (the server's answer does not matter) and shows the sign-in with `notice`. */
  signOut: (notice: string | null) => void
  /** The server already ended the session (sign out everywhere): shows the sign-in with `notice`. */
  signedOut: (notice: string | null) => void
  /** Asks the server for the session again. */
  reload: () => Promise<void>
}

/**
 * The group app's sign-in state: read from the server once (no session: signed out), changed by
 * the screens, ended by any 401 `unauthenticated`, and shared with the app's other tabs.
 */
export function useGroupSession(client: GroupClient): GroupSession {
  const [state, setState] = useState<GateState>({ status: 'loading' })
  const [interacted, setInteracted] = useState(false)
  const channel = useRef<BroadcastChannel | null>(null)

  const readSession = useCallback(async (): Promise<GateState> => {
    try {
      return { status: 'session', session: await client.request('session') }
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return { status: 'signed-out', notice: null }
      return { status: 'unreachable', message: describeError(error) }
    }
  }, [client])

  useEffect(() => {
    let current = true
    void readSession().then((next) => { if (current) setState(next) })
    return () => { current = false }
  }, [readSession])

  useEffect(() => client.onUnauthenticated(() => {
    setState((s) => (s.status === 'session' ? { status: 'signed-out', notice: SESSION_ENDED_NOTICE } : s))
  }), [client])

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return
    const bc = new BroadcastChannel(CHANNEL)
    channel.current = bc
    bc.onmessage = (event: MessageEvent<TabMessage>) => {
      const message = event.data
      if (message.type === 'session') setState((s) => (s.status === 'loading' ? s : { status: 'session', session: message.session }))
      else setState((s) => (s.status === 'session' ? { status: 'signed-out', notice: message.notice } : s))
    }
    return () => {
      channel.current = null
      bc.close()
    }
  }, [])

  const tell = (message: TabMessage) => channel.current?.postMessage(message)

  const setSession = useCallback((session: SessionInfo) => {
    setInteracted(true)
    setState({ status: 'session', session })
    tell({ type: 'session', session })
  }, [])

  const signedOut = useCallback((notice: string | null) => {
    setInteracted(true)
    setState({ status: 'signed-out', notice })
    tell({ type: 'signed-out', notice })
  }, [])

  const signOut = useCallback((notice: string | null) => {
    signedOut(notice)
    client.request('signOut').catch(() => undefined)
  }, [client, signedOut])

  const reload = useCallback(async () => {
    const next = await readSession()
    setState(next)
    if (next.status === 'session') tell({ type: 'session', session: next.session })
  }, [readSession])

  return { state, interacted, setSession, signOut, signedOut, reload }
}

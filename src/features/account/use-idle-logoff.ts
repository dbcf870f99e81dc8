import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { SessionInfo } from '../../group-api/index.ts'
import { describeError, useGroupClient } from '../../storage/group/index.ts'
import { ACTIVITY_REFRESH_INTERVAL_MS, idleDeadline, warningLeadMs } from './idle-timing.ts'

interface IdleLogoffOptions {
  session: SessionInfo
  /** A refreshed session (new idle expiry) from the server. */
  onSession: (session: SessionInfo) => void
  /** The idle time ran out. */
  onExpired: () => void
}

interface Warning {
  /** The deadline this warning is about; a refreshed session has another and closes it. */
  deadline: number
  now: number
  error: string | null
}

export interface IdleLogoffState {
  /** The warning is showing: no activity and the logoff is near. */
  warning: boolean
  remainingMs: number
  /** Why the last "Stay signed in" failed. */
  error: string | null
  staySignedIn: () => Promise<void>
  /** For the dialog's close events: stays signed in only while the warning is up. */
  dismiss: () => void
}

/**
 * Automatic logoff. The app's own work makes no request, so keyboard and pointer activity
 * refreshes the server session (at most once a minute). Without activity, a warning comes
 * before the idle expiry; at the expiry `onExpired` runs. Date.now, setTimeout and setInterval
 * only, so a test clock can drive it.
 */
export function useIdleLogoff({ session, onSession, onExpired }: IdleLogoffOptions): IdleLogoffState {
  const client = useGroupClient()
  const deadline = useMemo(() => idleDeadline(session, client.serverClockOffset()), [session, client])
  const lead = warningLeadMs(session.idleTimeoutMinutes)
  const lastActivity = useRef(Number.NEGATIVE_INFINITY)
  const lastRefresh = useRef(Number.NEGATIVE_INFINITY)
  const expired = useRef(false)
  const [warning, setWarning] = useState<Warning | null>(null)
  const showing = warning !== null && warning.deadline === deadline
  const showingRef = useRef(false)
  const callbacks = useRef({ onSession, onExpired })

  // Before the Dialog's own effects, which close it and fire its close event.
  useLayoutEffect(() => {
    showingRef.current = showing
    callbacks.current = { onSession, onExpired }
  })

  // A session just given (a sign-in or a refresh) is fresh: activity refreshes a minute from now.
  useEffect(() => { lastRefresh.current = Date.now() }, [])

  const refresh = useCallback(async () => {
    lastRefresh.current = Date.now()
    callbacks.current.onSession(await client.request('refresh'))
  }, [client])

  const expire = useCallback(() => {
    if (expired.current) return
    expired.current = true
    callbacks.current.onExpired()
  }, [])

  useEffect(() => {
    const check = () => {
      const now = Date.now()
      if (now >= deadline) {
        expire()
        return
      }
      // Activity since the last refresh (held back by the once-a-minute limit): report it instead of warning.
      if (lastActivity.current > lastRefresh.current) {
        refresh().catch(() => setWarning({ deadline, now: Date.now(), error: null }))
        return
      }
      setWarning({ deadline, now, error: null })
    }
    const id = setTimeout(check, Math.max(0, deadline - lead - Date.now()))
    return () => clearTimeout(id)
  }, [deadline, lead, refresh, expire])

  useEffect(() => {
    if (!showing) return
    const id = setInterval(() => {
      const now = Date.now()
      if (now >= deadline) {
        clearInterval(id)
        expire()
        return
      }
      setWarning((w) => (w && w.deadline === deadline ? { ...w, now } : w))
    }, 1000)
    return () => clearInterval(id)
  }, [showing, deadline, expire])

  useEffect(() => {
    const onActivity = () => {
      const now = Date.now()
      lastActivity.current = now
      if (showingRef.current) return
      if (now - lastRefresh.current >= ACTIVITY_REFRESH_INTERVAL_MS) refresh().catch(() => undefined)
    }
    const options = { capture: true, passive: true }
    window.addEventListener('keydown', onActivity, options)
    window.addEventListener('pointerdown', onActivity, options)
    return () => {
      window.removeEventListener('keydown', onActivity, options)
      window.removeEventListener('pointerdown', onActivity, options)
    }
  }, [refresh])

  const staySignedIn = useCallback(async () => {
    setWarning((w) => (w ? { ...w, error: null } : w))
    try {
      await refresh()
    } catch (error) {
      setWarning((w) => (w ? { ...w, error: describeError(error) } : w))
    }
  }, [refresh])

  const dismiss = useCallback(() => {
    if (showingRef.current) void staySignedIn()
  }, [staySignedIn])

  return {
    warning: showing,
    remainingMs: showing ? Math.max(0, deadline - warning.now) : 0,
    error: showing ? warning.error : null,
    staySignedIn,
    dismiss,
  }
}

import type { SessionInfo } from '../../group-api/index.ts'

/** Activity keeps the server session alive with at most one refresh a minute. */
export const ACTIVITY_REFRESH_INTERVAL_MS = 60_000
/** The warning comes 2 minutes before the automatic logoff, or half the timeout when that is shorter. */
export const WARNING_LEAD_MAX_MS = 120_000

export function warningLeadMs(idleTimeoutMinutes: number): number {
  return Math.min(WARNING_LEAD_MAX_MS, (idleTimeoutMinutes * 60_000) / 2)
}

/**
 * When the session ends without activity, on this browser's clock: the server's idle expiry
 * less the server clock's lead over this one (so a wrong clock on this machine does not matter).
 */
export function idleDeadline(session: Pick<SessionInfo, 'idleExpiresAt'>, serverClockOffsetMs: number): number {
  return Date.parse(session.idleExpiresAt) - serverClockOffsetMs
}

/** "1:05" for 65 seconds left (rounded up: it never shows 0:00 while time remains). */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** What a screen reader hears as time runs out: only at these marks, not every second. */
export function countdownMilestone(ms: number): string | null {
  if (ms <= 10_000) return 'Less than 10 seconds left before you are signed out.'
  if (ms <= 30_000) return 'Less than 30 seconds left before you are signed out.'
  if (ms <= 60_000) return 'Less than a minute left before you are signed out.'
  return null
}

export function idleSignOutNotice(idleTimeoutMinutes: number): string {
  return `You were signed out after ${idleTimeoutMinutes} ${idleTimeoutMinutes === 1 ? 'minute' : 'minutes'} without activity.`
}

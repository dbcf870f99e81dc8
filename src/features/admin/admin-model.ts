import { z } from 'zod/mini'
import {
  IDLE_MINUTES_MAX, IDLE_MINUTES_MIN, INVITE_DAYS_MAX, ROLES, SIGN_IN_EVENTS, type Invite, type Role,
} from '../../group-api/index.ts'
import { localDayEnd, localDayStart } from '../../lib/date-time.ts'

export const ADMIN_PAGES = [
  { path: '/members', label: 'Members' },
  { path: '/invitations', label: 'Invitations' },
  { path: '/sign-in-settings', label: 'Sign-in settings' },
  { path: '/sign-in-history', label: 'Sign-in history' },
  { path: '/access-log', label: 'Access log' },
  { path: '/move-in', label: 'Move in' },
] as const
export type AdminPagePath = (typeof ADMIN_PAGES)[number]['path']

/** The admin page of a path after #/admin ('' and unknown paths open Members). */
export function adminPageOf(path: string): AdminPagePath {
  return ADMIN_PAGES.find((p) => path === p.path || path.startsWith(`${p.path}/`))?.path ?? '/members'
}

export type InviteStatus = 'open' | 'accepted' | 'expired'
export const INVITE_STATUS_LABELS: Record<InviteStatus, string> = { open: 'Open', accepted: 'Accepted', expired: 'Expired' }

/** An invitation is accepted once used; otherwise open until it expires. */
export function inviteStatus(invite: Pick<Invite, 'acceptedAt' | 'expiresAt'>, now: number): InviteStatus {
  if (invite.acceptedAt) return 'accepted'
  return Date.parse(invite.expiresAt) <= now ? 'expired' : 'open'
}

/** The server's link, absolute (it may answer a path on this origin). */
export function absoluteLink(link: string, origin: string): string {
  try {
    return new URL(link, origin).href
  } catch {
    return link
  }
}

export type SignInEventName = (typeof SIGN_IN_EVENTS)[number]
export const SIGN_IN_EVENT_LABELS: Record<SignInEventName, string> = {
  'sign-in': 'Signed in',
  'sign-in-failed': 'Sign-in failed',
  'locked-out': 'Locked out',
  'sign-out': 'Signed out',
  'sign-out-everywhere': 'Signed out everywhere',
  'session-expired': 'Session expired',
  'two-factor-passed': 'Two-factor code accepted',
  'two-factor-failed': 'Two-factor code refused',
  'two-factor-enabled': 'Two-factor turned on',
  'two-factor-disabled': 'Two-factor turned off',
  'two-factor-reset': 'Two-factor reset by an admin',
  'backup-codes-created': 'New backup codes',
  'password-changed': 'Password changed',
  'account-created': 'Account created',
}

export function signInEventLabel(event: string): string {
  return (SIGN_IN_EVENT_LABELS as Record<string, string | undefined>)[event] ?? event
}

// ---- forms ----

const email = z.string().check(
  z.trim(),
  z.minLength(1, 'Enter the email address of the person to invite.'),
  z.maxLength(254, 'An email address has at most 254 characters.'),
  z.regex(/^[^\s@]+@[^\s@]+$/, 'Enter an email address, such as name@example.com.'),
)
const wholeNumber = (what: string, min: number, max: number) =>
  z.number({ error: `Enter ${what} as a whole number.` }).check(
    z.int(`Enter ${what} as a whole number.`),
    z.minimum(min, `Use at least ${min}.`),
    z.maximum(max, `Use at most ${max}.`),
  )

export const inviteFormSchema = z.object({
  email,
  role: z.enum(ROLES),
  expiresInDays: wholeNumber('the number of days', 1, INVITE_DAYS_MAX),
})
export type InviteFormValues = z.input<typeof inviteFormSchema>
export const INVITE_DEFAULTS: Readonly<InviteFormValues> = Object.freeze({ email: '', role: 'coder', expiresInDays: 7 })

export const settingsFormSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'Enter the practice name.'), z.maxLength(120, 'Use at most 120 characters.')),
  idleTimeoutMinutes: wholeNumber('the minutes', IDLE_MINUTES_MIN, IDLE_MINUTES_MAX),
  twoFactorRoles: z.array(z.enum(ROLES)),
})
export type SettingsFormValues = z.input<typeof settingsFormSchema>

// ---- log filters ----

export interface DayRange {
  /** YYYY-MM-DD from a date input, or ''. */
  from: string
  to: string
}

/** Why a day range cannot be used, or null. */
export function dayRangeProblem(range: DayRange): string | null {
  if (range.from && range.to && range.from > range.to) return 'The "From" date is after the "To" date.'
  return null
}

/** A day range as the API's instants: from the start of "from" to the end of "to", in this browser's time zone. */
export function dayRangeQuery(range: DayRange): { from?: string; to?: string } {
  return {
    ...(range.from ? { from: localDayStart(range.from) } : {}),
    ...(range.to ? { to: localDayEnd(range.to) } : {}),
  }
}

export const LOG_PAGE_SIZE = 200
export const LOG_LIMIT_MAX = 1000

/** A compact, readable form of an access-log entry's detail. */
export function describeDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return ''
  if (typeof detail === 'string') return detail
  if (typeof detail === 'object' && !Array.isArray(detail)) {
    return Object.entries(detail as Record<string, unknown>).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; ')
  }
  return JSON.stringify(detail)
}

export const roleOptions: readonly Role[] = ROLES

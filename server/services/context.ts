import type { Role } from '../../src/group-api/schemas.ts'
import type { ServerConfig } from '../config.ts'
import type { ScryptCost } from '../auth/passwords.ts'
import type { Queryable } from '../db/database.ts'

/** Where a request came from, and when (the clock is injected so tests can move it). */
export interface RequestMeta {
  now: Date
  ip: string | null
  userAgent: string | null
  /** The raw session cookie, if any. */
  sessionToken: string | null
  /** The origin links are built on (PUBLIC_URL, or this request's own). */
  origin: string
}

export interface PracticeRow {
  id: string
  name: string
  idle_timeout_minutes: number
  two_factor_roles: string[]
}

export interface UserRow {
  id: string
  email: string
  name: string
  password_hash: string
  totp_secret: string | null
  totp_enabled: boolean
  totp_last_step: number | null
}

export interface SessionRow {
  id: string
  token_hash: string
  user_id: string
  practice_id: string | null
  state: 'active' | 'two-factor' | 'enroll-two-factor'
  created_at: Date
  last_seen_at: Date
  expires_at: Date
}

/** The signed-in person as a request sees them, checked against the database on every request. */
export interface Principal {
  session: SessionRow
  user: UserRow
  practice: PracticeRow | null
  role: Role | null
}

/** What every handler gets. */
export interface Deps {
  config: Pick<ServerConfig, 'sessionMaxHours' | 'lockoutThreshold' | 'lockoutWindowMinutes' | 'addressFailureLimit'> & Partial<Pick<ServerConfig, 'idempotencyRetentionDays'>>
  passwordCost?: ScryptCost
}

export interface Ctx {
  q: Queryable
  meta: RequestMeta
  deps: Deps
  /** Present on every route but the public ones. */
  principal: Principal | null
  /** A new session cookie to set (or '' to clear it). */
  setSessionCookie: (token: string) => void
}

/** The principal of a route that requires one (the router guarantees it). */
export function principalOf(ctx: Ctx): Principal {
  if (!ctx.principal) throw new Error('route needs a principal')
  return ctx.principal
}

/** The principal of a route that requires a practice role (the router guarantees it). */
export function memberOf(ctx: Ctx): Principal & { practice: PracticeRow; role: Role } {
  const p = principalOf(ctx)
  if (!p.practice || !p.role) throw new Error('route needs a practice role')
  return p as Principal & { practice: PracticeRow; role: Role }
}

export const iso = (value: unknown): string => (value instanceof Date ? value : new Date(String(value))).toISOString()
export const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : iso(value))

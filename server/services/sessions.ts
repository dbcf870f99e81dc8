import { IDEMPOTENCY_RETENTION_DAYS, type Role, type SessionInfo, type SessionState } from '../../src/group-api/schemas.ts'
import { hashToken, newToken } from '../auth/tokens.ts'
import { setScope, type Queryable, type SessionLookup } from '../db/database.ts'
import { ApiError } from '../http/errors.ts'
import { recordAuthEvent } from './audit.ts'
import { iso, type Ctx, type PracticeRow, type Principal, type SessionRow, type UserRow } from './context.ts'

/** Until a session has a practice, the default idle timeout applies (practices start with it). */
export const DEFAULT_IDLE_MINUTES = 15

/** The last-seen time is written at most this often, so a burst of requests writes once. */
const TOUCH_EVERY_MS = 15_000

const USER_COLUMNS = 'id, email, name, password_hash, totp_secret, totp_enabled, totp_last_step'
const PRACTICE_COLUMNS = 'p.id, p.name, p.idle_timeout_minutes, p.two_factor_roles'

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | null> {
  return (await q.query<UserRow>(`select ${USER_COLUMNS} from users where email = $1`, [email]))[0] ?? null
}

export async function findUser(q: Queryable, id: string): Promise<UserRow | null> {
  return (await q.query<UserRow>(`select ${USER_COLUMNS} from users where id = $1`, [id]))[0] ?? null
}

/** The practice and the person's active role in it, or null when they are not an active member. */
export async function findMembership(q: Queryable, userId: string, practiceId: string): Promise<{ practice: PracticeRow; role: Role } | null> {
  const row = (await q.query<PracticeRow & { role: Role }>(
    `select ${PRACTICE_COLUMNS}, m.role from practices p join memberships m on m.practice_id = p.id
     where p.id = $1 and m.user_id = $2 and m.active`, [practiceId, userId]))[0]
  if (!row) return null
  const { role, ...practice } = row
  return { practice, role }
}

/** The practice a new session starts in: the person's oldest active membership. */
export async function firstPractice(q: Queryable, userId: string): Promise<string | null> {
  const row = (await q.query<{ practice_id: string }>(
    'select practice_id from memberships where user_id = $1 and active order by created_at, practice_id limit 1', [userId]))[0]
  return row?.practice_id ?? null
}

export const twoFactorRequired = (practice: PracticeRow | null, role: Role | null): boolean =>
  !!practice && !!role && practice.two_factor_roles.includes(role)

/** Where a password-checked sign-in stands: a code to enter, an authenticator to set up, or done. */
export function stateAfterPassword(user: UserRow, practice: PracticeRow | null, role: Role | null): SessionState {
  if (user.totp_enabled) return 'two-factor'
  return twoFactorRequired(practice, role) ? 'enroll-two-factor' : 'active'
}

/** Opens a session: a random token in the cookie, its hash in the database. */
export async function createSession(ctx: Ctx, user: UserRow, practiceId: string | null, state: SessionState): Promise<Principal> {
  await setScope(ctx.q, { userId: user.id, practiceId })
  const token = newToken()
  const now = ctx.meta.now
  const expires = new Date(now.getTime() + ctx.deps.config.sessionMaxHours * 3600_000)
  const session = (await ctx.q.query<SessionRow>(
    `insert into sessions (id, token_hash, user_id, practice_id, state, created_at, last_seen_at, expires_at, ip, user_agent)
     values ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9) returning id, token_hash, user_id, practice_id, state, created_at, last_seen_at, expires_at`,
    [crypto.randomUUID(), hashToken(token), user.id, practiceId, state, now, expires, ctx.meta.ip, ctx.meta.userAgent?.slice(0, 300) ?? null]))[0]
  ctx.setSessionCookie(token)
  const membership = practiceId ? await findMembership(ctx.q, user.id, practiceId) : null
  return { session, user, practice: membership?.practice ?? null, role: membership?.role ?? null }
}

/**
 * The signed-in person behind the request's cookie, checked now: the session exists, is within
 * its idle timeout and absolute lifetime, and the person is still an active member of the
 * session's practice. An ended session is deleted and logged, and the answer is a 401. The
 * transaction entered through app_session, which found the session and scoped the transaction.
 */
/**
 * The signed-in principal from the session lookup, or why not. A request counts as activity
 * (`touch`); an open event stream's periodic check does not, so an idle tab still signs out.
 */
export async function loadPrincipal(ctx: Ctx, found: SessionLookup | null, options: { touch?: boolean } = {}): Promise<Principal | ApiError> {
  if (!found) return new ApiError(401, 'unauthenticated', 'Sign in to continue.')
  const session: SessionRow = {
    id: found.session_id, token_hash: found.token_hash, user_id: found.user_id, practice_id: found.practice_id, state: found.state,
    created_at: found.created_at, last_seen_at: found.last_seen_at, expires_at: found.expires_at,
  }
  const user: UserRow = {
    id: found.user_id, email: found.email, name: found.name, password_hash: found.password_hash, totp_secret: found.totp_secret,
    totp_enabled: found.totp_enabled, totp_last_step: found.totp_last_step,
  }
  const membership = found.practice_id && found.role && found.practice_name !== null
    ? { role: found.role, practice: { id: found.practice_id, name: found.practice_name, idle_timeout_minutes: found.idle_timeout_minutes ?? DEFAULT_IDLE_MINUTES, two_factor_roles: found.two_factor_roles ?? [] } }
    : null
  const idleMinutes = membership?.practice.idle_timeout_minutes ?? DEFAULT_IDLE_MINUTES
  const now = ctx.meta.now.getTime()
  const idle = now - new Date(session.last_seen_at).getTime() > idleMinutes * 60_000
  const expired = now >= new Date(session.expires_at).getTime()
  if (idle || expired) {
    await endSession(ctx, session.id)
    await recordAuthEvent(ctx, 'session-expired', user.email, user.id, { reason: expired ? 'lifetime' : 'idle', minutes: idleMinutes })
    return new ApiError(401, 'session-expired', expired
      ? 'Your session reached its time limit. Sign in again.'
      : `You were signed out after ${idleMinutes} minutes without activity. Sign in again.`)
  }
  if (session.practice_id && !membership) {
    await endSession(ctx, session.id)
    return new ApiError(401, 'unauthenticated', 'Your access to this practice has ended. Ask its admin if this is a mistake.')
  }
  let state = session.state
  // A policy change applies at once: an active session of a role that now needs two-factor waits for it.
  if (state === 'active' && !user.totp_enabled && twoFactorRequired(membership?.practice ?? null, membership?.role ?? null)) state = 'enroll-two-factor'
  const touch = options.touch !== false && now - new Date(session.last_seen_at).getTime() > TOUCH_EVERY_MS
  if (touch || state !== session.state) {
    await ctx.q.query('update sessions set last_seen_at = $2, state = $3 where id = $1', [session.id, touch ? ctx.meta.now : session.last_seen_at, state])
    if (touch) session.last_seen_at = ctx.meta.now
    session.state = state
  }
  return { session, user, practice: membership?.practice ?? null, role: membership?.role ?? null }
}

export async function endSession(ctx: Pick<Ctx, 'q'>, sessionId: string): Promise<void> {
  await ctx.q.query('delete from sessions where id = $1', [sessionId])
}

export async function setSessionState(ctx: Ctx, principal: Principal, state: SessionState): Promise<void> {
  await ctx.q.query('update sessions set state = $2, last_seen_at = $3 where id = $1', [principal.session.id, state, ctx.meta.now])
  principal.session.state = state
  principal.session.last_seen_at = ctx.meta.now
}

/** The session as the app shows it: who, where, what role, and when it ends. */
export async function sessionInfo(ctx: Ctx, principal: Principal): Promise<SessionInfo> {
  const { session, user, practice, role } = principal
  const practices = await ctx.q.query<{ id: string; name: string; role: Role }>(
    `select p.id, p.name, m.role from memberships m join practices p on p.id = m.practice_id
     where m.user_id = $1 and m.active order by p.name, p.id`, [user.id])
  const idleMinutes = practice?.idle_timeout_minutes ?? DEFAULT_IDLE_MINUTES
  return {
    state: session.state,
    user: { id: user.id, name: user.name, email: user.email },
    practice: practice ? { id: practice.id, name: practice.name } : null,
    role,
    practices,
    twoFactorEnabled: user.totp_enabled,
    twoFactorRequired: twoFactorRequired(practice, role),
    idleTimeoutMinutes: idleMinutes,
    idleExpiresAt: iso(new Date(new Date(session.last_seen_at).getTime() + idleMinutes * 60_000)),
    expiresAt: iso(session.expires_at),
    idempotencyRetentionDays: ctx.deps.config.idempotencyRetentionDays ?? IDEMPOTENCY_RETENTION_DAYS,
  }
}

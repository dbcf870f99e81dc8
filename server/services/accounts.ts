import type { z } from 'zod/mini'
import type * as s from '../../src/group-api/schemas.ts'
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.ts'
import { hashToken } from '../auth/tokens.ts'
import { hashBackupCode, matchTotp, newBackupCodes, newTotpSecret } from '../auth/totp.ts'
import { setScope, type Queryable } from '../db/database.ts'
import { ApiError, empty, fail, json, type Reply } from '../http/errors.ts'
import { recordAudit, recordAuthEvent } from './audit.ts'
import { iso, principalOf, type Ctx, type Principal, type UserRow } from './context.ts'
import {
  createSession, endSession, findMembership, findUser, findUserByEmail, firstPractice, sessionInfo, setSessionState, stateAfterPassword, twoFactorRequired,
} from './sessions.ts'

/** One answer for a wrong password, an unknown account and a locked one, so none can be told apart. */
export const SIGN_IN_FAILED = 'The email or password is not right, or the account is locked after too many attempts. Try again in a few minutes, or ask your practice\'s admin.'

const SETUP_TOKEN = 'setup_token_hash'
const SETUP_EXPIRES = 'setup_token_expires'
const SETUP_HOURS = 24

/** Failed sign-ins and two-factor codes of an account within the lockout window, since its last sign-in. */
async function recentFailures(ctx: Ctx, email: string): Promise<number> {
  const since = new Date(ctx.meta.now.getTime() - ctx.deps.config.lockoutWindowMinutes * 60_000)
  const row = (await ctx.q.query<{ n: number }>(
    `select count(*)::int as n from auth_events
     where email = $1 and event in ('sign-in-failed', 'two-factor-failed') and at > $2
       and at > coalesce((select max(at) from auth_events where email = $1 and event = 'sign-in'), '-infinity')`, [email, since]))[0]
  return Number(row?.n ?? 0)
}

async function addressFailures(ctx: Ctx): Promise<number> {
  if (!ctx.meta.ip) return 0
  const since = new Date(ctx.meta.now.getTime() - ctx.deps.config.lockoutWindowMinutes * 60_000)
  const row = (await ctx.q.query<{ n: number }>(
    `select count(*)::int as n from auth_events where ip = $1 and event in ('sign-in-failed', 'two-factor-failed') and at > $2`, [ctx.meta.ip, since]))[0]
  return Number(row?.n ?? 0)
}

/** Logs a failure, and the lockout when this failure reaches the threshold. */
async function recordFailure(ctx: Ctx, event: 'sign-in-failed' | 'two-factor-failed', email: string, userId: string | null, reason: string, before: number) {
  await recordAuthEvent(ctx, event, email, userId, { reason })
  if (before + 1 === ctx.deps.config.lockoutThreshold) {
    await recordAuthEvent(ctx, 'locked-out', email, userId, { failures: before + 1, minutes: ctx.deps.config.lockoutWindowMinutes })
  }
}

const tooManyFromAddress = () => new ApiError(429, 'rate-limited', 'Too many failed sign-ins from this address. Wait a few minutes and try again.')

// ---------------------------------------------------------------- first run

/** Whether the server still waits for its first practice; with no account it (re)issues the setup link. */
export async function needsSetup(q: Queryable): Promise<boolean> {
  const row = (await q.query<{ any: boolean }>('select exists (select 1 from users) as any'))[0]
  return !row?.any
}

/** A new one-time setup token (replacing any earlier one), valid for 24 hours. */
export async function issueSetupToken(q: Queryable, token: string, now: Date): Promise<void> {
  const expires = new Date(now.getTime() + SETUP_HOURS * 3600_000)
  await q.query(`insert into server_settings (key, value, updated_at) values ($1, $2, $4), ($3, $5, $4)
    on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`,
  [SETUP_TOKEN, hashToken(token), SETUP_EXPIRES, now, expires.toISOString()])
}

export async function setup(ctx: Ctx, body: z.infer<typeof s.setupBody>): Promise<Reply> {
  await ctx.q.query('select pg_advisory_xact_lock(7340214)')
  if (!(await needsSetup(ctx.q))) return fail(new ApiError(409, 'already-set-up', 'This server is set up already: sign in, or ask an admin for an invitation.'))
  const stored = await ctx.q.query<{ key: string; value: string }>('select key, value from server_settings where key in ($1, $2)', [SETUP_TOKEN, SETUP_EXPIRES])
  const tokenHash = stored.find((r) => r.key === SETUP_TOKEN)?.value
  const expires = stored.find((r) => r.key === SETUP_EXPIRES)?.value
  if (!tokenHash || tokenHash !== hashToken(body.token) || !expires || new Date(expires) <= ctx.meta.now) {
    throw new ApiError(403, 'setup-link-invalid', 'This setup link is not valid (it is used up, expired, or from an earlier start). Restart the server to print a new one.')
  }
  const problem = passwordProblem(body.password, [body.email, body.email.split('@')[0] ?? '', body.name, body.practiceName])
  if (problem) throw new ApiError(400, 'weak-password', problem, 'password')
  const practiceId = crypto.randomUUID()
  const userId = crypto.randomUUID()
  await setScope(ctx.q, { practiceId, userId })
  await ctx.q.query('insert into practices (id, name, created_at) values ($1, $2, $3)', [practiceId, body.practiceName, ctx.meta.now])
  await ctx.q.query(`insert into users (id, email, name, password_hash, created_at, password_changed_at) values ($1, $2, $3, $4, $5, $5)`,
    [userId, body.email, body.name, await hashPassword(body.password, ctx.deps.passwordCost), ctx.meta.now])
  await ctx.q.query(`insert into memberships (practice_id, user_id, role, created_at) values ($1, $2, 'admin', $3)`, [practiceId, userId, ctx.meta.now])
  await ctx.q.query('delete from server_settings where key in ($1, $2)', [SETUP_TOKEN, SETUP_EXPIRES])
  await recordAuthEvent(ctx, 'account-created', body.email, userId, { via: 'setup' })
  await recordAudit(ctx, { practiceId, userId, userName: body.name, action: 'practice-created', target: body.practiceName })
  const user = (await findUser(ctx.q, userId))!
  const membership = (await findMembership(ctx.q, userId, practiceId))!
  const principal = await createSession(ctx, user, practiceId, stateAfterPassword(user, membership.practice, membership.role))
  await recordAuthEvent(ctx, 'sign-in', user.email, user.id, { via: 'setup' })
  return json(await sessionInfo(ctx, principal))
}

// ---------------------------------------------------------------- sign-in

export async function signIn(ctx: Ctx, body: z.infer<typeof s.signInBody>): Promise<Reply> {
  if ((await addressFailures(ctx)) >= ctx.deps.config.addressFailureLimit) return fail(tooManyFromAddress())
  const user = await findUserByEmail(ctx.q, body.email)
  const failures = await recentFailures(ctx, body.email)
  const locked = failures >= ctx.deps.config.lockoutThreshold
  // Always one scrypt, so an unknown or locked account answers in the same time.
  const passwordOk = await verifyPassword(body.password, user?.password_hash ?? (await decoyHash(ctx.deps.passwordCost)))
  if (user) await setScope(ctx.q, { userId: user.id, practiceId: null })
  const practiceId = user && passwordOk && !locked ? await firstPractice(ctx.q, user.id) : null
  if (!user || !passwordOk || locked || !practiceId) {
    const reason = locked ? 'locked' : !user ? 'unknown-account' : !passwordOk ? 'wrong-password' : 'no-active-membership'
    if (!locked) await recordFailure(ctx, 'sign-in-failed', body.email, user?.id ?? null, reason, failures)
    else await recordAuthEvent(ctx, 'sign-in-failed', body.email, user?.id ?? null, { reason })
    return fail(new ApiError(401, 'sign-in-failed', SIGN_IN_FAILED))
  }
  const membership = await findMembership(ctx.q, user.id, practiceId)
  const principal = await createSession(ctx, user, practiceId, stateAfterPassword(user, membership?.practice ?? null, membership?.role ?? null))
  // With an authenticator, the sign-in is logged once the code is checked.
  if (!user.totp_enabled) await recordAuthEvent(ctx, 'sign-in', user.email, user.id)
  return json(await sessionInfo(ctx, principal))
}

/** Checks an authenticator code (never one already used) or an unused backup code. */
async function checkSecondFactor(ctx: Ctx, user: UserRow, code: string): Promise<'totp' | 'backup' | null> {
  if (user.totp_secret && user.totp_enabled) {
    const step = matchTotp(user.totp_secret, code, ctx.meta.now)
    if (step !== null && step > Number(user.totp_last_step ?? -1)) {
      await ctx.q.query('update users set totp_last_step = $2 where id = $1', [user.id, step])
      return 'totp'
    }
  }
  const used = await ctx.q.query('update backup_codes set used_at = $3 where user_id = $1 and code_hash = $2 and used_at is null returning code_hash',
    [user.id, hashBackupCode(code), ctx.meta.now])
  return used.length > 0 ? 'backup' : null
}

export async function verifyTwoFactor(ctx: Ctx, body: z.infer<typeof s.codeBody>): Promise<Reply> {
  const principal = principalOf(ctx)
  const { user } = principal
  if (principal.session.state !== 'two-factor') throw new ApiError(409, 'no-code-expected', 'This session is not waiting for a code.')
  if ((await addressFailures(ctx)) >= ctx.deps.config.addressFailureLimit) return fail(tooManyFromAddress())
  const failures = await recentFailures(ctx, user.email)
  const factor = failures >= ctx.deps.config.lockoutThreshold ? null : await checkSecondFactor(ctx, user, body.code)
  if (!factor) {
    await recordFailure(ctx, 'two-factor-failed', user.email, user.id, failures >= ctx.deps.config.lockoutThreshold ? 'locked' : 'wrong-code', failures)
    if (failures + 1 >= ctx.deps.config.lockoutThreshold) {
      await endSession(ctx, principal.session.id)
      ctx.setSessionCookie('')
      return fail(new ApiError(401, 'sign-in-failed', SIGN_IN_FAILED))
    }
    return fail(new ApiError(400, 'wrong-code', 'That code is not right. Enter the current 6-digit code from your authenticator app, or one of your backup codes.', 'code'))
  }
  await setSessionState(ctx, principal, 'active')
  await recordAuthEvent(ctx, 'two-factor-passed', user.email, user.id, { factor })
  await recordAuthEvent(ctx, 'sign-in', user.email, user.id, { factor })
  return json(await sessionInfo(ctx, principal))
}

// ---------------------------------------------------------------- two-factor settings

export async function startTwoFactorSetup(ctx: Ctx): Promise<Reply> {
  const { user, session } = principalOf(ctx)
  if (session.state === 'two-factor') throw new ApiError(403, 'two-factor-required', 'Enter your authentication code first.')
  if (user.totp_enabled) throw new ApiError(409, 'two-factor-on', 'Two-factor is already on for this account. Turn it off first to use another authenticator.')
  const { secret, uri } = newTotpSecret(user.email)
  await ctx.q.query('update users set totp_secret = $2 where id = $1', [user.id, secret])
  return json({ secret, uri })
}

async function replaceBackupCodes(ctx: Ctx, userId: string): Promise<string[]> {
  const codes = newBackupCodes()
  await ctx.q.query('delete from backup_codes where user_id = $1', [userId])
  await ctx.q.query('insert into backup_codes (user_id, code_hash) select $1, unnest($2::text[])', [userId, codes.map(hashBackupCode)])
  return codes
}

export async function enableTwoFactor(ctx: Ctx, body: z.infer<typeof s.codeBody>): Promise<Reply> {
  const principal = principalOf(ctx)
  const { user, session } = principal
  if (session.state === 'two-factor') throw new ApiError(403, 'two-factor-required', 'Enter your authentication code first.')
  if (user.totp_enabled) throw new ApiError(409, 'two-factor-on', 'Two-factor is already on for this account.')
  if (!user.totp_secret) throw new ApiError(409, 'no-setup', 'Start the setup first: it shows the QR code to scan.')
  const step = matchTotp(user.totp_secret, body.code, ctx.meta.now)
  if (step === null) throw new ApiError(400, 'wrong-code', 'That code is not right. Check the time on your phone and enter the current 6-digit code.', 'code')
  await ctx.q.query('update users set totp_enabled = true, totp_last_step = $2 where id = $1', [user.id, step])
  user.totp_enabled = true
  const backupCodes = await replaceBackupCodes(ctx, user.id)
  if (session.state === 'enroll-two-factor') {
    await setSessionState(ctx, principal, 'active')
    await recordAuthEvent(ctx, 'sign-in', user.email, user.id, { factor: 'enrolled' })
  }
  await recordAuthEvent(ctx, 'two-factor-enabled', user.email, user.id)
  return json({ backupCodes })
}

export async function newBackupCodesFor(ctx: Ctx, body: z.infer<typeof s.codeBody>): Promise<Reply> {
  const { user } = principalOf(ctx)
  if (!user.totp_enabled || !user.totp_secret) throw new ApiError(409, 'two-factor-off', 'Two-factor is off for this account.')
  const step = matchTotp(user.totp_secret, body.code, ctx.meta.now)
  if (step === null || step <= Number(user.totp_last_step ?? -1)) throw new ApiError(400, 'wrong-code', 'That code is not right (each code works once). Enter the current code from your authenticator app.', 'code')
  await ctx.q.query('update users set totp_last_step = $2 where id = $1', [user.id, step])
  const backupCodes = await replaceBackupCodes(ctx, user.id)
  await recordAuthEvent(ctx, 'backup-codes-created', user.email, user.id)
  return json({ backupCodes })
}

export async function disableTwoFactor(ctx: Ctx, body: z.infer<typeof s.passwordBody>): Promise<Reply> {
  const { user } = principalOf(ctx)
  if (!(await verifyPassword(body.password, user.password_hash))) throw new ApiError(400, 'wrong-password', 'That password is not right.', 'password')
  const roles = await ctx.q.query<{ required: boolean }>(
    `select m.role = any (p.two_factor_roles) as required from memberships m join practices p on p.id = m.practice_id where m.user_id = $1 and m.active`, [user.id])
  if (roles.some((r) => r.required)) throw new ApiError(403, 'two-factor-required-by-practice', 'A practice you belong to requires two-factor for your role: it cannot be turned off.')
  await clearTwoFactor(ctx.q, user.id)
  await recordAuthEvent(ctx, 'two-factor-disabled', user.email, user.id)
  return empty()
}

export async function clearTwoFactor(q: Queryable, userId: string): Promise<void> {
  await q.query('update users set totp_enabled = false, totp_secret = null, totp_last_step = null where id = $1', [userId])
  await q.query('delete from backup_codes where user_id = $1', [userId])
}

// ---------------------------------------------------------------- sessions and password

export async function signOut(ctx: Ctx): Promise<Reply> {
  const { user, session } = principalOf(ctx)
  await endSession(ctx, session.id)
  await recordAuthEvent(ctx, 'sign-out', user.email, user.id)
  ctx.setSessionCookie('')
  return empty()
}

export async function signOutEverywhere(ctx: Ctx): Promise<Reply> {
  const { user } = principalOf(ctx)
  const ended = await ctx.q.query('delete from sessions where user_id = $1 returning id', [user.id])
  await recordAuthEvent(ctx, 'sign-out-everywhere', user.email, user.id, { sessions: ended.length })
  ctx.setSessionCookie('')
  return empty()
}

export async function listSessions(ctx: Ctx): Promise<Reply> {
  const { user, session } = principalOf(ctx)
  const rows = await ctx.q.query<{ id: string; created_at: Date; last_seen_at: Date; ip: string | null; user_agent: string | null; practice_name: string | null }>(
    `select s.id, s.created_at, s.last_seen_at, s.ip, s.user_agent, p.name as practice_name
     from sessions s left join practices p on p.id = s.practice_id where s.user_id = $1 order by s.last_seen_at desc`, [user.id])
  return json({ sessions: rows.map((r) => ({ id: r.id, createdAt: iso(r.created_at), lastSeenAt: iso(r.last_seen_at), ip: r.ip, userAgent: r.user_agent, current: r.id === session.id, practiceName: r.practice_name })) })
}

export async function endOwnSession(ctx: Ctx, id: string): Promise<Reply> {
  const { user, session } = principalOf(ctx)
  const ended = await ctx.q.query('delete from sessions where id = $1 and user_id = $2 returning id', [id, user.id])
  if (ended.length === 0) throw new ApiError(404, 'not-found', 'No such session of yours.')
  await recordAuthEvent(ctx, 'sign-out', user.email, user.id, { session: id })
  if (id === session.id) ctx.setSessionCookie('')
  return empty()
}

export async function changePassword(ctx: Ctx, body: z.infer<typeof s.changePasswordBody>): Promise<Reply> {
  const { user, session } = principalOf(ctx)
  if (!(await verifyPassword(body.currentPassword, user.password_hash))) throw new ApiError(400, 'wrong-password', 'Your current password is not right.', 'currentPassword')
  const problem = passwordProblem(body.newPassword, [user.email, user.email.split('@')[0] ?? '', user.name])
  if (problem) throw new ApiError(400, 'weak-password', problem, 'newPassword')
  await ctx.q.query('update users set password_hash = $2, password_changed_at = $3 where id = $1', [user.id, await hashPassword(body.newPassword, ctx.deps.passwordCost), ctx.meta.now])
  await ctx.q.query('delete from sessions where user_id = $1 and id <> $2', [user.id, session.id])
  await recordAuthEvent(ctx, 'password-changed', user.email, user.id)
  return empty()
}

export async function refresh(ctx: Ctx): Promise<Reply> {
  const principal = principalOf(ctx)
  await ctx.q.query('update sessions set last_seen_at = $2 where id = $1', [principal.session.id, ctx.meta.now])
  principal.session.last_seen_at = ctx.meta.now
  return json(await sessionInfo(ctx, principal))
}

export async function currentSession(ctx: Ctx): Promise<Reply> {
  return json(await sessionInfo(ctx, principalOf(ctx)))
}

export async function switchPractice(ctx: Ctx, body: z.infer<typeof s.switchPracticeBody>): Promise<Reply> {
  const principal = principalOf(ctx)
  const membership = await findMembership(ctx.q, principal.user.id, body.practiceId)
  if (!membership) throw new ApiError(404, 'not-found', 'You are not an active member of that practice.')
  const state = !principal.user.totp_enabled && twoFactorRequired(membership.practice, membership.role) ? 'enroll-two-factor' : 'active'
  await setScope(ctx.q, { userId: principal.user.id, practiceId: body.practiceId })
  await ctx.q.query('update sessions set practice_id = $2, state = $3, last_seen_at = $4 where id = $1', [principal.session.id, body.practiceId, state, ctx.meta.now])
  const next: Principal = { ...principal, session: { ...principal.session, practice_id: body.practiceId, state, last_seen_at: ctx.meta.now }, practice: membership.practice, role: membership.role }
  await recordAudit(ctx, { practiceId: body.practiceId, userId: principal.user.id, userName: principal.user.name, action: 'practice-entered' })
  return json(await sessionInfo(ctx, next))
}

// ---------------------------------------------------------------- invitations (the invitee's side)

interface InviteRow { id: string; practice_id: string; email: string; role: s.Role; expires_at: Date; accepted_at: Date | null; revoked_at: Date | null; practice_name: string }

async function openInvite(ctx: Ctx, token: string): Promise<InviteRow> {
  await ctx.q.query(`select set_config('app.invite_token', $1, true)`, [hashToken(token)])
  const invite = (await ctx.q.query<InviteRow>(
    `select i.id, i.practice_id, i.email, i.role, i.expires_at, i.accepted_at, i.revoked_at, '' as practice_name from invites i where i.token_hash = $1`, [hashToken(token)]))[0]
  if (!invite || invite.accepted_at || invite.revoked_at || new Date(invite.expires_at) <= ctx.meta.now) {
    throw new ApiError(404, 'invite-invalid', 'This invitation link has expired, was withdrawn or was used already. Ask your practice\'s admin for a new one.')
  }
  await setScope(ctx.q, { practiceId: invite.practice_id, userId: null })
  invite.practice_name = (await ctx.q.query<{ name: string }>('select name from practices where id = $1', [invite.practice_id]))[0]?.name ?? ''
  return invite
}

export async function previewInvite(ctx: Ctx, token: string): Promise<Reply> {
  const invite = await openInvite(ctx, token)
  const existing = await findUserByEmail(ctx.q, invite.email)
  return json({ practiceName: invite.practice_name, role: invite.role, email: invite.email, expiresAt: iso(invite.expires_at), existingAccount: !!existing })
}

export async function acceptInvite(ctx: Ctx, body: z.infer<typeof s.acceptInviteBody>): Promise<Reply> {
  if ((await addressFailures(ctx)) >= ctx.deps.config.addressFailureLimit) return fail(tooManyFromAddress())
  const invite = await openInvite(ctx, body.token)
  let user = await findUserByEmail(ctx.q, invite.email)
  if (user) {
    // Joining with an existing account is a sign-in: the same lockout applies.
    const failures = await recentFailures(ctx, user.email)
    const ok = failures < ctx.deps.config.lockoutThreshold && (await verifyPassword(body.password, user.password_hash))
    if (!ok) {
      await recordFailure(ctx, 'sign-in-failed', user.email, user.id, failures >= ctx.deps.config.lockoutThreshold ? 'locked' : 'wrong-password', failures)
      return fail(new ApiError(401, 'sign-in-failed', SIGN_IN_FAILED))
    }
  } else {
    const problem = passwordProblem(body.password, [invite.email, invite.email.split('@')[0] ?? '', body.name, invite.practice_name])
    if (problem) throw new ApiError(400, 'weak-password', problem, 'password')
    const id = crypto.randomUUID()
    await ctx.q.query(`insert into users (id, email, name, password_hash, created_at, password_changed_at) values ($1, $2, $3, $4, $5, $5)`,
      [id, invite.email, body.name, await hashPassword(body.password, ctx.deps.passwordCost), ctx.meta.now])
    await recordAuthEvent(ctx, 'account-created', invite.email, id, { via: 'invite' })
    user = (await findUser(ctx.q, id))!
  }
  await ctx.q.query(`insert into memberships (practice_id, user_id, role, created_at) values ($1, $2, $3, $4)
    on conflict (practice_id, user_id) do update set role = excluded.role, active = true, deactivated_at = null`, [invite.practice_id, user.id, invite.role, ctx.meta.now])
  await ctx.q.query('update invites set accepted_at = $2, accepted_by = $3 where id = $1', [invite.id, ctx.meta.now, user.id])
  await recordAudit(ctx, { practiceId: invite.practice_id, userId: user.id, userName: user.name, action: 'invite-accepted', target: invite.email, detail: { role: invite.role } })
  const membership = (await findMembership(ctx.q, user.id, invite.practice_id))!
  const principal = await createSession(ctx, user, invite.practice_id, stateAfterPassword(user, membership.practice, membership.role))
  if (principal.session.state !== 'two-factor') await recordAuthEvent(ctx, 'sign-in', user.email, user.id, { via: 'invite' })
  return json(await sessionInfo(ctx, principal))
}

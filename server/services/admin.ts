import type { z } from 'zod/mini'
import type * as s from '../../src/group-api/schemas.ts'
import { hashToken, newToken } from '../auth/tokens.ts'
import { ApiError, empty, json, type Reply } from '../http/errors.ts'
import { auditRow, recordAudit, recordAuthEvent, signInRow } from './audit.ts'
import { clearTwoFactor } from './accounts.ts'
import { iso, isoOrNull, memberOf, type Ctx } from './context.ts'

// Every query names the current practice explicitly as well: row security also shows a person
// their own memberships elsewhere, which an admin screen must not list.

interface MemberRow {
  user_id: string; name: string; email: string; role: s.Role; active: boolean; totp_enabled: boolean; created_at: Date; last_sign_in: Date | null
}

const MEMBER_SQL = `select u.id as user_id, u.name, u.email, m.role, m.active, u.totp_enabled, m.created_at,
    (select max(e.at) from auth_events e where e.user_id = u.id and e.event = 'sign-in') as last_sign_in
  from memberships m join users u on u.id = m.user_id where m.practice_id = $1`

const memberOut = (r: MemberRow) => ({
  userId: r.user_id, name: r.name, email: r.email, role: r.role, active: r.active, twoFactorEnabled: r.totp_enabled,
  lastSignInAt: isoOrNull(r.last_sign_in), joinedAt: iso(r.created_at),
})

export async function listMembers(ctx: Ctx): Promise<Reply> {
  const { practice } = memberOf(ctx)
  const rows = await ctx.q.query<MemberRow>(`${MEMBER_SQL} order by lower(u.name), u.id`, [practice.id])
  return json({ members: rows.map(memberOut) })
}

async function loadMember(ctx: Ctx, userId: string): Promise<MemberRow> {
  const { practice } = memberOf(ctx)
  const row = (await ctx.q.query<MemberRow>(`${MEMBER_SQL} and m.user_id = $2`, [practice.id, userId]))[0]
  if (!row) throw new ApiError(404, 'not-found', 'No such member of this practice.')
  return row
}

function notSelf(ctx: Ctx, userId: string, what: string) {
  if (memberOf(ctx).user.id === userId) throw new ApiError(403, 'not-yourself', `You cannot ${what} yourself: ask another admin.`)
}

async function audit(ctx: Ctx, action: string, target: string, detail?: unknown) {
  const { practice, user } = memberOf(ctx)
  await recordAudit(ctx, { practiceId: practice.id, userId: user.id, userName: user.name, action, target, detail })
}

export async function changeRole(ctx: Ctx, userId: string, body: z.infer<typeof s.changeRoleBody>): Promise<Reply> {
  notSelf(ctx, userId, 'change the role of')
  const before = await loadMember(ctx, userId)
  await ctx.q.query('update memberships set role = $3 where practice_id = $1 and user_id = $2', [memberOf(ctx).practice.id, userId, body.role])
  await audit(ctx, 'role-changed', before.email, { from: before.role, to: body.role })
  return json(memberOut(await loadMember(ctx, userId)))
}

export async function setActive(ctx: Ctx, userId: string, active: boolean): Promise<Reply> {
  notSelf(ctx, userId, active ? 'reactivate' : 'deactivate')
  const { practice } = memberOf(ctx)
  const before = await loadMember(ctx, userId)
  await ctx.q.query('update memberships set active = $3, deactivated_at = $4 where practice_id = $1 and user_id = $2',
    [practice.id, userId, active, active ? null : ctx.meta.now])
  // Deactivation ends the person's sessions in this practice at once.
  const ended = active ? [] : await ctx.q.query('delete from sessions where practice_id = $1 and user_id = $2 returning id', [practice.id, userId])
  await audit(ctx, active ? 'member-reactivated' : 'member-deactivated', before.email, active ? undefined : { sessionsEnded: ended.length })
  return json(memberOut(await loadMember(ctx, userId)))
}

export async function resetTwoFactor(ctx: Ctx, userId: string): Promise<Reply> {
  notSelf(ctx, userId, 'reset two-factor for')
  const { practice } = memberOf(ctx)
  const member = await loadMember(ctx, userId)
  await clearTwoFactor(ctx.q, userId)
  await ctx.q.query('delete from sessions where practice_id = $1 and user_id = $2', [practice.id, userId])
  await recordAuthEvent(ctx, 'two-factor-reset', member.email, userId, { by: memberOf(ctx).user.id, practice: practice.id })
  await audit(ctx, 'two-factor-reset', member.email)
  return json(memberOut(await loadMember(ctx, userId)))
}

// ---------------------------------------------------------------- invitations

interface InviteRow { id: string; email: string; role: s.Role; created_at: Date; expires_at: Date; accepted_at: Date | null; created_by_name: string }
const INVITE_SQL = `select i.id, i.email, i.role, i.created_at, i.expires_at, i.accepted_at, u.name as created_by_name
  from invites i join users u on u.id = i.created_by where i.practice_id = $1 and i.revoked_at is null`
const inviteOut = (r: InviteRow) => ({
  id: r.id, email: r.email, role: r.role, createdAt: iso(r.created_at), expiresAt: iso(r.expires_at), acceptedAt: isoOrNull(r.accepted_at), createdByName: r.created_by_name,
})

export async function listInvites(ctx: Ctx): Promise<Reply> {
  const rows = await ctx.q.query<InviteRow>(`${INVITE_SQL} order by i.created_at desc limit 500`, [memberOf(ctx).practice.id])
  return json({ invites: rows.map(inviteOut) })
}

export async function createInvite(ctx: Ctx, body: z.infer<typeof s.createInviteBody>): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const already = await ctx.q.query(`select 1 from memberships m join users u on u.id = m.user_id where m.practice_id = $1 and u.email = $2 and m.active`, [practice.id, body.email])
  if (already.length > 0) throw new ApiError(409, 'already-member', 'This person is already an active member of the practice.', 'email')
  const token = newToken()
  const id = crypto.randomUUID()
  const expires = new Date(ctx.meta.now.getTime() + body.expiresInDays * 86_400_000)
  await ctx.q.query(`insert into invites (id, practice_id, email, role, token_hash, created_by, created_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, practice.id, body.email, body.role, hashToken(token), user.id, ctx.meta.now, expires])
  await audit(ctx, 'invite-created', body.email, { role: body.role, expiresAt: expires.toISOString() })
  const row = (await ctx.q.query<InviteRow>(`${INVITE_SQL} and i.id = $2`, [practice.id, id]))[0]
  return json({ invite: inviteOut(row), link: `${ctx.meta.origin}/#/invite/${token}` })
}

export async function revokeInvite(ctx: Ctx, id: string): Promise<Reply> {
  const revoked = await ctx.q.query<{ email: string }>(
    'update invites set revoked_at = $3 where id = $1 and practice_id = $2 and accepted_at is null and revoked_at is null returning email', [id, memberOf(ctx).practice.id, ctx.meta.now])
  if (revoked.length === 0) throw new ApiError(404, 'not-found', 'No open invitation with this id.')
  await audit(ctx, 'invite-withdrawn', revoked[0].email)
  return empty()
}

// ---------------------------------------------------------------- settings and logs

const settingsOut = (p: { name: string; idle_timeout_minutes: number; two_factor_roles: string[] }) =>
  ({ name: p.name, idleTimeoutMinutes: p.idle_timeout_minutes, twoFactorRoles: p.two_factor_roles as s.Role[] })

export function getSettings(ctx: Ctx): Promise<Reply> {
  return Promise.resolve(json(settingsOut(memberOf(ctx).practice)))
}

export async function updateSettings(ctx: Ctx, body: z.infer<typeof s.updateSettingsBody>): Promise<Reply> {
  const { practice } = memberOf(ctx)
  const roles = body.twoFactorRoles ? [...new Set(body.twoFactorRoles)] : practice.two_factor_roles
  const row = (await ctx.q.query<{ name: string; idle_timeout_minutes: number; two_factor_roles: string[] }>(
    `update practices set name = $2, idle_timeout_minutes = $3, two_factor_roles = $4 where id = $1 returning name, idle_timeout_minutes, two_factor_roles`,
    [practice.id, body.name ?? practice.name, body.idleTimeoutMinutes ?? practice.idle_timeout_minutes, roles]))[0]
  await audit(ctx, 'settings-changed', practice.name, { from: settingsOut(practice), to: settingsOut(row) })
  return json(settingsOut(row))
}

const dayEnd = (to: string) => (to.length === 10 ? `${to}T23:59:59.999Z` : to)

export async function listSignIns(ctx: Ctx, query: z.infer<typeof s.signInQuery>): Promise<Reply> {
  const params: unknown[] = [memberOf(ctx).practice.id]
  const where = ['m.practice_id = $1']
  if (query.userId) where.push(`e.user_id = $${params.push(query.userId)}`)
  if (query.event) where.push(`e.event = $${params.push(query.event)}`)
  if (query.from) where.push(`e.at >= $${params.push(query.from)}`)
  if (query.to) where.push(`e.at <= $${params.push(dayEnd(query.to))}`)
  const rows = await ctx.q.query(
    `select e.seq, e.at, e.event, e.email, e.user_id, u.name as user_name, e.ip, e.user_agent
     from auth_events e join memberships m on m.user_id = e.user_id join users u on u.id = e.user_id
     where ${where.join(' and ')} order by e.seq desc limit ${query.limit}`, params)
  return json({ events: rows.map(signInRow) })
}

async function auditEntries(ctx: Ctx, query: z.infer<typeof s.auditQuery> | z.infer<typeof s.auditExportQuery>) {
  const params: unknown[] = [memberOf(ctx).practice.id]
  const where = ['practice_id = $1']
  if (query.action) where.push(`action = $${params.push(query.action)}`)
  if (query.userId) where.push(`user_id = $${params.push(query.userId)}`)
  if (query.patientId) where.push(`patient_id = $${params.push(query.patientId)}`)
  if (query.from) where.push(`at >= $${params.push(query.from)}`)
  if (query.to) where.push(`at <= $${params.push(dayEnd(query.to))}`)
  const rows = await ctx.q.query(`select seq, at, user_id, user_name, action, patient_id, target, detail, ip from audit_log
    where ${where.join(' and ')} order by seq desc limit ${query.limit}`, params)
  return rows.map(auditRow)
}

export async function listAudit(ctx: Ctx, query: z.infer<typeof s.auditQuery>): Promise<Reply> {
  return json({ entries: await auditEntries(ctx, query) })
}

/** A spreadsheet opens a cell that starts with = + - @ (or a tab or return) as a formula: quote it. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export async function exportAudit(ctx: Ctx, query: z.infer<typeof s.auditExportQuery>): Promise<Reply> {
  const entries = await auditEntries(ctx, query)
  const header = ['seq', 'at', 'user_id', 'user_name', 'action', 'patient_id', 'target', 'detail', 'ip']
  const lines = [header.join(','), ...entries.map((e) => [e.seq, e.at, e.userId, e.userName, e.action, e.patientId, e.target, e.detail, e.ip].map(csvCell).join(','))]
  await audit(ctx, 'audit-exported', 'access log', { rows: entries.length, filter: query })
  const { name } = memberOf(ctx).practice
  return { kind: 'text', contentType: 'text/csv; charset=utf-8', body: `${lines.join('\r\n')}\r\n`, filename: `access-log-${name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.csv` }
}


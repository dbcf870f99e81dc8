import type { Queryable } from '../db/database.ts'
import { iso, isoOrNull, type Ctx } from './context.ts'

export type AuthEvent = (typeof import('../../src/group-api/schemas.ts').SIGN_IN_EVENTS)[number]

/** Appends a sign-in event (the chain's hash is computed by the database's trigger). */
export async function recordAuthEvent(
  ctx: Pick<Ctx, 'q' | 'meta'>,
  event: AuthEvent,
  email: string,
  userId: string | null,
  detail: Record<string, unknown> | null = null,
): Promise<void> {
  await ctx.q.query(
    `insert into auth_events (seq, at, event, email, user_id, ip, user_agent, detail, prev_hash, hash)
     values (0, $1, $2, $3, $4, $5, $6, $7, '', '')`,
    [ctx.meta.now, event, email, userId, ctx.meta.ip, ctx.meta.userAgent?.slice(0, 300) ?? null, detail ? JSON.stringify(detail) : null],
  )
}

/** Appends an entry to the current practice's access log. */
export async function recordAudit(
  ctx: Pick<Ctx, 'q' | 'meta'>,
  entry: { practiceId: string; userId: string | null; userName: string | null; action: string; patientId?: string | null; target?: string | null; detail?: unknown },
): Promise<void> {
  await ctx.q.query(
    `insert into audit_log (seq, practice_id, at, user_id, user_name, action, patient_id, target, detail, ip, prev_hash, hash)
     values (0, $1, $2, $3, $4, $5, $6, $7, $8, $9, '', '')`,
    [entry.practiceId, ctx.meta.now, entry.userId, entry.userName, entry.action, entry.patientId ?? null, entry.target ?? null,
      entry.detail === undefined ? null : JSON.stringify(entry.detail), ctx.meta.ip],
  )
}

/** One entry per patient, in one statement (a replica's pull can show thousands of patients). */
export async function recordAuditPerPatient(
  ctx: Pick<Ctx, 'q' | 'meta'>,
  entry: { practiceId: string; userId: string | null; userName: string | null; action: string },
  patients: ReadonlyMap<string, unknown>,
): Promise<void> {
  if (patients.size === 0) return
  await ctx.q.query(
    `insert into audit_log (seq, practice_id, at, user_id, user_name, action, patient_id, target, detail, ip, prev_hash, hash)
     select 0, $1, $2, $3, $4, $5, p.patient_id, null, p.detail::jsonb, $6, '', ''
     from unnest($7::text[], $8::text[]) with ordinality as p (patient_id, detail, n) order by p.n`,
    [entry.practiceId, ctx.meta.now, entry.userId, entry.userName, entry.action, ctx.meta.ip,
      [...patients.keys()], [...patients.values()].map((d) => JSON.stringify(d))],
  )
}

export interface ChainBreak {
  chain: string
  seq: number
  problem: 'hash' | 'link'
}

/**
 * Walks both kinds of chain and names every entry whose hash does not match its contents or
 * whose link does not name the entry before it. Runs as the owner (migrations' connection).
 */
export async function verifyChains(q: Queryable): Promise<{ entries: number; breaks: ChainBreak[] }> {
  const rows = await q.query<{ chain: string; seq: number; ok_hash: boolean; ok_link: boolean }>(`
    select 'sign-in events' as chain, seq, hash = audit_row_hash(prev_hash, seq, at, auth_events_parts(e)) as ok_hash,
      prev_hash = coalesce(lag(hash) over (order by seq), '') as ok_link
    from auth_events e
    union all
    select 'practice ' || practice_id, seq, hash = audit_row_hash(prev_hash, seq, at, audit_log_parts(a)),
      prev_hash = coalesce(lag(hash) over (partition by practice_id order by seq), '')
    from audit_log a
    order by 1, 2`)
  const breaks: ChainBreak[] = []
  for (const r of rows) {
    if (!r.ok_hash) breaks.push({ chain: r.chain, seq: Number(r.seq), problem: 'hash' })
    else if (!r.ok_link) breaks.push({ chain: r.chain, seq: Number(r.seq), problem: 'link' })
  }
  return { entries: rows.length, breaks }
}

export const auditRow = (r: Record<string, unknown>) => ({
  seq: Number(r.seq), at: iso(r.at), userId: (r.user_id as string | null) ?? null, userName: (r.user_name as string | null) ?? null,
  action: String(r.action), patientId: (r.patient_id as string | null) ?? null, target: (r.target as string | null) ?? null,
  detail: r.detail ?? null, ip: (r.ip as string | null) ?? null,
})

export const signInRow = (r: Record<string, unknown>) => ({
  seq: Number(r.seq), at: iso(r.at), event: String(r.event), email: String(r.email), userId: (r.user_id as string | null) ?? null,
  userName: (r.user_name as string | null) ?? null, ip: (r.ip as string | null) ?? null, userAgent: (r.user_agent as string | null) ?? null,
})

export { isoOrNull }

/** Several entries of one person and action, in one statement and in the order given. */
export async function recordAuditEach(
  ctx: Pick<Ctx, 'q' | 'meta'>,
  entry: { practiceId: string; userId: string | null; userName: string | null; action: string },
  entries: readonly { patientId: string | null; target: string | null; detail: unknown }[],
): Promise<void> {
  if (entries.length === 0) return
  await ctx.q.query(
    `insert into audit_log (seq, practice_id, at, user_id, user_name, action, patient_id, target, detail, ip, prev_hash, hash)
     select 0, $1, $2, $3, $4, $5, e.patient_id, e.target, e.detail::jsonb, $6, '', ''
     from unnest($7::text[], $8::text[], $9::text[]) with ordinality as e (patient_id, target, detail, n) order by e.n`,
    [entry.practiceId, ctx.meta.now, entry.userId, entry.userName, entry.action, ctx.meta.ip,
      entries.map((e) => e.patientId), entries.map((e) => e.target), entries.map((e) => JSON.stringify(e.detail))],
  )
}

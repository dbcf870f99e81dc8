import type { z } from 'zod/mini'
import { mayWriteKind, RECORD_KIND_SPECS, recordValueProblem, type RecordKind } from '../../src/group-api/record-kinds.ts'
import type * as s from '../../src/group-api/schemas.ts'
import { ApiError, json, type Reply } from '../http/errors.ts'
import { recordAudit } from './audit.ts'
import { iso, memberOf, type Ctx } from './context.ts'

/**
 * The practice's shared records (providers, payer profiles, practice cases, coverage choices)
 * and each person's drafts: one table, a version per record, and the kind's rules from
 * src/group-api/record-kinds.ts. Row security shows a draft to its owner only; the queries here
 * name the owner as well, so an admin's request could not reach another person's draft even
 * through a mistake in a policy.
 */

interface RecordRow { id: string; kind: RecordKind; key: string; owner_id: string | null; version: number; body: unknown; updated_by: string; updated_by_name: string; updated_at: Date }

const RECORD_SQL = `select r.id, r.kind, r.key, r.owner_id, r.version, r.body, r.updated_by, u.name as updated_by_name, r.updated_at
  from practice_records r join users u on u.id = r.updated_by
  where r.practice_id = $1`

export const recordOut = (r: RecordRow): s.PracticeRecord => ({
  id: r.id, kind: r.kind, key: r.key, version: r.version, value: r.body, updatedBy: r.updated_by, updatedByName: r.updated_by_name, updatedAt: iso(r.updated_at),
})

/** The owner a record of the kind has when this person writes it: themselves for drafts, nobody otherwise. */
const ownerFor = (kind: RecordKind, userId: string): string | null => (RECORD_KIND_SPECS[kind].ownerPrivate ? userId : null)

async function loadRecord(ctx: Ctx, kind: RecordKind, key: string, lock: boolean): Promise<RecordRow | undefined> {
  const { practice, user } = memberOf(ctx)
  const owner = ownerFor(kind, user.id)
  return (await ctx.q.query<RecordRow>(
    `${RECORD_SQL} and r.kind = $2 and r.key = $3 and r.owner_id is not distinct from $4::uuid${lock ? ' for update of r' : ''}`,
    [practice.id, kind, key, owner]))[0]
}

function refuseWriter(ctx: Ctx, kind: RecordKind): void {
  const { role } = memberOf(ctx)
  if (!mayWriteKind(kind, role)) {
    throw new ApiError(403, 'forbidden', `Your role (${role}) cannot change ${RECORD_KIND_SPECS[kind].label}: ${RECORD_KIND_SPECS[kind].writers.join(', ')} can.`)
  }
}

function stale(kind: RecordKind, current: RecordRow | undefined): ApiError {
  const label = RECORD_KIND_SPECS[kind].label
  const message = current
    ? `Someone changed ${label} since you opened it (now version ${current.version}, by ${current.updated_by_name}). Your change was not saved: look at the current one and make it again.`
    : `${label[0].toUpperCase()}${label.slice(1)} you changed was deleted since you opened it. Your change was not saved.`
  return new ApiError(409, 'stale', message, 'expectedVersion', { current: current ? recordOut(current) : null })
}

/** A draft holds a patient's data: its writes are in the access log under the patient. */
const patientOf = (kind: RecordKind, value: unknown): string | null =>
  kind === 'draft' ? ((value as { patientId?: string }).patientId || null) : null

/** Creates (expectedVersion null) or changes a record, checked by its kind's schema and rules. */
export async function saveRecord(ctx: Ctx, params: z.infer<typeof s.recordParams>, body: z.infer<typeof s.recordPutBody>): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const { kind, key } = params
  refuseWriter(ctx, kind)
  const problem = recordValueProblem(kind, key, body.value)
  if (problem) throw new ApiError(400, 'invalid', `${problem.message}.`, `body.${problem.path}`)
  const value = JSON.stringify(body.value)
  let id: string
  let version: number
  if (body.expectedVersion === null) {
    id = crypto.randomUUID()
    version = 1
    const inserted = await ctx.q.query(
      `insert into practice_records (id, practice_id, kind, key, owner_id, version, body, updated_by, updated_at)
       values ($1, $2, $3, $4, $5, 1, $6, $7, $8) on conflict do nothing returning id`,
      [id, practice.id, kind, key, ownerFor(kind, user.id), value, user.id, ctx.meta.now])
    if (inserted.length === 0) throw stale(kind, await loadRecord(ctx, kind, key, false))
  } else {
    const current = await loadRecord(ctx, kind, key, true)
    if (!current || current.version !== body.expectedVersion) throw stale(kind, current)
    id = current.id
    version = current.version + 1
    await ctx.q.query('update practice_records set version = $3, body = $4, updated_by = $5, updated_at = $6 where practice_id = $1 and id = $2',
      [practice.id, id, version, value, user.id, ctx.meta.now])
  }
  await recordAudit(ctx, {
    practiceId: practice.id, userId: user.id, userName: user.name, action: body.expectedVersion === null ? 'record-created' : 'record-changed',
    patientId: patientOf(kind, body.value), target: `${kind}:${key}`, detail: { version },
  })
  return json(recordOut({ id, kind, key, owner_id: ownerFor(kind, user.id), version, body: body.value, updated_by: user.id, updated_by_name: user.name, updated_at: ctx.meta.now }))
}

/** Deletes a record (a real delete: the change feed carries it); 409 stale when it changed since expectedVersion. */
export async function deleteRecord(ctx: Ctx, params: z.infer<typeof s.recordParams>, body: z.infer<typeof s.recordDeleteBody>): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const { kind, key } = params
  refuseWriter(ctx, kind)
  const current = await loadRecord(ctx, kind, key, true)
  if (!current) throw new ApiError(404, 'not-found', `No ${RECORD_KIND_SPECS[kind].label.replace(/^(a|the) /, '')} with this key in this practice.`)
  if (current.version !== body.expectedVersion) throw stale(kind, current)
  await ctx.q.query('delete from practice_records where practice_id = $1 and id = $2', [practice.id, current.id])
  await ctx.q.query('insert into practice_record_deletions (id, practice_id, kind, owner_id, deleted_by, deleted_at) values ($1, $2, $3, $4, $5, $6)',
    [current.id, practice.id, kind, current.owner_id, user.id, ctx.meta.now])
  await recordAudit(ctx, {
    practiceId: practice.id, userId: user.id, userName: user.name, action: 'record-deleted',
    patientId: patientOf(kind, current.body), target: `${kind}:${key}`, detail: { version: current.version },
  })
  return json({ id: current.id, kind, key, version: current.version, deleted: true })
}

/**
 * The records of the feed's changes this person may read, by id: the rows still there (with
 * their state now) and the kinds of those deleted since. Drafts come only to their owner (the
 * feed's owner column and row security both see to it).
 */
export async function recordsForFeed(ctx: Ctx, ids: readonly string[]): Promise<{ rows: Map<string, s.PracticeRecord>; deletedKinds: Map<string, RecordKind> }> {
  const { practice } = memberOf(ctx)
  if (ids.length === 0) return { rows: new Map(), deletedKinds: new Map() }
  const rows = await ctx.q.query<RecordRow>(`${RECORD_SQL} and r.id = any($2::uuid[])`, [practice.id, ids])
  const deleted = await ctx.q.query<{ id: string; kind: RecordKind }>(
    'select id, kind from practice_record_deletions where practice_id = $1 and id = any($2::uuid[])', [practice.id, ids])
  return { rows: new Map(rows.map((r) => [r.id, recordOut(r)])), deletedKinds: new Map(deleted.map((d) => [d.id, d.kind])) }
}


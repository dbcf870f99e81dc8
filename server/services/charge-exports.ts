import type { z } from 'zod/mini'
import type * as s from '../../src/group-api/schemas.ts'
import { ApiError, json, type Reply } from '../http/errors.ts'
import { recordAuditEach } from './audit.ts'
import { iso, memberOf, type Ctx } from './context.ts'

/**
 * The practice's charge-export log (issue 15). A desk that made a charge file records here which
 * encounters it carries; every desk's charge screen then stops offering them. The server checks
 * each encounter (the practice's, current, settled in review), takes the time from its clock and
 * the person from the session, and derives the review outcome the export records from the
 * encounter's own decisions. An encounter exported before is recorded again, since the file has
 * already left: the answer names the earlier exports so the app can say so.
 */

interface ExportRow {
  id: string; encounter_id: string; exported_at: Date; exported_by: string; exported_by_name: string
  format: s.ChargeExportSummary['format']; file_name: string; status: s.ChargeExportSummary['status']; workstation_user: string | null
}

const EXPORT_SQL = `select c.id, c.encounter_id, c.exported_at, c.exported_by, u.name as exported_by_name, c.format, c.file_name, c.status, c.workstation_user
  from charge_exports c join users u on u.id = c.exported_by
  where c.practice_id = $1`

/** An export moved in from a workstation names the person who made it there. */
const exportOut = (r: ExportRow): s.ChargeExportSummary => ({
  id: r.id, encounterId: r.encounter_id, exportedAt: iso(r.exported_at), userId: r.exported_by,
  userName: r.workstation_user === null ? r.exported_by_name : `${r.workstation_user} (on a workstation, moved in by ${r.exported_by_name})`,
  format: r.format, fileName: r.file_name, status: r.status,
})

const FORMAT_WORDS: Record<s.ChargeExportSummary['format'], string> = { hl7: 'HL7 DFT^P03', csv: 'CSV' }

interface TargetRow { id: string; patient_id: string; date_of_service: string; review: s.ReviewState; overridden: boolean; approved: boolean }

/** Records one export per encounter and one access-log entry each, in the request's transaction. */
export async function recordChargeExports(ctx: Ctx, body: z.infer<typeof s.chargeExportBody>): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  // Another practice's id is looked for under this practice only: it is not found, like an id that never was.
  const rows = await ctx.q.query<TargetRow>(
    `select e.id, e.patient_id, e.date_of_service::text as date_of_service, e.review,
       exists (select 1 from review_decisions d where d.practice_id = e.practice_id and d.encounter_id = e.id and d.action = 'override') as overridden,
       exists (select 1 from review_decisions d where d.practice_id = e.practice_id and d.encounter_id = e.id and d.action = 'approve') as approved
     from encounters e where e.practice_id = $1 and e.id = any($2::uuid[])`,
    [practice.id, body.encounterIds])
  const byId = new Map(rows.map((r) => [r.id, r]))
  const targets = body.encounterIds.map((id, i) => {
    const row = byId.get(id)
    if (!row) throw new ApiError(404, 'not-found', 'No finalized encounter with this id in this practice. Nothing was recorded.', `body.encounterIds.${i}`)
    if (row.review === 'replaced') {
      throw new ApiError(409, 'replaced', `The encounter of ${row.patient_id} on ${row.date_of_service} was corrected and finalized again: export the new one instead. Nothing was recorded.`, `body.encounterIds.${i}`)
    }
    if (row.review === 'pending' || row.review === 'returned') {
      throw new ApiError(409, 'not-ready', `The encounter of ${row.patient_id} on ${row.date_of_service} is ${row.review === 'pending' ? 'still awaiting review' : 'returned to its coder'}: it cannot be exported yet. Nothing was recorded.`, `body.encounterIds.${i}`)
    }
    return row
  })

  const earlier = await ctx.q.query<ExportRow>(`${EXPORT_SQL} and c.encounter_id = any($2::uuid[]) order by c.exported_at, c.id`, [practice.id, body.encounterIds])
  const made: ExportRow[] = targets.map((t) => ({
    id: crypto.randomUUID(), encounter_id: t.id, exported_at: ctx.meta.now, exported_by: user.id, exported_by_name: user.name,
    format: body.format, file_name: body.fileName, status: t.overridden ? 'overridden' : t.approved ? 'approved' : 'no-findings', workstation_user: null,
  }))
  await ctx.q.query(
    `insert into charge_exports (id, practice_id, encounter_id, format, file_name, status, exported_by, exported_at)
     select x.id, $1, x.encounter_id, $2, $3, x.status, $4, $5
     from unnest($6::uuid[], $7::uuid[], $8::text[]) as x (id, encounter_id, status)`,
    [practice.id, body.format, body.fileName, user.id, ctx.meta.now, made.map((m) => m.id), made.map((m) => m.encounter_id), made.map((m) => m.status)])
  const before = new Map<string, number>()
  for (const e of earlier) before.set(e.encounter_id, (before.get(e.encounter_id) ?? 0) + 1)
  // The access-log entries come last: the log's chain lock is held until commit.
  await recordAuditEach(ctx, { practiceId: practice.id, userId: user.id, userName: user.name, action: 'charge-exported' }, made.map((m, i) => ({
    patientId: targets[i].patient_id, target: m.encounter_id,
    detail: { exportId: m.id, format: m.format, fileName: m.file_name, status: m.status, note: `${FORMAT_WORDS[m.format]} file ${m.file_name}`, exportedBefore: before.get(m.encounter_id) ?? 0 },
  })))
  const answer: s.ChargeExportResult = { exports: made.map(exportOut), earlier: earlier.map(exportOut) }
  return json(answer)
}

/** The charge exports a move-in brings (the plan's), for encounters now in the practice: the workstation's time and person. */
export async function storeMovedInExports(ctx: Ctx, exports: readonly { id: string; encounterId: string; exportedAt: string; userName: string; format: string; fileName: string; status: string }[]): Promise<void> {
  const { practice, user } = memberOf(ctx)
  if (exports.length === 0) return
  await ctx.q.query(
    `insert into charge_exports (id, practice_id, encounter_id, format, file_name, status, exported_by, exported_at, workstation_user)
     select x.id, $1, x.encounter_id, x.format, x.file_name, x.status, $2, x.exported_at, nullif(x.workstation_user, '')
     from unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::text[]) as x (id, encounter_id, format, file_name, status, exported_at, workstation_user)`,
    [practice.id, user.id, exports.map((e) => e.id), exports.map((e) => e.encounterId), exports.map((e) => e.format), exports.map((e) => e.fileName),
      exports.map((e) => e.status), exports.map((e) => e.exportedAt), exports.map((e) => e.userName.slice(0, 200))])
}

/** The practice's charge exports among these ids (for the change feed). */
export async function chargeExportsById(ctx: Ctx, ids: readonly string[]): Promise<Map<string, s.ChargeExportSummary>> {
  const { practice } = memberOf(ctx)
  if (ids.length === 0) return new Map()
  const rows = await ctx.q.query<ExportRow>(`${EXPORT_SQL} and c.id = any($2::uuid[])`, [practice.id, ids])
  return new Map(rows.map((r) => [r.id, exportOut(r)]))
}

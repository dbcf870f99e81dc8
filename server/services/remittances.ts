import type { z } from 'zod/mini'
import {
  describePayment, matchRemittance, repeatedPayments, summarizeImport, type EncounterForMatching, type Remittance,
} from '../../src/domain/remittance/index.ts'
import type { ClaimLine, Encounter } from '../../src/domain/index.ts'
import type { RemittanceSummary } from '../../src/group-api/schemas.ts'
import type * as s from '../../src/group-api/schemas.ts'
import { ApiError, json, type Reply } from '../http/errors.ts'
import { recordAudit } from './audit.ts'
import { iso, memberOf, type Ctx } from './context.ts'
import { parseRemittanceOffThread } from './remittance-check-pool.ts'

/**
 * The practice's imported 835 remittance files (issue 13). An upload is the file's text: parsed
 * here again with the app's parser and matched to the practice's encounters with the app's
 * matcher, so what is stored never rests on the browser's parse. A payment is stored once per
 * practice (remittance_payments); a file bringing one already imported is refused whole.
 */

interface RemittanceRow {
  id: string; file_name: string; control_number: RemittanceSummary['controlNumber']; imported_by: string; imported_by_name: string
  imported_at: Date; record: Omit<RemittanceSummary, 'id' | 'fileName' | 'importedAt' | 'userId' | 'userName' | 'controlNumber'>
}

const REMITTANCE_SQL = `select r.id, r.file_name, r.control_number, r.imported_by, u.name as imported_by_name, r.imported_at, r.record
  from remittances r join users u on u.id = r.imported_by
  where r.practice_id = $1`

const remittanceOut = (r: RemittanceRow): RemittanceSummary => ({
  id: r.id, fileName: r.file_name, importedAt: iso(r.imported_at), userId: r.imported_by, userName: r.imported_by_name, controlNumber: r.control_number, ...r.record,
})

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * The practice's encounters a file's claims can match: by id (CLP01 as the encounter's id), or
 * by patient (CLP01 or the payer's member id). Replaced encounters never count, as in the app.
 */
async function candidateEncounters(ctx: Ctx, practiceId: string, remittances: readonly Remittance[]): Promise<EncounterForMatching[]> {
  const claims = remittances.flatMap((r) => r.claims)
  const ids = [...new Set(claims.map((c) => c.patientControlNumber.toLowerCase()).filter((pcn) => UUID.test(pcn)))]
  const patients = [...new Set(claims.flatMap((c) => [c.patientControlNumber, ...(c.patientMemberId ? [c.patientMemberId] : [])]))]
  if (ids.length === 0 && patients.length === 0) return []
  const rows = await ctx.q.query<{ id: string; patient_id: string; date_of_service: string; encounter: Encounter; lines: ClaimLine[] }>(
    `select id, patient_id, date_of_service::text as date_of_service, encounter, lines from encounters
     where practice_id = $1 and review <> 'replaced' and (id = any($2::uuid[]) or patient_id = any($3::text[]))
     order by finalized_at, id`,
    [practiceId, ids, patients])
  return rows.map((r) => ({
    id: r.id, patientId: r.patient_id, dateOfService: r.date_of_service, providerId: r.encounter?.providerId ?? '', payerProfile: r.encounter?.payerProfile ?? '', lines: r.lines,
  }))
}

/** Parses, matches and stores an 835 file in one transaction: all or nothing. */
export async function importRemittance(ctx: Ctx, body: z.infer<typeof s.remittanceUploadBody>): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const parsed = await parseRemittanceOffThread(body.text)
  if (!parsed.ok) {
    const problems = parsed.errors.map((e) => e.message)
    const first = (problems[0] ?? 'it is not an 835 file').replace(/\.$/, '')
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more ${problems.length === 2 ? 'problem' : 'problems'}; the app's preview lists them all)` : ''
    throw new ApiError(422, 'malformed', `${body.fileName} cannot be imported: ${first}${more}. Nothing was stored.`, 'body.text')
  }
  const repeated = repeatedPayments(parsed.remittances)
  if (repeated.length > 0) throw new ApiError(422, 'repeated-payment', `${repeated[0]} Nothing was stored.`, 'body.text')

  const match = matchRemittance(parsed.remittances, await candidateEncounters(ctx, practice.id, parsed.remittances), { controlNumber: body.controlNumber })
  const summary = summarizeImport(parsed.remittances, match)
  const inserted = await ctx.q.query(
    `insert into remittances (id, practice_id, file_name, control_number, imported_by, imported_at, record)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing returning id`,
    [body.id, practice.id, body.fileName, body.controlNumber, user.id, ctx.meta.now, JSON.stringify(summary)])
  if (inserted.length === 0) throw new ApiError(409, 'duplicate-id', 'An import with this id is already stored. Nothing was stored; import the file again.', 'body.id')
  const claimed = await ctx.q.query<{ payment_key: string }>(
    `insert into remittance_payments (practice_id, payment_key, remittance_id)
     select $1, k, $2 from unnest($3::text[]) as k on conflict do nothing returning payment_key`,
    [practice.id, body.id, summary.paymentKeys])
  if (claimed.length < summary.paymentKeys.length) {
    const taken = new Set(claimed.map((c) => c.payment_key))
    const index = summary.paymentKeys.findIndex((k) => !taken.has(k))
    const key = summary.paymentKeys[index]
    const by = (await ctx.q.query<{ file_name: string; imported_at: Date; name: string }>(
      `select r.file_name, r.imported_at, u.name from remittance_payments p join remittances r on r.id = p.remittance_id join users u on u.id = r.imported_by
       where p.practice_id = $1 and p.payment_key = $2`, [practice.id, key]))[0]
    const where = by ? ` from ${by.file_name} on ${iso(by.imported_at).slice(0, 16).replace('T', ' ')} UTC by ${by.name}` : ''
    throw new ApiError(409, 'duplicate-payment',
      `The ${describePayment(summary.payments[index])} was already imported${where}. Nothing was stored. Remove that import first if this file should replace it.`,
      'body.text')
  }
  await recordAudit(ctx, {
    practiceId: practice.id, userId: user.id, userName: user.name, action: 'remittance-imported', target: `remittance:${body.id}`,
    detail: { fileName: body.fileName, payments: summary.payments.length, claims: summary.claims, matchedClaims: summary.matchedClaims, denials: summary.denials.length },
  })
  return json(remittanceOut({
    id: body.id, file_name: body.fileName, control_number: body.controlNumber, imported_by: user.id, imported_by_name: user.name, imported_at: ctx.meta.now, record: summary,
  }))
}

/** Removes an imported file and frees its payments; 404 when the practice has no import with this id. */
export async function deleteRemittance(ctx: Ctx, id: string): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const gone = () => new ApiError(404, 'not-found', 'No imported remittance file with this id in this practice (it may have been removed already).')
  const row = (await ctx.q.query<RemittanceRow>(`${REMITTANCE_SQL} and r.id = $2`, [practice.id, id]))[0]
  if (!row) throw gone()
  await ctx.q.query('delete from remittance_payments where practice_id = $1 and remittance_id = $2', [practice.id, id])
  // Two removals at once: the second waits on the first's delete, then finds nothing.
  if ((await ctx.q.query('delete from remittances where practice_id = $1 and id = $2 returning id', [practice.id, id])).length === 0) throw gone()
  await recordAudit(ctx, {
    practiceId: practice.id, userId: user.id, userName: user.name, action: 'remittance-deleted', target: `remittance:${id}`,
    detail: { fileName: row.file_name, payments: row.record.payments.length, denials: row.record.denials.length },
  })
  return json({ id, deleted: true })
}

/** The practice's imports among these ids, as they are now (a removed one is absent). */
export async function remittancesById(ctx: Ctx, ids: readonly string[]): Promise<Map<string, RemittanceSummary>> {
  const { practice } = memberOf(ctx)
  if (ids.length === 0) return new Map()
  const rows = await ctx.q.query<RemittanceRow>(`${REMITTANCE_SQL} and r.id = any($2::uuid[])`, [practice.id, ids])
  return new Map(rows.map((r) => [r.id, remittanceOut(r)]))
}

import { createHash } from 'node:crypto'
import type { z } from 'zod/mini'
import { createContext, evaluate } from '../../src/domain/index.ts'
import type * as m from '../../src/group-api/move-in-schemas.ts'
import { ApiError, empty, json, type Reply } from '../http/errors.ts'
import { recordAudit, recordAuditPerPatient } from './audit.ts'
import { storeMovedInExports } from './charge-exports.ts'
import { iso, memberOf, type Ctx } from './context.ts'
import {
  decisionActionOf, encounterKeyOf, linesNeedingReview, lookupOf, planMoveIn, readBackup, reviewAfterLog, type ExistingKeys, type MoveInPlan, type PlanLookup, type PlannedEncounter,
} from './move-in-plan.ts'
import { lockPatientHistory } from './practice-data.ts'
import { practiceEvaluationData } from './evaluation-data.ts'

/**
 * Moving a workstation's data in (issue 13). The protocol follows the history imports': start
 * (file name, UTF-8 size, SHA-256), the file's text in parts, then preview and commit, each of
 * which joins the parts, checks the size and SHA-256 the start announced (a part changed or lost
 * on the way refuses the file) and reads the whole file again with the app's backup parser. The
 * commit stores everything in one transaction; a file committed once is refused the next time.
 */

/** Move-ins left this long without a commit are abandoned when the practice starts another. */
const STALE_HOURS = 24
/** Keys per lookup statement. */
const LOOKUP_CHUNK = 10_000
/** History lines per insert. */
const INSERT_CHUNK = 5_000
const DECISION_TEXT_MAX = 500

interface MoveInRow {
  id: string; file_name: string; size_bytes: string | number; fingerprint: string; status: 'staging' | 'committed' | 'aborted'
  started_by: string; started_by_name: string; created_at: Date; committed_at: Date | null
}

const MOVE_IN_SQL = `select i.id, i.file_name, i.size_bytes, i.fingerprint, i.status, i.started_by, u.name as started_by_name, i.created_at, i.committed_at
  from move_ins i join users u on u.id = i.started_by where i.practice_id = $1`

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

async function loadOwn(ctx: Ctx, id: string, lock: 'share' | 'update'): Promise<MoveInRow> {
  const { practice, user } = memberOf(ctx)
  const row = (await ctx.q.query<MoveInRow>(`${MOVE_IN_SQL} and i.id = $2 for ${lock} of i`, [practice.id, id]))[0]
  if (!row) throw new ApiError(404, 'not-found', 'No move-in with this id in this practice.')
  if (row.started_by !== user.id) throw new ApiError(403, 'not-yours', `${row.started_by_name} started this move-in: only they can add to it, commit it or abandon it.`)
  return row
}

function refuseUnlessStaging(row: MoveInRow): void {
  if (row.status === 'committed') throw new ApiError(409, 'already-committed', `This move-in (${row.file_name}) was committed: its data is in the practice.`)
  if (row.status === 'aborted') throw new ApiError(409, 'aborted', `This move-in (${row.file_name}) was abandoned: start again.`)
}

/** 409 when this file (by its SHA-256) was moved into the practice already. */
async function refuseMovedIn(ctx: Ctx, fingerprint: string): Promise<void> {
  const { practice } = memberOf(ctx)
  const done = (await ctx.q.query<MoveInRow>(`${MOVE_IN_SQL} and i.fingerprint = $2 and i.status = 'committed'`, [practice.id, fingerprint]))[0]
  if (done) {
    throw new ApiError(409, 'already-moved-in',
      `This file was moved into the practice already (${done.file_name}, by ${done.started_by_name} on ${iso(done.committed_at).slice(0, 10)}). The same file is moved in once; nothing was stored.`)
  }
}

export async function startMoveIn(ctx: Ctx, body: z.infer<typeof m.moveInStartBody>): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  await refuseMovedIn(ctx, body.fingerprint)
  const stale = new Date(ctx.meta.now.getTime() - STALE_HOURS * 3_600_000)
  await ctx.q.query(`delete from move_in_parts p using move_ins i
    where p.practice_id = $1 and i.practice_id = $1 and p.move_in_id = i.id and i.status = 'staging' and i.created_at < $2`, [practice.id, stale])
  await ctx.q.query(`update move_ins set status = 'aborted' where practice_id = $1 and status = 'staging' and created_at < $2`, [practice.id, stale])
  const id = crypto.randomUUID()
  await ctx.q.query(`insert into move_ins (id, practice_id, file_name, size_bytes, fingerprint, status, started_by, created_at)
    values ($1, $2, $3, $4, $5, 'staging', $6, $7)`, [id, practice.id, body.fileName, body.size, body.fingerprint, user.id, ctx.meta.now])
  await recordAudit(ctx, { practiceId: practice.id, userId: user.id, userName: user.name, action: 'move-in-started', target: id,
    detail: { fileName: body.fileName, size: body.size, fingerprint: body.fingerprint } })
  const answer: z.infer<typeof m.moveInStartedSchema> = { id }
  return json(answer)
}

export async function addMoveInPart(ctx: Ctx, id: string, body: z.infer<typeof m.moveInPartBody>): Promise<Reply> {
  const { practice } = memberOf(ctx)
  const row = await loadOwn(ctx, id, 'share')
  refuseUnlessStaging(row)
  const others = (await ctx.q.query<{ bytes: string | number }>(
    'select coalesce(sum(octet_length(body)), 0) as bytes from move_in_parts where practice_id = $1 and move_in_id = $2 and part_index <> $3',
    [practice.id, id, body.index]))[0]
  const bytes = Number(others?.bytes ?? 0) + Buffer.byteLength(body.text, 'utf8')
  if (bytes > Number(row.size_bytes)) {
    throw new ApiError(413, 'too-large', `The parts received come to ${bytes} bytes, more than the ${Number(row.size_bytes)} bytes the file was said to have. Nothing of this part was stored: start the move-in again.`, 'body.text')
  }
  await ctx.q.query(`insert into move_in_parts (practice_id, move_in_id, part_index, body) values ($1, $2, $3, $4)
    on conflict (practice_id, move_in_id, part_index) do update set body = excluded.body`, [practice.id, id, body.index, body.text])
  const parts = (await ctx.q.query<{ n: number }>('select count(*)::int as n from move_in_parts where practice_id = $1 and move_in_id = $2', [practice.id, id]))[0]?.n ?? 0
  const answer: z.infer<typeof m.moveInPartResultSchema> = { parts: Number(parts), bytes }
  return json(answer)
}

/** The file's text from its parts, checked against the size and SHA-256 the start announced. */
async function assemble(ctx: Ctx, row: MoveInRow): Promise<string> {
  const parts = await ctx.q.query<{ part_index: number; body: string }>(
    'select part_index, body from move_in_parts where practice_id = $1 and move_in_id = $2 order by part_index', [memberOf(ctx).practice.id, row.id])
  if (parts.length === 0) throw new ApiError(409, 'incomplete', 'No part of the file was received: send the file, then ask again.')
  const gap = parts.findIndex((p, i) => p.part_index !== i)
  if (gap !== -1) throw new ApiError(409, 'incomplete', `Part ${gap} of the file was not received: send the missing parts, or start again.`)
  const text = parts.map((p) => p.body).join('')
  const size = Buffer.byteLength(text, 'utf8')
  if (size !== Number(row.size_bytes)) {
    throw new ApiError(409, 'incomplete', `The parts received come to ${size} bytes, but the file has ${Number(row.size_bytes)}: send the missing parts, or start again.`)
  }
  if (sha256(text) !== row.fingerprint) {
    throw new ApiError(422, 'fingerprint-mismatch', "The parts received are not the file that was announced (its SHA-256 differs): a part was changed on the way. Nothing was stored: start the move-in again.")
  }
  return text
}

async function chunked<T>(items: readonly T[], run: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += LOOKUP_CHUNK) await run(items.slice(i, i + LOOKUP_CHUNK))
}

/** The practice's keys among those the file names (every shared record's key, the encounters of the file's patients). */
async function existingKeys(ctx: Ctx, lookup: PlanLookup): Promise<ExistingKeys> {
  const { practice } = memberOf(ctx)
  const keys = {
    encounterIds: new Set<string>(), encounterKeys: new Set<string>(), historyKeys: new Set<string>(), records: new Set<string>(), attemptIds: new Set<string>(), chargeExportIds: new Set<string>(),
  }
  await chunked(lookup.encounterIds, async (ids) => {
    for (const r of await ctx.q.query<{ id: string }>('select id from encounters where practice_id = $1 and id = any($2::uuid[])', [practice.id, ids])) keys.encounterIds.add(r.id)
  })
  await chunked(lookup.patientIds, async (patients) => {
    const rows = await ctx.q.query<{ patient_id: string; date_of_service: string; lines: { code: string; modifiers: string[]; units: number }[] }>(
      `select patient_id, date_of_service::text as date_of_service, lines from encounters where practice_id = $1 and patient_id = any($2::text[]) and review <> 'replaced'`,
      [practice.id, patients])
    for (const r of rows) keys.encounterKeys.add(encounterKeyOf(r.patient_id, String(r.date_of_service).slice(0, 10), r.lines))
  })
  await chunked(lookup.historyKeys, async (batch) => {
    for (const r of await ctx.q.query<{ key: string }>('select key from history_lines where practice_id = $1 and key = any($2::text[])', [practice.id, batch])) keys.historyKeys.add(r.key)
  })
  const kinds = [...new Set(lookup.records.map((r) => r.kind))]
  if (kinds.length > 0) {
    const rows = await ctx.q.query<{ kind: string; key: string }>('select kind, key from practice_records where practice_id = $1 and owner_id is null and kind = any($2::text[])', [practice.id, kinds])
    for (const r of rows) keys.records.add(`${r.kind}:${r.key}`)
  }
  await chunked(lookup.attemptIds, async (ids) => {
    for (const r of await ctx.q.query<{ id: string }>('select id from training_attempts where practice_id = $1 and id = any($2::uuid[])', [practice.id, ids])) keys.attemptIds.add(r.id)
  })
  await chunked(lookup.chargeExportIds, async (ids) => {
    for (const r of await ctx.q.query<{ id: string }>('select id from charge_exports where practice_id = $1 and id = any($2::uuid[])', [practice.id, ids])) keys.chargeExportIds.add(r.id)
  })
  return keys
}

async function planOf(ctx: Ctx, row: MoveInRow): Promise<MoveInPlan> {
  const read = readBackup(await assemble(ctx, row))
  const practiceId = memberOf(ctx).practice.id
  return planMoveIn(read, practiceId, await existingKeys(ctx, lookupOf(read, practiceId)))
}

export async function previewMoveIn(ctx: Ctx, id: string): Promise<Reply> {
  const row = await loadOwn(ctx, id, 'share')
  refuseUnlessStaging(row)
  await refuseMovedIn(ctx, row.fingerprint)
  const plan = await planOf(ctx, row)
  const answer: m.MoveInPreview = {
    id, fileName: row.file_name, fingerprint: row.fingerprint, exportedAt: plan.exportedAt, patients: plan.patients, counts: plan.counts, decisions: plan.decisions, skipped: plan.skipped,
  }
  return json(answer)
}

/** The text of a workstation decision as the server keeps it: its reason and note, and who decided it there. */
function decisionText(e: PlannedEncounter['log'][number]): string {
  const said = [e.reason, e.note].filter((t): t is string => !!t && t.trim() !== '').join(': ')
  const who = `decided by ${e.userName || 'a supervisor'} on the workstation`
  const text = said ? `${said} (${who})` : `(${who})`
  return text.length > DECISION_TEXT_MAX ? `${text.slice(0, DECISION_TEXT_MAX - 1)}…` : text
}

async function storeHistory(ctx: Ctx, row: MoveInRow, plan: MoveInPlan): Promise<string | null> {
  if (plan.history.length === 0) return null
  const { practice, user } = memberOf(ctx)
  const importId = crypto.randomUUID()
  const lines = [...plan.history].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  await ctx.q.query(`insert into history_imports (id, practice_id, file_name, mapping, date_format, head, total_lines, status, imported_by, created_at)
    values ($1, $2, $3, '{}', 'YYYY-MM-DD', '', $4, 'staging', $5, $6)`,
  [importId, practice.id, `${row.file_name} (moved in)`.slice(0, 255), lines.length, user.id, ctx.meta.now])
  for (let i = 0; i < lines.length; i += INSERT_CHUNK) {
    const chunk = lines.slice(i, i + INSERT_CHUNK)
    await ctx.q.query(
      `insert into history_lines (practice_id, import_id, n, patient_id, date_of_service, code, modifiers, units, provider_id, key)
       select $1, $2, $3 + u.ord, u.patient_id, u.dos, u.code, string_to_array(u.mods, ' '), u.units, nullif(u.provider, ''), u.key
       from unnest($4::text[], $5::date[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[]) with ordinality as u (patient_id, dos, code, mods, units, provider, key, ord)`,
      [practice.id, importId, i, chunk.map((l) => l.patientId), chunk.map((l) => l.dateOfService), chunk.map((l) => l.code), chunk.map((l) => l.modifiers.join(' ')),
        chunk.map((l) => l.units), chunk.map((l) => l.providerId ?? ''), chunk.map((l) => l.key)])
  }
  const inFile = plan.counts.find((c) => c.table === 'history')?.inFile ?? lines.length
  await ctx.q.query(`update history_imports set status = 'committed', imported_at = $3, rows = $4, duplicates = $5 where practice_id = $1 and id = $2`,
    [practice.id, importId, ctx.meta.now, lines.length, inFile - lines.length])
  return importId
}

/**
 * Each encounter coded again by the server, as finalize does: with the practice's history (the
 * lines moved in included), its payer profiles, coverage choices and NDC list (the records moved
 * in included) and the server's reference files.
 */
async function storeEncounters(ctx: Ctx, plan: MoveInPlan): Promise<number> {
  const { practice, user } = memberOf(ctx)
  const today = createContext(ctx.meta.now.toISOString().slice(0, 10), await practiceEvaluationData(ctx.q, practice.id))
  let decisions = 0
  for (const e of plan.encounters) {
    const history = await lockPatientHistory(ctx.q, practice.id, e.encounter.patientId)
    const result = evaluate({ schemaVersion: 1, encounter: e.encounter, history }, today)
    const evaluated = result.findings.some((f) => f.severity !== 'info') ? 'pending' : 'not-needed'
    const review = reviewAfterLog(evaluated, e.log, linesNeedingReview(result.findings))
    const stored = evaluated === 'not-needed' ? [] : e.log.filter((l) => decisionActionOf(l.action) !== null)
    await ctx.q.query(`insert into encounters (id, practice_id, patient_id, date_of_service, encounter, lines, findings, review, reason, finalized_by, finalized_at, version)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [e.id, practice.id, e.encounter.patientId, e.encounter.dateOfService, JSON.stringify(e.encounter), JSON.stringify(result.lines), JSON.stringify(result.findings),
      review, e.record.finalizeReason, user.id, e.record.finalizedAt, 1 + stored.length])
    for (const d of stored) {
      const lineIndex = d.lineIndex !== null && d.lineIndex < result.lines.length ? d.lineIndex : null
      await ctx.q.query('insert into review_decisions (id, practice_id, encounter_id, line_index, action, reason, decided_by, decided_at) values ($1, $2, $3, $4, $5, $6, $7, $8)',
        [crypto.randomUUID(), practice.id, e.id, lineIndex, decisionActionOf(d.action), decisionText(d), user.id, d.at])
    }
    decisions += stored.length
  }
  return decisions
}

export async function commitMoveIn(ctx: Ctx, id: string): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const row = await loadOwn(ctx, id, 'update')
  refuseUnlessStaging(row)
  // One move-in (and one history commit) of the practice at a time: the same lines cannot be added twice at once.
  await ctx.q.query('select pg_advisory_xact_lock(7340216, hashtext($1))', [practice.id])
  await refuseMovedIn(ctx, row.fingerprint)
  const plan = await planOf(ctx, row)
  const historyImportId = await storeHistory(ctx, row, plan)
  for (const r of plan.records) {
    await ctx.q.query(`insert into practice_records (id, practice_id, kind, key, owner_id, version, body, updated_by, updated_at) values ($1, $2, $3, $4, null, 1, $5, $6, $7)`,
      [crypto.randomUUID(), practice.id, r.kind, r.key, JSON.stringify(r.value), user.id, ctx.meta.now])
  }
  const decisions = await storeEncounters(ctx, plan)
  for (const a of plan.attempts) {
    await ctx.q.query('insert into training_attempts (id, practice_id, user_id, case_id, score_percent, lines, submitted_at) values ($1, $2, $3, $4, $5, $6, $7)',
      [a.id, practice.id, user.id, a.caseId, a.percent, JSON.stringify(a.lines), a.submittedAt])
  }
  await storeMovedInExports(ctx, plan.chargeExports)
  const result = { counts: plan.counts, decisions, historyImportId }
  await ctx.q.query(`update move_ins set status = 'committed', committed_at = $3, result = $4 where practice_id = $1 and id = $2`, [practice.id, id, ctx.meta.now, JSON.stringify(result)])
  await ctx.q.query('delete from move_in_parts where practice_id = $1 and move_in_id = $2', [practice.id, id])
  // The access log: one entry for the move-in, and one per patient whose encounters it stored.
  const byPatient = new Map<string, { encounters: number; moveIn: string }>()
  for (const e of plan.encounters) byPatient.set(e.encounter.patientId, { encounters: (byPatient.get(e.encounter.patientId)?.encounters ?? 0) + 1, moveIn: id })
  await recordAuditPerPatient(ctx, { practiceId: practice.id, userId: user.id, userName: user.name, action: 'encounters-moved-in' }, byPatient)
  await recordAudit(ctx, { practiceId: practice.id, userId: user.id, userName: user.name, action: 'move-in-committed', target: id, detail: {
    fileName: row.file_name, fingerprint: row.fingerprint, ...Object.fromEntries(plan.counts.map((c) => [c.table, { added: c.add, duplicates: c.duplicates }])),
    decisions, patients: plan.patients, historyImportId,
    attemptsOf: [...new Set(plan.attempts.map((a) => a.userName))],
  } })
  const answer: m.MoveInCommitResult = { id, committedAt: iso(ctx.meta.now), counts: plan.counts, decisions, historyImportId }
  return json(answer)
}

export async function abandonMoveIn(ctx: Ctx, id: string): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const row = await loadOwn(ctx, id, 'update')
  if (row.status === 'aborted') return empty()
  refuseUnlessStaging(row)
  await ctx.q.query('delete from move_in_parts where practice_id = $1 and move_in_id = $2', [practice.id, id])
  await ctx.q.query(`update move_ins set status = 'aborted' where practice_id = $1 and id = $2`, [practice.id, id])
  await recordAudit(ctx, { practiceId: practice.id, userId: user.id, userName: user.name, action: 'move-in-abandoned', target: id, detail: { fileName: row.file_name } })
  return empty()
}

import type { z } from 'zod/mini'
import { createContext, evaluate, type ClaimLine, type Finding, type HistoryLine } from '../../src/domain/index.ts'
import type * as s from '../../src/group-api/schemas.ts'
import type { Queryable } from '../db/database.ts'
import { ApiError, fail, json, type Reply } from '../http/errors.ts'
import { recordAudit } from './audit.ts'
import { practiceEvaluationData } from './evaluation-data.ts'
import { iso, memberOf, type Ctx } from './context.ts'

export interface EncounterRow {
  id: string; patient_id: string; date_of_service: string | Date; finalized_at: Date; finalized_by: string; finalized_by_name: string
  review: s.ReviewState; replaced_by: string | null; lines: ClaimLine[]; findings: Finding[]; reason: string | null; encounter: { providerId: string }
  version: number
}

interface DecisionRow { id: string; encounter_id: string; line_index: number | null; action: 'approve' | 'return' | 'override'; reason: string | null; decided_by: string; decided_by_name: string; decided_at: Date }

export const ENCOUNTER_SQL = `select e.id, e.patient_id, e.date_of_service::text as date_of_service, e.finalized_at, e.finalized_by, u.name as finalized_by_name,
    e.review, e.replaced_by, e.lines, e.findings, e.reason, e.encounter, e.version
  from encounters e join users u on u.id = e.finalized_by where e.practice_id = $1`

const decisionOut = (d: DecisionRow): s.Decision => ({
  id: d.id, lineIndex: d.line_index, action: d.action, reason: d.reason, decidedBy: d.decided_by, decidedByName: d.decided_by_name, decidedAt: iso(d.decided_at),
})

const encounterOut = (r: EncounterRow, decisions: readonly DecisionRow[]): s.EncounterSummary => ({
  id: r.id, patientId: r.patient_id, dateOfService: String(r.date_of_service).slice(0, 10), finalizedAt: iso(r.finalized_at),
  finalizedBy: r.finalized_by, finalizedByName: r.finalized_by_name, review: r.review, replacedBy: r.replaced_by, lines: r.lines, findings: r.findings, reason: r.reason,
  version: r.version, encounter: r.encounter, decisions: decisions.map(decisionOut),
})

/** The encounters as the API answers them, each with its review decisions (oldest first). */
export async function encountersOut(ctx: Ctx, rows: readonly EncounterRow[]): Promise<s.EncounterSummary[]> {
  if (rows.length === 0) return []
  const decisions = await ctx.q.query<DecisionRow>(
    `select d.id, d.encounter_id, d.line_index, d.action, d.reason, d.decided_by, u.name as decided_by_name, d.decided_at
     from review_decisions d join users u on u.id = d.decided_by
     where d.practice_id = $1 and d.encounter_id = any($2::uuid[]) order by d.decided_at, d.id`,
    [memberOf(ctx).practice.id, rows.map((r) => r.id)])
  const byEncounter = new Map<string, DecisionRow[]>()
  for (const d of decisions) byEncounter.set(d.encounter_id, [...(byEncounter.get(d.encounter_id) ?? []), d])
  return rows.map((r) => encounterOut(r, byEncounter.get(r.id) ?? []))
}

const oneOut = async (ctx: Ctx, row: EncounterRow) => (await encountersOut(ctx, [row]))[0]

async function auditPatient(ctx: Ctx, action: string, patientId: string, target: string | null, detail?: unknown) {
  const { practice, user } = memberOf(ctx)
  await recordAudit(ctx, { practiceId: practice.id, userId: user.id, userName: user.name, action, patientId, target, detail })
}

interface HistoryRow { date_of_service: string; lines: ClaimLine[] | null; code: string | null; modifiers: string[] | null; units: number | null; provider_id: string | null }

/**
 * A patient's history as the server counts it: the lines of the practice's finalized encounters
 * (returned and replaced ones left out) and the practice's imported claim history (history_lines). Both
 * are read by an index that starts with the patient. Finalize and the counters' bench use it.
 */
export async function patientHistory(q: Queryable, practiceId: string, patientId: string): Promise<HistoryLine[]> {
  // One statement, two scans: the encounters' lines first, then the imported lines.
  // A patient's imported lines are the keys from 'patient|' up to 'patient}' (bytewise: '}' follows '|').
  const rows = await q.query<HistoryRow>(
    `select date_of_service::text as date_of_service, lines, encounter->>'providerId' as provider_id, null::text as code, null::text[] as modifiers, null::int as units
     from encounters where practice_id = $1 and patient_id = $4 and review not in ('returned', 'replaced')
     union all
     select date_of_service::text, null, provider_id, code, modifiers, units from history_lines
     where practice_id = $1 and key >= $2 and key < $3 and patient_id = $4`, [practiceId, `${patientId}|`, `${patientId}}`, patientId])
  return historyOf(rows)
}

/**
 * Finalize's start: takes the patient's lock (held until commit) and reads the same history as
 * patientHistory in one round trip (lock_patient_history, migration 014: the read's snapshot is
 * taken after the lock, so it sees every finalize of the patient committed before).
 */
export async function lockPatientHistory(q: Queryable, practiceId: string, patientId: string): Promise<HistoryLine[]> {
  return historyOf(await q.query<HistoryRow>('select * from lock_patient_history($1, $2, $3)', [practiceId, practiceId, patientId]))
}

/** The rows of either read as history lines: an encounter's row brings its claim lines, an imported row is one line. */
function historyOf(rows: readonly HistoryRow[]): HistoryLine[] {
  const history: HistoryLine[] = []
  for (const r of rows) {
    if (r.lines) {
      const dateOfService = String(r.date_of_service).slice(0, 10)
      for (const l of r.lines) history.push({ dateOfService, code: l.code, modifiers: l.modifiers, units: l.units, providerId: r.provider_id as string })
    } else {
      history.push({ dateOfService: r.date_of_service, code: r.code as string, modifiers: r.modifiers as string[], units: r.units as number, ...(r.provider_id ? { providerId: r.provider_id } : {}) })
    }
  }
  return history
}

/**
 * Finalizes an encounter: the server never takes the client's coding. It locks the patient,
 * codes the encounter again with every finalized line and imported history line of that patient
 * in the practice as history, with what the worksheet codes with: the built-in payer profiles and
 * the practice's own, its coverage choices and NDC list (a drug line's default NDC), and the
 * reference files kept for the whole server (NCCI tables, ICD-10-CM releases, billing articles;
 * see evaluation-data.ts). It refuses an error finding without a written reason. With
 * `replaces`, the new encounter corrects a returned one, which becomes 'replaced' in the same
 * transaction (see replaceReturned).
 */
export async function finalize(ctx: Ctx, body: z.infer<typeof s.finalizeBody>): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const { encounter } = body
  // Before the patient's lock: the practice's records and the reference files do not depend on
  // it (their writes never take it), and parsing a new reference upload (the first evaluation
  // after it) then holds up no other finalize of this patient.
  const options = await practiceEvaluationData(ctx.q, practice.id)
  const history = await lockPatientHistory(ctx.q, practice.id, encounter.patientId)
  // Checked before the evaluation: a refused replacement stores nothing.
  const replaced = body.replaces === undefined ? undefined : await replaceable(ctx, body.replaces)
  const context = createContext(ctx.meta.now.toISOString().slice(0, 10), options)
  const result = evaluate({ schemaVersion: 1, encounter, history }, context)
  const errors = result.findings.filter((f) => f.severity === 'error')
  if (errors.length > 0 && !body.reason) {
    return fail(new ApiError(409, 'reason-required', `The server's check found ${errors.length === 1 ? 'an error' : `${errors.length} errors`} (${errors.map((f) => f.ruleId).join(', ')}): finalize with a written reason, or correct the encounter.`, 'reason'))
  }
  const review = result.findings.some((f) => f.severity !== 'info') ? 'pending' : 'not-needed'
  const id = crypto.randomUUID()
  const row: EncounterRow = {
    id, patient_id: encounter.patientId, date_of_service: encounter.dateOfService, finalized_at: ctx.meta.now, finalized_by: user.id, finalized_by_name: user.name,
    review, replaced_by: null, lines: result.lines, findings: result.findings, reason: body.reason ?? null, encounter, version: 1,
  }
  const values = [id, practice.id, encounter.patientId, encounter.dateOfService, JSON.stringify(encounter), JSON.stringify(result.lines), JSON.stringify(result.findings), review, body.reason ?? null, user.id, ctx.meta.now]
  const finalized = { lines: result.lines.length, errors: errors.length, review }
  if (replaced) {
    await ctx.q.query(`insert into encounters (id, practice_id, patient_id, date_of_service, encounter, lines, findings, review, reason, finalized_by, finalized_at)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, values)
    await ctx.q.query(`update encounters set review = 'replaced', replaced_by = $3, version = version + 1 where id = $1 and practice_id = $2`, [replaced.id, practice.id, id])
    await auditPatient(ctx, 'encounter-replaced', replaced.patient_id, replaced.id, { replacedBy: id })
    // The access-log entry comes last: its chain lock is held until commit, and every finalize of
    // the practice waits for it.
    await auditPatient(ctx, 'encounter-finalized', encounter.patientId, id, finalized)
  } else {
    // The encounter and its access-log entry in one statement (one round trip fewer): the entry is
    // written from the encounter's row, so after it, and its chain lock is still taken last.
    await ctx.q.query(`with stored as (
        insert into encounters (id, practice_id, patient_id, date_of_service, encounter, lines, findings, review, reason, finalized_by, finalized_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id, practice_id, patient_id, finalized_at
      )
      insert into audit_log (seq, practice_id, at, user_id, user_name, action, patient_id, target, detail, ip, prev_hash, hash)
      select 0, practice_id, finalized_at, $10, $12, 'encounter-finalized', patient_id, id::text, $13, $14, '', '' from stored`,
    [...values, user.name, JSON.stringify(finalized), ctx.meta.ip])
  }
  return json(encounterOut(row, []))
}

export async function listEncounters(ctx: Ctx, query: z.infer<typeof s.encounterQuery>): Promise<Reply> {
  const { practice } = memberOf(ctx)
  const params: unknown[] = [practice.id]
  const patient = query.patientId ? ` and e.patient_id = $${params.push(query.patientId)}` : ''
  const rows = await ctx.q.query<EncounterRow>(`${ENCOUNTER_SQL}${patient} order by e.finalized_at desc, e.id limit ${query.limit}`, params)
  // One access-log entry per patient whose data the answer shows.
  for (const patientId of new Set(rows.map((r) => r.patient_id))) {
    await auditPatient(ctx, 'encounters-read', patientId, null, { encounters: rows.filter((r) => r.patient_id === patientId).length })
  }
  return json({ encounters: await encountersOut(ctx, rows) })
}

/**
 * The returned encounter a finalize corrects, locked until commit: this practice's (404
 * otherwise), returned and not yet replaced (409), and finalized by this person unless they
 * review (403): a coder corrects their own work.
 */
async function replaceable(ctx: Ctx, id: string): Promise<EncounterRow> {
  const { user, role } = memberOf(ctx)
  const row = (await ctx.q.query<EncounterRow>(`${ENCOUNTER_SQL} and e.id = $2 for update of e`, [memberOf(ctx).practice.id, id]))[0]
  if (!row) throw new ApiError(404, 'not-found', 'The encounter this one replaces is not a finalized encounter of this practice.', 'replaces')
  if (row.review === 'replaced') {
    throw new ApiError(409, 'already-replaced', 'The returned encounter this one corrects was already finalized again: nothing was saved. Look at the ledger before finalizing it once more.', 'replaces')
  }
  if (row.review !== 'returned') {
    throw new ApiError(409, 'not-returned', `The encounter this one replaces is not returned (its review is ${row.review}): only a returned encounter can be corrected. Nothing was saved.`, 'replaces')
  }
  if (row.finalized_by !== user.id && role !== 'admin' && role !== 'supervisor') {
    throw new ApiError(403, 'not-yours', 'This returned encounter was finalized by another coder: only they or a supervisor can correct it.', 'replaces')
  }
  return row
}

async function loadEncounter(ctx: Ctx, id: string, lock = false): Promise<EncounterRow> {
  const row = (await ctx.q.query<EncounterRow>(`${ENCOUNTER_SQL} and e.id = $2${lock ? ' for update of e' : ''}`, [memberOf(ctx).practice.id, id]))[0]
  if (!row) throw new ApiError(404, 'not-found', 'No finalized encounter with this id in this practice.')
  return row
}

export async function getEncounter(ctx: Ctx, id: string): Promise<Reply> {
  const row = await loadEncounter(ctx, id)
  await auditPatient(ctx, 'encounter-read', row.patient_id, row.id)
  return json(await oneOut(ctx, row))
}

/** Approve, return or override: a reviewer's decision, never on their own finalized work. */
export async function decide(ctx: Ctx, id: string, body: z.infer<typeof s.decisionBody>): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  // The row is locked until commit: two reviewers deciding at once are done one after the other,
  // and the second one's expectedVersion (when sent) sees the first one's decision.
  const row = await loadEncounter(ctx, id, true)
  if (body.expectedVersion !== undefined && body.expectedVersion !== row.version) {
    throw new ApiError(409, 'stale', `This encounter changed since you opened it (now version ${row.version}, review ${row.review}). Your decision was not saved: look at it again.`, 'expectedVersion')
  }
  if (row.review === 'replaced') throw new ApiError(409, 'replaced', 'This returned encounter was corrected and finalized again: decide on the new one instead.')
  if (row.finalized_by === user.id) throw new ApiError(403, 'own-work', 'You finalized this encounter: another supervisor must approve, return or override it.')
  if (body.lineIndex !== undefined && body.lineIndex >= row.lines.length) throw new ApiError(400, 'invalid', `This encounter has ${row.lines.length} lines.`, 'lineIndex')
  if ((body.action === 'override' || body.action === 'return') && !body.reason) throw new ApiError(400, 'reason-required', body.action === 'override' ? 'An override needs a written reason.' : 'Say what the coder should change.', 'reason')
  const review = body.action === 'return' ? 'returned' : 'approved'
  await ctx.q.query(`insert into review_decisions (id, practice_id, encounter_id, line_index, action, reason, decided_by, decided_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [crypto.randomUUID(), practice.id, id, body.lineIndex ?? null, body.action, body.reason ?? null, user.id, ctx.meta.now])
  await ctx.q.query('update encounters set review = $3, version = version + 1 where id = $1 and practice_id = $2', [id, practice.id, review])
  const answer = await oneOut(ctx, await loadEncounter(ctx, id))
  await auditPatient(ctx, `encounter-${body.action}`, row.patient_id, id, { lineIndex: body.lineIndex ?? null, reason: body.reason ?? null })
  return json(answer)
}

// ---------------------------------------------------------------- training

export interface AttemptRow { id: string; user_id: string; case_id: string; score_percent: number; submitted_at: Date; lines: unknown[] }
export const attemptOut = (r: AttemptRow) => ({ id: r.id, userId: r.user_id, caseId: r.case_id, scorePercent: r.score_percent, submittedAt: iso(r.submitted_at), lines: r.lines })

/** A trainee or coder sees their own attempts; supervisors and admins see every trainee's. */
export async function listAttempts(ctx: Ctx): Promise<Reply> {
  const { practice, user, role } = memberOf(ctx)
  const everyone = role === 'admin' || role === 'supervisor'
  const rows = await ctx.q.query<AttemptRow>(
    `select id, user_id, case_id, score_percent, submitted_at, lines from training_attempts where practice_id = $1 ${everyone ? '' : 'and user_id = $2'}
     order by submitted_at desc, id limit 1000`, everyone ? [practice.id] : [practice.id, user.id])
  return json({ attempts: rows.map(attemptOut) })
}

export async function addAttempt(ctx: Ctx, body: z.infer<typeof s.attemptBody>): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const row = (await ctx.q.query<AttemptRow>(
    `insert into training_attempts (id, practice_id, user_id, case_id, score_percent, lines, submitted_at) values ($1, $2, $3, $4, $5, $6, $7)
     returning id, user_id, case_id, score_percent, submitted_at, lines`,
    [crypto.randomUUID(), practice.id, user.id, body.caseId, body.scorePercent, JSON.stringify(body.lines), ctx.meta.now]))[0]
  await recordAudit(ctx, { practiceId: practice.id, userId: user.id, userName: user.name, action: 'training-attempt-recorded', target: body.caseId, detail: { scorePercent: body.scorePercent } })
  return json(attemptOut(row))
}

import type { z } from 'zod/mini'
import type { ColumnMapping, DateFormat } from '../../src/domain/history-import/index.ts'
import type * as s from '../../src/group-api/schemas.ts'
import { ApiError, empty, json, type Reply } from '../http/errors.ts'
import { recordAudit, recordAuditPerPatient } from './audit.ts'
import { iso, memberOf, type Ctx } from './context.ts'
import { checkHistory, countLines, type CheckedLines } from './history-check.ts'
import { checkHistoryOffThread, warmHistoryCheckPool } from './history-check-pool.ts'

/**
 * Claim history uploaded to the server (issue 13). The browser parses the file for its preview;
 * the server never takes that parse: it checks every row again with the same parser, under the
 * mapping and date format the user confirmed.
 *
 * The protocol: start (the file's first rows up to and including its header, the mapping, the
 * date format and the file's line count) stages the data rows among those first rows; each part
 * (whole rows, at most 1 MB, `firstRow` its first line in the file) is checked as if it followed
 * those first rows, so the header is found exactly as in the preview, and its lines are staged;
 * commit checks that the parts cover every line of the file once, then moves the staged lines
 * into history_lines in one transaction; abort drops the parts. A part with any bad row is
 * refused whole, with the file's row and column of each problem, and nothing of it is staged.
 */

/** Staged imports left this long without a commit are dropped when the practice starts another. */
const STALE_HOURS = 24

interface ImportRow {
  id: string; file_name: string; status: 'staging' | 'committed' | 'aborted'; imported_by: string; imported_by_name: string
  imported_at: Date | null; created_at: Date; rows: number; duplicates: number
  mapping: ColumnMapping; date_format: DateFormat; head: string; total_lines: number
}

const IMPORT_SQL = `select i.id, i.file_name, i.status, i.imported_by, u.name as imported_by_name, i.imported_at, i.created_at, i.rows, i.duplicates,
    i.mapping, i.date_format, i.head, i.total_lines
  from history_imports i join users u on u.id = i.imported_by where i.practice_id = $1`

/** Lists and the change feed: the summary's columns only (not the head, up to 64 KB each). */
const SUMMARY_SQL = `select i.id, i.file_name, i.imported_by, u.name as imported_by_name, i.imported_at, i.created_at, i.rows, i.duplicates
  from history_imports i join users u on u.id = i.imported_by where i.practice_id = $1`

export const importOut = (r: Pick<ImportRow, 'id' | 'file_name' | 'imported_by' | 'imported_by_name' | 'imported_at' | 'created_at' | 'rows' | 'duplicates'>): s.HistoryImportSummary => ({
  id: r.id, fileName: r.file_name, importedAt: iso(r.imported_at ?? r.created_at), importedBy: r.imported_by, importedByName: r.imported_by_name,
  rows: Number(r.rows), duplicates: Number(r.duplicates),
})

/**
 * Checks the first rows alone (part null: a few dozen rows, on this thread while the workers
 * start for the parts to come) or a part after them (in a worker); any problem refuses it (422),
 * nothing staged.
 */
async function check(imp: Pick<ImportRow, 'head' | 'mapping' | 'date_format'>, part: { firstRow: number; text: string } | null): Promise<CheckedLines> {
  const input = { head: imp.head, mapping: imp.mapping, dateFormat: imp.date_format, part }
  if (part === null) warmHistoryCheckPool()
  const result = part === null ? checkHistory(input) : await checkHistoryOffThread(input)
  if (!result.ok) throw new ApiError(422, 'invalid-rows', result.message, 'text')
  return result
}

async function stagePart(ctx: Ctx, importId: string, firstRow: number, lastRow: number, checked: CheckedLines): Promise<void> {
  const { practice } = memberOf(ctx)
  const l = checked.literals
  await ctx.q.query(
    `insert into history_parts (practice_id, import_id, first_row, last_row, line_count, patient_ids, dates, codes, modifiers, units, providers, keys)
     values ($1, $2, $3, $4, $5, $6::text[], $7::date[], $8::text[], $9::text[], $10::int[], $11::text[], $12::text[])
     on conflict (practice_id, import_id, first_row) do update set last_row = excluded.last_row, line_count = excluded.line_count,
       patient_ids = excluded.patient_ids, dates = excluded.dates,
       codes = excluded.codes, modifiers = excluded.modifiers, units = excluded.units, providers = excluded.providers, keys = excluded.keys`,
    [practice.id, importId, firstRow, lastRow, checked.lines, l.patientIds, l.dates, l.codes, l.modifiers, l.units, l.providers, l.keys])
}

/** The import, locked (share: parts may arrive side by side; update: commit and abort), and only its starter's. */
async function loadOwnImport(ctx: Ctx, id: string, lock: 'share' | 'update'): Promise<ImportRow> {
  const { practice, user } = memberOf(ctx)
  const row = (await ctx.q.query<ImportRow>(`${IMPORT_SQL} and i.id = $2 for ${lock} of i`, [practice.id, id]))[0]
  if (!row) throw new ApiError(404, 'not-found', 'No history import with this id in this practice.')
  if (row.imported_by !== user.id) throw new ApiError(403, 'not-yours', `${row.imported_by_name} started this import: only they can add to it, commit it or abandon it.`)
  return row
}

function refuseUnlessStaging(row: ImportRow): void {
  if (row.status === 'committed') throw new ApiError(409, 'already-committed', `This import (${row.file_name}) was committed: its lines are in the practice's history.`)
  if (row.status === 'aborted') throw new ApiError(409, 'aborted', `This import (${row.file_name}) was abandoned: start the upload again.`)
}

export async function startImport(ctx: Ctx, body: z.infer<typeof s.historyImportStartBody>): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const headLines = countLines(body.head)
  if (body.lines < headLines) throw new ApiError(400, 'invalid', `The first rows have ${headLines} lines, but the file is said to have ${body.lines}.`, 'body.lines')
  const checked = await check({ head: body.head, mapping: body.mapping, date_format: body.dateFormat }, null)
  // Uploads abandoned without an abort (a closed tab) give their staged lines back.
  const stale = new Date(ctx.meta.now.getTime() - STALE_HOURS * 3_600_000)
  await ctx.q.query(`delete from history_parts p using history_imports i
    where p.practice_id = $1 and i.practice_id = $1 and p.import_id = i.id and i.status = 'staging' and i.created_at < $2`, [practice.id, stale])
  await ctx.q.query(`update history_imports set status = 'aborted' where practice_id = $1 and status = 'staging' and created_at < $2`, [practice.id, stale])
  const id = crypto.randomUUID()
  await ctx.q.query(`insert into history_imports (id, practice_id, file_name, mapping, date_format, head, total_lines, status, imported_by, created_at)
    values ($1, $2, $3, $4, $5, $6, $7, 'staging', $8, $9)`,
  [id, practice.id, body.fileName, JSON.stringify(body.mapping), body.dateFormat, body.head, body.lines, user.id, ctx.meta.now])
  await stagePart(ctx, id, 1, headLines, checked)
  if (checked.lines > 0) {
    await recordAudit(ctx, { practiceId: practice.id, userId: user.id, userName: user.name, action: 'history-part-staged', target: id,
      detail: { firstRow: 1, lastRow: headLines, lines: checked.lines, patients: checked.patients } })
  }
  const answer: z.infer<typeof s.historyImportStartedSchema> = { id }
  return json(answer)
}

export async function addPart(ctx: Ctx, id: string, body: z.infer<typeof s.historyPartBody>): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const imp = await loadOwnImport(ctx, id, 'share')
  refuseUnlessStaging(imp)
  const headLines = countLines(imp.head)
  const lastRow = body.firstRow + countLines(body.text) - 1
  if (body.firstRow <= headLines) throw new ApiError(400, 'invalid', `Rows 1 to ${headLines} came with the start of the import: parts begin at row ${headLines + 1}.`, 'body.firstRow')
  if (lastRow > imp.total_lines) throw new ApiError(400, 'invalid', `This part ends at row ${lastRow}, but the file has ${imp.total_lines} lines.`, 'body.firstRow')
  const overlap = (await ctx.q.query<{ first_row: number; last_row: number }>(
    `select first_row, last_row from history_parts where practice_id = $1 and import_id = $2 and first_row <> $3 and first_row <= $4 and last_row >= $3 limit 1`,
    [practice.id, id, body.firstRow, lastRow]))[0]
  if (overlap) throw new ApiError(409, 'overlap', `Rows ${body.firstRow} to ${lastRow} overlap the part already received for rows ${overlap.first_row} to ${overlap.last_row}.`, 'body.firstRow')
  const checked = await check(imp, body)
  await stagePart(ctx, id, body.firstRow, lastRow, checked)
  await recordAudit(ctx, { practiceId: practice.id, userId: user.id, userName: user.name, action: 'history-part-staged', target: id,
    detail: { firstRow: body.firstRow, lastRow, lines: checked.lines, patients: checked.patients } })
  const staged = (await ctx.q.query<{ n: number }>(
    'select coalesce(sum(line_count), 0)::int as n from history_parts where practice_id = $1 and import_id = $2', [practice.id, id]))[0]?.n ?? 0
  const answer: z.infer<typeof s.historyPartResultSchema> = { rows: checked.lines, staged }
  return json(answer)
}

/** The rows of the file no part covered, or covered twice, as a sentence (null when every line came once). */
function coverageProblem(parts: readonly { first_row: number; last_row: number }[], totalLines: number): string | null {
  let next = 1
  for (const p of parts) {
    if (p.first_row > next) return `rows ${next} to ${p.first_row - 1} of the file were not received`
    if (p.first_row < next) return `rows ${p.first_row} to ${Math.min(p.last_row, next - 1)} were received twice`
    next = p.last_row + 1
  }
  return next <= totalLines ? `rows ${next} to ${totalLines} of the file were not received` : null
}

interface CommitCounts { added: number; patients: number }

/**
 * Moves every staged line into the practice's history in this one transaction. A line whose key
 * is already stored, or repeats an earlier line of the file, is a duplicate (the file's first
 * one is kept); the lines added are numbered 1.. in key order (by patient, then date), the order
 * they are written in (see migration 005). Commits of one practice are done one after the other,
 * so two imports of the same lines at once cannot both add them.
 */
export async function commitImport(ctx: Ctx, id: string): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const imp = await loadOwnImport(ctx, id, 'update')
  refuseUnlessStaging(imp)
  await ctx.q.query('select pg_advisory_xact_lock(7340216, hashtext($1))', [practice.id])
  const parts = await ctx.q.query<{ first_row: number; last_row: number; lines: number }>(
    'select first_row, last_row, line_count as lines from history_parts where practice_id = $1 and import_id = $2 order by first_row', [practice.id, id])
  const gap = coverageProblem(parts, imp.total_lines)
  if (gap) throw new ApiError(409, 'incomplete', `The import cannot be committed: ${gap}. Send the missing parts, or start again.`)
  const total = parts.reduce((sum, p) => sum + Number(p.lines), 0)
  // Sorting a million keys in memory rather than on disk. And the lines already stored: the
  // planner cannot count a part's lines (it takes each unnest for 10), so it would look each
  // staged key up in the key index one by one; when the import is not small beside the stored
  // history (by the table's own estimate), one ordered pass over both is cheaper (a bench's
  // million lines beside 100,000 stored: about 15% less of the commit's CPU), and that plan is
  // what disabling nested loops leaves it. Transaction-local, as the work_mem.
  await ctx.q.query(`select set_config('work_mem', '256MB', true),
      set_config('enable_nestloop', case when $1::float8 * 4 >= (select greatest(reltuples, 0) from pg_class where oid = 'history_lines'::regclass) then 'off' else 'on' end, true)`,
  [total])
  const counts = (await ctx.q.query<CommitCounts>(
    `with staged as (
       select p.first_row, u.ord, u.patient_id, u.dos, u.code, u.mods, u.units, u.provider, u.key collate "C" as key
       from history_parts p
       cross join lateral unnest(p.patient_ids, p.dates, p.codes, p.modifiers, p.units, p.providers, p.keys)
         with ordinality as u (patient_id, dos, code, mods, units, provider, key, ord)
       where p.practice_id = $1 and p.import_id = $2
     ), firsts as (
       select distinct on (key) * from staged order by key, first_row, ord
     ), fresh as (
       select f.* from firsts f where not exists (select 1 from history_lines h where h.practice_id = $1 and h.key = f.key)
     ), added as (
       insert into history_lines (practice_id, import_id, n, patient_id, date_of_service, code, modifiers, units, provider_id, key)
       select $1, $2, row_number() over (order by key), patient_id, dos, code, string_to_array(mods, ' '), units, nullif(provider, ''), key
       from fresh
       returning patient_id
     )
     -- Patients by hashing (count(distinct) would sort a million rows again).
     select coalesce(sum(lines), 0)::int as added, count(*)::int as patients from (select count(*) as lines from added group by patient_id) by_patient`, [practice.id, id]))[0] ?? { added: 0, patients: 0 }
  const added = Number(counts.added)
  const duplicates = total - added
  await ctx.q.query(`update history_imports set status = 'committed', imported_at = $3, rows = $4, duplicates = $5 where practice_id = $1 and id = $2`,
    [practice.id, id, ctx.meta.now, added, duplicates])
  await ctx.q.query('delete from history_parts where practice_id = $1 and import_id = $2', [practice.id, id])
  // One access-log entry for the whole import (not one per patient: a million-line file names
  // tens of thousands of patients). Which patients it wrote is its lines' (importId) to show.
  await recordAudit(ctx, { practiceId: practice.id, userId: user.id, userName: user.name, action: 'history-imported', target: id,
    detail: { fileName: imp.file_name, lines: added, duplicates, patients: Number(counts.patients) } })
  const summary = importOut({ ...imp, imported_at: ctx.meta.now, rows: added, duplicates })
  const answer: s.HistoryCommitResult = { import: summary, added, duplicates }
  return json(answer)
}

export async function abortImport(ctx: Ctx, id: string): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const imp = await loadOwnImport(ctx, id, 'update')
  if (imp.status === 'aborted') return empty()
  refuseUnlessStaging(imp)
  await ctx.q.query('delete from history_parts where practice_id = $1 and import_id = $2', [practice.id, id])
  await ctx.q.query(`update history_imports set status = 'aborted' where practice_id = $1 and id = $2`, [practice.id, id])
  await recordAudit(ctx, { practiceId: practice.id, userId: user.id, userName: user.name, action: 'history-import-aborted', target: id, detail: { fileName: imp.file_name } })
  return empty()
}

export async function listImports(ctx: Ctx): Promise<Reply> {
  const { practice } = memberOf(ctx)
  const rows = await ctx.q.query<ImportRow>(`${SUMMARY_SQL} and i.status = 'committed' order by i.imported_at desc, i.id`, [practice.id])
  const answer: z.infer<typeof s.historyImportListSchema> = { imports: rows.map(importOut) }
  return json(answer)
}

/** Committed imports by id (the change feed). */
export async function importsById(ctx: Ctx, ids: readonly string[]): Promise<Map<string, s.HistoryImportSummary>> {
  if (ids.length === 0) return new Map()
  const rows = await ctx.q.query<ImportRow>(`${SUMMARY_SQL} and i.status = 'committed' and i.id = any($2::uuid[])`, [memberOf(ctx).practice.id, ids])
  return new Map(rows.map((r) => [r.id, importOut(r)]))
}

/**
 * A page of a committed import's lines, by patient, column by column; each patient the page
 * shows gets an access-log entry. PostgreSQL writes the page's JSON itself (one text value): the
 * server neither reads 5,000 rows into objects nor writes them out again.
 */
export async function listLines(ctx: Ctx, query: z.infer<typeof s.historyLinesQuery>): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const found = await ctx.q.query<{ id: string }>(`select id from history_imports where practice_id = $1 and id = $2 and status = 'committed'`, [practice.id, query.importId])
  if (found.length === 0) throw new ApiError(404, 'not-found', 'No committed history import with this id in this practice.')
  const page = (await ctx.q.query<{ more: boolean; cursor: number | null; patients: string; patient_ids: string[]; line_counts: number[] }>(
    `with page as (
       select n, patient_id, date_of_service, code, modifiers, units, provider_id, key
       from history_lines where practice_id = $1 and import_id = $2 and n > $3 order by n limit $4 + 1
     ), shown as (
       select * from page order by n limit $4
     ), by_patient as (
       select patient_id as "patientId", min(n) as first, count(*)::int as lines,
         json_agg(date_of_service::text order by n) as dates, json_agg(code order by n) as codes, json_agg(modifiers order by n) as modifiers,
         json_agg(units order by n) as units, json_agg(provider_id order by n) as providers, json_agg(key order by n) as keys
       from shown group by patient_id
     )
     select (select count(*) from page) > $4 as more, (select max(n) from shown) as cursor,
       coalesce((select json_agg(json_build_object('patientId', "patientId", 'first', first, 'dates', dates, 'codes', codes, 'modifiers', modifiers,
         'units', units, 'providers', providers, 'keys', keys) order by first) from by_patient)::text, '[]') as patients,
       coalesce((select array_agg("patientId" order by first) from by_patient), '{}') as patient_ids,
       coalesce((select array_agg(lines order by first) from by_patient), '{}') as line_counts`,
    [practice.id, query.importId, query.after, query.limit]))[0]
  const patients = new Map<string, { importId: string; lines: number }>()
  page.patient_ids.forEach((id, i) => patients.set(id, { importId: query.importId, lines: Number(page.line_counts[i]) }))
  await recordAuditPerPatient(ctx, { practiceId: practice.id, userId: user.id, userName: user.name, action: 'history-lines-read' }, patients)
  // The answer as historyLineListSchema reads it: the patients' JSON as PostgreSQL wrote it.
  const cursor = page.cursor === null ? query.after : Number(page.cursor)
  return { kind: 'text', contentType: 'application/json; charset=utf-8', body: `{"patients":${page.patients},"cursor":${cursor},"more":${page.more ? 'true' : 'false'}}` }
}

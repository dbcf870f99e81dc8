import type { ReferenceContent, ReferenceFileInfo, ReferenceUploadBody } from '../../src/group-api/reference-schemas.ts'
import type { ReferenceSummary } from '../../src/group-api/reference-files.ts'
import { ApiError, empty, json, type Reply } from '../http/errors.ts'
import { recordAudit } from './audit.ts'
import { iso, memberOf, type Ctx } from './context.ts'
import { checkReferenceOffThread } from './reference-check-pool.ts'

/**
 * Public reference files kept once per server (issues 13, 14). Any signed-in member of any
 * practice lists and downloads them; an admin uploads one for everyone (parsed again here with
 * the app's own parser, all or nothing), and only an admin of the uploading practice removes it.
 * Who uploaded a file is named only to the uploading practice.
 */

interface FileRow {
  id: string; kind: ReferenceFileInfo['kind']; record_keys: string[]; summary: ReferenceSummary; uploaded_at: Date
  uploaded_in: string; uploaded_by_name: string | null; files: { name: string; sha256: string; bytes: number }[]
}

const FILE_SQL = `select f.id, f.kind, f.record_keys, f.summary, f.uploaded_at, f.uploaded_in,
    (select u.name from users u where u.id = f.uploaded_by) as uploaded_by_name,
    coalesce((select jsonb_agg(jsonb_build_object('name', c.name, 'sha256', c.sha256, 'bytes', c.bytes) order by c.position)
      from reference_file_contents c where c.file_id = f.id), '[]'::jsonb) as files
  from reference_files f`

/** Serializes uploads server-wide: two uploads of the same quarter or year cannot both stay. */
const UPLOAD_LOCK = 7_300_901

function fileOut(r: FileRow, practiceId: string): ReferenceFileInfo {
  const own = r.uploaded_in === practiceId
  return {
    id: r.id, kind: r.kind, keys: r.record_keys, summary: r.summary, uploadedAt: iso(r.uploaded_at),
    files: r.files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: Number(f.bytes) })),
    uploadedByName: own ? r.uploaded_by_name : null, ownPractice: own,
  }
}

export async function listFiles(ctx: Ctx): Promise<Reply> {
  const { practice } = memberOf(ctx)
  const rows = await ctx.q.query<FileRow>(`${FILE_SQL} order by f.kind, f.uploaded_at desc, f.id`)
  return json({ files: rows.map((r) => fileOut(r, practice.id)) })
}

export async function getContent(ctx: Ctx, id: string): Promise<Reply> {
  const found = await ctx.q.query<{ id: string }>('select id from reference_files where id = $1', [id])
  if (found.length === 0) throw new ApiError(404, 'not-found', 'No such reference file (it may have been replaced or removed).')
  const parts = await ctx.q.query<{ name: string; sha256: string; gzip: Uint8Array }>(
    'select name, sha256, gzip from reference_file_contents where file_id = $1 order by position', [id])
  const body: ReferenceContent = { id, files: parts.map((p) => ({ name: p.name, sha256: p.sha256, gzipBase64: Buffer.from(p.gzip).toString('base64') })) }
  return json(body)
}

export async function upload(ctx: Ctx, body: ReferenceUploadBody): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const names = new Set<string>()
  for (const f of body.files) {
    if (names.has(f.name)) throw new ApiError(400, 'invalid', `${f.name} is given twice.`, 'body.files')
    names.add(f.name)
  }
  const files = body.files.map((f) => ({ name: f.name, sha256: f.sha256, gzip: Buffer.from(f.gzipBase64, 'base64') }))
  const checked = await checkReferenceOffThread(body.meta, files)
  if (!checked.ok) throw new ApiError(422, checked.code, checked.message, 'body.files')

  await ctx.q.query('select pg_advisory_xact_lock($1)', [UPLOAD_LOCK])
  // As in the standalone app: a file providing the same records again replaces the earlier one.
  const replaced = (await ctx.q.query<{ id: string }>(
    'select id from reference_files where kind = $1 and record_keys <@ $2::text[] order by id', [body.meta.kind, checked.keys])).map((r) => r.id)
  if (replaced.length > 0) await ctx.q.query('delete from reference_files where id = any($1::uuid[])', [replaced])
  const id = crypto.randomUUID()
  await ctx.q.query(
    `insert into reference_files (id, kind, record_keys, summary, uploaded_by, uploaded_in, uploaded_at) values ($1, $2, $3, $4, $5, $6, $7)`,
    [id, body.meta.kind, checked.keys, JSON.stringify(checked.summary), user.id, practice.id, ctx.meta.now])
  for (const [position, f] of files.entries()) {
    await ctx.q.query('insert into reference_file_contents (file_id, position, name, sha256, bytes, gzip) values ($1, $2, $3, $4, $5, $6)',
      [id, position, f.name, f.sha256, checked.bytes[position], f.gzip])
  }
  await recordAudit(ctx, {
    practiceId: practice.id, userId: user.id, userName: user.name, action: 'reference-file-uploaded', target: id,
    detail: { kind: body.meta.kind, keys: checked.keys, files: files.map((f) => ({ name: f.name, sha256: f.sha256 })), replaced },
  })
  const row = (await ctx.q.query<FileRow>(`${FILE_SQL} where f.id = $1`, [id]))[0]
  return json({ file: fileOut(row, practice.id), replaced, warnings: checked.warnings })
}

export async function remove(ctx: Ctx, id: string): Promise<Reply> {
  const { practice, user } = memberOf(ctx)
  const row = (await ctx.q.query<{ uploaded_in: string; kind: string; record_keys: string[] }>(
    'select uploaded_in, kind, record_keys from reference_files where id = $1', [id]))[0]
  if (!row) throw new ApiError(404, 'not-found', 'No such reference file (it may have been replaced or removed already).')
  if (row.uploaded_in !== practice.id) {
    throw new ApiError(403, 'not-your-upload', 'Another practice on this server loaded this file; only an admin of that practice can remove it. Load a newer file for the same period to replace it.')
  }
  await ctx.q.query('delete from reference_files where id = $1', [id])
  await recordAudit(ctx, { practiceId: practice.id, userId: user.id, userName: user.name, action: 'reference-file-removed', target: id, detail: { kind: row.kind, keys: row.record_keys } })
  return empty()
}

import { gunzipSync } from 'node:zlib'
import type { ContextOptions } from '../../src/domain/context.ts'
import type { CoverageArticle, CoverageContext } from '../../src/domain/coverage/index.ts'
import type { Icd10CodeSet, Icd10Release } from '../../src/domain/icd10/index.ts'
import { compareNdcListEntries, type NdcListEntry, type PayerProfile } from '../../src/domain/index.ts'
import { byReleaseDesc, codeSetOfRelease, coverageContextOf, ncciTablesOf, payerProfilesWith } from '../../src/group-api/evaluation-reference.ts'
import { metaOfSummary, parseReferenceFiles, type ParsedReference, type ReferenceKind, type ReferenceSummary } from '../../src/group-api/reference-files.ts'
import type { Queryable } from '../db/database.ts'

/**
 * What the server evaluates a finalize (and a moved-in encounter) with, built as the browser
 * builds its worksheet's context (src/group-api/evaluation-reference.ts) from the same stored data:
 * the built-in payer profiles plus the practice's own ('payer-profile' records), its coverage
 * choices ('coverage-settings'), and the reference files kept once per server (NCCI tables,
 * ICD-10-CM releases, billing articles), the newest upload per record as a workstation caches them.
 *
 * Parsing them is slow (a full ICD-10-CM release and an MUE table: about 0.75 s a finalize,
 * against 15 ms once parsed), so the parsed data stays in this process: per upload
 * (an upload's id never changes content: a new upload is a new id), and the context's part of it
 * per set of upload ids. Each evaluation asks for the ids again (in the one statement that also
 * checks the practice's records, see EVALUATION_SQL), so an upload or a removal through any
 * server process is seen at the next finalize.
 */

interface FileRow { id: string; kind: ReferenceKind; record_keys: string[]; summary: ReferenceSummary; uploaded_at: Date }

type ServerReference = Pick<ContextOptions, 'ncci' | 'codeSets'> & { articles: { article: CoverageArticle }[] }

/** Parsed uploads by id, the promise shared by evaluations that ask at once. */
const parsedFiles = new Map<string, Promise<ParsedReference>>()
/** The reference part of the context for one set of upload ids. */
let built: { signature: string; reference: Promise<ServerReference> } | null = null

async function parsedFile(q: Queryable, file: FileRow): Promise<ParsedReference> {
  let parsed = parsedFiles.get(file.id)
  if (!parsed) {
    parsed = (async () => {
      const parts = await q.query<{ name: string; gzip: Uint8Array }>('select name, gzip from reference_file_contents where file_id = $1 order by position', [file.id])
      const sources = parts.map((p) => ({ name: p.name, text: gunzipSync(p.gzip).toString('utf8') }))
      const result = parseReferenceFiles(metaOfSummary(file.summary), sources)
      // Checked on upload with the same parser: a refusal here means the parser changed since.
      if (!result.ok) throw new Error(`Reference file ${file.id} no longer parses: ${result.problems.join(' ')}`)
      return result.parsed
    })()
    parsedFiles.set(file.id, parsed)
    parsed.catch(() => parsedFiles.delete(file.id))
  }
  return parsed
}

/** The newest upload providing each record, as a workstation's reference sync chooses (src/storage/group/reference-sync.ts). */
function newestPerRecord(files: readonly FileRow[]): Map<string, { file: FileRow; keys: Set<string> }> {
  const wanted = new Map<string, FileRow>()
  for (const f of [...files].sort((a, b) => b.uploaded_at.getTime() - a.uploaded_at.getTime())) {
    for (const key of f.record_keys) if (!wanted.has(`${f.kind}|${key}`)) wanted.set(`${f.kind}|${key}`, f)
  }
  const byFile = new Map<string, { file: FileRow; keys: Set<string> }>()
  for (const [slot, file] of wanted) {
    const entry = byFile.get(file.id) ?? { file, keys: new Set<string>() }
    entry.keys.add(slot.slice(slot.indexOf('|') + 1))
    byFile.set(file.id, entry)
  }
  return byFile
}

async function buildReference(q: Queryable, files: readonly FileRow[]): Promise<ServerReference> {
  const ncci: Parameters<typeof ncciTablesOf>[0][number][] = []
  const releases: Icd10Release[] = []
  const articles: { article: CoverageArticle }[] = []
  for (const { file, keys } of newestPerRecord(files).values()) {
    const p = await parsedFile(q, file)
    if (p.kind === 'ncci' && file.summary.kind === 'ncci') ncci.push({ quarter: file.summary.quarter, ...p.table })
    else if (p.kind === 'icd10') releases.push(p.release)
    else if (p.kind === 'coverage') for (const article of p.articles) if (keys.has(article.articleId)) articles.push({ article })
  }
  const tables = ncciTablesOf(ncci)
  // Built once per set of uploads, as the browser builds a release's index once per page.
  const codeSets: Icd10CodeSet[] = releases.sort(byReleaseDesc).map((r) => codeSetOfRelease(r, r.codes))
  articles.sort((a, b) => (a.article.articleId < b.article.articleId ? -1 : a.article.articleId > b.article.articleId ? 1 : 0))
  return {
    ...(tables.mue.length > 0 || tables.ptp.length > 0 ? { ncci: tables } : {}),
    ...(codeSets.length > 0 ? { codeSets } : {}),
    articles,
  }
}

/**
 * The server-wide reference data, parsed once per set of uploads (`signature`: their ids in
 * order). `known` is what was built when the statement was sent: the statement answers the files
 * only when their ids differ from its signature.
 */
function serverReference(q: Queryable, known: typeof built, signature: string, files: readonly FileRow[] | null): Promise<ServerReference> {
  if (known?.signature === signature) return known.reference
  if (built?.signature === signature) return built.reference
  if (!files) throw new Error('reference files not listed for a new set of uploads')
  const ids = new Set(files.map((f) => f.id))
  for (const id of parsedFiles.keys()) if (!ids.has(id)) parsedFiles.delete(id)
  const reference = buildReference(q, files)
  const entry = { signature, reference }
  built = entry
  reference.catch(() => { if (built === entry) built = null })
  return reference
}

export type EvaluationOptions = Pick<ContextOptions, 'payerProfiles' | 'ncci' | 'codeSets' | 'coverage' | 'ndcList'>

/**
 * The practice's records the evaluation reads, as last loaded by this process: `digest` names
 * every one of them by id, version and row version (xmin: any write of a row, committed or not,
 * makes a new one), so a digest the database answers equal to this one means the same records.
 */
interface PracticeRecords { digest: string; custom: { profile: PayerProfile }[]; settings: Pick<CoverageContext, 'choices' | 'settings'> | undefined; ndcList: NdcListEntry[] }

/** Per practice: its records, and the options built from them and the reference files (by signature). */
const practices = new Map<string, { records: PracticeRecords; options?: { signature: string; value: EvaluationOptions } }>()
/** Practices kept at most (a server hosts a handful; the oldest loaded goes first). */
const MAX_PRACTICES = 200

/**
 * One round trip: the digest of the practice's evaluation records and the reference files' ids,
 * with the records' bodies only when the digest differs from the one given ($2), and the files'
 * rows only when their ids differ ($3). Statements see one snapshot, so the digest and the
 * bodies always agree.
 */
const EVALUATION_SQL = `with rec as (
    select id, kind, version, xmin::text as x, body from practice_records
    where practice_id = $1 and kind in ('payer-profile', 'coverage-settings', 'ndc-list-entry')
  ), rd as (
    select md5(coalesce(string_agg(id::text || ':' || version::text || ':' || x, ',' order by id), '')) as digest from rec
  ), files as (
    select id, kind, record_keys, summary, uploaded_at from reference_files
  ), fd as (
    select coalesce(string_agg(id::text, ',' order by id), '') as signature from files
  )
  select rd.digest, fd.signature,
    case when rd.digest is distinct from $2 then (select coalesce(json_agg(json_build_object('kind', kind, 'body', body)), '[]'::json) from rec) end as records,
    case when fd.signature is distinct from $3 then (select coalesce(json_agg(json_build_object('id', id, 'kind', kind, 'record_keys', record_keys, 'summary', summary, 'uploaded_at', uploaded_at) order by id), '[]'::json) from files) end as files
  from rd, fd`

interface EvaluationRow {
  digest: string
  signature: string
  records: { kind: string; body: unknown }[] | null
  files: (Omit<FileRow, 'uploaded_at'> & { uploaded_at: string })[] | null
}

function recordsOf(digest: string, rows: readonly { kind: string; body: unknown }[]): PracticeRecords {
  // As the group store lists them: by name (the records were checked on write, see record-kinds.ts).
  const custom = rows.filter((r) => r.kind === 'payer-profile').map((r) => r.body as { profile: PayerProfile })
    .sort((a, b) => a.profile.name.localeCompare(b.profile.name))
  const settings = rows.find((r) => r.kind === 'coverage-settings')?.body as Pick<CoverageContext, 'choices' | 'settings'> | undefined
  const ndcList = rows.filter((r) => r.kind === 'ndc-list-entry').map((r) => r.body as NdcListEntry).sort(compareNdcListEntries)
  return { digest, custom, settings, ndcList }
}

/**
 * The evaluation context's options for a practice: its payer profiles, coverage choices and NDC
 * list, and the server's reference files. One statement a call; what this process loaded before
 * is used again only when the database says it is still current (see EVALUATION_SQL), so a change
 * committed through any server process is seen by the next evaluation. The options are shared
 * between evaluations: callers must not change them.
 */
export async function practiceEvaluationData(q: Queryable, practiceId: string): Promise<EvaluationOptions> {
  const cached = practices.get(practiceId)
  const known = built
  const row = (await q.query<EvaluationRow>(EVALUATION_SQL, [practiceId, cached?.records.digest ?? null, known?.signature ?? null]))[0]
  if (!row) throw new Error('the evaluation data statement answered no row')
  let entry = cached
  if (!entry || entry.records.digest !== row.digest) {
    if (!row.records) throw new Error('practice records not listed for a new digest')
    entry = { records: recordsOf(row.digest, row.records) }
    practices.delete(practiceId)
    if (practices.size >= MAX_PRACTICES) practices.delete(practices.keys().next().value as string)
    practices.set(practiceId, entry)
  }
  const files = row.files?.map((f) => ({ ...f, uploaded_at: new Date(f.uploaded_at) })) ?? null
  const reference = await serverReference(q, known, row.signature, files)
  if (entry.options?.signature !== row.signature) {
    const { custom, settings, ndcList } = entry.records
    const coverage = coverageContextOf(reference.articles, settings)
    entry.options = {
      signature: row.signature,
      value: {
        payerProfiles: payerProfilesWith(custom),
        ...(reference.ncci ? { ncci: reference.ncci } : {}),
        ...(reference.codeSets ? { codeSets: reference.codeSets } : {}),
        ...(coverage ? { coverage } : {}),
        ndcList,
      },
    }
  }
  return entry.options.value
}

/** Forgets what this process loaded (tests: a process that never evaluated). */
export function forgetEvaluationData(): void {
  practices.clear()
  parsedFiles.clear()
  built = null
}

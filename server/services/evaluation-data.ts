import { gunzipSync } from 'node:zlib'
import type { ContextOptions } from '../../src/domain/context.ts'
import type { CoverageArticle, CoverageContext } from '../../src/domain/coverage/index.ts'
import type { Icd10CodeSet, Icd10Release } from '../../src/domain/icd10/index.ts'
import type { PayerProfile } from '../../src/domain/index.ts'
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
 * per set of upload ids. Each evaluation lists the ids again (one small query), so an upload or a
 * removal through any server process is seen at the next finalize.
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

/** The server-wide reference data, parsed once per set of uploads. */
async function serverReference(q: Queryable): Promise<ServerReference> {
  const files = await q.query<FileRow>('select id, kind, record_keys, summary, uploaded_at from reference_files order by id')
  const signature = files.map((f) => f.id).join(',')
  if (built?.signature !== signature) {
    const ids = new Set(files.map((f) => f.id))
    for (const id of parsedFiles.keys()) if (!ids.has(id)) parsedFiles.delete(id)
    const reference = buildReference(q, files)
    built = { signature, reference }
    reference.catch(() => { if (built?.reference === reference) built = null })
  }
  return built.reference
}

/**
 * The evaluation context's options for a practice (the NDC list aside): its payer profiles, the
 * server's reference files and its coverage choices.
 */
export async function practiceEvaluationData(q: Queryable, practiceId: string): Promise<Pick<ContextOptions, 'payerProfiles' | 'ncci' | 'codeSets' | 'coverage'>> {
  const records = await q.query<{ kind: string; body: unknown }>(
    `select kind, body from practice_records where practice_id = $1 and kind in ('payer-profile', 'coverage-settings')`, [practiceId])
  // As the group store lists them: by name (the records were checked on write, see record-kinds.ts).
  const custom = records.filter((r) => r.kind === 'payer-profile').map((r) => r.body as { profile: PayerProfile })
    .sort((a, b) => a.profile.name.localeCompare(b.profile.name))
  const settings = records.find((r) => r.kind === 'coverage-settings')?.body as Pick<CoverageContext, 'choices' | 'settings'> | undefined
  const reference = await serverReference(q)
  const coverage = coverageContextOf(reference.articles, settings)
  return {
    payerProfiles: payerProfilesWith(custom),
    ...(reference.ncci ? { ncci: reference.ncci } : {}),
    ...(reference.codeSets ? { codeSets: reference.codeSets } : {}),
    ...(coverage ? { coverage } : {}),
  }
}

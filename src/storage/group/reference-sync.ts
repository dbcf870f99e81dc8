import { metaOfSummary, parseReferenceFiles, type ReferenceMeta, type ReferenceSource } from '../../group-api/reference-files.ts'
import type { ReferenceFileInfo, ReferenceUploadBody } from '../../group-api/reference-schemas.ts'
import { icd10ReleaseRecord } from '../icd10-codes.ts'
import type { CoverageArticleRecord, GroupUploadMark, NcciTableRecord, WorksheetStore } from '../types.ts'
import type { GroupClient } from './client.ts'

/**
 * Public reference files in group mode (issues 13, 14): the server keeps one copy for every
 * practice; each workstation caches the parsed tables in its own store, so the worksheet reads
 * them locally as in the standalone app. A cached record carries its upload (`group`); a record
 * without one was loaded on this workstation only and the sync never touches it (a group file
 * for the same quarter or year is then not cached here: the workstation's own one stays in use).
 */

type Local = Pick<WorksheetStore, 'listNcciTables' | 'saveNcciTable' | 'deleteNcciTable' | 'listIcd10Releases' | 'saveIcd10Release' | 'deleteIcd10Release'
  | 'listCoverageArticles' | 'saveCoverageArticles' | 'deleteCoverageArticle'>

export interface ReferenceSyncResult {
  /** Uploads downloaded and cached. */
  fetched: string[]
  /** Cached records removed (their upload was removed or replaced on the server). */
  removed: string[]
  /** Keys the server has that this workstation keeps its own file for. */
  keptLocal: string[]
  /** Uploads that could not be cached (the message says why). */
  failed: { id: string; message: string }[]
}

export { metaOfSummary }

async function gunzipBase64(base64: string): Promise<string> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))
  return new Response(stream).text()
}

async function gzipBase64(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'))
  const zipped = new Uint8Array(await new Response(stream).arrayBuffer())
  let binary = ''
  const CHUNK = 0x8000
  for (let i = 0; i < zipped.length; i += CHUNK) binary += String.fromCharCode(...zipped.subarray(i, i + CHUNK))
  return btoa(binary)
}

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('')

/** The upload body of some files: each file's SHA-256, its bytes gzip-compressed and base64. */
export async function referenceUploadBody(meta: ReferenceMeta, files: readonly ReferenceSource[]): Promise<ReferenceUploadBody> {
  return {
    meta: meta.kind === 'ncci' ? { ...meta, quarter: meta.quarter.trim().toUpperCase() } : meta,
    files: await Promise.all(files.map(async (f) => {
      const bytes = new TextEncoder().encode(f.text)
      return { name: f.name, sha256: hex(await crypto.subtle.digest('SHA-256', bytes)), gzipBase64: await gzipBase64(bytes) }
    })),
  }
}

/** Uploads files for the whole server (admins): the server parses them again and refuses a malformed file whole. */
export async function uploadReferenceFiles(client: GroupClient, meta: ReferenceMeta, files: readonly ReferenceSource[]) {
  return client.request('uploadReference', { body: await referenceUploadBody(meta, files) })
}

const markOf = (f: ReferenceFileInfo): GroupUploadMark => ({ fileId: f.id, byName: f.uploadedByName, uploadedAt: f.uploadedAt })
const slot = (kind: string, key: string) => `${kind}|${key}`

/** Caches the server's reference files in the workstation's store, and drops cached ones the server no longer has. */
export async function syncReferenceFiles(client: GroupClient, local: Local): Promise<ReferenceSyncResult> {
  const { files } = await client.request('referenceFiles')
  // The newest upload providing each record (the server keeps one, except for overlapping article sets).
  const wanted = new Map<string, ReferenceFileInfo>()
  for (const f of [...files].sort((a, b) => (a.uploadedAt < b.uploadedAt ? 1 : a.uploadedAt > b.uploadedAt ? -1 : 0))) {
    for (const key of f.keys) if (!wanted.has(slot(f.kind, key))) wanted.set(slot(f.kind, key), f)
  }
  const [ncci, icd10, coverage] = await Promise.all([local.listNcciTables(), local.listIcd10Releases(), local.listCoverageArticles()])
  const have = new Map<string, { mark: GroupUploadMark | undefined; remove: () => Promise<void> }>()
  for (const t of ncci) have.set(slot('ncci', t.id), { mark: t.group, remove: () => local.deleteNcciTable(t.id) })
  for (const r of icd10) have.set(slot('icd10', r.id), { mark: r.group, remove: () => local.deleteIcd10Release(r.id) })
  for (const a of coverage) have.set(slot('coverage', a.article.articleId), { mark: a.group, remove: () => local.deleteCoverageArticle(a.article.articleId) })

  const result: ReferenceSyncResult = { fetched: [], removed: [], keptLocal: [], failed: [] }
  for (const [key, entry] of have) {
    if (entry.mark && !wanted.has(key)) {
      await entry.remove()
      result.removed.push(key)
    }
  }
  const needed = new Map<string, { file: ReferenceFileInfo; keys: Set<string> }>()
  for (const [key, file] of wanted) {
    const entry = have.get(key)
    if (entry && !entry.mark) { result.keptLocal.push(key); continue }
    if (entry?.mark?.fileId === file.id) continue
    const n = needed.get(file.id) ?? { file, keys: new Set<string>() }
    n.keys.add(key.slice(key.indexOf('|') + 1))
    needed.set(file.id, n)
  }
  for (const { file, keys } of needed.values()) {
    try {
      const content = await client.request('referenceContent', { params: { id: file.id } })
      const sources = await Promise.all(content.files.map(async (f) => ({ name: f.name, text: await gunzipBase64(f.gzipBase64) })))
      const parsed = parseReferenceFiles(metaOfSummary(file.summary), sources)
      if (!parsed.ok) throw new Error(parsed.problems.join(' '))
      const group = markOf(file)
      const fileNames = sources.map((s) => s.name)
      const p = parsed.parsed
      if (p.kind === 'ncci' && file.summary.kind === 'ncci') {
        const s = file.summary
        const base = { id: `${s.table}:${s.quarter}`, quarter: s.quarter, effectiveFrom: s.effectiveFrom, effectiveTo: s.effectiveTo, loadedAt: file.uploadedAt, fileNames, entryCount: s.entryCount, group }
        const record: NcciTableRecord = p.table.kind === 'mue' ? { ...base, kind: 'mue', table: p.table.table } : { ...base, kind: 'ptp', table: p.table.table }
        await local.saveNcciTable(record)
      } else if (p.kind === 'icd10') {
        await local.saveIcd10Release({ ...icd10ReleaseRecord(p.release, fileNames[0] ?? '', file.uploadedAt), group })
      } else if (p.kind === 'coverage') {
        const records: CoverageArticleRecord[] = p.articles.filter((a) => keys.has(a.articleId)).map((article) => ({ article, loadedAt: file.uploadedAt, fileNames, group }))
        await local.saveCoverageArticles(records)
      }
      result.fetched.push(file.id)
    } catch (err) {
      result.failed.push({ id: file.id, message: err instanceof Error ? err.message : String(err) })
    }
  }
  return result
}

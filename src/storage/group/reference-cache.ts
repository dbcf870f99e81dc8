import type { ReferenceMeta } from '../../group-api/reference-files.ts'
import type { ReferenceFileText, WorksheetStore } from '../types.ts'
import type { GroupClient } from './client.ts'
import { syncReferenceFiles, uploadReferenceFiles, type ReferenceSyncResult } from './reference-sync.ts'
import type { SyncEngine } from './sync/engine.ts'

/** The group server's reference-file routes, as the group store uses them. */
export interface ReferenceFiles {
  sync(local: WorksheetStore): Promise<ReferenceSyncResult>
  upload(meta: ReferenceMeta, files: readonly ReferenceFileText[]): Promise<void>
  remove(fileId: string): Promise<void>
}

export function referenceFilesOf(client: GroupClient): ReferenceFiles {
  return {
    sync: (local) => syncReferenceFiles(client, local),
    upload: async (meta, files) => { await uploadReferenceFiles(client, meta, files) },
    remove: async (fileId) => { await client.request('deleteReference', { params: { id: fileId } }) },
  }
}

/** A list opened this recently does not ask the server again (the event stream tells of changes). */
const LIST_SYNC_MS = 30_000

type ReferenceMethods = Pick<WorksheetStore, 'saveNcciTable' | 'listNcciTables' | 'loadNcciTables' | 'deleteNcciTable' | 'saveIcd10Release' | 'listIcd10Releases'
  | 'loadIcd10Releases' | 'deleteIcd10Release' | 'saveCoverageArticles' | 'listCoverageArticles' | 'deleteCoverageArticle'>

const NO_SOURCE = 'This screen did not give the files to upload to the group server; nothing was saved.'

/**
 * The group store's reference methods: reads stay on the workstation's cache; loads and removals
 * go to the server (admins), then the cache follows. The cache syncs at sign-in, when a list is
 * opened (at most every 30 s), and when the event stream says another desk changed a file.
 */
export function createReferenceCache(local: WorksheetStore, server: ReferenceFiles | undefined, engine: Partial<Pick<SyncEngine, 'onReference'>>): ReferenceMethods {
  if (!server) {
    return {
      saveNcciTable: (r) => local.saveNcciTable(r), listNcciTables: () => local.listNcciTables(), loadNcciTables: () => local.loadNcciTables(),
      deleteNcciTable: (id) => local.deleteNcciTable(id), saveIcd10Release: (r) => local.saveIcd10Release(r), listIcd10Releases: () => local.listIcd10Releases(),
      loadIcd10Releases: () => local.loadIcd10Releases(), deleteIcd10Release: (id) => local.deleteIcd10Release(id),
      saveCoverageArticles: (r) => local.saveCoverageArticles(r), listCoverageArticles: () => local.listCoverageArticles(), deleteCoverageArticle: (id) => local.deleteCoverageArticle(id),
    }
  }
  let running: Promise<unknown> | null = null
  let lastSync = 0
  const sync = async () => {
    while (running) await running.catch(() => undefined)
    lastSync = Date.now()
    running = server.sync(local)
    try { await running } finally { running = null }
  }
  const syncSoon = () => { if (Date.now() - lastSync > LIST_SYNC_MS) void sync().catch(() => undefined) }
  void sync().catch(() => undefined)
  engine.onReference?.(() => { void sync().catch(() => undefined) })

  const upload = async (meta: ReferenceMeta, source: readonly ReferenceFileText[] | undefined) => {
    if (!source || source.length === 0) throw new Error(NO_SOURCE)
    await server.upload(meta, source)
    await sync()
  }
  /** A record cached from the server is removed there (an admin of the practice that loaded it); a workstation-only one here. */
  const remove = async (mark: { fileId: string } | undefined, removeHere: () => Promise<void>) => {
    if (!mark) return removeHere()
    await server.remove(mark.fileId)
    await sync()
  }
  return {
    saveNcciTable: (r, source) => upload({ kind: 'ncci', table: r.kind, quarter: r.quarter }, source),
    listNcciTables: () => { syncSoon(); return local.listNcciTables() },
    loadNcciTables: () => local.loadNcciTables(),
    deleteNcciTable: async (id) => remove((await local.listNcciTables()).find((t) => t.id === id)?.group, () => local.deleteNcciTable(id)),
    saveIcd10Release: (r, source) => upload({ kind: 'icd10', fiscalYear: r.fiscalYear, release: r.release }, source),
    listIcd10Releases: () => { syncSoon(); return local.listIcd10Releases() },
    loadIcd10Releases: () => local.loadIcd10Releases(),
    deleteIcd10Release: async (id) => remove((await local.listIcd10Releases()).find((r) => r.id === id)?.group, () => local.deleteIcd10Release(id)),
    saveCoverageArticles: (_records, source) => upload({ kind: 'coverage' }, source),
    listCoverageArticles: () => { syncSoon(); return local.listCoverageArticles() },
    deleteCoverageArticle: async (id) => remove((await local.listCoverageArticles()).find((a) => a.article.articleId === id)?.group, () => local.deleteCoverageArticle(id)),
  }
}

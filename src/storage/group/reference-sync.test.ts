import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ReferenceFileInfo } from '../../group-api/reference-schemas.ts'
import type { CoverageArticleRecord, Icd10ReleaseRecord, NcciTableRecord, WorksheetStore } from '../types.ts'
import { createReferenceCache, type ReferenceFiles } from './reference-cache.ts'
import { createFakeGroupClient } from './fake-client.ts'
import { referenceUploadBody, syncReferenceFiles } from './reference-sync.ts'

const MUE = readFileSync(new URL('../../domain/ncci/fixtures/mue-practitioner-2026q4.csv', import.meta.url), 'utf8')
const FILE_ID = '3f1c2b9a-1111-4a2b-8c3d-000000000001'
const OTHER_ID = '3f1c2b9a-1111-4a2b-8c3d-000000000002'

function memoryLocal() {
  const ncci = new Map<string, NcciTableRecord>()
  const icd10 = new Map<string, Icd10ReleaseRecord>()
  const coverage = new Map<string, CoverageArticleRecord>()
  return {
    ncci,
    listNcciTables: () => Promise.resolve([...ncci.values()]),
    saveNcciTable: (r: NcciTableRecord) => { ncci.set(r.id, r); return Promise.resolve() },
    deleteNcciTable: (id: string) => { ncci.delete(id); return Promise.resolve() },
    listIcd10Releases: () => Promise.resolve([...icd10.values()]),
    saveIcd10Release: (r: Icd10ReleaseRecord) => { icd10.set(r.id, r); return Promise.resolve() },
    deleteIcd10Release: (id: string) => { icd10.delete(id); return Promise.resolve() },
    listCoverageArticles: () => Promise.resolve([...coverage.values()]),
    saveCoverageArticles: (rs: readonly CoverageArticleRecord[]) => { for (const r of rs) coverage.set(r.article.articleId, r); return Promise.resolve() },
    deleteCoverageArticle: (id: string) => { coverage.delete(id); return Promise.resolve() },
  }
}

async function serverWith(files: ReferenceFileInfo[]) {
  const body = await referenceUploadBody({ kind: 'ncci', table: 'mue', quarter: '2026q4' }, [{ name: 'mue.csv', text: MUE }])
  const client = createFakeGroupClient()
  client.on('referenceFiles', () => ({ files }))
  client.on('referenceContent', ({ params }) => ({ id: params.id, files: body.files.map((f) => ({ name: f.name, sha256: f.sha256, gzipBase64: f.gzipBase64 })) }))
  return client
}

const mueFile = (id: string, uploadedAt = '2026-12-01T10:00:00.000Z'): ReferenceFileInfo => ({
  id, kind: 'ncci', keys: ['mue:2026Q4'], uploadedAt, uploadedByName: 'Avery Admin', ownPractice: true,
  summary: { kind: 'ncci', table: 'mue', quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: '2026-12-31', entryCount: 5 },
  files: [{ name: 'mue.csv', sha256: 'a'.repeat(64), bytes: MUE.length }],
})

describe('syncing the group server\'s reference files into the workstation', () => {
  it('the upload body names the quarter in capitals and carries the SHA-256 of the file\'s bytes', async () => {
    const body = await referenceUploadBody({ kind: 'ncci', table: 'mue', quarter: '2026q4' }, [{ name: 'mue.csv', text: 'abc' }])
    expect(body.meta).toEqual({ kind: 'ncci', table: 'mue', quarter: '2026Q4' })
    expect(body.files[0].sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('caches a group MUE table, parsed here, marked with who loaded it; a second sync downloads nothing', async () => {
    const client = await serverWith([mueFile(FILE_ID)])
    const local = memoryLocal()
    const first = await syncReferenceFiles(client, local)
    expect(first).toMatchObject({ fetched: [FILE_ID], removed: [], keptLocal: [], failed: [] })
    const cached = local.ncci.get('mue:2026Q4')!
    expect(cached.group).toEqual({ fileId: FILE_ID, byName: 'Avery Admin', uploadedAt: '2026-12-01T10:00:00.000Z' })
    expect(cached.kind === 'mue' && cached.table.entries.size).toBeGreaterThan(0)
    await syncReferenceFiles(client, local)
    expect(client.callsTo('referenceContent')).toHaveLength(1)
  })

  it('replaces the cached table when the server has a newer upload of the quarter, and removes it when the server removed it', async () => {
    const local = memoryLocal()
    await syncReferenceFiles(await serverWith([mueFile(FILE_ID)]), local)
    await syncReferenceFiles(await serverWith([mueFile(OTHER_ID, '2026-12-02T10:00:00.000Z')]), local)
    expect(local.ncci.get('mue:2026Q4')!.group?.fileId).toBe(OTHER_ID)
    const gone = await syncReferenceFiles(await serverWith([]), local)
    expect(gone.removed).toEqual(['ncci|mue:2026Q4'])
    expect(local.ncci.size).toBe(0)
  })

  it('never deletes or overwrites a table loaded on this workstation only', async () => {
    const local = memoryLocal()
    const own = { id: 'mue:2026Q4', kind: 'mue', quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: '2026-12-31', loadedAt: '2026-11-01T00:00:00.000Z', fileNames: ['mine.csv'], entryCount: 1, table: { quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: '2026-12-31', entries: new Map() } } as unknown as NcciTableRecord
    local.ncci.set(own.id, own)
    const withGroup = await syncReferenceFiles(await serverWith([mueFile(FILE_ID)]), local)
    expect(withGroup.keptLocal).toEqual(['ncci|mue:2026Q4'])
    expect(local.ncci.get('mue:2026Q4')).toBe(own)
    await syncReferenceFiles(await serverWith([]), local)
    expect(local.ncci.get('mue:2026Q4')).toBe(own)
  })

  it('reports an upload it cannot parse and caches nothing of it', async () => {
    const client = createFakeGroupClient()
    const bad = await referenceUploadBody({ kind: 'coverage' }, [{ name: 'x.csv', text: 'not,an,mcd,file\n' }])
    client.on('referenceFiles', () => ({ files: [mueFile(FILE_ID)] }))
    client.on('referenceContent', ({ params }) => ({ id: params.id, files: bad.files }))
    const local = memoryLocal()
    const result = await syncReferenceFiles(client, local)
    expect(result.failed).toHaveLength(1)
    expect(result.failed[0].message).toMatch(/x\.csv/)
    expect(local.ncci.size).toBe(0)
  })
})

describe('the group store\'s reference methods', () => {
  const asStore = (local: ReturnType<typeof memoryLocal>) => local as unknown as WorksheetStore
  const fakeServer = () => {
    const calls: string[] = []
    const server: ReferenceFiles = {
      sync: () => { calls.push('sync'); return Promise.resolve({ fetched: [], removed: [], keptLocal: [], failed: [] }) },
      upload: (meta, files) => { calls.push(`upload ${meta.kind} ${files.map((f) => f.name).join(',')}`); return Promise.resolve() },
      remove: (id) => { calls.push(`remove ${id}`); return Promise.resolve() },
    }
    return { server, calls }
  }
  const record = (group?: { fileId: string }) => ({ id: 'mue:2026Q4', kind: 'mue', quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: '2026-12-31', loadedAt: '', fileNames: [], entryCount: 0, table: { entries: new Map() }, ...(group ? { group: { ...group, byName: null, uploadedAt: '' } } : {}) }) as unknown as NcciTableRecord

  it('syncs at sign-in and when another desk uploads (the event stream\'s reference event)', async () => {
    const { server, calls } = fakeServer()
    let fire = () => {}
    createReferenceCache(asStore(memoryLocal()), server, { onReference: (l) => { fire = l; return () => {} } })
    await Promise.resolve()
    expect(calls).toEqual(['sync'])
    fire()
    await new Promise((r) => setTimeout(r, 0))
    expect(calls).toEqual(['sync', 'sync'])
  })

  it('uploads a loaded table with its files to the server instead of saving it here, then syncs', async () => {
    const { server, calls } = fakeServer()
    const local = memoryLocal()
    const methods = createReferenceCache(asStore(local), server, {})
    await methods.saveNcciTable(record(), [{ name: 'mue.csv', text: MUE }])
    expect(calls).toContain('upload ncci mue.csv')
    expect(calls.at(-1)).toBe('sync')
    expect(local.ncci.size).toBe(0)
    await expect(methods.saveNcciTable(record())).rejects.toThrow(/nothing was saved/)
  })

  it('removes a group file on the server, and a workstation-only file here', async () => {
    const { server, calls } = fakeServer()
    const local = memoryLocal()
    const methods = createReferenceCache(asStore(local), server, {})
    local.ncci.set('mue:2026Q4', record({ fileId: FILE_ID }))
    await methods.deleteNcciTable('mue:2026Q4')
    expect(calls).toContain(`remove ${FILE_ID}`)
    local.ncci.set('mue:2026Q4', record())
    await methods.deleteNcciTable('mue:2026Q4')
    expect(calls.filter((c) => c.startsWith('remove'))).toHaveLength(1)
    expect(local.ncci.size).toBe(0)
  })
})

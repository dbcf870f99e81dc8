import { describe, expect, it } from 'vitest'
import { practiceCases } from '../../../domain/training/cases/index.ts'
import type { PracticeCase } from '../../../domain/training/types.ts'
import { buildImportPreview, caseFileName, casesOfScope, importRecords, importSummary, type ExportableCase } from './case-file-model.ts'

const shippedIds = new Set(practiceCases.map((c) => c.id))
const isShipped = (id: string) => shippedIds.has(id)
const own = (c: PracticeCase, id: string, title = c.title): PracticeCase => ({ ...c, id, title })
const [a, b, c] = practiceCases as [PracticeCase, PracticeCase, PracticeCase]
const catalog: ExportableCase[] = [
  ...practiceCases.map((p) => ({ case: p, source: 'shipped' as const })),
  { case: own(a, 'ours-1'), source: 'library' },
  { case: own(b, 'ours-2'), source: 'library' },
]

describe('case file export', () => {
  it('exports every case, only the practice\'s own, or one level', () => {
    expect(casesOfScope(catalog, 'all')).toHaveLength(practiceCases.length + 2)
    expect(casesOfScope(catalog, 'own').map((p) => p.id)).toEqual(['ours-1', 'ours-2'])
    const advanced = casesOfScope(catalog, 'advanced')
    expect(advanced.length).toBeGreaterThan(0)
    expect(advanced.every((p) => p.level === 'advanced')).toBe(true)
    expect(advanced).toHaveLength(catalog.filter((x) => x.case.level === 'advanced').length)
  })

  it('names the file by the local date', () => {
    expect(caseFileName('2026-11-27')).toBe('practice-cases-2026-11-27.json')
  })
})

describe('case file import preview', () => {
  it('marks each case new or replacing the practice\'s case, and takes today\'s key for a stale one', () => {
    const stale = { lines: [], findings: [] }
    const preview = buildImportPreview([own(a, 'ours-1', 'From file'), own(b, 'fresh')], [{ id: 'fresh', key: b.answerKey }], isShipped, new Map([['ours-1', 'Our old title']]))
    expect(preview.shippedClashes).toEqual([])
    expect(preview.rows.map((r) => [r.case.id, r.status, r.keyUpdated])).toEqual([
      ['ours-1', { kind: 'replaces', title: 'Our old title' }, false],
      ['fresh', { kind: 'new' }, true],
    ])
    const withStaleKey = buildImportPreview([{ ...own(c, 'x'), answerKey: stale }], [{ id: 'x', key: c.answerKey }], isShipped, new Map())
    expect(withStaleKey.rows[0]?.case.answerKey).toEqual(c.answerKey)
  })

  it('refuses the whole file when a case reuses a shipped id', () => {
    const preview = buildImportPreview([own(b, 'fresh'), a], [], isShipped, new Map())
    expect(preview.shippedClashes).toEqual([a.id])
    expect(preview.rows[1]?.status).toEqual({ kind: 'shipped' })
    expect(() => importRecords(preview, null, '2026-11-27T00:00:00.000Z', () => undefined)).toThrow(/shipped case id/)
  })

  it('stores imported records under the user, keeping a replaced case\'s first date', () => {
    const preview = buildImportPreview([own(a, 'ours-1'), own(b, 'fresh')], [{ id: 'fresh', key: b.answerKey }], isShipped, new Map([['ours-1', 'Old']]))
    const records = importRecords(preview, { id: 'U1', name: 'Sam' }, '2026-11-27T10:00:00.000Z', (id) => (id === 'ours-1' ? '2026-01-01T00:00:00.000Z' : undefined))
    expect(records.map((r) => [r.id, r.origin, r.createdAt, r.updatedAt, r.userId, r.userName])).toEqual([
      ['ours-1', 'imported', '2026-01-01T00:00:00.000Z', '2026-11-27T10:00:00.000Z', 'U1', 'Sam'],
      ['fresh', 'imported', '2026-11-27T10:00:00.000Z', '2026-11-27T10:00:00.000Z', 'U1', 'Sam'],
    ])
    expect(importSummary(preview)).toBe('2 cases imported: 1 new, 1 replaced; 1 answer key updated to today\'s rule module.')
    expect(importSummary(buildImportPreview([own(a, 'solo')], [], isShipped, new Map()))).toBe('1 case imported: 1 new, 0 replaced.')
  })
})

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { practiceCases } from '../../../domain/training/cases/index.ts'
import type { PracticeCase } from '../../../domain/training/types.ts'
import { CurrentUserContext } from '../../../lib/current-user.tsx'
import { downloadText } from '../../../lib/download.ts'
import { StoreProvider } from '../../../storage/index.ts'
import type { UserRecord } from '../../../storage/types.ts'
import { testUsers, trainingOnlyStore } from '../authoring/test-support.tsx'
import { casesToJson, parseCaseFile } from '../model/case-file.ts'
import { CaseFilePage } from './case-file-page.tsx'

vi.mock('../../../lib/download.ts', () => ({ downloadText: vi.fn() }))

afterEach(() => { cleanup(); vi.mocked(downloadText).mockClear() })

const [a, b, c] = practiceCases as [PracticeCase, PracticeCase, PracticeCase]
const renamed = (p: PracticeCase, id: string, title = `${p.title} (ours)`): PracticeCase => ({ ...p, id, title })
const EXPORTED_AT = '2026-11-26T10:00:00.000Z'

function renderPage(user: UserRecord | null = testUsers.supervisor) {
  const setup = trainingOnlyStore()
  render(
    <StoreProvider store={setup.store}>
      <CurrentUserContext value={{ user, setUser: () => undefined }}><CaseFilePage /></CurrentUserContext>
    </StoreProvider>,
  )
  return setup
}

function pick(text: string, name = 'cases.json') {
  const input = screen.getByLabelText('Case file (JSON)')
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } })
}

async function seedOwn(training: Awaited<ReturnType<typeof trainingOnlyStore>>['training'], ...cases: PracticeCase[]) {
  await training.savePracticeCases(cases.map((p) => ({ id: p.id, case: p, origin: 'authored' as const, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', userId: 'U-SUP', userName: 'Sam' })))
}

describe('CaseFilePage', () => {
  it('exports the practice\'s own cases, or every case, as a dated JSON case file', async () => {
    const { training } = renderPage()
    expect(screen.getByRole('heading', { level: 2, name: 'Practice case file' })).toBeDefined()
    await seedOwn(training, renamed(a, 'ours-1'))
    fireEvent.click(await screen.findByRole('button', { name: 'Download 1 case' }))
    const [name, text, mime] = vi.mocked(downloadText).mock.calls[0]
    expect(name).toMatch(/^practice-cases-\d{4}-\d{2}-\d{2}\.json$/)
    expect(mime).toBe('application/json')
    const read = parseCaseFile(text)
    expect(read.ok && read.cases.map((p) => p.id)).toEqual(['ours-1'])
    expect(screen.getByText(/^Downloaded practice-cases-.*with 1 case\.$/)).toBeDefined()

    fireEvent.change(screen.getByRole('combobox', { name: 'Cases to export' }), { target: { value: 'all' } })
    fireEvent.click(screen.getByRole('button', { name: `Download ${practiceCases.length + 1} cases` }))
    const all = parseCaseFile(vi.mocked(downloadText).mock.calls[1][1])
    expect(all.ok && all.cases).toHaveLength(practiceCases.length + 1)
  })

  it('lets only a supervisor import', () => {
    renderPage(testUsers.trainee)
    expect(screen.getByText(/Only a supervisor can import practice cases/)).toBeDefined()
    expect(screen.queryByLabelText('Case file (JSON)')).toBeNull()
    expect(screen.getByRole('combobox', { name: 'Cases to export' })).toBeDefined()
  })

  it('refuses a bad file with every problem named, and stores nothing', async () => {
    const { calls, training } = renderPage()
    const bad = JSON.parse(casesToJson([renamed(a, 'ok-one'), renamed(b, 'Bad Id')], EXPORTED_AT)) as { cases: Record<string, unknown>[] }
    bad.cases[1].note = 'short'
    pick(JSON.stringify(bad), 'bad.json')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/^bad\.json cannot be imported\. Nothing was stored\./)
    const problems = within(alert).getByRole('list', { name: 'Problems in the file' })
    expect(within(problems).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Case 2 (Bad Id): id must be 1 to 40 lower-case letters, digits or hyphens',
      'Case 2 (Bad Id): note must be a procedure note of at least 80 characters',
    ])
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull()
    expect(calls).toEqual([])
    expect(await training.listPracticeCases()).toEqual([])
  })

  it('previews a good file (new, replacing, stale key) and imports every case in one step', async () => {
    const { calls, training } = renderPage()
    await seedOwn(training, renamed(a, 'ours-1', 'Our first'))
    calls.length = 0
    const staleKey = { ...renamed(c, 'ours-3'), answerKey: { lines: [], findings: [] } }
    pick(casesToJson([renamed(a, 'ours-1', 'Our first, revised'), renamed(b, 'ours-2'), staleKey], EXPORTED_AT), 'good.json')
    const table = await screen.findByRole('table', { name: 'Cases in good.json (3)' })
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((cell) => cell.textContent))
    expect(rows.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['ours-1', 'Our first, revised', 'Replaces your case “Our first”'],
      ['ours-2', `${b.title} (ours)`, 'New'],
      ['ours-3', `${c.title} (ours)`, 'NewAnswer key updated to today\'s rule module'],
    ])
    fireEvent.click(screen.getByRole('button', { name: 'Import 3 cases' }))
    expect(await screen.findByText('3 cases imported: 2 new, 1 replaced; 1 answer key updated to today\'s rule module.')).toBeDefined()
    expect(calls).toEqual(['savePracticeCases ours-1,ours-2,ours-3'])
    const stored = await training.listPracticeCases()
    expect(stored.map((r) => `${r.id} ${r.origin} ${r.userId}`).sort()).toEqual(['ours-1 imported U-SUP', 'ours-2 imported U-SUP', 'ours-3 imported U-SUP'])
    expect(stored.find((r) => r.id === 'ours-1')).toMatchObject({ createdAt: '2026-01-01T00:00:00.000Z', case: { title: 'Our first, revised' } })
    expect(stored.find((r) => r.id === 'ours-3')?.case.answerKey).toEqual(c.answerKey)
  })

  it('refuses the whole file when a case uses a shipped case\'s id, and says how to fix it', async () => {
    const { calls, training } = renderPage()
    pick(casesToJson([renamed(b, 'ours-2'), a], EXPORTED_AT), 'clash.json')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/clash\.json cannot be imported: a case uses the id of a case that ships with the app\. Nothing was stored\. Change the id/)
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([`${a.id} is the id of a case that ships with the app`])
    expect(screen.getByRole('table', { name: 'Cases in clash.json (2)' }).textContent).toMatch(/Refused: the id of a case that ships with the app/)
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull()
    expect(calls).toEqual([])
    await waitFor(async () => expect(await training.listPracticeCases()).toEqual([]))
  })
})

// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { addDays } from '../../../domain/dates.ts'
import { practiceCases } from '../../../domain/training/cases/index.ts'
import { CurrentUserContext } from '../../../lib/current-user.tsx'
import { StoreProvider, type TrainingAttemptRecord, type TrainingStore, type WorksheetStore } from '../../../storage/index.ts'
import { createMemoryTrainingStore } from '../../../storage/memory-training-store.ts'
import type { StoreTable, UserRecord } from '../../../storage/types.ts'
import { localToday } from './local-date.ts'
import { ProgressPage } from './progress-page.tsx'
import { attempt, localMoment, users } from './test-fixtures.ts'

afterEach(cleanup)

/** A WorksheetStore with only what the page reads: users, the training store, and change notices. */
function fakeStore(people: readonly UserRecord[]) {
  const listeners = new Set<(tables: readonly StoreTable[]) => void>()
  const notify = (table: StoreTable) => { for (const l of listeners) l([table]) }
  const training: TrainingStore = createMemoryTrainingStore(notify)
  const reads: Partial<WorksheetStore> = {
    listUsers: () => Promise.resolve([...people]),
    training: () => Promise.resolve(training),
    subscribe: (listener) => { listeners.add(listener); return () => { listeners.delete(listener) } },
  }
  const store = new Proxy(reads, {
    get: (target, key: string) => target[key as keyof WorksheetStore] ?? (() => { throw new Error(`The progress page called store.${key}`) }),
  }) as WorksheetStore
  return { store, training }
}

const today = localToday()
const [caseA, caseB] = practiceCases

/** Tess: three attempts on two shipped cases, yesterday and today, missing FAC-KX twice. */
function tessAttempts(): TrainingAttemptRecord[] {
  const of = (c: typeof caseA) => ({ caseId: c.id, caseTitle: c.title, caseLevel: c.level, families: c.families, userId: users.tess.id, userName: users.tess.name })
  return [
    attempt({ ...of(caseA), id: 'T1', percent: 60, submittedAt: localMoment(addDays(today, -1), 9), caughtRules: [], missedRules: ['FAC-KX', 'FREQ-LIMIT'] }),
    attempt({ ...of(caseA), id: 'T2', percent: 80, submittedAt: localMoment(addDays(today, -1), 10), caughtRules: ['FREQ-LIMIT'], missedRules: ['FAC-KX'] }),
    attempt({ ...of(caseB), id: 'T3', percent: 100, submittedAt: localMoment(today, 8), caughtRules: ['FAC-KX'], missedRules: [] }),
  ]
}

async function setup(viewer: UserRecord | null, userId: string | null, attempts: readonly TrainingAttemptRecord[] = tessAttempts()) {
  const { store, training } = fakeStore(Object.values(users))
  for (const a of attempts) await training.addAttempt(a)
  render(
    <StoreProvider store={store}>
      <CurrentUserContext value={{ user: viewer, setUser: () => undefined }}><ProgressPage userId={userId} /></CurrentUserContext>
    </StoreProvider>,
  )
  return { training }
}

const figure = (label: string) => {
  const term = within(screen.getByRole('region', { name: 'Headline figures' })).getByText(label, { selector: 'dt' })
  return [...term.parentElement!.querySelectorAll('dd')].map((d) => d.textContent).join(' | ')
}

describe('ProgressPage, supervisor', () => {
  it('lists every trainee, including one who has not practised, with their figures and a link to each', async () => {
    await setup(users.sam, null, [...tessAttempts(), attempt({ userId: users.carla.id, userName: users.carla.name, percent: 40, submittedAt: localMoment('2026-01-05') })])
    expect(screen.getByRole('heading', { level: 2, name: 'Training progress' })).toBeDefined()
    const table = await screen.findByRole('table', { name: /^Every trainee, and anyone else who has practised: 3 people/ })
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))
    const names = within(table).getAllByRole('rowheader').map((h) => within(h).getByRole('link').textContent)
    expect(names).toEqual(['Carla Coder', 'Nico New', 'Tess Trainee'])
    expect(rows[0]).toEqual(['1', '1', '40%', '2026-01-05', '0 days', 'none missed'])
    expect(rows[1]).toEqual(['0', '0', '—', 'none yet', '0 days', 'none missed'])
    expect(rows[2]).toEqual(['3', '2', '80%', today, '2 days', 'FAC-KX missed 2 of 3'])
    expect(within(table).getByRole('link', { name: 'Nico New' }).getAttribute('href')).toBe(`#/training/progress/${users.nico.id}`)
    expect(within(table).getByRole('link', { name: 'FAC-KX' }).getAttribute('href')).toBe('#/training/rules/FAC-KX')
    expect(within(table).queryByRole('link', { name: 'Sam Supervisor' })).toBeNull()
  })

  it('sorts the table on a column header', async () => {
    await setup(users.sam, null, [...tessAttempts(), attempt({ userId: users.carla.id, userName: users.carla.name, percent: 40 })])
    const table = await screen.findByRole('table')
    const names = () => within(table).getAllByRole('rowheader').map((h) => within(h).getByRole('link').textContent)
    const average = within(table).getByRole('button', { name: 'Average' })
    act(() => average.click())
    expect(names()).toEqual(['Tess Trainee', 'Carla Coder', 'Nico New'])
    expect(average.closest('th')?.getAttribute('aria-sort')).toBe('descending')
    act(() => average.click())
    expect(names()).toEqual(['Carla Coder', 'Tess Trainee', 'Nico New'])
  })

  it('opens one trainee\'s progress with a way back to all trainees', async () => {
    await setup(users.sam, users.tess.id)
    expect(await screen.findByRole('heading', { level: 2, name: 'Progress of Tess Trainee' })).toBeDefined()
    expect(screen.getByRole('link', { name: 'All trainees' }).getAttribute('href')).toBe('#/training/progress')
    await screen.findByRole('region', { name: 'Headline figures' })
    expect(figure('Attempts')).toBe('3 | on 2 days')
  })

  it('says when a trainee has not practised yet', async () => {
    await setup(users.sam, users.nico.id)
    expect(await screen.findByText('Nico New has not submitted a practice case yet.')).toBeDefined()
    expect(screen.getByRole('heading', { level: 2, name: 'Progress of Nico New' })).toBeDefined()
  })
})

describe('ProgressPage, trainee', () => {
  it('shows the trainee their own figures, computed from their attempts', async () => {
    await setup(users.tess, null)
    expect(screen.getByRole('heading', { level: 2, name: 'Training progress' })).toBeDefined()
    await screen.findByRole('region', { name: 'Headline figures' })
    expect(figure('Attempts')).toBe('3 | on 2 days')
    expect(figure('Cases done')).toBe(`2 of ${practiceCases.length}`)
    expect(figure('Average score')).toBe('80%')
    expect(figure('Best score')).toBe('100%')
    expect(figure('Day streak')).toBe('2 days | longest 2 days')
    expect(figure('Perfect-score streak')).toBe('1 attempt | longest 1 attempt')
    expect(screen.queryByRole('link', { name: 'All trainees' })).toBeNull()

    const missed = screen.getByRole('list', { name: 'Rules missed most' })
    const items = within(missed).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    expect(items[0].textContent).toMatch(/^FAC-KX\b.*: missed 2 of 3 times in a key \(33% caught\)$/)
    expect(items[1].textContent).toMatch(/^FREQ-LIMIT\b.*: missed 1 of 2 times in a key \(50% caught\)$/)
    expect(within(items[0]).getByRole('link').getAttribute('href')).toBe('#/training/rules/FAC-KX')

    const recent = screen.getByRole('table', { name: 'All 3 attempts, newest first' })
    const firstRow = within(recent).getAllByRole('row')[1]
    expect(within(firstRow).getByRole('link', { name: caseB.title }).getAttribute('href')).toBe(`#/training/cases/${caseB.id}`)
    expect(firstRow.textContent).toContain(today)
    expect(firstRow.textContent).toContain('100%')
    expect(within(recent).getAllByRole('row')[3].textContent).toContain('FAC-KXFREQ-LIMIT')
  })

  it('refuses another person\'s progress', async () => {
    await setup(users.tess, users.nico.id)
    expect(screen.getByText(/Only supervisors can see another person's progress\./)).toBeDefined()
    expect(screen.getByRole('link', { name: 'See your own progress' }).getAttribute('href')).toBe('#/training/progress')
    expect(screen.queryByRole('region', { name: 'Headline figures' })).toBeNull()
    expect(screen.queryByText('Nico New')).toBeNull()
  })

  it('shows the trainee their own progress at their own address', async () => {
    await setup(users.tess, users.tess.id)
    await screen.findByRole('region', { name: 'Headline figures' })
    expect(screen.getByRole('heading', { level: 2, name: 'Training progress' })).toBeDefined()
  })

  it('points a trainee without attempts to the practice cases', async () => {
    await setup(users.nico, null)
    const link = await screen.findByRole('link', { name: 'Go to the practice cases' })
    expect(link.getAttribute('href')).toBe('#/training/cases')
    expect(screen.getByText(/You have not submitted a practice case yet\./)).toBeDefined()
  })

  it('updates when a new attempt is stored', async () => {
    const { training } = await setup(users.tess, null)
    await screen.findByRole('region', { name: 'Headline figures' })
    await act(() => training.addAttempt(attempt({ id: 'T4', userId: users.tess.id, caseId: caseA.id, percent: 100, submittedAt: localMoment(today, 11) })))
    await waitFor(() => expect(figure('Attempts')).toBe('4 | on 2 days'))
    expect(figure('Perfect-score streak')).toBe('2 attempts | longest 2 attempts')
    expect(figure('Average score')).toBe('85%')
  })
})

describe('ProgressPage, coder and no profile', () => {
  it('shows a coder their own progress, not the trainees table', async () => {
    await setup(users.carla, null, [attempt({ userId: users.carla.id, userName: users.carla.name, caseId: caseA.id, percent: 70 })])
    await screen.findByRole('region', { name: 'Headline figures' })
    expect(figure('Attempts')).toBe('1 | on 1 day')
    expect(figure('Average score')).toBe('70%')
    expect(screen.queryByRole('table', { name: /^Every trainee/ })).toBeNull()
  })

  it('asks for a profile when none is chosen', async () => {
    await setup(null, null)
    expect(screen.getByText(/Choose your profile first/)).toBeDefined()
  })
})

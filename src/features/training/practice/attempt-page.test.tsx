// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { practiceCases } from '../../../domain/training/cases/index.ts'
import { CurrentUserContext } from '../../../lib/current-user.tsx'
import { StoreProvider } from '../../../storage/index.ts'
import type { TrainingAttemptRecord, UserRecord } from '../../../storage/types.ts'
import { testUsers, trainingOnlyStore } from '../authoring/test-support.tsx'
import { AttemptPage } from './attempt-page.tsx'
import { gradeCase, openCase, toAttemptRecord } from './practice-model.ts'

afterEach(cleanup)

const open = openCase(practiceCases.find((c) => c.id === 'tpi-01')!)!
const attempt = { lines: [{ code: '20552', modifiers: [], units: 2 }, { code: 'J3301', modifiers: [], units: 2 }], flaggedRuleIds: [] }
const record: TrainingAttemptRecord = toAttemptRecord(open, attempt, gradeCase(open, attempt), {
  id: 'att-1', userId: testUsers.trainee.id, userName: testUsers.trainee.name, startedAt: '2026-11-27T09:00:00.000Z', submittedAt: '2026-11-27T09:12:00.000Z', source: 'shipped', input: null,
})

async function renderAttempt(viewer: UserRecord, stored: TrainingAttemptRecord, attemptId = stored.id) {
  const setup = trainingOnlyStore()
  await setup.training.addAttempt(stored)
  render(
    <StoreProvider store={setup.store}>
      <CurrentUserContext value={{ user: viewer, setUser: () => undefined }}>
        <AttemptPage userId={stored.userId} attemptId={attemptId} />
      </CurrentUserContext>
    </StoreProvider>,
  )
}

describe('a stored practice attempt', () => {
  it('shows a supervisor the graded answer as the trainee saw it', async () => {
    await renderAttempt(testUsers.supervisor, record)
    expect(await screen.findByRole('heading', { level: 3, name: `${testUsers.trainee.name}'s score: 94%` })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: `${testUsers.trainee.name}, ${open.practiceCase.title}` })).toBeTruthy()
    expect(screen.getByText(/stored score 94%/)).toBeTruthy()
    expect(screen.getByText('Partly right: units wrong (80% of the line)')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Try this case again' })).toBeNull()
  })

  it('shows the trainee their own attempt', async () => {
    await renderAttempt(testUsers.trainee, record)
    expect(await screen.findByRole('heading', { level: 3, name: /score: 94%$/ })).toBeTruthy()
  })

  it('refuses another trainee', async () => {
    await renderAttempt({ ...testUsers.trainee, id: 'someone-else' }, record)
    expect(await screen.findByText('Only supervisors can see another person\'s attempts.')).toBeTruthy()
    expect(screen.queryByText(/score/)).toBeNull()
  })

  it('says so for an attempt id that is not stored', async () => {
    await renderAttempt(testUsers.supervisor, record, 'nope')
    expect(await screen.findByText('No stored attempt has the id "nope".')).toBeTruthy()
  })

  it('lists what was billed when the case is no longer offered', async () => {
    await renderAttempt(testUsers.supervisor, { ...record, caseId: 'gone-case', missedRules: ['TPI-CODE'] })
    expect((await screen.findByRole('note')).textContent).toContain('20552 × 2, J3301 × 2; missed TPI-CODE')
  })
})

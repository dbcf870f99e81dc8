// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { parseEvaluationInput } from '../../../domain/index.ts'
import { practiceCases } from '../../../domain/training/cases/index.ts'
import { CurrentUserContext } from '../../../lib/current-user.tsx'
import { StoreProvider } from '../../../storage/index.ts'
import type { UserRecord } from '../../../storage/types.ts'
import { fakeWorksheet, testUsers, trainingOnlyStore } from '../authoring/test-support.tsx'
import { PracticeCasePage } from './case-page.tsx'

afterEach(() => { cleanup(); localStorage.clear() })

const tpi01 = practiceCases.find((c) => c.id === 'tpi-01')!
const parsed = parseEvaluationInput(tpi01.input)
if (!parsed.ok) throw new Error('tpi-01 does not parse')

function renderCase(caseId: string, user: UserRecord = testUsers.trainee) {
  const setup = trainingOnlyStore()
  render(
    <StoreProvider store={setup.store}>
      <CurrentUserContext value={{ user, setUser: () => undefined }}>
        <PracticeCasePage caseId={caseId} caseWorksheet={fakeWorksheet(parsed.ok ? parsed.input : (undefined as never))} />
      </CurrentUserContext>
    </StoreProvider>,
  )
  return setup
}

async function fillLine(n: number, code: string, modifiers: string, units: string) {
  if (!screen.queryByLabelText(`Line ${n} Code`)) fireEvent.click(screen.getByRole('button', { name: 'Add a line' }))
  fireEvent.change(await screen.findByLabelText(`Line ${n} Code`), { target: { value: code } })
  fireEvent.change(screen.getByLabelText(`Line ${n} Modifiers`), { target: { value: modifiers } })
  fireEvent.change(screen.getByLabelText(`Line ${n} Units`), { target: { value: units } })
}

describe('coding a practice case', () => {
  it('shows the note and the worksheet, never the answer', async () => {
    renderCase('tpi-01')
    expect(await screen.findByRole('heading', { level: 2, name: tpi01.title })).toBeTruthy()
    expect(screen.getByText(tpi01.note)).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Case facts' })).toBeTruthy()
    expect(screen.queryByText(/20552/)).toBeNull()
    expect(screen.queryByText(/Your score/)).toBeNull()
  })

  it('grades a line billed at two units as the one miss, names its rule, and stores the attempt', async () => {
    const { training } = renderCase('tpi-01')
    await fillLine(1, '20552', '', '2')
    await fillLine(2, 'j3301', '', '2')
    fireEvent.click(screen.getByRole('button', { name: 'Submit for grading' }))
    const score = await screen.findByRole('heading', { level: 3, name: 'Your score: 94%' })
    await waitFor(() => expect(document.activeElement).toBe(score))
    const misses = screen.getByRole('heading', { name: 'What you missed, and the rule behind it' }).nextElementSibling as HTMLElement
    expect(within(misses).getAllByRole('listitem')).toHaveLength(1)
    expect(misses.textContent).toContain('units wrong')
    expect(within(misses).getByRole('link').getAttribute('href')).toBe('#/training/rules/TPI-CODE')
    const [attempt] = await training.listAttempts(testUsers.trainee.id)
    expect(attempt).toMatchObject({
      caseId: 'tpi-01', userId: testUsers.trainee.id, percent: 94, missedRules: ['TPI-CODE'], caughtRules: ['DRUG-UNITS'],
      lines: [{ code: '20552', modifiers: [], units: 2 }, { code: 'J3301', modifiers: [], units: 2 }],
    })
  })

  it('names each risk not flagged, with its rule', async () => {
    const { training } = renderCase('tpi-04')
    const key = practiceCases.find((c) => c.id === 'tpi-04')!.answerKey
    for (const [i, line] of key.lines.entries()) await fillLine(i + 1, line.code, line.modifiers.join(' '), String(line.units))
    fireEvent.click(screen.getByRole('button', { name: 'Submit for grading' }))
    await screen.findByRole('heading', { level: 3, name: /^Your score: / })
    expect(screen.getAllByText('Risk not flagged:')).toHaveLength(2)
    const [attempt] = await training.listAttempts()
    expect(attempt?.missedRules).toEqual(expect.arrayContaining(['TPI-SIDE-MISSING', 'DOC-TPI-LATERALITY']))
  })

  it('refuses to grade a line it cannot read, and stores nothing', async () => {
    const { training } = renderCase('tpi-01')
    await fillLine(1, '2055', '', '1')
    fireEvent.click(screen.getByRole('button', { name: 'Submit for grading' }))
    expect(await screen.findByRole('alert')).toBeTruthy()
    expect(screen.getByLabelText('Line 1 Code').getAttribute('aria-invalid')).toBe('true')
    expect(screen.queryByText(/Your score/)).toBeNull()
    expect(await training.listAttempts()).toEqual([])
  })

  it('starts over on "Try this case again"', async () => {
    renderCase('tpi-01')
    await fillLine(1, '20552', '', '1')
    fireEvent.click(screen.getByRole('button', { name: 'Submit for grading' }))
    await screen.findByRole('heading', { level: 3, name: /^Your score: / })
    fireEvent.click(screen.getByRole('button', { name: 'Try this case again' }))
    expect((await screen.findByLabelText<HTMLInputElement>('Line 1 Code')).value).toBe('')
  })

  it('brings back an unfinished answer after the page is left, and forgets it once graded', async () => {
    const first = renderCase('tpi-01')
    await fillLine(1, '20552', 'rt', '2')
    fireEvent.click(screen.getByRole('checkbox', { name: /TPI-SIDE-MISSING/ }))
    cleanup()
    render(
      <StoreProvider store={first.store}>
        <CurrentUserContext value={{ user: testUsers.trainee, setUser: () => undefined }}>
          <PracticeCasePage caseId="tpi-01" caseWorksheet={fakeWorksheet(parsed.ok ? parsed.input : (undefined as never))} />
        </CurrentUserContext>
      </StoreProvider>,
    )
    expect(await screen.findByText(/Your unfinished answer to this case was restored/)).toBeTruthy()
    expect(screen.getByLabelText<HTMLInputElement>('Line 1 Code').value).toBe('20552')
    expect(screen.getByLabelText<HTMLInputElement>('Line 1 Modifiers').value).toBe('rt')
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /TPI-SIDE-MISSING/ }).checked).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Submit for grading' }))
    await screen.findByRole('heading', { level: 3, name: /^Your score: / })
    expect(localStorage.length).toBe(0)
  })

  it('keeps nothing for a case opened and left untouched', async () => {
    renderCase('tpi-01')
    await screen.findByRole('heading', { level: 2, name: tpi01.title })
    expect(localStorage.length).toBe(0)
  })

  it('says so for a case that is not on this machine', async () => {
    renderCase('no-such-case')
    expect(await screen.findByRole('heading', { name: 'Case not found' })).toBeTruthy()
  })
})

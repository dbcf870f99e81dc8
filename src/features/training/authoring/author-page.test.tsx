// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { practiceCases } from '../../../domain/training/cases/index.ts'
import type { PracticeCase } from '../../../domain/training/types.ts'
import { CurrentUserContext } from '../../../lib/current-user.tsx'
import { StoreProvider } from '../../../storage/index.ts'
import type { PracticeCaseRecord, UserRecord } from '../../../storage/types.ts'
import { AuthorPage } from './author-page.tsx'
import { computeKey } from './author-model.ts'
import { bilateralFacet, caseFacts, fakeWorksheet, testUsers, trainingOnlyStore } from './test-support.tsx'

afterEach(cleanup)

const DOS = '2026-06-09'
const NOTE = 'Under fluoroscopic guidance, bilateral L4-L5 facet joint injections were performed with a steroid and a local anesthetic.'

function renderPage(caseId: string | null, user: UserRecord | null = testUsers.supervisor, worksheetFacts = bilateralFacet) {
  const setup = trainingOnlyStore()
  const onSaved = vi.fn<(id: string) => void>()
  const Worksheet = fakeWorksheet(worksheetFacts)
  let goTo: (caseId: string | null) => void = () => undefined
  /** The case id lives in the address, as the app keeps it. */
  function Host() {
    const [current, setCurrent] = useState(caseId)
    goTo = setCurrent
    return <AuthorPage caseId={current} caseWorksheet={Worksheet} onSaved={onSaved} />
  }
  render(
    <StoreProvider store={setup.store}>
      <CurrentUserContext value={{ user, setUser: () => undefined }}><Host /></CurrentUserContext>
    </StoreProvider>,
  )
  return { ...setup, onSaved, goTo: (next: string | null) => act(() => goTo(next)) }
}

const textbox = (name: string | RegExp) => screen.getByRole('textbox', { name })
const type = (name: string | RegExp, value: string) => fireEvent.change(textbox(name), { target: { value } })
const keyTable = (name: RegExp) => screen.getByRole('table', { name })
const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))

function ownRecord(practiceCase: PracticeCase): PracticeCaseRecord {
  return { id: practiceCase.id, case: practiceCase, origin: 'imported', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', userId: 'U-OLD', userName: 'Old' }
}

describe('AuthorPage', () => {
  it.each([['a trainee', testUsers.trainee], ['a coder', testUsers.coder]])('refuses %s with a plain message and no form', (_who, user) => {
    renderPage(null, user)
    expect(screen.getByRole('heading', { level: 2, name: 'Write a practice case' })).toBeDefined()
    expect(screen.getByRole('alert').textContent).toMatch(/Only a supervisor can write or edit practice cases/)
    expect(screen.queryByRole('textbox', { name: 'Title' })).toBeNull()
  })

  it('writes a new case: the key of the facts is shown, and saving stores it with that key under the current user', async () => {
    const { training, onSaved } = renderPage(null)
    expect(await screen.findByRole('heading', { level: 2, name: 'Write a practice case' })).toBeDefined()
    expect(screen.getByRole('group', { name: 'Case facts' })).toBeDefined()
    type('Title', 'Bilateral L4-L5 facet, Medicare')
    expect((textbox('Case id') as HTMLInputElement).value).toBe('bilateral-l4-l5-facet-medicare')
    type('Procedure note', NOTE)
    type('Context', 'Office, Medicare, no prior facet procedures.')
    type('Teaching point', 'A bilateral level is one line with modifier 50 for Medicare.')
    fireEvent.click(screen.getByRole('button', { name: 'Enter the test facts' }))

    const expected = computeKey(bilateralFacet, DOS)
    expect((textbox('Date the key is computed for') as HTMLInputElement).value).toBe(DOS)
    expect(screen.getByText(/with the built-in payer profiles and without NCCI tables/)).toBeDefined()
    await waitFor(() => expect(bodyRows(keyTable(/^Claim lines/)).map((cells) => [cells[0]?.slice(0, 5), cells[1], cells[2]]))
      .toEqual(expected.key.lines.map((l) => [l.code, l.modifiers.length > 0 ? l.modifiers.join(' ') : '—', String(l.units)])))
    expect(bodyRows(keyTable(/^Findings/)).map((cells) => cells[1])).toEqual(expected.key.findings.map((f) => f.ruleId))
    expect(screen.getByText(/Facet joint injection/)).toBeDefined()

    // The author unticks one rule of the key; the others stay.
    const rules = within(screen.getByRole('group', { name: 'Rules the case is about' })).getAllByRole('checkbox')
    expect(rules).toHaveLength(expected.ruleIds.length)
    expect(rules.every((r) => (r as HTMLInputElement).checked)).toBe(true)
    fireEvent.click(rules[rules.length - 1])

    fireEvent.click(screen.getByRole('button', { name: 'Save case' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('bilateral-l4-l5-facet-medicare'))
    const [saved] = await training.listPracticeCases()
    expect(saved).toMatchObject({ id: 'bilateral-l4-l5-facet-medicare', origin: 'authored', userId: 'U-SUP', userName: 'Sam Supervisor' })
    expect(saved?.case).toMatchObject({
      title: 'Bilateral L4-L5 facet, Medicare', level: 'new', families: ['facet-injection'], today: DOS, note: NOTE,
      answerKey: expected.key, ruleIds: expected.ruleIds.slice(0, -1), input: bilateralFacet,
    })
  })

  it('names every missing field, marks it invalid, and stores nothing', async () => {
    const { calls, onSaved } = renderPage(null)
    await screen.findByRole('textbox', { name: 'Title' })
    type('Procedure note', 'Too short.')
    fireEvent.click(screen.getByRole('button', { name: 'Save case' }))
    await waitFor(() => expect(textbox('Title').getAttribute('aria-invalid')).toBe('true'))
    const describedBy = textbox('Procedure note').getAttribute('aria-describedby') ?? ''
    expect(describedBy.split(' ').map((id) => document.getElementById(id)?.textContent).join(' ')).toMatch(/at least 80 characters \(now 10\)/)
    for (const name of ['Case id', 'Context', 'Teaching point']) expect(textbox(name).getAttribute('aria-invalid'), name).toBe('true')
    expect(screen.getByRole('alert').textContent).toMatch(/at least one procedure/)
    expect(calls).toEqual([])
    expect(onSaved).not.toHaveBeenCalled()
  })

  it('refuses a payer profile that is not built in, and says which profile the key used', async () => {
    const other = caseFacts((input) => { input.encounter.payerProfile = 'acme-health'; input.encounter.procedures = bilateralFacet.encounter.procedures })
    const { calls } = renderPage(null, testUsers.supervisor, other)
    fireEvent.click(await screen.findByRole('button', { name: 'Enter the test facts' }))
    expect(screen.getByText(/“acme-health”, which is not built in: this key is computed under Medicare \(default\)/)).toBeDefined()
    type('Title', 'Other payer'); type('Procedure note', NOTE); type('Context', 'Office.'); type('Teaching point', 'Payers.')
    fireEvent.click(screen.getByRole('button', { name: 'Save case' }))
    await waitFor(() => expect(screen.getAllByRole('alert').some((a) => /Pick one of the built-in payer profiles/.test(a.textContent ?? ''))).toBe(true))
    expect(calls).toEqual([])
  })

  it('does not edit a shipped case, and starts a new case from it with a new id', async () => {
    const shipped = practiceCases[0]
    const { goTo } = renderPage(shipped.id)
    expect(await screen.findByText(/ships with the app and cannot be edited/)).toBeDefined()
    expect(screen.queryByRole('textbox', { name: 'Title' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Start a new case from this one' }))
    expect(screen.getByRole('heading', { level: 2, name: 'Write a practice case' })).toBeDefined()
    expect((textbox('Title') as HTMLInputElement).value).toBe(`${shipped.title} (copy)`)
    const id = (textbox('Case id') as HTMLInputElement).value
    expect(id).not.toBe(shipped.id)
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/)
    expect((textbox('Procedure note') as HTMLTextAreaElement).value).toBe(shipped.note)

    // Going to another address leaves the copy behind.
    goTo(null)
    expect((textbox('Title') as HTMLInputElement).value).toBe('')
    goTo(shipped.id)
    expect(screen.getByRole('button', { name: 'Start a new case from this one' })).toBeDefined()
  })

  it('edits the practice\'s own case with its id kept, and deletes it after a confirmation', async () => {
    const own: PracticeCase = { ...practiceCases[1], id: 'our-case', title: 'Our case' }
    const { training, calls, onSaved } = renderPage('our-case')
    await training.savePracticeCase(ownRecord(own))
    calls.length = 0
    // The case is stored after the first render: the page reads it on the store's change notice.
    expect(await screen.findByRole('heading', { level: 2, name: 'Edit practice case' }, { timeout: 5000 })).toBeDefined()
    expect((textbox('Case id') as HTMLInputElement).readOnly).toBe(true)
    type('Title', 'Our case, revised')
    expect((textbox('Case id') as HTMLInputElement).value).toBe('our-case')
    fireEvent.click(screen.getByRole('button', { name: 'Save case' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('our-case'), { timeout: 5000 })
    const [saved] = await training.listPracticeCases()
    expect(saved).toMatchObject({ id: 'our-case', createdAt: '2026-11-01T00:00:00.000Z', origin: 'authored', userId: 'U-SUP' })
    expect(saved?.case).toMatchObject({ title: 'Our case, revised', ruleIds: own.ruleIds, answerKey: own.answerKey })

    fireEvent.click(screen.getByRole('button', { name: 'Delete this case' }))
    expect(calls).toEqual(['savePracticeCase our-case'])
    fireEvent.click(await screen.findByRole('button', { name: 'Delete the case' }))
    expect(await screen.findByText(/was deleted/)).toBeDefined()
    expect(calls).toEqual(['savePracticeCase our-case', 'deletePracticeCase our-case'])
    expect(await training.listPracticeCases()).toEqual([])
  })

  it('says so when the case id is unknown', async () => {
    renderPage('no-such-case')
    expect((await screen.findByRole('alert')).textContent).toMatch(/no practice case with the id “no-such-case”/)
    expect(screen.getByRole('link', { name: 'Write a new case' }).getAttribute('href')).toBe('#/training/author')
  })
})

// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createIdbStore, deleteStore, StoreProvider, type WorksheetStore } from '../../storage/index.ts'
import { PatientsPage } from './index.ts'
import { line, seed } from './test-store.ts'

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(() => { name = `patients-page-${++n}`; store = createIdbStore(name) })
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

const renderPage = (onOpenPatient = vi.fn()) => {
  render(<StoreProvider store={store}><PatientsPage onOpenPatient={onOpenPatient} /></StoreProvider>)
  return onOpenPatient
}
const search = () => screen.getByRole('searchbox', { name: 'Patient account starts with' })
const table = () => screen.getByRole('table', { name: 'Matching patients, by account' })

describe('PatientsPage', () => {
  it('says no patient is on file yet and links to the history import', async () => {
    renderPage()
    expect((await screen.findByText('No patient is on file yet.')).getAttribute('role')).toBe('status')
    expect(screen.getByRole('link', { name: 'Import claim history' }).getAttribute('href')).toBe('#/history/import')
  })

  it('lists every patient with encounters and imported lines, and narrows the list by prefix', async () => {
    await seed(store)
    renderPage()
    await screen.findByText('2 patients')
    const rows = within(table()).getAllByRole('row').slice(1).map((r) => r.textContent)
    expect(rows).toEqual(['PT-800107', 'PT-800202'])

    fireEvent.change(search(), { target: { value: 'PT-8002' } })
    expect(await screen.findByText('1 patient whose account starts with “PT-8002”')).toBeDefined()
    expect(within(table()).getAllByRole('link').map((a) => a.textContent)).toEqual(['PT-8002'])

    fireEvent.change(search(), { target: { value: 'pt-8' } })
    expect(await screen.findByText('No patient account starts with “pt-8”.')).toBeDefined()
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('links each patient by its encoded id and opens it in the app on a plain click', async () => {
    await seed(store, [line('PT 9/1', '2026-02-02', '64483', ['RT'])])
    const onOpen = renderPage()
    const link = await screen.findByRole('link', { name: 'PT 9/1' })
    expect(link.getAttribute('href')).toBe('#/patients/PT%209%2F1')
    fireEvent.click(link)
    expect(onOpen).toHaveBeenCalledWith('PT 9/1')
    fireEvent.click(link, { ctrlKey: true })
    expect(onOpen).toHaveBeenCalledTimes(1)
  })

  it('shows a patient imported after the page opened, without a reload', async () => {
    renderPage()
    await screen.findByText('No patient is on file yet.')
    await seed(store, [line('PT-7', '2026-02-02', '64483', ['RT'])])
    expect(await screen.findByRole('link', { name: 'PT-7' })).toBeDefined()
  })

  it('shows the first 50 of more matching patients and says so', async () => {
    await seed(store, Array.from({ length: 52 }, (_, i) => line(`PT-${String(i).padStart(3, '0')}`, '2026-02-02', '64483', ['RT'])))
    renderPage()
    expect(await screen.findByText('Showing the first 50 patients; type more of the account to narrow the list.')).toBeDefined()
    expect(within(table()).getAllByRole('row')).toHaveLength(51)
  })
})

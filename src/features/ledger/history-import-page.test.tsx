// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIdbStore, deleteStore, StoreProvider, type WorksheetStore } from '../../storage/index.ts'
import { HistoryImportPage } from './index.ts'

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(() => { name = `history-import-page-${++n}`; store = createIdbStore(name) })
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

const GOOD = [
  'Patient ID,Date of Service,CPT,Modifier,Units,Provider',
  'PT-7001,2026-02-10,64483,RT,1,DR-B',
  'PT-7001,2026-05-12,64483,LT,1,DR-B',
  'PT-7002,2026-08-20,64493,,2,DR-A',
].join('\n')

function renderPage() {
  render(<StoreProvider store={store}><HistoryImportPage /></StoreProvider>)
}

function pick(text: string, fileName = 'history.csv') {
  const input = screen.getByLabelText('Claim history file (CSV)')
  const file = new File([text], fileName, { type: 'text/csv' })
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  fireEvent.change(input)
}

describe('HistoryImportPage', () => {
  it('previews a CSV, imports its lines, lists the import, and a re-import adds nothing', async () => {
    renderPage()
    expect(await screen.findByText('No claim history imported yet.')).toBeDefined()
    pick(GOOD)
    const preview = await screen.findByRole('table', { name: /^Preview: first 3 of 3 lines/ })
    expect(within(preview).getAllByRole('row')).toHaveLength(4)
    expect(within(preview).getByRole('cell', { name: 'LT' })).toBeDefined()
    expect(screen.getByRole('status').textContent).toMatch(/^3 lines read from history\.csv/)
    // The detected mapping is shown and can be changed.
    expect(screen.getByLabelText<HTMLSelectElement>('Procedure code (CPT/HCPCS)').value).toBe('2')
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Provider' }).value).toBe('5')
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Modifier' }).checked).toBe(true)
    expect(screen.getByLabelText<HTMLSelectElement>('Date format').value).toBe('YYYY-MM-DD')

    fireEvent.click(screen.getByRole('button', { name: 'Import 3 lines' }))
    expect(await screen.findByText('Added 3 lines; 0 were already on file.')).toBeDefined()
    const lines = await store.patientHistory('PT-7001')
    expect(lines.map((l) => [l.dateOfService, l.code, l.modifiers, l.providerId])).toEqual([
      ['2026-02-10', '64483', ['RT'], 'DR-B'],
      ['2026-05-12', '64483', ['LT'], 'DR-B'],
    ])
    const past = await screen.findByRole('table', { name: 'Past imports, newest first' })
    expect(within(past).getAllByRole('row')).toHaveLength(2)
    expect(within(past).getByRole('cell', { name: 'history.csv' })).toBeDefined()

    fireEvent.click(screen.getByRole('button', { name: 'Import 3 lines' }))
    expect(await screen.findByText('Added 0 lines; 3 were already on file.')).toBeDefined()
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Past imports, newest first' })).getAllByRole('row')).toHaveLength(3))
    expect(await store.listImports()).toHaveLength(2)
    expect(await store.patientHistory('PT-7001')).toHaveLength(2)
  })

  it('lists row and column errors of a malformed file, disables Import and writes nothing', async () => {
    renderPage()
    pick(['Patient ID,Date of Service,CPT,Units', 'PT-1,2026-02-10,64483,1', 'PT-1,not a date,64483,1', 'PT-1,2026-03-01,ABC,1'].join('\n'), 'bad.csv')
    const alert = await screen.findByRole('alert')
    const items = within(alert).getAllByRole('listitem').map((li) => li.textContent)
    expect(items.length).toBeGreaterThanOrEqual(2)
    expect(items.some((t) => /^Row 3, column Date of Service: /.test(t ?? ''))).toBe(true)
    expect(items.some((t) => /^Row 4, column CPT: /.test(t ?? ''))).toBe(true)
    expect(screen.getByRole<HTMLButtonElement>('button', { name: /^Import \d+ lines?$/ }).disabled).toBe(true)
    expect(screen.queryByRole('table', { name: /^Preview/ })).toBeNull()
    expect(await store.listImports()).toEqual([])
  })

  it('re-parses with a changed column mapping', async () => {
    renderPage()
    pick(['Acct,Svc Date,CPT,Units', 'PT-1,2026-02-10,64483,1'].join('\n'))
    await screen.findByRole('table', { name: /^Preview/ })
    fireEvent.change(screen.getByRole('combobox', { name: 'Units' }), { target: { value: '' } })
    expect(await screen.findByRole('table', { name: /^Preview: first 1 of 1 line$/ })).toBeDefined()
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Units' }).value).toBe('')
  })
})

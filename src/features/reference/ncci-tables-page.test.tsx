// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseMueFile } from '../../domain/ncci/index.ts'
import { ChangeRightsContext } from '../../lib/change-rights.ts'
import { createIdbStore, deleteStore, StoreProvider, type WorksheetStore } from '../../storage/index.ts'
import { NcciTablesPage } from './index.ts'

// happy-dom replaces import.meta.url, so the fixtures are found from the project root.
const fixture = (name: string) => readFileSync(join(process.cwd(), 'src/domain/ncci/fixtures', name), 'utf8')

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(() => { name = `ncci-tables-page-${++n}`; store = createIdbStore(name) })
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

function pick(label: string, text: string, fileName: string) {
  const input = screen.getByLabelText(label)
  Object.defineProperty(input, 'files', { value: [new File([text], fileName, { type: 'text/csv' })], configurable: true })
  fireEvent.change(input)
}

describe('NcciTablesPage', () => {
  it('offers Remove for a group file this practice loaded, not for one another practice on the server loaded', async () => {
    const loaded = parseMueFile(fixture('mue-practitioner-2026q4.csv'), { quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: '2026-12-31' })
    if (!loaded.ok) throw new Error('fixture')
    const base = { kind: 'mue' as const, loadedAt: '2026-11-20T10:00:00.000Z', fileNames: ['mue.csv'], entryCount: loaded.table.entries.size, table: loaded.table }
    await store.saveNcciTable({ ...base, id: 'mue:2026Q4', quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: '2026-12-31', group: { fileId: 'f1', byName: 'Ada Admin', uploadedAt: base.loadedAt } })
    await store.saveNcciTable({ ...base, id: 'mue:2026Q3', quarter: '2026Q3', effectiveFrom: '2026-07-01', effectiveTo: '2026-09-30', group: { fileId: 'f2', byName: null, uploadedAt: base.loadedAt } })
    render(<StoreProvider store={store}><NcciTablesPage today="2026-11-26" /></StoreProvider>)
    const list = await screen.findByRole('table', { name: 'Loaded NCCI tables, newest quarter first' })
    await within(list).findByText(/Loaded for the whole group by another practice on this server/)
    expect(within(list).getByText(/Loaded for the whole group by Ada Admin on/)).toBeDefined()
    expect(within(list).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Remove 2026Q4 MUE'])
  })

  it('lists the loaded tables without load forms or Remove buttons, saying why, to someone who may not change them', async () => {
    const loaded = parseMueFile(fixture('mue-practitioner-2026q4.csv'), { quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: '2026-12-31' })
    if (!loaded.ok) throw new Error('fixture')
    await store.saveNcciTable({
      id: 'mue:2026Q4', kind: 'mue', quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: '2026-12-31', loadedAt: '2026-11-20T10:00:00.000Z',
      fileNames: ['mue.csv'], entryCount: loaded.table.entries.size, table: loaded.table,
    })
    const refusal = (what: string) => (what === 'reference-files' ? 'Loaded once for the whole group by an admin.' : null)
    render(<StoreProvider store={store}><ChangeRightsContext value={refusal}><NcciTablesPage today="2026-11-26" /></ChangeRightsContext></StoreProvider>)
    const list = await screen.findByRole('table', { name: 'Loaded NCCI tables, newest quarter first' })
    expect(within(list).getAllByRole('row')[1]?.textContent).toContain('2026-10-01 to 2026-12-31')
    expect(screen.getByRole('note').textContent).toBe('Loaded once for the whole group by an admin.')
    expect(screen.queryByLabelText('Practitioner MUE file (CSV)')).toBeNull()
    expect(screen.queryByRole('button', { name: /^Load / })).toBeNull()
    expect(screen.queryByRole('button', { name: /^Remove / })).toBeNull()
    expect(within(list).getAllByRole('columnheader')).toHaveLength(6)
  })

  it('loads the practitioner MUE fixture for a quarter and lists it', async () => {
    render(<StoreProvider store={store}><NcciTablesPage today="2026-11-26" /></StoreProvider>)
    expect(await screen.findByText('No NCCI table is loaded yet.')).toBeDefined()
    expect(screen.getByText('No loaded MUE table covers today; findings will say MUE edits were not checked.')).toBeDefined()
    expect(screen.getByLabelText<HTMLInputElement>('MUE quarter (YYYYQn)').value).toBe('2026Q4')

    pick('Practitioner MUE file (CSV)', fixture('mue-practitioner-2026q4.csv'), 'MCR_MUE_PractitionerServices_Eff_10-01-2026.csv')
    fireEvent.click(screen.getByRole('button', { name: 'Load MUE table' }))
    const status = await screen.findByRole('status')
    expect(status.textContent).toMatch(/^Loaded 2026Q4 MUE: \d+ codes$/)

    const list = await screen.findByRole('table', { name: 'Loaded NCCI tables, newest quarter first' })
    const row = within(list).getAllByRole('row')[1]
    expect(row?.textContent).toContain('2026-10-01 to 2026-12-31')
    expect(row?.textContent).toContain('MCR_MUE_PractitionerServices_Eff_10-01-2026.csv')
    expect(screen.queryByText(/No loaded MUE table covers today/)).toBeNull()
    const loaded = await store.loadNcciTables()
    expect(loaded.mue[0]?.entries.get('64483')?.value).toBe(1)
  })

  it('shows the row and column of a malformed file and saves nothing', async () => {
    render(<StoreProvider store={store}><NcciTablesPage today="2026-11-26" /></StoreProvider>)
    pick('Practitioner MUE file (CSV)', fixture('mue-malformed-values.csv'), 'bad.csv')
    fireEvent.click(screen.getByRole('button', { name: 'Load MUE table' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Nothing was saved')
    const problems = within(alert).getAllByRole('listitem').map((li) => li.textContent ?? '')
    expect(problems.some((p) => /^Row 11, column .+: /.test(p))).toBe(true)
    expect(await store.listNcciTables()).toEqual([])
  })
})

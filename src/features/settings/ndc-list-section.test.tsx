// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ChangeRightsContext, type ChangeRefusal } from '../../lib/change-rights.ts'
import { createIdbStore, deleteStore, StoreProvider, type WorksheetStore } from '../../storage/index.ts'
import { NdcListSection } from './ndc-list-section.tsx'

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(() => { name = `settings-ndc-${++n}`; store = createIdbStore(name) })
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

const form = () => screen.getByRole('form', { name: 'Add an NDC' })
function fill(target: HTMLElement, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) fireEvent.change(within(target).getByLabelText(label), { target: { value } })
}

describe('NdcListSection', () => {
  it('shows the list without add, edit or delete, and says why, to someone who may not change it', async () => {
    await store.saveNdcEntry({ id: 'ndc-1', hcpcs: 'J1100', ndc11: '01234567890', unit: 'ML', description: 'dexamethasone 10 mg/mL', effectiveFrom: '2026-01-01', effectiveTo: null, updatedAt: '2026-11-20T10:00:00.000Z' })
    const coder: ChangeRefusal = (what) => (what === 'ndc-list' ? 'The NDC list is kept by the supervisors.' : null)
    render(<StoreProvider store={store}><ChangeRightsContext value={coder}><NdcListSection /></ChangeRightsContext></StoreProvider>)
    const list = await screen.findByRole('list', { name: 'NDC list' })
    expect(within(list).getByRole('listitem').textContent).toContain('J1100 · NDC 01234-5678-90 ML')
    expect(screen.getByRole('note').textContent).toBe('The NDC list is kept by the supervisors.')
    expect(screen.queryAllByRole('button')).toEqual([])
    expect(screen.queryByRole('form', { name: 'Add an NDC' })).toBeNull()
  })

  it('offers add, edit and delete when the person may change the list (near miss: another kind refused)', async () => {
    await store.saveNdcEntry({ id: 'ndc-1', hcpcs: 'J1100', ndc11: '01234567890', unit: 'ML', description: 'dexamethasone 10 mg/mL', effectiveFrom: '2026-01-01', effectiveTo: null, updatedAt: '2026-11-20T10:00:00.000Z' })
    const supervisor: ChangeRefusal = (what) => (what === 'reference-files' ? 'Only admins.' : null)
    render(<StoreProvider store={store}><ChangeRightsContext value={supervisor}><NdcListSection /></ChangeRightsContext></StoreProvider>)
    await screen.findByRole('list', { name: 'NDC list' })
    expect(screen.queryByRole('note')).toBeNull()
    expect(screen.getByRole('button', { name: 'Edit NDC 01234-5678-90 for J1100' })).toBeDefined()
    expect(screen.getByRole('button', { name: 'Delete NDC 01234-5678-90 for J1100' })).toBeDefined()
    expect(screen.getByRole('form', { name: 'Add an NDC' })).toBeDefined()
  })

  it('adds an NDC typed in a 10-digit layout, kept and shown as 5-4-2', async () => {
    render(<StoreProvider store={store}><NdcListSection /></StoreProvider>)
    expect(await screen.findByText('No NDC listed yet.')).toBeDefined()
    fill(form(), { 'Drug code': 'J1100', NDC: '1234-5678-90', 'NDC unit': 'ML', 'Drug and package': 'dexamethasone 10 mg/mL, 1 mL vial', 'Used from': '2026-01-01' })
    fireEvent.click(within(form()).getByRole('button', { name: 'Add NDC' }))
    expect((await screen.findByRole('status')).textContent).toBe('Added NDC 01234-5678-90 for J1100.')
    const list = await screen.findByRole('list', { name: 'NDC list' })
    expect(within(list).getByRole('listitem').textContent).toContain('J1100 · NDC 01234-5678-90 ML · dexamethasone 10 mg/mL, 1 mL vial')
    expect(within(list).getByRole('listitem').textContent).toContain('Used from 2026-01-01')
    expect(await store.listNdcList()).toEqual([expect.objectContaining({ hcpcs: 'J1100', ndc11: '01234567890', unit: 'ML', effectiveFrom: '2026-01-01', effectiveTo: null })])
    // The form is empty again for the next entry.
    expect(within(form()).getByLabelText<HTMLInputElement>('NDC').value).toBe('')
  })

  it('says what is wrong next to each field and saves nothing', async () => {
    render(<StoreProvider store={store}><NdcListSection /></StoreProvider>)
    await screen.findByText('No NDC listed yet.')
    fill(form(), { NDC: '1234567890', 'Used from': '2026-05-01', 'Used until': '2026-04-30' })
    fireEvent.click(within(form()).getByRole('button', { name: 'Add NDC' }))
    const ndc = within(form()).getByLabelText('NDC')
    expect(ndc.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(ndc.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toMatch(/has 10 digits and no hyphens/)
    expect(within(form()).getByText('Pick the drug code the NDC is billed with.')).toBeDefined()
    expect(within(form()).getByText('Pick the unit the NDC quantity is counted in.')).toBeDefined()
    expect(within(form()).getByText('The last day must not be before the first day.')).toBeDefined()
    expect(await store.listNdcList()).toEqual([])
  })

  it('edits an entry\'s dates and deletes one after confirmation', async () => {
    await store.saveNdcEntry({ id: 'n-1', hcpcs: 'J3301', ndc11: '12345678901', description: 'triamcinolone 40 mg/mL vial', unit: 'ML', effectiveFrom: null, effectiveTo: null, updatedAt: '2026-11-01T00:00:00.000Z' })
    render(<StoreProvider store={store}><NdcListSection /></StoreProvider>)
    fireEvent.click(await screen.findByRole('button', { name: 'Edit NDC 12345-6789-01 for J3301' }))
    const edit = screen.getByRole('form', { name: 'Edit NDC 12345-6789-01 for J3301' })
    expect(within(edit).getByLabelText<HTMLInputElement>('Drug and package').value).toBe('triamcinolone 40 mg/mL vial')
    fill(edit, { 'Used until': '2026-12-31' })
    fireEvent.click(within(edit).getByRole('button', { name: 'Save entry' }))
    expect((await screen.findByRole('status')).textContent).toBe('Saved NDC 12345-6789-01 for J3301.')
    expect((await store.listNdcList())[0]).toMatchObject({ id: 'n-1', effectiveTo: '2026-12-31' })
    expect(await screen.findByText('Used until 2026-12-31')).toBeDefined()
    fireEvent.click(screen.getByRole('button', { name: 'Delete NDC 12345-6789-01 for J3301' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Delete entry' }))
    await waitFor(async () => expect(await store.listNdcList()).toEqual([]))
    expect(await screen.findByText('No NDC listed yet.')).toBeDefined()
  })
})

// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIdbStore, deleteStore, StoreProvider, type WorksheetStore } from '../../storage/index.ts'
import { ProvidersSection } from './providers-section.tsx'

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(() => { name = `settings-providers-${++n}`; store = createIdbStore(name) })
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

const form = () => screen.getByRole('form', { name: 'Add a provider' })
function add(id: string, providerName: string) {
  fireEvent.change(within(form()).getByLabelText('Identifier'), { target: { value: id } })
  fireEvent.change(within(form()).getByLabelText('Name'), { target: { value: providerName } })
  fireEvent.click(within(form()).getByRole('button', { name: 'Add provider' }))
}

describe('ProvidersSection', () => {
  it('adds a provider with its identifier and name trimmed', async () => {
    render(<StoreProvider store={store}><ProvidersSection /></StoreProvider>)
    expect(await screen.findByText(/No provider yet/)).toBeDefined()
    add('  DR-A ', ' Dr. Ada Lane  ')
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Added Dr. Ada Lane (DR-A).')
    expect(await store.listProviders()).toEqual([{ id: 'DR-A', name: 'Dr. Ada Lane' }])
    const list = await screen.findByRole('list', { name: 'Providers' })
    expect(within(list).getByRole('listitem').textContent).toContain('DR-A — Dr. Ada Lane')
  })

  it('says what is wrong next to each field and saves nothing', async () => {
    await store.saveProvider({ id: 'DR-A', name: 'Dr. Ada Lane' })
    render(<StoreProvider store={store}><ProvidersSection /></StoreProvider>)
    await screen.findByRole('list', { name: 'Providers' })
    add('', '')
    const id = within(form()).getByLabelText('Identifier')
    expect(id.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(id.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe('Enter the provider identifier (e.g. DR-A or an NPI).')
    expect(within(form()).getByText('Enter the provider\'s name.')).toBeDefined()
    add('DR A!', 'Someone')
    expect(within(form()).getByText('Use letters, digits and dashes for the provider identifier (e.g. DR-A or an NPI).')).toBeDefined()
    add('DR-A', 'Someone else')
    expect(within(form()).getByText('DR-A is already in the list.')).toBeDefined()
    expect(await store.listProviders()).toEqual([{ id: 'DR-A', name: 'Dr. Ada Lane' }])
  })

  it('renames a provider and deletes one after confirmation', async () => {
    await store.saveProvider({ id: 'DR-A', name: 'Dr. Ada Lane' })
    await store.saveProvider({ id: 'DR-B', name: 'Dr. Ben Ortiz' })
    render(<StoreProvider store={store}><ProvidersSection /></StoreProvider>)
    fireEvent.click(await screen.findByRole('button', { name: 'Rename Dr. Ada Lane' }))
    const field = screen.getByLabelText('New name for DR-A')
    fireEvent.change(field, { target: { value: ' ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }))
    expect(screen.getByText('Enter the provider\'s name.')).toBeDefined()
    fireEvent.change(field, { target: { value: 'Dr. Ada Lane-Moss' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }))
    await screen.findByRole('button', { name: 'Rename Dr. Ada Lane-Moss' })

    fireEvent.click(screen.getByRole('button', { name: 'Delete Dr. Ben Ortiz' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete Dr. Ben Ortiz?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(await store.listProviders()).toHaveLength(2)
    fireEvent.click(screen.getByRole('button', { name: 'Delete Dr. Ben Ortiz' }))
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Delete Dr. Ben Ortiz?' })).getByRole('button', { name: 'Delete provider' }))
    await waitFor(async () => expect(await store.listProviders()).toEqual([{ id: 'DR-A', name: 'Dr. Ada Lane-Moss' }]))
    expect(await screen.findByText(/^Deleted Dr. Ben Ortiz \(DR-B\)/)).toBeDefined()
  })
})

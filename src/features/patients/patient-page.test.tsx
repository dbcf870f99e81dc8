// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { medicareProfile } from '../../domain/index.ts'
import { createIdbStore, deleteStore, StoreProvider, type WorksheetStore } from '../../storage/index.ts'
import { PatientPage } from './index.ts'
import { seed } from './test-store.ts'

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(() => { name = `patient-page-${++n}`; store = createIdbStore(name) })
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

const renderPage = (patientId = 'PT-8001', onBack = vi.fn()) => {
  render(<StoreProvider store={store}><PatientPage patientId={patientId} onBack={onBack} today="2026-11-26" /></StoreProvider>)
  return onBack
}

/** The counter cards, each as "title | use | standing". */
function counterSummaries(asOf = '2026-11-26'): string[] {
  const section = screen.getByRole('region', { name: `Frequency limits on ${asOf}` })
  return within(section).getAllByRole('heading', { level: 4 }).map((h) => {
    const card = h.closest('li') as HTMLElement
    const use = card.querySelector('.tabular-nums')?.textContent ?? ''
    return `${h.textContent} | ${use} | ${card.querySelector('span')?.textContent ?? ''}`
  })
}

describe('PatientPage', () => {
  it('shows each Medicare counter with used / allowed, the sessions counted and the next eligible date', async () => {
    renderPage()
    await seed(store)
    expect(await screen.findByRole('heading', { level: 2, name: 'Patient PT-8001' })).toBeDefined()
    await screen.findByRole('region', { name: 'Frequency limits on 2026-11-26' })
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Payer profile' }).value).toBe('medicare')
    expect(screen.getByLabelText<HTMLInputElement>('As of').value).toBe('2026-11-26')
    expect(counterSummaries()).toEqual([
      'Facet joint injection · lumbar/sacral · therapeutic | 1 / 4 in a rolling 12 months | Eligible',
      'Epidural steroid injection · cervical/thoracic | 1 / 4 in a rolling 12 months | Eligible',
      'Epidural steroid injection · lumbar/sacral | 3 / 4 in a rolling 12 months | Eligible',
      'Epidural steroid injection · all regions | 4 / 4 in a rolling 12 months | At the limit',
    ])
    const lumbar = screen.getByRole('list', { name: 'Sessions counted for Epidural steroid injection · lumbar/sacral in a rolling 12 months' })
    expect(within(lumbar).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2026-01-14 64483 by DR-A (therapeutic)',
      '2026-04-08 64483 by DR-B (therapeutic)',
      '2026-07-22 64483 64484 by DR-A (therapeutic)',
    ])
    const all = screen.getByRole('heading', { name: 'Epidural steroid injection · all regions' }).closest('li') as HTMLElement
    expect(all.textContent).toContain('A session on 2026-11-26 would exceed the limit. Next eligible date: 2027-01-14.')
    expect(within(all).getByText('Warning')).toBeDefined()
  })

  it('lists the timeline by family and region in date order, older sessions included', async () => {
    await seed(store)
    renderPage()
    const lumbar = await screen.findByRole('list', { name: 'Epidural steroid injection, lumbar/sacral sessions, oldest first' })
    expect(within(lumbar).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2025-10-02 64483 by DR-A · therapeutic',
      '2026-01-14 64483 by DR-A · therapeutic',
      '2026-04-08 64483 by DR-B · therapeutic',
      '2026-07-22 64483 64484 by DR-A · therapeutic',
    ])
    const facet = screen.getByRole('list', { name: 'Facet joint injection, lumbar/sacral sessions, oldest first' })
    expect(facet.textContent).toBe('2026-10-07 64493 (provider not recorded) · therapeutic')
    const sessions = screen.getByRole('region', { name: 'Sessions' })
    expect(within(sessions).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Facet joint injection', 'Epidural steroid injection'])
  })

  it('switches to the commercial example: per-region epidural limits of 12 and 6 months, no facet limit', async () => {
    await seed(store)
    renderPage()
    const select = await screen.findByRole('combobox', { name: 'Payer profile' })
    await screen.findByRole('region', { name: 'Frequency limits on 2026-11-26' })
    fireEvent.change(select, { target: { value: 'commercial-example' } })
    expect(counterSummaries()).toEqual([
      'Epidural steroid injection · cervical/thoracic | 1 / 4 in a rolling 12 months | Eligible',
      'Epidural steroid injection · lumbar/sacral | 3 / 4 in a rolling 12 months | Eligible',
      'Epidural steroid injection · cervical/thoracic | 1 / 3 in a rolling 6 months | Eligible',
      'Epidural steroid injection · lumbar/sacral | 1 / 3 in a rolling 6 months | Eligible',
    ])
  })

  it('counts on another as-of date, and says when the date is missing', async () => {
    await seed(store)
    renderPage()
    const asOf = await screen.findByLabelText('As of')
    await screen.findByRole('region', { name: 'Frequency limits on 2026-11-26' })
    fireEvent.change(asOf, { target: { value: '2026-09-20' } })
    expect(screen.getByRole('region', { name: 'Frequency limits on 2026-09-20' })).toBeDefined()
    expect(counterSummaries('2026-09-20')).toContain('Epidural steroid injection · all regions | 5 / 4 in a rolling 12 months | Over the limit')
    fireEvent.change(asOf, { target: { value: '' } })
    expect(screen.getByText('Enter a date to count the limits on.')).toBeDefined()
    expect(screen.queryByRole('region', { name: /^Frequency limits/ })).toBeNull()
    expect(screen.getByRole('region', { name: 'Sessions' })).toBeDefined()
  })

  it('offers the practice\'s own payer profiles', async () => {
    const custom = { ...medicareProfile, id: 'my-mac', name: 'My MAC', frequencyLimits: medicareProfile.frequencyLimits.filter((l) => l.family !== 'epidural') }
    await store.savePayerProfile({ profile: custom, basedOn: 'medicare', createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z' })
    await seed(store)
    renderPage()
    const select = await screen.findByRole('combobox', { name: 'Payer profile' })
    await screen.findByRole('option', { name: 'My MAC' })
    fireEvent.change(select, { target: { value: 'my-mac' } })
    // The history may still be loading on a busy machine: wait for the counters.
    await waitFor(() => expect(counterSummaries()).toEqual(['Facet joint injection · lumbar/sacral · therapeutic | 1 / 4 in a rolling 12 months | Eligible']))
  })

  it('says when nothing is on file for the patient, and goes back to the list', async () => {
    const onBack = renderPage('PT-0000')
    expect(await screen.findByText(/No finalized encounter or imported claim line is on file for PT-0000/)).toBeDefined()
    fireEvent.click(screen.getByRole('link', { name: 'All patients' }))
    expect(onBack).toHaveBeenCalled()
  })
})

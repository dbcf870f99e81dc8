// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ChangeRightsContext, type ChangeRefusal } from '../../lib/change-rights.ts'
import { CurrentUserContext } from '../../lib/current-user.tsx'
import { createIdbStore, deleteStore, StoreProvider, type EncounterRecord, type WorksheetStore } from '../../storage/index.ts'
import type { ChargeSettingsRecord, UserRecord } from '../../storage/types.ts'
import type { ChargeCandidate } from './batch.ts'
import { ChargesPage } from './charges-page.tsx'
import { LEGACY_SETTINGS_KEY, SAVE_AFTER_MS } from './use-charge-settings.ts'

const download = vi.hoisted(() => vi.fn())
vi.mock('../../lib/download.ts', () => ({ downloadText: download }))

const USER: UserRecord = { id: 'u-1', name: 'Casey Coder', role: 'coder', createdAt: '2026-11-26T08:00:00.000Z' }

function encounter(id: string, patientId: string, review: EncounterRecord['review']): EncounterRecord {
  return {
    id, finalizedAt: '2026-11-04T12:00:00.000Z', patientId, providerId: 'DR-P', dateOfService: '2026-11-04', payerProfile: 'medicare',
    encounter: { dateOfService: '2026-11-04', patientId, providerId: 'DR-P', placeOfService: '11', claimType: 'professional', payerProfile: 'medicare', priorAuthorization: null, diagnoses: ['M47.816'], procedures: [], drugs: [], otherLines: [], documentation: {} },
    lines: [
      { code: '64493', modifiers: ['50'], units: 1, label: 'facet', procedureIndex: 0, origin: 'procedure', ruleIds: [], trace: [] },
      { code: '20553', modifiers: [], units: 1, label: 'trigger point', procedureIndex: 1, origin: 'procedure', ruleIds: [], trace: [] },
    ],
    findings: [], counts: { error: 0, warning: review === 'pending' ? 1 : 0, info: 0 }, review, finalizeReason: null,
  }
}

/** Lines of an encounter needing review wait for it; the others need none. */
const candidatesOf = (encounters: readonly EncounterRecord[]): ChargeCandidate[] =>
  encounters.map((record) => ({ record, statuses: record.lines.map(() => (record.review === 'pending' ? 'pending' : 'no-findings')), decidedAt: null }))

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(async () => {
  name = `charges-page-${++n}`
  store = createIdbStore(name)
  localStorage.clear()
  download.mockReset()
  await store.finalize(encounter('E-READY', 'PT-1', 'not-needed'), null)
  await store.finalize(encounter('E-HELD', 'PT-2', 'pending'), null)
})
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

const ANYONE: ChangeRefusal = () => null
const renderPage = (rights: ChangeRefusal = ANYONE) => render(
  <StoreProvider store={store}><ChangeRightsContext value={rights}><CurrentUserContext value={{ user: USER, setUser: () => undefined }}><ChargesPage candidatesOf={candidatesOf} /></CurrentUserContext></ChangeRightsContext></StoreProvider>,
)

const practiceSettings = (receivingApplication: string): ChargeSettingsRecord => ({
  id: 'practice', sendingApplication: 'ICW', sendingFacility: 'Spine Clinic', receivingApplication, receivingFacility: '',
  columns: [{ header: 'Acct', field: 'patientAccount' }, { header: 'CPT', field: 'code' }], updatedAt: '2026-11-20T09:30:00.000Z',
})
const OLD_COPY = JSON.stringify({ sendingApplication: 'ICW', sendingFacility: 'Desk 2', receivingApplication: 'Old PM', receivingFacility: '', columns: [{ header: 'Account', field: 'patientAccount' }] })

describe('ChargesPage', () => {
  it('offers the settled encounter, holds back the one awaiting review, and records an HL7 export so the batch does not offer it again', async () => {
    renderPage()
    expect(await screen.findByRole('checkbox', { name: 'Export PT-1 2026-11-04' })).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Held back (1)' })).toBeTruthy()
    expect(screen.getByText('Awaiting review (2 of 2 lines).')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Download HL7 (.hl7)' }))
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1))
    const [fileName, text] = download.mock.calls[0] as [string, string]
    expect(fileName).toMatch(/^charges-\d{8}-\d{6}\.hl7$/)
    expect(text).toContain('DFT^P03')
    expect(text.split('\r').filter((s) => s.startsWith('FT1|'))).toHaveLength(2)
    expect(text).not.toContain('PT-2')
    const exports = await store.listChargeExports()
    expect(exports).toMatchObject([{ encounterId: 'E-READY', userId: 'u-1', userName: 'Casey Coder', format: 'hl7', fileName }])
    expect((await store.listAudit('E-READY')).filter((a) => a.action === 'charge-export')).toMatchObject([{ lineIndex: null, to: 'no-findings', note: `HL7 DFT^P03 file ${fileName}` }])

    expect(await screen.findByText('No encounter is ready to export.')).toBeTruthy()
    expect(screen.getByText(/1 ready encounter was exported before/)).toBeTruthy()
    const earlier = within(screen.getByRole('table', { name: 'Ready encounters exported before' }))
    expect(earlier.getByText('PT-1')).toBeTruthy()
    expect(earlier.getByText(/by Casey Coder \(HL7\)$/)).toBeTruthy()
    fireEvent.click(screen.getByRole('checkbox', { name: 'Include already exported' }))
    const again = await screen.findByRole('checkbox', { name: 'Export PT-1 2026-11-04' })
    const row = again.closest('tr')
    if (!row) throw new Error('no row')
    expect(within(row).getByText(/by Casey Coder \(HL7\)/)).toBeTruthy()
    expect(screen.queryByRole('table', { name: 'Ready encounters exported before' })).toBeNull()
    // A deliberate re-export says whose export it repeats.
    fireEvent.click(screen.getByRole('button', { name: 'Download HL7 (.hl7)' }))
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2))
    expect(await screen.findByText(/^Exported 1 encounter to charges-\d{8}-\d{6}\.hl7\. Exported before: PT-1 2026-11-04 \(.* by Casey Coder \(HL7\)\)\.$/)).toBeTruthy()
    expect(await store.listChargeExports()).toHaveLength(2)
  })

  it('writes the CSV with the saved column mapping and refuses a mapping with an empty header', async () => {
    renderPage()
    await screen.findByRole('checkbox', { name: 'Export PT-1 2026-11-04' })
    const csvButton = screen.getByRole<HTMLButtonElement>('button', { name: 'Download CSV' })
    fireEvent.click(screen.getByRole('button', { name: 'Back to default columns' }))
    for (let i = 20; i > 2; i--) fireEvent.click(screen.getByRole('button', { name: `Remove column ${i}` }))
    fireEvent.change(screen.getByLabelText('Column 1 header'), { target: { value: '' } })
    expect(screen.getByText('Column 1 needs a header.')).toBeTruthy()
    expect(csvButton.disabled).toBe(true)
    fireEvent.change(screen.getByLabelText('Column 1 header'), { target: { value: '=Acct' } })
    fireEvent.change(screen.getByLabelText('field', { selector: `#${screen.getByLabelText('Column 2 header').id.replace(/-h1$/, '-f1')}` }), { target: { value: 'code' } })
    await waitFor(async () => expect((await store.getChargeSettings())?.columns).toEqual([{ header: '=Acct', field: 'patientAccount' }, { header: 'Date of service', field: 'code' }]))
    expect(localStorage.getItem(LEGACY_SETTINGS_KEY)).toBeNull()
    fireEvent.click(csvButton)
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1))
    expect(download.mock.calls[0]?.[1]).toBe("'=Acct,Date of service\r\nPT-1,64493\r\nPT-1,20553\r\n")
    expect(await store.listChargeExports()).toMatchObject([{ encounterId: 'E-READY', format: 'csv' }])
  })

  it("uses the practice's saved settings for the file, and saves a change made just before the page closes", async () => {
    await store.saveChargeSettings(practiceSettings('PMS'))
    const page = renderPage()
    const receiving = await screen.findByLabelText<HTMLInputElement>('Receiving application (MSH-5)')
    expect(receiving.value).toBe('PMS')
    await screen.findByRole('checkbox', { name: 'Export PT-1 2026-11-04' })
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }))
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1))
    expect(download.mock.calls[0]?.[1]).toBe('Acct,CPT\r\nPT-1,64493\r\nPT-1,20553\r\n')
    fireEvent.change(receiving, { target: { value: 'Athena' } })
    page.unmount()
    // Saved as the page closes, not when the pause after typing would have ended.
    await waitFor(async () => expect(await store.getChargeSettings()).toMatchObject({ id: 'practice', receivingApplication: 'Athena', columns: practiceSettings('PMS').columns }), { timeout: SAVE_AFTER_MS - 150 })
  })

  it('shows settings saved elsewhere (another desk, once synced) after its own change was saved', async () => {
    await store.saveChargeSettings(practiceSettings('PMS'))
    renderPage()
    const receiving = await screen.findByLabelText<HTMLInputElement>('Receiving application (MSH-5)')
    fireEvent.change(receiving, { target: { value: 'Athena' } })
    await waitFor(async () => expect(await store.getChargeSettings()).toMatchObject({ receivingApplication: 'Athena' }))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(receiving.value).toBe('Athena')
    await store.saveChargeSettings(practiceSettings('Elsewhere'))
    await waitFor(() => expect(receiving.value).toBe('Elsewhere'))
  })

  it('keeps a change still to be saved over settings saved elsewhere meanwhile (near miss), and saves it', async () => {
    await store.saveChargeSettings(practiceSettings('PMS'))
    renderPage()
    const receiving = await screen.findByLabelText<HTMLInputElement>('Receiving application (MSH-5)')
    fireEvent.change(receiving, { target: { value: 'Mine' } })
    await store.saveChargeSettings(practiceSettings('Elsewhere'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(receiving.value).toBe('Mine')
    await waitFor(async () => expect(await store.getChargeSettings()).toMatchObject({ receivingApplication: 'Mine' }))
    expect(receiving.value).toBe('Mine')
  })

  it('moves the copy this browser kept before into the store once, when the store holds none, then forgets it', async () => {
    localStorage.setItem(LEGACY_SETTINGS_KEY, OLD_COPY)
    renderPage()
    expect((await screen.findByLabelText<HTMLInputElement>('Receiving application (MSH-5)')).value).toBe('Old PM')
    await waitFor(() => expect(localStorage.getItem(LEGACY_SETTINGS_KEY)).toBeNull())
    expect(await store.getChargeSettings()).toMatchObject({ id: 'practice', sendingFacility: 'Desk 2', receivingApplication: 'Old PM', columns: [{ header: 'Account', field: 'patientAccount' }] })
    expect(screen.getByLabelText<HTMLInputElement>('Column 1 header').value).toBe('Account')
  })

  it("keeps the practice's settings over an old copy in this browser (near miss: the store holds some)", async () => {
    await store.saveChargeSettings(practiceSettings('PMS'))
    localStorage.setItem(LEGACY_SETTINGS_KEY, OLD_COPY)
    renderPage()
    expect((await screen.findByLabelText<HTMLInputElement>('Receiving application (MSH-5)')).value).toBe('PMS')
    await screen.findByRole('checkbox', { name: 'Export PT-1 2026-11-04' })
    expect(await store.getChargeSettings()).toEqual(practiceSettings('PMS'))
  })

  it('shows the settings without changing them, and says why, to someone who may not change them; an old copy is not moved in', async () => {
    await store.saveChargeSettings(practiceSettings('PMS'))
    const coder: ChangeRefusal = (what) => (what === 'charge-settings' ? 'The charge file settings are kept by the supervisors.' : null)
    renderPage(coder)
    const receiving = await screen.findByLabelText<HTMLInputElement>('Receiving application (MSH-5)')
    expect(screen.getByRole('note').textContent).toBe('The charge file settings are kept by the supervisors.')
    expect(receiving.readOnly).toBe(true)
    expect(screen.getByLabelText<HTMLInputElement>('Column 1 header').readOnly).toBe(true)
    expect(screen.queryByRole('button', { name: 'Add column' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Back to default columns' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Remove column 1' })).toBeNull()
    fireEvent.change(receiving, { target: { value: 'Mine' } })
    expect(receiving.value).toBe('PMS')
    cleanup()

    await store.clearAll()
    await store.finalize(encounter('E-READY', 'PT-1', 'not-needed'), null)
    localStorage.setItem(LEGACY_SETTINGS_KEY, OLD_COPY)
    renderPage(coder)
    expect((await screen.findByLabelText<HTMLInputElement>('Receiving application (MSH-5)')).value).toBe('Old PM')
    await screen.findByRole('checkbox', { name: 'Export PT-1 2026-11-04' })
    expect(await store.getChargeSettings()).toBeNull()
    expect(localStorage.getItem(LEGACY_SETTINGS_KEY)).toBe(OLD_COPY)
  })
})

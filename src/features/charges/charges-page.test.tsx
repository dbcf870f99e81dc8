// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CurrentUserContext } from '../../lib/current-user.tsx'
import { createIdbStore, deleteStore, StoreProvider, type EncounterRecord, type WorksheetStore } from '../../storage/index.ts'
import type { UserRecord } from '../../storage/types.ts'
import type { ChargeCandidate } from './batch.ts'
import { ChargesPage } from './charges-page.tsx'

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

const renderPage = () => render(
  <StoreProvider store={store}><CurrentUserContext value={{ user: USER, setUser: () => undefined }}><ChargesPage candidatesOf={candidatesOf} /></CurrentUserContext></StoreProvider>,
)

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
    expect((JSON.parse(localStorage.getItem('injection-coding-worksheet:charge-settings') ?? '{}') as { columns: unknown }).columns).toEqual([{ header: '=Acct', field: 'patientAccount' }, { header: 'Date of service', field: 'code' }])
    fireEvent.click(csvButton)
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1))
    expect(download.mock.calls[0]?.[1]).toBe("'=Acct,Date of service\r\nPT-1,64493\r\nPT-1,20553\r\n")
    expect(await store.listChargeExports()).toMatchObject([{ encounterId: 'E-READY', format: 'csv' }])
  })
})

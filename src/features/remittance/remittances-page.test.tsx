// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { build835 } from '../../domain/remittance/testing/build-835.ts'
import { CurrentUserContext } from '../../lib/current-user.tsx'
import { createIdbStore, deleteStore, StoreProvider, type EncounterRecord, type WorksheetStore } from '../../storage/index.ts'
import type { UserRecord } from '../../storage/types.ts'
import { RemittancesPage } from './remittances-page.tsx'

// happy-dom replaces import.meta.url, so the fixtures are found from the project root.
const fixture = (name: string) => readFileSync(join(process.cwd(), 'src/domain/remittance/fixtures', name), 'utf8')

const USER: UserRecord = { id: 'u-1', name: 'Casey Coder', role: 'coder', createdAt: '2026-11-26T08:00:00.000Z' }

/** The finalized encounter the partial-denial fixture's claim (CLP01 ENC-2026-0002) was billed from. */
const facetEncounter: EncounterRecord = {
  id: 'ENC-2026-0002', finalizedAt: '2026-11-04T12:00:00.000Z', patientId: 'PT-7', providerId: 'DR-P', dateOfService: '2026-11-04', payerProfile: 'medicare',
  encounter: { dateOfService: '2026-11-04', patientId: 'PT-7', providerId: 'DR-P', placeOfService: '11', claimType: 'professional', payerProfile: 'medicare', priorAuthorization: null, diagnoses: ['M47.816'], procedures: [], drugs: [], otherLines: [], documentation: {} },
  lines: [
    { code: '64493', modifiers: ['50'], units: 1, label: 'facet', procedureIndex: 0, origin: 'procedure', ruleIds: [], trace: [] },
    { code: '64494', modifiers: [], units: 1, label: 'facet', procedureIndex: 0, origin: 'procedure', ruleIds: [], trace: [] },
    { code: '20553', modifiers: [], units: 1, label: 'trigger point', procedureIndex: 1, origin: 'procedure', ruleIds: [], trace: [] },
  ],
  findings: [], counts: { error: 0, warning: 0, info: 0 }, review: 'not-needed', finalizeReason: null,
}

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(async () => {
  name = `remittances-page-${++n}`
  store = createIdbStore(name)
  await store.finalize(facetEncounter, null)
})
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

function renderPage(onOpenInsights = vi.fn()) {
  render(
    <StoreProvider store={store}>
      <CurrentUserContext.Provider value={{ user: USER, setUser: () => undefined }}>
        <RemittancesPage onOpenInsights={onOpenInsights} />
      </CurrentUserContext.Provider>
    </StoreProvider>,
  )
  return onOpenInsights
}

function pick(text: string, fileName: string) {
  const input = screen.getByLabelText('Remittance file (835)')
  Object.defineProperty(input, 'files', { value: [new File([text], fileName, { type: 'text/plain' })], configurable: true })
  fireEvent.change(input)
}

describe('RemittancesPage', () => {
  it('previews a good file (payments, matching, denied lines) and stores it only when asked', async () => {
    const onOpenInsights = renderPage()
    expect(await screen.findByText('No remittance file imported yet.')).toBeDefined()
    expect(screen.getByRole('heading', { level: 2, name: 'Remittances (835)' })).toBeDefined()
    pick(fixture('partial-denial.835'), 'medicare-1121.edi')

    const preview = await screen.findByRole('region', { name: 'Preview of medicare-1121.edi' })
    const payments = within(preview).getByRole('table', { name: 'Payments in the file' })
    expect(within(payments).getAllByRole('row')[1]?.textContent).toBe('MEDICARE JF PART BEFT20261121A2026-11-21$486.081')
    expect(within(preview).getByText('1 of 1 claim matched to finalized encounters.')).toBeDefined()
    const denied = within(preview).getByRole('table', { name: 'Denied lines (2)' })
    const rows = within(denied).getAllByRole('row').slice(1)
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['2026-11-04', 'ENC-2026-0002', '64494', '$600.00nothing paid', 'Modifier', expect.stringContaining('CO-4Procedure code inconsistent with the modifier used'), expect.stringContaining('N822'), 'ENC-2026-0002, line 2 (64494)'],
      ['2026-11-04', 'ENC-2026-0002', '20553', '$275.00nothing paid', 'Coverage or medical necessity', expect.stringContaining('CO-50'), expect.stringContaining('N115'), 'ENC-2026-0002, line 3 (20553)'],
    ])
    expect(await store.listRemittances()).toEqual([])

    fireEvent.click(within(preview).getByRole('button', { name: 'Store this remittance' }))
    expect((await screen.findByText(/^Stored medicare-1121\.edi:/)).textContent).toBe('Stored medicare-1121.edi: 1 payment, 1 claim (1 matched to encounters), 2 denied lines.')
    const [stored] = await store.listRemittances()
    expect(stored).toMatchObject({ fileName: 'medicare-1121.edi', userId: 'u-1', userName: 'Casey Coder', paymentKeys: ['MEDICARE JF PART B|EFT20261121A|2026-11-21'], claims: 1, matchedClaims: 1 })
    expect(stored?.denials.map((d) => [d.encounterId, d.lineIndex, d.category])).toEqual([['ENC-2026-0002', 1, 'modifier'], ['ENC-2026-0002', 2, 'coverage']])
    expect(within(preview).getByRole('button', { name: 'Store this remittance' }).hasAttribute('disabled')).toBe(true)

    fireEvent.click(screen.getByRole('button', { name: 'See denial insights' }))
    expect(onOpenInsights).toHaveBeenCalledTimes(1)
    const list = await screen.findByRole('table', { name: 'Imported remittance files, newest first' })
    expect(within(list).getAllByRole('row')[1]?.textContent).toContain('medicare-1121.edi')
  })

  it('hands the store the file as read and the claim-number choice, for the group server to parse and match again', async () => {
    const importRemittance = vi.spyOn(store, 'importRemittance')
    renderPage()
    const text = fixture('partial-denial.835')
    pick(text, 'medicare-1121.edi')
    const preview = await screen.findByRole('region', { name: 'Preview of medicare-1121.edi' })
    fireEvent.change(within(preview).getByLabelText('What your claims send as the claim number (CLP01)'), { target: { value: 'encounter-id' } })
    fireEvent.click(within(preview).getByRole('button', { name: 'Store this remittance' }))
    await screen.findByText(/^Stored medicare-1121\.edi:/)
    expect(importRemittance).toHaveBeenCalledTimes(1)
    expect(importRemittance.mock.calls[0]?.[1]).toEqual({ text, controlNumber: 'encounter-id' })
  })

  it('lists every error of a malformed file with its position, stores nothing, and the picker stays usable', async () => {
    renderPage()
    pick(fixture('malformed/clp-status-not-number.835'), 'bad.835')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('bad.835 cannot be imported. Nothing was stored.')
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual(["Segment 14 (CLP), element 2: claim status code 'X' is not a number."])
    expect(screen.queryByRole('button', { name: 'Store this remittance' })).toBeNull()
    expect(screen.getByLabelText('Remittance file (835)').hasAttribute('disabled')).toBe(false)
    expect(await store.listRemittances()).toEqual([])

    pick(fixture('malformed/transaction-837.835'), 'claims.837')
    await waitFor(() => expect(within(screen.getByRole('alert')).getAllByRole('listitem')).toHaveLength(3))
    pick(fixture('partial-denial.835'), 'good.835')
    expect(await screen.findByRole('region', { name: 'Preview of good.835' })).toBeDefined()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('refuses a file over the size limit before reading it, and says the limit', async () => {
    renderPage()
    expect(screen.getByText(/Up to 20 MB\.$/)).toBeDefined()
    const big = new File(['ISA'], 'year.835', { type: 'text/plain' })
    Object.defineProperty(big, 'size', { value: 25_000_000 })
    const input = screen.getByLabelText('Remittance file (835)')
    Object.defineProperty(input, 'files', { value: [big], configurable: true })
    fireEvent.change(input)
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByRole('listitem').textContent).toBe('The file is 25 MB; the limit is 20 MB. Ask the payer or clearinghouse for smaller files (one per payment).')
    expect(await store.listRemittances()).toEqual([])
  })

  it('refuses a payment already imported with the store\'s message, and stores it again after the first import is removed', async () => {
    renderPage()
    pick(fixture('partial-denial.835'), 'first.835')
    fireEvent.click(await screen.findByRole('button', { name: 'Store this remittance' }))
    await screen.findByText(/^Stored first\.835:/)

    pick(fixture('partial-denial.835'), 'again.835')
    fireEvent.click(await screen.findByRole('button', { name: 'Store this remittance' }))
    const refusal = await screen.findByRole('alert')
    expect(refusal.textContent).toMatch(/^The payment from MEDICARE JF PART B \(check\/EFT EFT20261121A, dated 2026-11-21\) was already imported from first\.835 on \d{4}-\d{2}-\d{2} \d{2}:\d{2} by Casey Coder\. Nothing was stored\./)
    expect((await store.listRemittances()).map((r) => r.fileName)).toEqual(['first.835'])

    fireEvent.click(screen.getByRole('button', { name: /^Remove first\.835, imported / }))
    const dialog = await screen.findByRole('dialog', { name: 'Remove this remittance file?' })
    expect(dialog.textContent).toContain('its 2 denied lines will leave the denial insights')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove file' }))
    expect((await screen.findByText(/^Removed first\.835/)).textContent).toBe('Removed first.835; its 2 denied lines no longer count in the denial insights.')
    await waitFor(async () => expect(await store.listRemittances()).toEqual([]))
    expect(await screen.findByText('No remittance file imported yet.')).toBeDefined()
  })

  it('matches by patient account and date when the claim number is the patient account, unless told claims send encounter numbers', async () => {
    renderPage()
    const era = build835({
      payerName: 'ACME HEALTH', payerId: 'ACME1', paymentDate: '2026-11-20', checkNumber: 'CHK100',
      claims: [{
        patientControlNumber: 'PT-7', status: '1', charge: 60000, paid: 0, payerClaimNumber: 'A1',
        lines: [{ code: '64494', charge: 60000, paid: 0, units: 1, date: '2026-11-04', adjustments: [{ group: 'CO', reason: '197', amount: 60000 }] }],
      }],
    })
    pick(era, 'acme.txt')
    const preview = await screen.findByRole('region', { name: 'Preview of acme.txt' })
    expect(within(preview).getByText('1 of 1 claim matched to finalized encounters.')).toBeDefined()
    const denied = within(preview).getByRole('table', { name: 'Denied lines (1)' })
    expect(within(denied).getAllByRole('row')[1]?.textContent).toContain('Prior authorization')
    expect(within(denied).getAllByRole('row')[1]?.textContent).toContain('ENC-2026-0002, line 2 (64494)')

    fireEvent.change(within(preview).getByLabelText('What your claims send as the claim number (CLP01)'), { target: { value: 'encounter-id' } })
    expect(await within(preview).findByText('0 of 1 claim matched to finalized encounters; 1 not matched.')).toBeDefined()
    expect(within(preview).getByRole('list', { name: 'Claims not matched' }).textContent).toContain("no encounter has id 'PT-7'")
    expect(within(denied).getAllByRole('row')[1]?.textContent).toContain('not matched')
  })
})

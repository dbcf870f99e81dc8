// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { medicareProfile } from '../../domain/index.ts'
import { ChangeRightsContext, type ChangeRefusal } from '../../lib/change-rights.ts'
import { createIdbStore, deleteStore, StoreProvider, type WorksheetStore } from '../../storage/index.ts'
import { SettingsPage } from './index.ts'
import { copyProfile } from './profile-copy.ts'

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(() => { name = `settings-profiles-${++n}`; store = createIdbStore(name) })
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

const ESI_ID = 'medicare-esi-4-per-region-12m'
const esiGroup = () => screen.getByRole('group', { name: new RegExp(`\\(${ESI_ID}\\)$`) })

function errorOf(field: HTMLElement): string | undefined {
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)).find((el) => el?.id.endsWith('-error'))?.textContent ?? undefined
}

// Whole-form tests: slow on a loaded 2-core machine, not on a fast one.
describe('Payer profiles in settings', { timeout: 15_000 }, () => {
  it('shows payer profiles read-only, with why, to someone who may not change them', async () => {
    const saved = copyProfile(medicareProfile, [medicareProfile.id], '2026-11-20T10:00:00.000Z')
    await store.savePayerProfile(saved)
    const coder: ChangeRefusal = (what) => (what === 'payer-profiles' ? 'Payer profiles are kept by the supervisors.' : null)
    render(<StoreProvider store={store}><ChangeRightsContext value={coder}><SettingsPage /></ChangeRightsContext></StoreProvider>)
    const custom = await screen.findByRole('list', { name: 'Custom profiles' })
    expect(screen.getByRole('note').textContent).toBe('Payer profiles are kept by the supervisors.')
    expect(within(custom).getByRole('button', { name: `View ${saved.profile.name}` })).toBeDefined()
    expect(screen.queryAllByRole('button', { name: /^(Edit|Delete|Copy) / })).toEqual([])
    fireEvent.click(within(custom).getByRole('button', { name: `View ${saved.profile.name}` }))
    expect(screen.getByRole('heading', { name: saved.profile.name, level: 4 })).toBeDefined()
    expect(screen.queryByRole('button', { name: 'Edit this profile' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Copy into a custom profile' })).toBeNull()
  })

  it('offers copy, edit and delete when the person may change payer profiles', async () => {
    const saved = copyProfile(medicareProfile, [medicareProfile.id], '2026-11-20T10:00:00.000Z')
    await store.savePayerProfile(saved)
    const supervisor: ChangeRefusal = (what) => (what === 'reference-files' ? 'Only admins.' : null)
    render(<StoreProvider store={store}><ChangeRightsContext value={supervisor}><SettingsPage /></ChangeRightsContext></StoreProvider>)
    const custom = await screen.findByRole('list', { name: 'Custom profiles' })
    expect(screen.queryByRole('note')).toBeNull()
    expect(within(custom).getByRole('button', { name: `Edit ${saved.profile.name}` })).toBeDefined()
    expect(within(custom).getByRole('button', { name: `Delete ${saved.profile.name}` })).toBeDefined()
    expect(screen.getByRole('button', { name: 'Copy Medicare (default) into a custom profile' })).toBeDefined()
  })

  it('shows a built-in profile with its bilateral formats, limits and sources', async () => {
    render(<StoreProvider store={store}><SettingsPage /></StoreProvider>)
    expect(await screen.findByText('No custom profile yet.')).toBeDefined()
    fireEvent.click(screen.getByRole('button', { name: 'View Medicare (default)' }))
    const heading = screen.getByRole('heading', { name: 'Medicare (default)', level: 4 })
    expect(document.activeElement).toBe(heading)
    const bilateral = screen.getByRole('region', { name: 'Bilateral format' })
    expect(bilateral.textContent).toContain('ASC facility claim: Two lines, RT and LT, one unit each · Verified')
    expect(bilateral.textContent).toContain('Hospital outpatient facility claim: One line with modifier 50, one unit · Not verified')
    const limits = within(screen.getByRole('region', { name: 'Frequency limits' })).getAllByRole('listitem')
    expect(limits).toHaveLength(medicareProfile.frequencyLimits.length)
    const esi = limits.find((li) => li.textContent.includes(ESI_ID))!
    expect(esi.textContent).toContain('4 sessions in a rolling 12 months')
    expect(esi.textContent).toContain(medicareProfile.frequencyLimits.find((l) => l.id === ESI_ID)!.source)
    expect(within(screen.getByRole('table', { name: 'Coverage values of Medicare (default)' })).getByRole('row', { name: /Betamethasone/ }).textContent).toContain('6 mg')
    expect(screen.getByRole('region', { name: 'OPD prior authorization' }).textContent).toContain('64492 from 2023-07-01 to 2024-08-14')
  })

  it('copies Medicare into a custom profile, shows each bad value next to its field and saves a valid edit', async () => {
    render(<StoreProvider store={store}><SettingsPage /></StoreProvider>)
    await screen.findByText('No custom profile yet.')
    fireEvent.click(screen.getByRole('button', { name: 'Copy Medicare (default) into a custom profile' }))
    expect(screen.getByRole('heading', { name: 'New custom profile: medicare-custom' })).toBeDefined()
    expect(screen.getByLabelText<HTMLInputElement>('Profile name').value).toBe('Medicare (default) (custom)')

    const sessions = within(esiGroup()).getByLabelText('Sessions allowed')
    fireEvent.change(sessions, { target: { value: '0' } })
    await waitFor(() => expect(errorOf(sessions)).toBe('The limit must be at least 1 session'))
    expect(sessions.getAttribute('aria-invalid')).toBe('true')
    const window = within(esiGroup()).getByLabelText('Window length')
    fireEvent.change(window, { target: { value: '0' } })
    await waitFor(() => expect(errorOf(window)).toBe('At least 1'))
    fireEvent.change(within(esiGroup()).getByLabelText('Effective from'), { target: { value: '2026-06-01' } })
    const to = within(esiGroup()).getByLabelText('Effective to')
    fireEvent.change(to, { target: { value: '2026-01-01' } })
    const source = within(esiGroup()).getByLabelText('Source')
    fireEvent.change(source, { target: { value: '' } })
    fireEvent.change(screen.getByLabelText('ASC facility claim: format'), { target: { value: 'modifier-50' } })

    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }))
    expect(await screen.findByText('Fix the values marked in red, then save again.')).toBeDefined()
    expect(errorOf(to)).toBe('The end date must not be before the start date')
    expect(errorOf(source)).toBe('Say where this value comes from')
    expect(errorOf(screen.getByLabelText('ASC facility claim: format'))).toBe('Modifier 50 is not recognised for ASC facility payment: pick two lines or two units')
    expect(await store.listPayerProfiles()).toEqual([])

    fireEvent.change(sessions, { target: { value: '2' } })
    fireEvent.change(window, { target: { value: '12' } })
    fireEvent.change(to, { target: { value: '' } })
    fireEvent.change(source, { target: { value: medicareProfile.frequencyLimits.find((l) => l.id === ESI_ID)!.source } })
    fireEvent.change(screen.getByLabelText('ASC facility claim: format'), { target: { value: 'rt-lt-two-lines' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }))

    expect(await screen.findByText(/^Saved Medicare \(default\) \(custom\)\./)).toBeDefined()
    const [saved] = await store.listPayerProfiles()
    expect(saved?.basedOn).toBe('medicare')
    const limit = saved?.profile.frequencyLimits.find((l) => l.id === ESI_ID)
    expect(limit).toMatchObject({ limit: 2, effectiveFrom: '2026-06-01', effectiveTo: null })
    expect(limit?.source).toMatch(/^Edited by the practice; originally: /)
    // The view marks the edited value against the built-in one.
    const esi = within(screen.getByRole('region', { name: 'Frequency limits' })).getAllByRole('listitem').find((li) => li.textContent.includes(ESI_ID))!
    expect(esi.textContent).toContain('Edited by the practice. Original values: Limit: 4 sessions; Effective from: no start date.')
    expect(within(await screen.findByRole('list', { name: 'Custom profiles' })).getByText('Medicare (default) (custom)')).toBeDefined()
  })

  it('sets a line per level with the payer\'s modifier and NDCs on every drug line, and the view says so against the original', async () => {
    render(<StoreProvider store={store}><SettingsPage /></StoreProvider>)
    fireEvent.click(await screen.findByRole('button', { name: 'Copy Medicare (default) into a custom profile' }))
    expect(screen.queryByLabelText('Repeated lines: modifier on the later lines')).toBeNull()
    fireEvent.change(screen.getByLabelText('Repeated lines: same code and modifiers'), { target: { value: 'line-per-level' } })
    const modifier = await screen.findByLabelText('Repeated lines: modifier on the later lines')
    fireEvent.change(screen.getByLabelText('NDC on drug lines'), { target: { value: 'all-drugs' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }))
    await waitFor(() => expect(errorOf(modifier)).toBe('Name the modifier that tells the repeated lines apart'))
    expect(await store.listPayerProfiles()).toEqual([])
    fireEvent.change(modifier, { target: { value: 'XS' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }))
    expect(await screen.findByText(/^Saved Medicare \(default\) \(custom\)\./)).toBeDefined()
    const [saved] = await store.listPayerProfiles()
    expect(saved?.profile.repeatedLines).toMatchObject({ format: 'line-per-level', modifier: 'XS' })
    expect(saved?.profile.ndc.required).toBe('all-drugs')
    expect(saved?.profile.ndc.source).toMatch(/^Edited by the practice; originally: /)
    const lines = screen.getByRole('region', { name: 'Claim lines' })
    expect(lines.textContent).toContain('Repeated lines (same code and modifiers): A line per level, the later ones told apart by a modifier: XS: separate structure')
    expect(lines.textContent).toContain('Original value: One line, units added (e.g. 64636 RT with 2 units).')
    expect(lines.textContent).toContain('NDC on drug lines: On every drug line (e.g. Medicaid, or a plan that asks for it)')
    expect(lines.textContent).toContain('Original value: Only on unclassified drugs (J3490, J3590).')
  })

  it('adds and removes a frequency limit; a new limit needs a source', async () => {
    render(<StoreProvider store={store}><SettingsPage /></StoreProvider>)
    fireEvent.click(await screen.findByRole('button', { name: 'Copy Commercial example (EviCore-style guidelines) into a custom profile' }))
    const before = screen.getAllByRole('group', { name: /^Limit \d+: / }).length
    fireEvent.click(screen.getByRole('button', { name: 'Add a frequency limit' }))
    const added = screen.getByRole('group', { name: `Limit ${before + 1}: Epidural steroid injection (commercial-example-custom-limit-${before + 1})` })
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }))
    await waitFor(() => expect(errorOf(within(added).getByLabelText('Source'))).toBe('Say where this value comes from'))
    fireEvent.click(within(added).getByRole('button', { name: /^Remove limit / }))
    fireEvent.click(within(screen.getByRole('group', { name: /^Limit 1: / })).getByRole('button', { name: /^Remove limit 1 / }))
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }))
    await screen.findByText(/^Saved /)
    const [saved] = await store.listPayerProfiles()
    expect(saved?.profile.frequencyLimits).toHaveLength(before - 1)
    expect(screen.getByText(/^Removed by the practice: evicore-tpi-4-per-12m/)).toBeDefined()
  })

  it('gives a second copy its own id, and deletes a custom profile after confirmation', async () => {
    await store.savePayerProfile(copyProfile(medicareProfile, ['medicare', 'commercial-example'], '2026-11-01T00:00:00.000Z'))
    render(<StoreProvider store={store}><SettingsPage /></StoreProvider>)
    const custom = await screen.findByRole('list', { name: 'Custom profiles' })
    fireEvent.click(screen.getByRole('button', { name: 'Copy Medicare (default) into a custom profile' }))
    expect(screen.getByRole('heading', { name: 'New custom profile: medicare-custom-2' })).toBeDefined()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))

    fireEvent.click(within(custom).getByRole('button', { name: 'Delete Medicare (default) (custom)' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete Medicare (default) (custom)?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete profile' }))
    expect(await screen.findByText('No custom profile yet.')).toBeDefined()
    expect(await store.listPayerProfiles()).toEqual([])
  })
})

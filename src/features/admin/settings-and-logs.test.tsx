// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuditEntry, PracticeSettings, SignInEvent } from '../../group-api/index.ts'
import { localDayEnd, localDayStart } from '../../lib/date-time.ts'
import { GroupClientProvider } from '../../storage/group/index.ts'
import { createFakeGroupClient, type FakeGroupClient } from '../../storage/group/fake-client.ts'
import { IDS, member } from '../../storage/group/test-fixtures.ts'
import { AccessLogPage } from './access-log-page.tsx'
import { AdminPages } from './admin-pages.tsx'
import { SignInHistoryPage } from './sign-in-history-page.tsx'
import { SignInSettingsPage } from './sign-in-settings-page.tsx'

afterEach(() => { cleanup(); vi.restoreAllMocks() })

const withClient = (client: FakeGroupClient, ui: React.ReactNode) => render(<GroupClientProvider client={client}>{ui}</GroupClientProvider>)
const people = { members: [member(), member({ userId: IDS.ada, name: 'Ada Admin', email: 'ada@north.example', role: 'admin' })] }

describe('sign-in settings', () => {
  const settings: PracticeSettings = { name: 'North Clinic', idleTimeoutMinutes: 15, twoFactorRoles: ['admin'] }

  it('shows the practice\'s settings and saves the changed ones', async () => {
    let saved: unknown = null
    const client = createFakeGroupClient().on('settings', () => settings)
      .on('updateSettings', ({ body }) => { saved = body; return { ...settings, ...body } })
    const onSaved = vi.fn()
    withClient(client, <SignInSettingsPage onSaved={onSaved} />)
    const user = userEvent.setup()
    const minutes = await screen.findByLabelText('Automatic sign-out after (minutes without activity)')
    expect((minutes as HTMLInputElement).value).toBe('15')
    const roles = screen.getByRole('group', { name: 'Roles that must use two-factor authentication' })
    expect(within(roles).getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked).map((c) => (c as HTMLInputElement).value)).toEqual(['admin'])
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save settings' }).disabled).toBe(true)

    await user.clear(minutes)
    await user.type(minutes, '10')
    await user.click(within(roles).getByRole('checkbox', { name: 'Supervisor' }))
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect(await screen.findByText('Sign-in settings saved.')).toBeDefined()
    expect(saved).toEqual({ name: 'North Clinic', idleTimeoutMinutes: 10, twoFactorRoles: ['admin', 'supervisor'] })
    expect(onSaved).toHaveBeenCalledOnce()
  })

  it('keeps the idle timeout between 2 and 60 minutes', async () => {
    const client = createFakeGroupClient().on('settings', () => settings)
    withClient(client, <SignInSettingsPage onSaved={vi.fn()} />)
    const user = userEvent.setup()
    const minutes = await screen.findByLabelText('Automatic sign-out after (minutes without activity)')
    await user.clear(minutes)
    await user.type(minutes, '90')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect(await screen.findByText('Use at most 60.')).toBeDefined()
    await user.clear(minutes)
    await user.type(minutes, '1')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect(await screen.findByText('Use at least 2.')).toBeDefined()
    expect(client.callsTo('updateSettings')).toHaveLength(0)
  })
})

describe('sign-in history', () => {
  const event: SignInEvent = { seq: 7, at: '2026-11-20T14:05:00.000Z', event: 'sign-in-failed', email: 'casey@north.example', userId: IDS.casey, userName: 'Casey Coder', ip: '10.0.0.9', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Gecko/20100101 Firefox/131.0' }

  it('lists events in plain words and filters by person, event and days', async () => {
    const client = createFakeGroupClient().on('members', () => people).on('signIns', () => ({ events: [event] }))
    withClient(client, <SignInHistoryPage />)
    const table = await screen.findByRole('table', { name: 'Sign-in history' })
    const cells = within(within(table).getAllByRole('row')[1]).getAllByRole('cell').map((c) => c.textContent)
    expect(cells.slice(1)).toEqual(['Sign-in failed', 'Casey Coder', 'casey@north.example', '10.0.0.9', 'Firefox on macOS'])
    expect(client.callsTo('signIns')[0]?.query).toEqual({ limit: 200 })

    const user = userEvent.setup()
    await screen.findByRole('option', { name: 'Casey Coder (casey@north.example)' })
    await user.selectOptions(screen.getByLabelText('Person'), IDS.casey)
    await user.selectOptions(screen.getByLabelText('Event'), 'locked-out')
    await user.type(screen.getByLabelText('From'), '2026-11-01')
    await user.type(screen.getByLabelText('To'), '2026-11-20')
    await user.click(screen.getByRole('button', { name: 'Show' }))
    await vi.waitFor(() => expect(client.callsTo('signIns')).toHaveLength(2))
    expect(client.callsTo('signIns')[1]?.query).toEqual({
      userId: IDS.casey, event: 'locked-out', from: localDayStart('2026-11-01'), to: localDayEnd('2026-11-20'), limit: 200,
    })
  })

  it('refuses a "From" day after the "To" day without asking the server', async () => {
    const client = createFakeGroupClient().on('members', () => people).on('signIns', () => ({ events: [] }))
    withClient(client, <SignInHistoryPage />)
    const user = userEvent.setup()
    expect(await screen.findByText('No events match.')).toBeDefined()
    await user.type(screen.getByLabelText('From'), '2026-11-20')
    await user.type(screen.getByLabelText('To'), '2026-11-01')
    await user.click(screen.getByRole('button', { name: 'Show' }))
    expect(await screen.findByText('The "From" date is after the "To" date.')).toBeDefined()
    expect(client.callsTo('signIns')).toHaveLength(1)
  })
})

describe('access log', () => {
  const entry: AuditEntry = { seq: 41, at: '2026-11-20T10:00:00.000Z', userId: IDS.ada, userName: 'Ada Admin', action: 'role-changed', patientId: null, target: 'casey@north.example', detail: { from: 'coder', to: 'supervisor' }, ip: '10.0.0.5' }

  it('filters the log and exports the same filters as CSV through the client', async () => {
    const csv = 'seq,at,user,action\n41,2026-11-20T10:00:00.000Z,Ada Admin,role-changed\n'
    const client = createFakeGroupClient().on('members', () => people).on('audit', () => ({ entries: [entry] }))
      .on('auditCsv', () => ({ blob: new Blob([csv], { type: 'text/csv' }), filename: 'access-log-north-clinic.csv' }))
    withClient(client, <AccessLogPage />)
    const table = await screen.findByRole('table', { name: 'Access log' })
    expect(within(table).getByText('from: coder; to: supervisor')).toBeDefined()

    const user = userEvent.setup()
    await user.type(screen.getByLabelText('Patient ID'), ' PT-1001 ')
    await user.type(screen.getByLabelText('Action'), 'encounter-read')
    await user.click(screen.getByRole('button', { name: 'Show' }))
    await vi.waitFor(() => expect(client.callsTo('audit')).toHaveLength(2))
    expect(client.callsTo('audit')[1]?.query).toEqual({ action: 'encounter-read', patientId: 'PT-1001', limit: 200 })

    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:csv')
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { expect(this.download).toBe('access-log-north-clinic.csv') })
    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    expect(await screen.findByText('The access log was exported as CSV.')).toBeDefined()
    expect(client.callsTo('auditCsv')[0]?.query).toEqual({ action: 'encounter-read', patientId: 'PT-1001', limit: 100000 })
    expect(await (created.mock.calls[0]?.[0] as Blob).text()).toBe(csv)
    expect(clicked).toHaveBeenCalledOnce()
  })
})

describe('admin pages', () => {
  it('has its own navigation, marking the page shown', async () => {
    const client = createFakeGroupClient().on('members', () => people).on('audit', () => ({ entries: [] }))
    withClient(client, <AdminPages path="/access-log" currentUserId={IDS.ada} practiceName="North Clinic" onSettingsSaved={vi.fn()} localData={{ exportBackup: vi.fn() }} />)
    const nav = screen.getByRole('navigation', { name: 'Admin' })
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Members', 'Invitations', 'Sign-in settings', 'Sign-in history', 'Access log', 'Move in'])
    expect(within(nav).getByRole('link', { name: 'Access log' }).getAttribute('aria-current')).toBe('page')
    expect(within(nav).getByRole('link', { name: 'Members' }).getAttribute('href')).toBe('#/admin/members')
    expect(await screen.findByRole('heading', { name: 'Access log' })).toBeDefined()
  })
})

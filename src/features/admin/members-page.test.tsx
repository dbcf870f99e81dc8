// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Member } from '../../group-api/index.ts'
import { ApiError, GroupClientProvider } from '../../storage/group/index.ts'
import { createFakeGroupClient, type FakeGroupClient } from '../../storage/group/fake-client.ts'
import { IDS, member } from '../../storage/group/test-fixtures.ts'
import { MembersPage } from './members-page.tsx'

afterEach(cleanup)

const ada = member({ userId: IDS.ada, name: 'Ada Admin', email: 'ada@north.example', role: 'admin', twoFactorEnabled: true })
const casey = member({ twoFactorEnabled: true })
const tia = member({ userId: IDS.tia, name: 'Tia Trainee', email: 'tia@north.example', role: 'trainee', active: false, lastSignInAt: null })

/** A fake server holding the members, answering the member routes as the real one would. */
function memberServer(start: Member[] = [ada, casey, tia]): FakeGroupClient {
  let members = [...start]
  const update = (userId: string, change: Partial<Member>) => {
    members = members.map((m) => (m.userId === userId ? { ...m, ...change } : m))
    return members.find((m) => m.userId === userId)!
  }
  return createFakeGroupClient()
    .on('members', () => ({ members }))
    .on('changeRole', ({ params, body }) => update(params.userId, { role: body.role }))
    .on('deactivate', ({ params }) => update(params.userId, { active: false }))
    .on('reactivate', ({ params }) => update(params.userId, { active: true }))
    .on('resetTwoFactor', ({ params }) => update(params.userId, { twoFactorEnabled: false }))
}

function renderMembers(client: FakeGroupClient) {
  render(<GroupClientProvider client={client}><MembersPage currentUserId={IDS.ada} practiceName="North Clinic" /></GroupClientProvider>)
}

const rowOf = async (name: string) => {
  const table = await screen.findByRole('table', { name: 'Members of the practice' })
  const row = within(table).getAllByRole('row').find((r) => within(r).queryAllByRole('cell')[0]?.textContent?.startsWith(name))
  if (!row) throw new Error(`No row for ${name}`)
  return row
}

describe('MembersPage', () => {
  it('lists the members with role, status, two-factor and dates', async () => {
    renderMembers(memberServer())
    const table = await screen.findByRole('table', { name: 'Members of the practice' })
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent))
      .toEqual(['Name', 'Email', 'Role', 'Status', 'Two-factor', 'Last sign-in', 'Joined', 'Actions'])
    const row = await rowOf('Tia Trainee')
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent)
    expect([cells[1], cells[3], cells[4], cells[5]]).toEqual(['tia@north.example', 'Deactivated', 'Off', 'Never'])
    expect(within(row).getByRole<HTMLSelectElement>('combobox', { name: 'Role for Tia Trainee' }).value).toBe('trainee')
    expect(screen.getByText(/3 members, 1 deactivated/)).toBeDefined()
  })

  it('does not let the admin deactivate or demote themselves', async () => {
    renderMembers(memberServer())
    const own = await rowOf('Ada Admin')
    expect(within(own).getByText('(you)')).toBeDefined()
    expect(within(own).queryByRole('combobox')).toBeNull()
    expect(within(own).queryByRole('button', { name: /Deactivate/ })).toBeNull()
    expect(within(own).getByText('Another admin can change your role.')).toBeDefined()
  })

  it('deactivates a member after a confirmation naming the consequences', async () => {
    const client = memberServer()
    renderMembers(client)
    const user = userEvent.setup()
    await user.click(within(await rowOf('Casey Coder')).getByRole('button', { name: 'Deactivate Casey Coder' }))
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Casey Coder?' })
    expect(dialog.textContent).toMatch(/can no longer work in North Clinic, and their sessions in it end at once/)
    expect(client.callsTo('deactivate')).toHaveLength(0)
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }))
    expect(await screen.findByText('Casey Coder was deactivated; their sessions in this practice ended.')).toBeDefined()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(client.callsTo('deactivate')[0]?.url).toBe(`/api/admin/members/${IDS.casey}/deactivate`)
    const row = await rowOf('Casey Coder')
    expect(within(row).getByText('Deactivated')).toBeDefined()
    expect(within(row).getByRole('button', { name: 'Reactivate Casey Coder' })).toBeDefined()
  })

  it('keeps the dialog open with the server\'s message when it refuses', async () => {
    const client = memberServer().on('deactivate', () => { throw new ApiError(409, 'last-admin', 'A practice needs at least one active admin.') })
    renderMembers(client)
    const user = userEvent.setup()
    await user.click(within(await rowOf('Casey Coder')).getByRole('button', { name: 'Deactivate Casey Coder' }))
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Deactivate' }))
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Casey Coder?' })
    expect((await within(dialog).findByRole('alert')).textContent).toBe('A practice needs at least one active admin.')
    expect(within(await rowOf('Casey Coder')).getByText('Active')).toBeDefined()
  })

  it('reactivates a member and resets two-factor, each after its confirmation', async () => {
    const client = memberServer()
    renderMembers(client)
    const user = userEvent.setup()
    await user.click(within(await rowOf('Tia Trainee')).getByRole('button', { name: 'Reactivate Tia Trainee' }))
    await user.click(within(screen.getByRole('dialog', { name: 'Reactivate Tia Trainee?' })).getByRole('button', { name: 'Reactivate' }))
    expect(await screen.findByText('Tia Trainee was reactivated.')).toBeDefined()

    await user.click(within(await rowOf('Casey Coder')).getByRole('button', { name: 'Reset two-factor for Casey Coder' }))
    await user.click(within(screen.getByRole('dialog', { name: 'Reset two-factor for Casey Coder?' })).getByRole('button', { name: 'Reset two-factor' }))
    expect(await screen.findByText('Two-factor was reset for Casey Coder.')).toBeDefined()
    expect(within(await rowOf('Casey Coder')).queryByRole('button', { name: /Reset two-factor/ })).toBeNull()
    expect(client.callsTo('resetTwoFactor')).toHaveLength(1)
  })

  it('changes a role with the row\'s select and Save, and puts the select back when the server refuses', async () => {
    const client = memberServer()
    renderMembers(client)
    const user = userEvent.setup()
    const select = within(await rowOf('Casey Coder')).getByRole('combobox', { name: 'Role for Casey Coder' })
    const save = within(await rowOf('Casey Coder')).getByRole('button', { name: 'Save role for Casey Coder' })
    expect((save as HTMLButtonElement).disabled).toBe(true)
    await user.selectOptions(select, 'supervisor')
    await user.click(save)
    expect(await screen.findByText('Casey Coder is now a Supervisor.')).toBeDefined()
    expect(client.callsTo('changeRole')[0]?.body).toEqual({ role: 'supervisor' })

    client.on('changeRole', () => { throw new ApiError(403, 'forbidden', 'Only an admin can make someone an admin.') })
    const again = within(await rowOf('Casey Coder')).getByRole<HTMLSelectElement>('combobox', { name: 'Role for Casey Coder' })
    await user.selectOptions(again, 'admin')
    await user.click(within(await rowOf('Casey Coder')).getByRole('button', { name: 'Save role for Casey Coder' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Only an admin can make someone an admin.')
    await vi.waitFor(() => expect(within(screen.getByRole('table')).getByRole<HTMLSelectElement>('combobox', { name: 'Role for Casey Coder' }).value).toBe('supervisor'))
  })
})

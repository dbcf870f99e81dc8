// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createIdbStore, deleteStore, StoreProvider, type WorksheetStore } from '../../storage/index.ts'
import type { UserRecord } from '../../storage/types.ts'
import { LAST_USER_KEY } from './model.ts'
import { UserChooser } from './user-chooser.tsx'

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(() => { name = `users-${++n}`; store = createIdbStore(name); localStorage.clear(); sessionStorage.clear() })
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

const casey: UserRecord = { id: 'u-casey', name: 'Casey Coder', role: 'coder', createdAt: '2026-11-01T09:00:00.000Z' }
const sam: UserRecord = { id: 'u-sam', name: 'Sam Supervisor', role: 'supervisor', createdAt: '2026-11-02T09:00:00.000Z' }

function renderChooser(focusHeading = false) {
  const onChoose = vi.fn<(user: UserRecord) => void>()
  render(<StoreProvider store={store}><UserChooser onChoose={onChoose} focusHeading={focusHeading} /></StoreProvider>)
  return onChoose
}

describe('UserChooser', () => {
  it('asks for the first profile when there is none, leaving focus at the top of a fresh page', async () => {
    renderChooser()
    const heading = await screen.findByRole('heading', { name: 'Create your profile' })
    expect(document.activeElement).not.toBe(heading)
    expect(screen.getByText(/no profile on this machine yet/)).toBeDefined()
    expect(screen.queryByRole('group', { name: 'Profiles on this machine' })).toBeNull()
  })

  it('creates the first profile with a trimmed name and the chosen role, after saying what is wrong', async () => {
    const user = userEvent.setup()
    const onChoose = renderChooser()
    const submit = await screen.findByRole('button', { name: 'Create profile and start' })
    await user.click(submit)
    expect(await screen.findByText('Enter a name.')).toBeDefined()
    expect(screen.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBe('true')

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'x'.repeat(81))
    await user.click(submit)
    expect(await screen.findByText('Use at most 80 characters.')).toBeDefined()

    await user.clear(screen.getByRole('textbox', { name: 'Name' }))
    await user.type(screen.getByRole('textbox', { name: 'Name' }), '  Casey Coder  ')
    await user.click(screen.getByRole('radio', { name: 'Trainee' }))
    await user.click(submit)
    await waitFor(() => expect(onChoose).toHaveBeenCalledTimes(1))
    const created = onChoose.mock.calls[0][0]
    expect(created).toMatchObject({ name: 'Casey Coder', role: 'trainee' })
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(await store.listUsers()).toEqual([created])
  })

  it('refuses a name that already has a profile, whatever its case', async () => {
    await store.saveUser(casey)
    const user = userEvent.setup()
    const onChoose = renderChooser()
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'casey coder ')
    await user.click(screen.getByRole('button', { name: 'Create profile' }))
    expect(await screen.findByText(/A profile with this name already exists/)).toBeDefined()
    expect(onChoose).not.toHaveBeenCalled()
    expect(await store.listUsers()).toHaveLength(1)
  })

  it('focuses its heading when it replaces the screen the user was on', async () => {
    await store.saveUser(casey)
    renderChooser(true)
    const heading = await screen.findByRole('heading', { name: 'Who is using the app?' })
    expect(document.activeElement).toBe(heading)
  })

  it('lists the profiles with their roles and continues as the one picked', async () => {
    await store.saveUser(casey)
    await store.saveUser(sam)
    const user = userEvent.setup()
    const onChoose = renderChooser()
    expect(await screen.findByRole('heading', { name: 'Who is using the app?' })).toBeDefined()
    await user.click(await screen.findByRole('radio', { name: 'Sam Supervisor (Supervisor)' }))
    await user.click(screen.getByRole('button', { name: 'Continue as Sam Supervisor' }))
    expect(onChoose).toHaveBeenCalledWith(sam)
  })

  it('preselects the profile used last on this machine', async () => {
    await store.saveUser(casey)
    await store.saveUser(sam)
    localStorage.setItem(LAST_USER_KEY, sam.id)
    renderChooser()
    const samRadio = await screen.findByRole<HTMLInputElement>('radio', { name: 'Sam Supervisor (Supervisor)' })
    expect(samRadio.checked).toBe(true)
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Casey Coder (Coder)' }).checked).toBe(false)
    expect(screen.getByRole('button', { name: 'Continue as Sam Supervisor' })).toBeDefined()
  })
})

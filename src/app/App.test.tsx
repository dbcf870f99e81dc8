// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { openDB } from 'idb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIdbStore, deleteStore, type WorksheetStore } from '../storage/index.ts'
import type { UserRecord } from '../storage/types.ts'
import { DATABASE_VERSION } from '../storage/idb-store.ts'
import { App } from './App.tsx'

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(() => { name = `app-test-${++n}`; store = createIdbStore(name); window.location.hash = ''; sessionStorage.clear(); localStorage.clear() })
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

const SESSION_USER_KEY = 'injection-coding-worksheet:session-user'
const tester: UserRecord = { id: 'u-test', name: 'Test Coder', role: 'coder', createdAt: '2026-11-01T09:00:00.000Z' }

describe('App shell', () => {
  beforeEach(() => { sessionStorage.setItem(SESSION_USER_KEY, JSON.stringify(tester)) })

  it('names the product in the banner heading and offers the main navigation', () => {
    render(<App store={store} />)
    const banner = screen.getByRole('banner')
    expect(within(banner).getByRole('heading', { level: 1, name: 'Injection Coding Worksheet' })).toBeDefined()
    expect(within(banner).getByRole('navigation', { name: 'Main' })).toBeDefined()
  })

  it('has one main landmark with id "main" that the skip link targets', () => {
    render(<App store={store} />)
    const main = screen.getByRole('main')
    expect(main.id).toBe('main')
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#main')
  })

  it('opens a new worksheet under its own draft address', async () => {
    render(<App store={store} />)
    expect(await screen.findByRole('heading', { name: 'Claim and checks' })).toBeDefined()
    expect(window.location.hash).toMatch(/^#\/worksheet\/.+/)
  })

  it('says plainly, with a reload button, when a newer version opened in another tab took the database', async () => {
    render(<App store={store} />)
    await screen.findByRole('heading', { name: 'Claim and checks' })
    const newer = await openDB(name, DATABASE_VERSION + 1)
    const alert = await screen.findByRole('alert', { name: '' }).catch(() => screen.findByText(/newer version of the app was opened in another tab/))
    expect(alert.textContent).toMatch(/Reload this tab to continue/)
    expect(screen.getByRole('button', { name: 'Reload this tab' })).toBeDefined()
    newer.close()
  })
})

describe('choosing the user when the app opens', () => {
  it('shows only the chooser until a profile is chosen, then the worksheet under that user', async () => {
    const user = userEvent.setup()
    render(<App store={store} />)
    expect(await screen.findByRole('heading', { name: 'Create your profile' })).toBeDefined()
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull()
    expect(screen.queryByRole('heading', { name: 'Claim and checks' })).toBeNull()

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Casey Coder')
    await user.click(screen.getByRole('button', { name: 'Create profile and start' }))
    expect(await screen.findByRole('heading', { name: 'Claim and checks' })).toBeDefined()
    const banner = screen.getByRole('banner')
    expect(banner.textContent).toMatch(/Casey Coder · Coder/)
    expect(JSON.parse(sessionStorage.getItem(SESSION_USER_KEY) ?? 'null')).toMatchObject({ name: 'Casey Coder', role: 'coder' })

    await user.click(within(banner).getByRole('button', { name: 'Switch user' }))
    expect(document.activeElement).toBe(await screen.findByRole('heading', { name: 'Who is using the app?' }))
    expect(sessionStorage.getItem(SESSION_USER_KEY)).toBeNull()
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Casey Coder (Coder)' }).checked).toBe(true)
  })

  it('does not ask again for a profile already chosen in this tab (a reload)', async () => {
    sessionStorage.setItem(SESSION_USER_KEY, JSON.stringify(tester))
    render(<App store={store} />)
    expect(await screen.findByRole('heading', { name: 'Claim and checks' })).toBeDefined()
    expect(within(screen.getByRole('banner')).getByRole('button', { name: 'Switch user' })).toBeDefined()
    expect(screen.getByRole('banner').textContent).toMatch(/Test Coder · Coder/)
  })

  it('ignores a session entry that is not a user record', async () => {
    sessionStorage.setItem(SESSION_USER_KEY, '{"id":"x"}')
    render(<App store={store} />)
    expect(await screen.findByRole('heading', { name: 'Create your profile' })).toBeDefined()
  })
})

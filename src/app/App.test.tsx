// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, render, screen, within } from '@testing-library/react'
import { openDB } from 'idb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIdbStore, deleteStore, type WorksheetStore } from '../storage/index.ts'
import { DATABASE_VERSION } from '../storage/idb-store.ts'
import { App } from './App.tsx'

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(() => { name = `app-test-${++n}`; store = createIdbStore(name); window.location.hash = '' })
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

describe('App shell', () => {
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

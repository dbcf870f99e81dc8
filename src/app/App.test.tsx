// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDexieStore, WorksheetDatabase } from '../storage/index.ts'
import { App } from './App.tsx'

let n = 0
let db: WorksheetDatabase
beforeEach(() => { db = new WorksheetDatabase(`app-test-${++n}`); window.location.hash = '' })
afterEach(async () => { cleanup(); db.close(); await db.delete() })

describe('App shell', () => {
  it('names the product in the banner heading and offers the main navigation', () => {
    render(<App store={createDexieStore(db)} />)
    const banner = screen.getByRole('banner')
    expect(within(banner).getByRole('heading', { level: 1, name: 'Injection Coding Worksheet' })).toBeDefined()
    expect(within(banner).getByRole('navigation', { name: 'Main' })).toBeDefined()
  })

  it('has one main landmark with id "main" that the skip link targets', () => {
    render(<App store={createDexieStore(db)} />)
    const main = screen.getByRole('main')
    expect(main.id).toBe('main')
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#main')
  })

  it('opens a new worksheet under its own draft address', async () => {
    render(<App store={createDexieStore(db)} />)
    expect(await screen.findByRole('heading', { name: 'Claim and checks' })).toBeDefined()
    expect(window.location.hash).toMatch(/^#\/worksheet\/.+/)
  })
})

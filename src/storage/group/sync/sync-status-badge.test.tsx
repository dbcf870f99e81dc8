// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createSyncStatusStore } from './status.ts'
import { SyncStatusProvider } from './status-provider.tsx'
import { SyncStatusBadge } from './sync-status-badge.tsx'

afterEach(cleanup)

describe('the sync status badge', () => {
  it('says politely, as a status, how sync stands, and follows it as it changes', () => {
    const store = createSyncStatusStore()
    render(<SyncStatusProvider status={store}><SyncStatusBadge /></SyncStatusProvider>)
    const badge = screen.getByRole('status')
    expect(badge.getAttribute('aria-live')).toBe('polite')
    expect(badge.textContent).toBe('Syncing…')
    act(() => store.update({ connection: 'offline', pending: 2 }))
    expect(screen.getByRole('status').textContent).toBe('Offline · 2 changes waiting')
    act(() => store.update({ connection: 'online', pending: 0, needsAttention: 1 }))
    expect(screen.getByRole('status').textContent).toBe('1 change needs attention')
    act(() => store.update({ needsAttention: 0 }))
    expect(screen.getByRole('status').textContent).toBe('Online · all saved')
  })

  it('links to the changes waiting while there are any', () => {
    const store = createSyncStatusStore()
    render(<SyncStatusProvider status={store}><SyncStatusBadge changesHref="#/sync" /></SyncStatusProvider>)
    expect(screen.queryByRole('link')).toBeNull()
    act(() => store.update({ connection: 'offline', pending: 1 }))
    expect(screen.getByRole('link', { name: 'Changes waiting' }).getAttribute('href')).toBe('#/sync')
    act(() => store.update({ connection: 'online', pending: 0, needsAttention: 1 }))
    expect(screen.getByRole('link', { name: 'Changes waiting' })).toBeDefined()
    act(() => store.update({ needsAttention: 0 }))
    expect(screen.queryByRole('link')).toBeNull()
  })

  it('needs a status to show', () => {
    expect(() => render(<SyncStatusBadge />)).toThrow(/needs a SyncStatusProvider/)
  })
})

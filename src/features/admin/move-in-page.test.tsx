// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MoveInPreview } from '../../group-api/index.ts'
import { BACKUP_TABLE_NAMES } from '../../storage/backup.ts'
import { ApiError, GroupClientProvider } from '../../storage/group/index.ts'
import { createFakeGroupClient, type FakeGroupClient } from '../../storage/group/fake-client.ts'
import type { BackupData } from '../../storage/types.ts'
import { MoveInPage } from './move-in-page.tsx'

afterEach(() => { cleanup(); vi.restoreAllMocks() })

const ID = '00000000-0000-4000-8000-0000000000a1'
const data = { ...Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, []])), providers: [{ id: 'dr-a', name: 'Dr A' }] } as unknown as BackupData
const local = { exportBackup: () => Promise.resolve(data) }
const preview: MoveInPreview = {
  id: ID, fileName: 'workstation-2026-12-01.json', fingerprint: 'b'.repeat(64), exportedAt: '2026-12-01T10:00:00.000Z', patients: 0, decisions: 0,
  counts: [{ table: 'providers', inFile: 1, add: 1, duplicates: 0 }, { table: 'encounters', inFile: 0, add: 0, duplicates: 0 }],
  skipped: [{ table: 'remittances', records: 2, why: 'Remittances (835 files) are moved separately: import the 835 files on the server.' }],
}

const withClient = (client: FakeGroupClient) =>
  render(<GroupClientProvider client={client}><MoveInPage localData={local} now={() => new Date('2026-12-01T10:00:00.000Z')} /></GroupClientProvider>)

describe("moving this workstation's data in", () => {
  it("reads the workstation's store, shows the server's preview and moves it in", async () => {
    const client = createFakeGroupClient()
      .on('startMoveIn', () => ({ id: ID }))
      .on('addMoveInPart', () => ({ parts: 1, bytes: 1 }))
      .on('previewMoveIn', () => preview)
      .on('commitMoveIn', () => ({ id: ID, committedAt: '2026-12-01T10:01:00.000Z', counts: preview.counts, decisions: 0, historyImportId: null }))
    withClient(client)
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: "Read this workstation's data" }))
    const table = await screen.findByRole('table', { name: /What workstation-2026-12-01.json brings/ })
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual(['TableIn the fileAddedDuplicates skipped', 'Providers110'])
    expect(screen.getByText(/moved separately/)).toBeDefined()
    expect(client.callsTo('commitMoveIn')).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Move it in' }))
    expect(await screen.findByText('Moved in: providers 1.')).toBeDefined()
    expect(client.callsTo('commitMoveIn')).toHaveLength(1)
    expect(client.unexpected).toEqual([])
  })

  it('refuses a file that is not a backup before sending anything', async () => {
    const client = createFakeGroupClient()
    withClient(client)
    const user = userEvent.setup()
    await user.upload(screen.getByLabelText('Or a backup file'), new File(['{"hello": 1}'], 'notes.json', { type: 'application/json' }))
    expect((await screen.findByRole('alert')).textContent).toBe('notes.json cannot be moved in: The file is not a backup of this app: it holds no backup format marker. Nothing was sent.')
    expect(client.calls).toEqual([])
  })

  it("shows the server's refusal (a file moved in before), and nothing is committed", async () => {
    const client = createFakeGroupClient()
      .on('startMoveIn', () => { throw new ApiError(409, 'already-moved-in', 'This file was moved into the practice already. The same file is moved in once; nothing was stored.') })
    withClient(client)
    await userEvent.setup().click(screen.getByRole('button', { name: "Read this workstation's data" }))
    expect((await screen.findByRole('alert')).textContent).toBe('This file was moved into the practice already. The same file is moved in once; nothing was stored.')
    expect(client.callsTo('commitMoveIn')).toEqual([])
  })

  it('abandons a previewed move-in on request', async () => {
    const client = createFakeGroupClient()
      .on('startMoveIn', () => ({ id: ID }))
      .on('addMoveInPart', () => ({ parts: 1, bytes: 1 }))
      .on('previewMoveIn', () => preview)
      .on('abandonMoveIn', () => null)
    withClient(client)
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: "Read this workstation's data" }))
    await user.click(await screen.findByRole('button', { name: 'Abandon' }))
    expect(client.callsTo('abandonMoveIn').map((c) => c.params)).toEqual([{ id: ID }])
    expect(screen.queryByRole('table')).toBeNull()
  })
})

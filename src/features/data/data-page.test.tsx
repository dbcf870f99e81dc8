// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createIdbStore, deleteStore, StoreProvider, type BackupData, type WorksheetStore } from '../../storage/index.ts'
import { backupToJson } from '../../storage/backup.ts'
import { attemptRecord, practiceCaseRecord } from '../../storage/training-test-records.ts'
import { DataPage } from './index.ts'

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(() => { name = `data-page-${++n}`; store = createIdbStore(name) })
afterEach(async () => { cleanup(); vi.restoreAllMocks(); Reflect.deleteProperty(navigator, 'storage'); await store.close(); await deleteStore(name) })

/** happy-dom has no StorageManager: the tests give navigator one (or none). */
const setStorage = (storage: Partial<StorageManager> | undefined) => Object.defineProperty(navigator, 'storage', { value: storage, configurable: true })

const EMPTY: BackupData = { drafts: [], encounters: [], history: [], imports: [], providers: [], ncci: [], payerProfiles: [], users: [], audit: [], remittances: [], attempts: [], practiceCases: [], icd10: [], coverageArticles: [], coverageSettings: [], chargeExports: [], ndcList: [], chargeSettings: [] }

function backupData(): BackupData {
  return {
    ...EMPTY,
    drafts: [{ id: 'd-1', createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:05:00.000Z', patientId: 'PT-1', dateOfService: '2026-11-20', values: { a: 1 }, status: 'draft', returnNote: null }],
    history: [
      { patientId: 'PT-2', dateOfService: '2026-03-02', code: '64493', modifiers: [], units: 1, importId: 'i-1', key: 'k1' },
      { patientId: 'PT-2', dateOfService: '2026-06-02', code: '64493', modifiers: [], units: 1, importId: 'i-1', key: 'k2' },
    ],
    imports: [{ id: 'i-1', fileName: 'history.csv', importedAt: '2026-11-01T08:00:00.000Z', rows: 2, duplicates: 0 }],
    providers: [{ id: 'P1', name: 'Dr. Lee' }],
  }
}

function renderPage() {
  return render(<StoreProvider store={store}><DataPage /></StoreProvider>)
}

function pickFile(text: string, fileName: string) {
  const input = screen.getByLabelText('Backup file to restore')
  Object.defineProperty(input, 'files', { value: [new File([text], fileName, { type: 'application/json' })], configurable: true })
  fireEvent.change(input)
}

const storedCell = (rowName: string, column = 1) =>
  within(screen.getByRole('table', { name: 'Records stored in this browser' })).getByRole('row', { name: new RegExp(`^${rowName}`) }).querySelectorAll('td')[column - 1]?.textContent

describe('DataPage', () => {
  it('lists what is stored and downloads it as one backup file', async () => {
    await store.restoreBackup(backupData())
    const blobs: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blobs.push(b as Blob); return 'blob:backup' })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const names: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { names.push(this.download) })
    renderPage()
    await waitFor(() => expect(storedCell('Imported claim-history lines')).toBe('2'))
    expect(storedCell('All records')).toBe('5')

    fireEvent.click(screen.getByRole('button', { name: 'Download backup' }))
    const status = await screen.findByText(/^Downloaded injection-coding-worksheet-backup-\d{4}-\d{2}-\d{2}\.json with 5 records\.$/)
    expect(status.getAttribute('role')).toBe('status')
    expect(names).toEqual([expect.stringMatching(/^injection-coding-worksheet-backup-\d{4}-\d{2}-\d{2}\.json$/)])
    const file = JSON.parse(await blobs[0].text()) as { format: string; data: BackupData }
    expect(file.format).toBe('injection-coding-worksheet-backup')
    expect(file.data).toEqual(backupData())
  })

  it('shows what a backup holds against what is stored, warns, and replaces everything once confirmed', async () => {
    await store.saveProvider({ id: 'OLD', name: 'Dr. Old' })
    renderPage()
    pickFile(backupToJson(backupData(), '2026-11-25T09:30:00.000Z'), 'my-backup.json')
    const group = await screen.findByRole('group', { name: /my-backup\.json is a backup made .* with 2 patients, dates of service 2026-03-02 to 2026-06-02\./ })
    const table = within(group).getByRole('table', { name: 'Records in the backup file and stored now' })
    await waitFor(() => expect(within(table).getByRole('row', { name: /^All records/ }).textContent).toBe('All records51'))
    expect(within(table).getByRole('row', { name: /^Providers/ }).textContent).toBe('Providers11')
    expect(within(group).getByRole('note').textContent).toContain('Restoring replaces everything stored in this browser')
    expect(await store.listProviders()).toEqual([{ id: 'OLD', name: 'Dr. Old' }])

    fireEvent.click(screen.getByRole('button', { name: 'Replace everything with this backup' }))
    expect((await screen.findByText(/^Restored my-backup\.json: 5 records from the backup of /)).getAttribute('role')).toBe('status')
    expect(await store.exportBackup()).toEqual(backupData())
  })

  it('lists the problems of a bad file and changes nothing', async () => {
    await store.restoreBackup(backupData())
    renderPage()
    const file = JSON.parse(backupToJson(backupData(), '2026-11-25T09:30:00.000Z')) as { data: { history: { dateOfService: string }[] } }
    file.data.history[1].dateOfService = '06/02/2026'
    pickFile(JSON.stringify(file), 'edited.json')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('edited.json cannot be restored. Nothing was changed.')
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['history record 2: dateOfService must be a date written YYYY-MM-DD'])
    expect(screen.queryByRole('button', { name: 'Replace everything with this backup' })).toBeNull()
    expect(await store.exportBackup()).toEqual(backupData())
  })

  it('says so plainly when the disk is full, and keeps the old data', async () => {
    await store.saveProvider({ id: 'OLD', name: 'Dr. Old' })
    vi.spyOn(store, 'restoreBackup').mockRejectedValue(new Error('The browser has no room left to store the backup, so nothing was changed. Free some disk space or remove old browser data, then try again.'))
    renderPage()
    pickFile(backupToJson(backupData(), '2026-11-25T09:30:00.000Z'), 'big.json')
    fireEvent.click(await screen.findByRole('button', { name: 'Replace everything with this backup' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('The browser has no room left to store the backup, so nothing was changed. Free some disk space or remove old browser data, then try again. The data stored before the restore is unchanged.')
    expect(await store.listProviders()).toEqual([{ id: 'OLD', name: 'Dr. Old' }])
  })

  it('counts practice attempts and the practice\'s own cases, and updates when training mode stores one', async () => {
    renderPage()
    await waitFor(() => expect(storedCell('Practice attempts')).toBe('0'))
    expect(storedCell('Practice cases \\(the practice\'s own\\)')).toBe('0')
    const training = await store.training()
    await training.addAttempt(attemptRecord({ id: 'at-1' }))
    await training.savePracticeCases([practiceCaseRecord('pc-1', 'Case one'), practiceCaseRecord('pc-2', 'Case two')])
    await waitFor(() => expect(storedCell('Practice attempts')).toBe('1'))
    await waitFor(() => expect(storedCell('Practice cases \\(the practice\'s own\\)')).toBe('2'))
    expect(storedCell('All records')).toBe('3')
  })

  it('clears everything only after CLEAR is typed', async () => {
    await store.restoreBackup(backupData())
    renderPage()
    fireEvent.click(screen.getByRole('button', { name: 'Clear all data…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Clear all data?' })
    expect(dialog.textContent).toContain('Download a backup first')
    const confirm = within(dialog).getByRole('button', { name: 'Clear all data' })
    expect((confirm as HTMLButtonElement).disabled).toBe(true)
    fireEvent.change(within(dialog).getByLabelText('Type CLEAR to confirm'), { target: { value: 'clear' } })
    expect((confirm as HTMLButtonElement).disabled).toBe(true)
    fireEvent.change(within(dialog).getByLabelText('Type CLEAR to confirm'), { target: { value: 'CLEAR' } })
    fireEvent.click(confirm)
    expect((await screen.findByText('All data was cleared from this browser.')).getAttribute('role')).toBe('status')
    expect(await store.countRecords()).toEqual({ drafts: 0, encounters: 0, history: 0, imports: 0, providers: 0, ncci: 0, payerProfiles: 0, users: 0, audit: 0, remittances: 0, attempts: 0, practiceCases: 0, icd10: 0, coverageArticles: 0, coverageSettings: 0, chargeExports: 0, ndcList: 0, chargeSettings: 0 })
    await waitFor(() => expect(storedCell('All records')).toBe('0'))
  })

  it('shows whether the data is kept and the space used, and asks the browser to keep it', async () => {
    let persisted = false
    setStorage({
      persisted: () => Promise.resolve(persisted),
      persist: () => { persisted = true; return Promise.resolve(true) },
      estimate: () => Promise.resolve({ usage: 12_400_000, quota: 2_100_000_000 }),
    })
    renderPage()
    const storage = screen.getByRole('region', { name: 'Storage' })
    expect(await within(storage).findByText('12.4 MB of 2.1 GB')).toBeDefined()
    expect(within(storage).getByText(/^No: the browser may remove it/)).toBeDefined()
    fireEvent.click(within(storage).getByRole('button', { name: 'Keep data on this computer' }))
    expect((await within(storage).findByRole('status')).textContent).toBe('The browser agreed: it will keep this data even when the disk runs low.')
    expect(await within(storage).findByText('Yes')).toBeDefined()
  })

  it('copes with a browser without the storage API', async () => {
    setStorage(undefined)
    renderPage()
    const storage = screen.getByRole('region', { name: 'Storage' })
    expect(await within(storage).findByText('The browser does not say how much space the app uses.')).toBeDefined()
    fireEvent.click(within(storage).getByRole('button', { name: 'Keep data on this computer' }))
    expect((await within(storage).findByRole('status')).textContent).toBe('This browser cannot be asked to keep the data. Keep downloading backups.')
  })
})

import { readFileSync } from 'node:fs'
import { countsOf, putRecords, readAllStores, STORES, TRAINING_RECORDS } from './support/backup.ts'
import { importRemittance, write835 } from './support/remittance.ts'
import { draftIdOf, expectStoredDraft } from './support/storage.ts'
import { expect, expectNoAxeViolations, test, TODAY } from './support/test.ts'
import {
  addL5S1RightTransforaminal, addProvider, fillHeader, finalize, frequencyCounter, importHistoryCsv, openNewWorksheet,
} from './support/worksheet.ts'
import type { Page } from '@playwright/test'

// Backup → clear → restore gives identical data; a malformed backup changes nothing.

const HISTORY_CSV = [
  'Patient ID,Date of Service,CPT,Modifier,Units,Provider',
  'PT-8001,2026-02-10,64483,RT,1,DR-B',
  'PT-8001,2026-05-12,64483,RT,1,DR-B',
  'PT-8001,2026-08-20,64483,LT,1,DR-B',
].join('\n')

const BACKUP_NAME = `injection-coding-worksheet-backup-${TODAY}.json`
const EMPTY = Object.fromEntries(STORES.map((s) => [s, 0]))
const EPIDURAL_COUNTER = 'Epidural steroid injection · lumbar/sacral'

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' })
const storedNow = (page: Page, what: string) =>
  page.getByRole('table', { name: 'Records stored in this browser' }).getByRole('row', { name: new RegExp(`^${what}`) }).getByRole('cell')

async function openBackupPage(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Backup' }).click()
  await expect(page).toHaveURL(/#\/data$/)
  await expect(page.getByRole('heading', { level: 2, name: 'Backup and data' })).toBeVisible()
}

/** A lumbar transforaminal epidural at L5-S1 right for the patient, and its counter. */
async function epiduralWorksheet(page: Page, patient: string, dateOfService: string, provider?: string) {
  await fillHeader(page, { patient, dateOfService, ...(provider ? { provider } : {}), diagnoses: ['M54.16'] })
  await addL5S1RightTransforaminal(page)
  return frequencyCounter(page, EPIDURAL_COUNTER)
}

test('backup, clear all data, restore: the stored data is identical to before', async ({ page }) => {
  test.setTimeout(120_000)
  // Imported history, an NCCI table (Maps in storage), a provider, a finalized encounter and a draft.
  await page.goto('/#/history/import')
  await importHistoryCsv(page, HISTORY_CSV, 3)

  await nav(page).getByRole('link', { name: 'NCCI tables' }).click()
  await page.getByLabel('Practitioner MUE file (CSV)').setInputFiles({ name: 'mue.csv', mimeType: 'text/csv', buffer: readFileSync('src/domain/ncci/fixtures/mue-practitioner-2026q4.csv') })
  await page.getByRole('button', { name: 'Load MUE table' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Loaded 2026Q4 MUE: / })).toBeVisible()

  await openNewWorksheet(page)
  await addProvider(page, 'DR-A', 'Dr. Ada Lane')
  const counter = await epiduralWorksheet(page, 'PT-8001', '2026-10-14', 'Dr. Ada Lane')
  await expect(counter).toContainText('4 / 4 in a rolling 12 months')
  await finalize(page)
  await expect(page.getByRole('status').filter({ hasText: /^Finalized PT-8001 on 2026-10-14/ })).toBeVisible()

  // The payer's 835 answering that claim (a stored remittance with a matched denial).
  await nav(page).getByRole('link', { name: 'Remittances' }).click()
  await importRemittance(page, write835({
    claims: [{ claimNumber: 'PT-8001', dateOfService: '2026-10-14', lines: [{ code: '64483', modifiers: ['RT'], charge: 1200, paid: 0, adjustments: [{ group: 'CO', reason: '4', amount: 1200 }] }] }],
  }), 'era-1121.835')
  await nav(page).getByRole('link', { name: 'New worksheet' }).click()

  await fillHeader(page, { patient: 'PT-8002', dateOfService: '2026-11-02' })
  await expectStoredDraft(page, (d) => (d ? `${d.patientId} ${d.dateOfService}` : '(none)'), 'PT-8002 2026-11-02')
  // Training mode's records: a graded practice attempt and one of the practice's own cases.
  await putRecords(page, TRAINING_RECORDS)

  // Back up.
  await openBackupPage(page)
  await expect(storedNow(page, 'Drafts')).toHaveText('1')
  await expect(storedNow(page, 'Finalized encounters')).toHaveText('1')
  await expect(storedNow(page, 'Imported claim-history lines')).toHaveText('3')
  await expect(storedNow(page, 'NCCI tables')).toHaveText('1')
  await expect(storedNow(page, 'Remittance files')).toHaveText('1')
  await expect(storedNow(page, 'Practice attempts')).toHaveText('1')
  await expect(storedNow(page, 'Practice cases \\(the practice\'s own\\)')).toHaveText('1')
  await expect(storedNow(page, 'All records')).toHaveText('12')
  await expect(page.getByRole('region', { name: 'Storage' })).toContainText(/Space used\s*[\d.]+ (bytes|KB|MB|GB)/)
  await expectNoAxeViolations(page, 'the backup page')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()])
  expect(download.suggestedFilename()).toBe(BACKUP_NAME)
  // Saved under its own name, as a coder's Downloads folder would hold it.
  const backupPath = test.info().outputPath(BACKUP_NAME)
  await download.saveAs(backupPath)
  await expect(page.getByRole('status').filter({ hasText: `Downloaded ${BACKUP_NAME} with 12 records.` })).toBeVisible()
  const file = JSON.parse(readFileSync(backupPath, 'utf8')) as { format: string; counts: Record<string, number> }
  expect(file.format).toBe('injection-coding-worksheet-backup')
  expect(file.counts).toEqual({ drafts: 1, encounters: 1, history: 3, imports: 1, providers: 1, ncci: 1, payerProfiles: 0, users: 0, audit: 1, remittances: 1, attempts: 1, practiceCases: 1, icd10: 0, coverageArticles: 0, coverageSettings: 0, chargeExports: 0, ndcList: 0, chargeSettings: 0 })
  const before = await readAllStores(page)
  expect(countsOf(before)).toEqual({ ...EMPTY, drafts: 1, encounters: 1, ledger: 1, imports: 1, providers: 1, ncci: 1, ncciInfo: 1, audit: 1, remittances: 1, attempts: 1, practiceCases: 1 })

  // Clear all data.
  await page.getByRole('button', { name: 'Clear all data…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Clear all data?' })
  await expect(dialog).toContainText('Download a backup first')
  const confirm = dialog.getByRole('button', { name: 'Clear all data', exact: true })
  await expect(confirm).toBeDisabled()
  await dialog.getByLabel('Type CLEAR to confirm').fill('CLEAR')
  await expectNoAxeViolations(page, 'the clear-all dialog')
  await confirm.click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'All data was cleared from this browser.' })).toBeVisible()
  await expect(storedNow(page, 'All records')).toHaveText('0')
  await expectNoAxeViolations(page, 'the backup page after clearing')
  expect(countsOf(await readAllStores(page))).toEqual(EMPTY)

  // The worksheet no longer knows the patient's history.
  await openNewWorksheet(page)
  const empty = await epiduralWorksheet(page, 'PT-8001', '2026-10-14')
  await expect(empty).toContainText('1 / 4 in a rolling 12 months')
  await expect(empty.getByRole('list', { name: /^Sessions counted for / }).getByRole('listitem')).toHaveText([/^2026-10-14 64483 .*\(this encounter\)$/])
  const afterClearDraft = draftIdOf(page)

  // Restore.
  await openBackupPage(page)
  await page.getByLabel('Backup file to restore').setInputFiles(backupPath)
  const summary = page.getByRole('group', { name: `${BACKUP_NAME} is a backup made ${TODAY} 12:00 with 2 patients, dates of service 2026-02-10 to 2026-10-14.` })
  await expect(summary).toBeVisible()
  const compare = summary.getByRole('table', { name: 'Records in the backup file and stored now' })
  await expect(compare.getByRole('row', { name: /^Imported claim-history lines/ }).getByRole('cell')).toHaveText(['3', '0'])
  await expect(compare.getByRole('row', { name: /^Drafts/ }).getByRole('cell')).toHaveText(['1', '1'])
  await expect(summary.getByRole('note')).toContainText('Restoring replaces everything stored in this browser')
  await expectNoAxeViolations(page, 'the restore summary')
  await page.getByRole('button', { name: 'Replace everything with this backup' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Restored ${BACKUP_NAME}: 12 records from the backup of ${TODAY} 12:00.` })).toBeVisible()
  await expectNoAxeViolations(page, 'the backup page after the restore')

  const after = await readAllStores(page)
  expect(after).toEqual(before)
  expect(after.drafts?.some((d) => d.key === afterClearDraft)).toBe(false)

  // The worksheet counts the restored history again.
  await openNewWorksheet(page)
  const restored = await epiduralWorksheet(page, 'PT-8001', '2026-10-14')
  await expect(restored).toContainText('4 / 4 in a rolling 12 months')
})

test('a malformed backup file lists its problems and changes nothing', async ({ page }) => {
  await openNewWorksheet(page)
  await addProvider(page, 'DR-A', 'Dr. Ada Lane')
  await openBackupPage(page)
  await expect(storedNow(page, 'Providers')).toHaveText('1')
  const before = await readAllStores(page)

  const broken = {
    format: 'injection-coding-worksheet-backup', formatVersion: 1, schemaVersion: 4, exportedAt: '2026-11-25T09:00:00.000Z',
    counts: { drafts: 0, encounters: 0, history: 1, imports: 0, providers: 0, ncci: 0, payerProfiles: 0 },
    data: {
      drafts: [], encounters: [], imports: [], providers: [], ncci: [], payerProfiles: [],
      history: [{ patientId: 'PT-1', dateOfService: '10/14/2026', code: '64483', modifiers: [], units: 0, importId: 'i-1', key: 'k' }],
    },
  }
  await page.getByLabel('Backup file to restore').setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) })
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('edited.json cannot be restored. Nothing was changed.')
  await expect(alert.getByRole('list', { name: 'Problems in the backup file' }).getByRole('listitem')).toHaveText([
    'history record 1: dateOfService must be a date written YYYY-MM-DD',
    'history record 1: units must be a whole number, 1 or more',
  ])
  await expect(page.getByRole('button', { name: 'Replace everything with this backup' })).toHaveCount(0)
  await expectNoAxeViolations(page, 'the restore errors')

  await page.getByLabel('Backup file to restore').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "injection-coding-worksheet-backup",\n  "formatVersion": 1,,\n}') })
  await expect(alert).toContainText('notes.json cannot be restored. Nothing was changed.')
  await expect(alert.getByRole('listitem')).toHaveText([
    "The file is not a backup: it is not valid JSON. Invalid JSON at line 2, column 22: expected a property name in double quotes but found ','.",
  ])
  expect(await readAllStores(page)).toEqual(before)
})

import type { Page } from '@playwright/test'
import { putRecords, TRAINING_RECORDS } from './support/backup.ts'
import { startGroupServer, totpNow, type GroupServer } from './support/group-server.ts'
import { banner, deskOpener, expectAccessible, nav, syncStatus, type Desk } from './support/desk.ts'
import { expect, test, TODAY } from './support/test.ts'
import {
  addL5S1RightTransforaminal, addProvider, fillHeader, finalize, frequencyCounter, importHistoryCsv, openNewWorksheet,
} from './support/worksheet.ts'

// Issue 13, moving in: a workstation that used the app on its own (no server) has finalized an
// encounter, imported claim history, added a provider and kept a draft and training records; it
// downloads a backup with the app's backup feature. An admin signed in to a group server the
// test starts uploads that file under Admin → Move in: the server's preview counts what the file
// holds, what it adds and the duplicates already in the practice (a history line a coder had
// imported), and lists what stays on the workstation; moving it in stores it all, and a coder at
// another desk counts the moved-in history and encounter on their worksheet. The same file a
// second time is refused, and nothing more is stored. Axe clean at each step.

const PASSWORDS = { admin: 'copper lantern orchard seven', coder: 'granite meadow falcon river' }
const EPIDURAL_COUNTER = 'Epidural steroid injection · lumbar/sacral'
const BACKUP_NAME = `injection-coding-worksheet-backup-${TODAY}.json`
const HISTORY_CSV = [
  'Patient ID,Date of Service,CPT,Modifier,Units,Provider',
  'PT-8001,2026-02-10,64483,RT,1,DR-B',
  'PT-8001,2026-05-12,64483,RT,1,DR-B',
  'PT-8001,2026-08-20,64483,LT,1,DR-B',
].join('\n')
/** What the coder imported into the practice before the move-in: the workstation's first line (a duplicate) and another patient's. */
const PRACTICE_CSV = [
  'Patient ID,Date of Service,CPT,Modifier,Units,Provider',
  'PT-8001,2026-02-10,64483,RT,1,DR-B',
  'PT-9100,2026-03-03,64483,LT,1,DR-B',
].join('\n')

// The 401 of the session check before signing in is expected; the 409 of the second move-in is the journey's own.
const openDesk = deskOpener(/status of (401|409)|EventSource/)

let server: GroupServer
let admin: Desk
let coder: Desk

const moveInSection = (page: Page) => page.getByRole('region', { name: "Move in this workstation's data" })

async function openMoveIn(page: Page) {
  await nav(page).getByRole('link', { name: 'Admin' }).click()
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Move in' }).click()
  await expect(page).toHaveURL(/#\/admin\/move-in$/)
  await expect(moveInSection(page)).toBeVisible()
}

test.describe.configure({ timeout: 240_000 })

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000)
  server = await startGroupServer()
  admin = await openDesk(browser)
  const a = admin.page
  await a.goto(server.setupLink)
  await a.getByLabel('Practice name').fill('Lakeside Pain Group')
  await a.getByLabel('Your name').fill('Ada Admin')
  await a.getByLabel('Email').fill('ada@lakeside.test')
  await a.getByLabel('Password', { exact: true }).fill(PASSWORDS.admin)
  await a.getByLabel('Confirm password').fill(PASSWORDS.admin)
  await a.getByRole('button', { name: 'Create the practice' }).click()
  await expect(a.getByRole('img', { name: 'QR code to add this account to an authenticator app' })).toBeVisible()
  const secret = (await a.locator('code').first().innerText()).replace(/\s+/g, '')
  await a.getByLabel('Authentication code').fill(totpNow(secret))
  await a.getByRole('button', { name: 'Turn on two-factor' }).click()
  await expect(a.getByRole('list', { name: 'Backup codes' }).getByRole('listitem')).toHaveCount(10)
  await a.getByRole('button', { name: 'Continue' }).click()
  await expect(banner(a)).toContainText('Signed in as Ada Admin')

  await a.goto(`${server.url}/#/admin/invitations`)
  await a.getByLabel('Email').fill('cody@lakeside.test')
  await a.getByLabel('Role').selectOption('coder')
  await a.getByRole('button', { name: 'Create invitation' }).click()
  const link = await a.getByRole('region', { name: /Invitation for cody@lakeside.test/ }).getByLabel('Invitation link').inputValue()

  coder = await openDesk(browser)
  const c = coder.page
  await c.goto(link)
  await c.getByLabel('Your name').fill('Cody Coder')
  await c.getByLabel('Password', { exact: true }).fill(PASSWORDS.coder)
  await c.getByLabel('Confirm password').fill(PASSWORDS.coder)
  await c.getByRole('button', { name: 'Create account and join' }).click()
  await expect(banner(c)).toContainText('Signed in as Cody Coder · Coder')
  // The practice already holds one of the workstation's history lines (and another patient's).
  await c.goto(`${server.url}/#/history/import`)
  await importHistoryCsv(c, PRACTICE_CSV, 2)
  await a.goto(`${server.url}/#/`)
  for (const desk of [admin, coder]) await expect(syncStatus(desk.page)).toHaveText('Online · all saved')
})

test.afterAll(async () => {
  await admin?.context.close()
  await coder?.context.close()
  await server?.stop()
})

test("a standalone workstation's backup moves into the practice once: preview with duplicates, commit, seen at another desk", async ({ page }) => {
  // `page` is the standalone app (no server): the workstation's own data, then its backup file.
  const backupPath = await test.step('the standalone workstation keeps its own data and downloads a backup', async () => {
    await page.goto('/#/history/import')
    await importHistoryCsv(page, HISTORY_CSV, 3)
    await openNewWorksheet(page)
    await addProvider(page, 'DR-A', 'Dr. Ada Lane')
    await fillHeader(page, { patient: 'PT-8001', dateOfService: '2026-10-14', provider: 'Dr. Ada Lane', diagnoses: ['M54.16'] })
    await addL5S1RightTransforaminal(page)
    await expect(frequencyCounter(page, EPIDURAL_COUNTER)).toContainText('4 / 4 in a rolling 12 months')
    await finalize(page)
    await expect(page.getByRole('status').filter({ hasText: /^Finalized PT-8001 on 2026-10-14/ })).toBeVisible()
    // A draft of another patient stays on the workstation (drafts are each person's own).
    await openNewWorksheet(page)
    await fillHeader(page, { patient: 'PT-8002', dateOfService: '2026-11-02' })
    await putRecords(page, TRAINING_RECORDS)
    await nav(page).getByRole('link', { name: 'Backup' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Backup and data' })).toBeVisible()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()])
    expect(download.suggestedFilename()).toBe(BACKUP_NAME)
    const path = test.info().outputPath(BACKUP_NAME)
    await download.saveAs(path)
    return path
  })

  const a = admin.page
  await test.step("the admin's preview counts the file, what it adds and the duplicates, and what stays behind", async () => {
    await openMoveIn(a)
    await expectAccessible(a, 'the move-in page')
    await moveInSection(a).getByLabel('Or a backup file').setInputFiles(backupPath)
    const table = moveInSection(a).getByRole('table', { name: `What ${BACKUP_NAME} brings (exported ${TODAY})` })
    await expect(table).toBeVisible({ timeout: 30_000 })
    await expect(table.getByRole('row')).toHaveText([
      'TableIn the fileAddedDuplicates skipped',
      'Finalized encounters110',
      'Claim history lines321',
      'Providers110',
      'Practice cases110',
      'Training attempts110',
    ])
    await expect(moveInSection(a).getByRole('status')).toHaveText('Moving in adds 6 records for 1 patient. 1 duplicate already in the practice will be skipped.')
    const skipped = moveInSection(a).getByRole('listitem')
    await expect(skipped.filter({ hasText: /^Drafts \(1\): Drafts are each person's own/ })).toHaveCount(1)
    await expect(skipped.filter({ hasText: /^History import list \(1\):/ })).toHaveCount(1)
    await expectAccessible(a, 'the move-in preview')
  })

  await test.step('moving it in stores it all, and a coder at another desk counts it', async () => {
    await moveInSection(a).getByRole('button', { name: 'Move it in' }).click()
    await expect(moveInSection(a).getByRole('status')).toHaveText(
      'Moved in: finalized encounters 1, claim history lines 2, providers 1, practice cases 1, training attempts 1. 1 duplicate skipped.', { timeout: 30_000 })
    await expectAccessible(a, 'the move-in done')

    const c = coder.page
    await nav(c).getByRole('link', { name: 'Patients' }).click()
    await expect(c.getByRole('link', { name: 'PT-8001' })).toBeVisible({ timeout: 15_000 })
    await nav(c).getByRole('link', { name: 'New worksheet' }).click()
    await expect(c).toHaveURL(/#\/worksheet\/[^/]+$/)
    await expect(c.getByTestId('claim-lines-empty')).toBeVisible()
    // The moved-in provider is the practice's too.
    await fillHeader(c, { patient: 'PT-8001', dateOfService: '2026-11-20', provider: 'Dr. Ada Lane', diagnoses: ['M54.16'] })
    await addL5S1RightTransforaminal(c)
    const counter = frequencyCounter(c, EPIDURAL_COUNTER)
    // The three history lines (one imported at this desk, two moved in, each once) and the moved-in encounter.
    await expect(counter).toContainText('5 / 4 in a rolling 12 months', { timeout: 15_000 })
    await expect(counter.getByRole('list', { name: /^Sessions counted for / }).getByRole('listitem')).toHaveText([
      '2026-02-10 64483 by DR-B',
      '2026-05-12 64483 by DR-B',
      '2026-08-20 64483 by DR-B',
      '2026-10-14 64483 by DR-A',
      '2026-11-20 64483 by DR-A (this encounter)',
    ])
    await expectAccessible(c, "the coder's worksheet with the moved-in history")
  })

  await test.step('the same file a second time is refused, and nothing more is stored', async () => {
    // Picked again on the same page, after the first one was moved in.
    await moveInSection(a).getByLabel('Or a backup file').setInputFiles(backupPath)
    const refusal = moveInSection(a).getByRole('alert')
    await expect(refusal).toHaveText(new RegExp(`^This file was moved into the practice already \\(${BACKUP_NAME.replace(/\./g, '\\.')}, by Ada Admin on \\d{4}-\\d{2}-\\d{2}\\)\\. The same file is moved in once; nothing was stored\\.$`), { timeout: 30_000 })
    await expect(moveInSection(a).getByRole('table')).toHaveCount(0)
    await expectAccessible(a, 'the second move-in refused')
  })

  expect(admin.problems).toEqual([])
  expect(coder.problems).toEqual([])
})

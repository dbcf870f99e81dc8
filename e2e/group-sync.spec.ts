import { expect, test, type Page } from '@playwright/test'
import { startGroupServer, type GroupServer } from './support/group-server.ts'
import { banner, deskOpener, expectAccessible, join, nav, syncStatus, turnOnTwoFactor, type Desk } from './support/desk.ts'
import { decisionDialog, queueRegion, queueRow, submitReturn } from './support/review.ts'
import { addL5S1RightTransforaminal, addProvider, fillHeader, finalize, frequencyCounter } from './support/worksheet.ts'

// Issue 13: two desks on one group server share the ledger, the review and the outbox. Desk A
// (a coder) imports claim history and finalizes a patient's fourth lumbar epidural; desk B (a
// supervisor) sees the flagged line arrive without reloading and returns it with a note; the
// note reaches desk A's drafts; desk A finalizes it again and desk B's fifth epidural for the
// patient counts 5 / 4. Desk A then goes offline: its finalize waits in the outbox, the header
// says so, and once back online desk B sees it.

// Serial: each step builds on the last, on one server. PGlite's first start takes a while.
test.describe.configure({ mode: 'serial', timeout: 120_000 })

const PATIENT = 'PT-SYNC-1'
const OFFLINE_PATIENT = 'PT-SYNC-2'
const RETURN_NOTE = 'Add the fluoroscopy report to the procedure note.'
const PASSWORDS = { admin: 'copper lantern orchard seven', coder: 'granite meadow falcon river', supervisor: 'velvet harbor compass nine' }
const HISTORY_CSV = [
  'Patient ID,Date of Service,CPT,Modifier,Units,Provider',
  `${PATIENT},2026-02-10,64483,RT,1,DR-B`,
  `${PATIENT},2026-05-12,64483,RT,1,DR-B`,
  `${PATIENT},2026-08-20,64483,LT,1,DR-B`,
].join('\n')

// The browser logs each failed request (offline, refused): not a problem of the page itself.
const openDesk = deskOpener(/Failed to load resource|net::ERR_|EventSource/)

let server: GroupServer
let deskA: Desk
let deskB: Desk

/** A new worksheet from the navigation, with the practice's provider (shared through the server: the first desk adds it). */
async function newWorksheet(page: Page) {
  await nav(page).getByRole('link', { name: 'New worksheet' }).click()
  await expect(page).toHaveURL(/#\/worksheet\/[^/]+$/)
  await expect(page.getByTestId('claim-lines-empty')).toBeVisible()
  const provider = page.getByLabel('Rendering provider', { exact: true })
  if ((await provider.locator('option', { hasText: 'Dr. Ada Lane' }).count()) === 0) await addProvider(page, 'DR-A', 'Dr. Ada Lane')
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000)
  server = await startGroupServer()
  // The admin creates the practice and invites a coder and a supervisor.
  const admin = await openDesk(browser)
  await admin.page.goto(server.setupLink)
  await admin.page.getByLabel('Practice name').fill('Lakeside Pain Group')
  await admin.page.getByLabel('Your name').fill('Ada Admin')
  await admin.page.getByLabel('Email').fill('ada@lakeside.test')
  await admin.page.getByLabel('Password', { exact: true }).fill(PASSWORDS.admin)
  await admin.page.getByLabel('Confirm password').fill(PASSWORDS.admin)
  await admin.page.getByRole('button', { name: 'Create the practice' }).click()
  await turnOnTwoFactor(admin.page)
  await expect(banner(admin.page)).toContainText('Signed in as Ada Admin')
  // An admin may mark this computer trusted: the account page says what that means.
  await admin.page.goto(`${server.url}/#/account`)
  const device = admin.page.getByRole('region', { name: 'This computer' })
  await expect(device.getByRole('status')).toContainText('not trusted')
  await expectAccessible(admin.page, 'account page with the trusted-device section')
  await device.getByRole('button', { name: 'Trust this computer' }).click()
  await expect(device.getByRole('status')).toContainText('This computer is trusted')
  const links = new Map<string, string>()
  await admin.page.goto(`${server.url}/#/admin/invitations`)
  for (const [email, role] of [['cody@lakeside.test', 'coder'], ['sue@lakeside.test', 'supervisor']] as const) {
    await admin.page.getByLabel('Email').fill(email)
    await admin.page.getByLabel('Role').selectOption(role)
    await admin.page.getByRole('button', { name: 'Create invitation' }).click()
    const created = admin.page.getByRole('region', { name: new RegExp(`Invitation for ${email}`) })
    links.set(role, await created.getByLabel('Invitation link').inputValue())
  }
  expect(admin.problems).toEqual([])
  await admin.context.close()

  deskA = await openDesk(browser)
  await join(deskA.page, links.get('coder')!, 'Cody Coder', PASSWORDS.coder)
  await expect(banner(deskA.page)).toContainText('Signed in as Cody Coder · Coder')
  deskB = await openDesk(browser)
  await join(deskB.page, links.get('supervisor')!, 'Sue Supervisor', PASSWORDS.supervisor)
  await turnOnTwoFactor(deskB.page)
  await expect(banner(deskB.page)).toContainText('Signed in as Sue Supervisor · Supervisor')
  for (const desk of [deskA, deskB]) await expect(syncStatus(desk.page)).toHaveText('Online · all saved')
})

test.afterAll(async () => {
  await deskA?.context.close()
  await deskB?.context.close()
  await server?.stop()
})

test('desk A imports claim history to the server and finalizes the patient\'s fourth lumbar epidural; desk B sees the flagged line arrive', async () => {
  const a = deskA.page
  const b = deskB.page
  // Desk B waits on the review queue: nothing to review yet.
  await nav(b).getByRole('link', { name: 'Review', exact: true }).click()
  await expect(b.getByRole('heading', { name: 'Review queue' })).toBeVisible()
  await expect(queueRow(b, PATIENT)).toHaveCount(0)

  await nav(a).getByRole('link', { name: 'Import history' }).click()
  await a.getByLabel('Claim history file (CSV)').setInputFiles({ name: 'pm-export.csv', mimeType: 'text/csv', buffer: Buffer.from(HISTORY_CSV) })
  await a.getByRole('button', { name: 'Import 3 lines' }).click()
  await expect(a.getByRole('status').filter({ hasText: 'Added 3 lines; 0 were already on file.' })).toBeVisible()
  await expect(a.getByRole('table', { name: 'Past imports, newest first' }).getByRole('row').nth(1)).toContainText('pm-export.csv')

  await newWorksheet(a)
  await fillHeader(a, { patient: PATIENT, dateOfService: '2026-11-02', provider: 'Dr. Ada Lane', diagnoses: ['M54.16'] })
  await addL5S1RightTransforaminal(a)
  // The imported lines came to this desk through the server: they count.
  const counter = frequencyCounter(a, 'Epidural steroid injection · lumbar/sacral')
  await expect(counter).toContainText('4 / 4 in a rolling 12 months')
  await expectAccessible(a, 'worksheet with the sync badge')
  await finalize(a)
  await expect(a.getByRole('status').filter({ hasText: new RegExp(`^Finalized ${PATIENT} on 2026-11-02`) })).toBeVisible()
  await expect(syncStatus(a)).toHaveText('Online · all saved')

  // Desk B: the line appears in the queue without a reload.
  await expect(queueRow(b, PATIENT)).toHaveCount(1, { timeout: 15_000 })
  await expect(queueRow(b, PATIENT)).toContainText('Cody Coder')
  await expectAccessible(b, 'review queue with a synced line')
})

test('desk B returns the line with a note; it reaches desk A\'s drafts, and desk A finalizes it again', async () => {
  const a = deskA.page
  const b = deskB.page
  await nav(a).getByRole('link', { name: 'Drafts' }).click()
  await expect(a.getByRole('heading', { name: 'Drafts' })).toBeVisible()

  await queueRow(b, PATIENT).getByRole('button', { name: /^Return, 64483/ }).click()
  await submitReturn(decisionDialog(b, /^Return 1 line/), RETURN_NOTE)
  await expect(b.getByRole('status').filter({ hasText: 'Returned 1 line of 1 encounter to the coder.' })).toBeVisible()
  await expect(queueRegion(b)).toContainText('Returned to coder', { timeout: 15_000 })

  // Desk A's drafts show it with the note, live.
  const row = a.getByRole('row').filter({ hasText: PATIENT })
  await expect(row).toContainText(`Returned: ${RETURN_NOTE}`, { timeout: 15_000 })
  await expectAccessible(a, 'drafts with a returned encounter')
  await row.getByRole('button', { name: `Resume draft for ${PATIENT} 2026-11-02` }).click()
  await expect(a.getByRole('note').filter({ hasText: RETURN_NOTE })).toContainText('Returned by the supervisor:')
  await expect(frequencyCounter(a, 'Epidural steroid injection · lumbar/sacral')).toContainText('4 / 4 in a rolling 12 months')
  await finalize(a)
  await expect(a.getByRole('status').filter({ hasText: new RegExp(`^Finalized ${PATIENT} on 2026-11-02`) })).toBeVisible()
  await nav(a).getByRole('link', { name: 'Drafts' }).click()
  await expect(a.getByRole('row').filter({ hasText: PATIENT })).toHaveCount(0)
  await expect(syncStatus(a)).toHaveText('Online · all saved')
})

test('a fifth epidural entered at desk B counts desk A\'s finalize: 5 / 4, over the limit', async () => {
  const b = deskB.page
  // The finalize made again at desk A is in desk B's queue, pending review again.
  await expect(queueRow(b, PATIENT).filter({ hasText: 'Pending review' })).toHaveCount(1, { timeout: 15_000 })
  await newWorksheet(b)
  await fillHeader(b, { patient: PATIENT, dateOfService: '2026-11-20', provider: 'Dr. Ada Lane', diagnoses: ['M54.16'] })
  await addL5S1RightTransforaminal(b)
  const counter = frequencyCounter(b, 'Epidural steroid injection · lumbar/sacral')
  await expect(counter).toContainText('5 / 4 in a rolling 12 months')
  await expect(counter).toContainText('Over the limit')
  await expect(counter.getByRole('list', { name: /^Sessions counted for / }).getByRole('listitem')).toHaveText([
    '2026-02-10 64483 by DR-B',
    '2026-05-12 64483 by DR-B',
    '2026-08-20 64483 by DR-B',
    '2026-11-02 64483 by DR-A',
    '2026-11-20 64483 by DR-A (this encounter)',
  ])
})

test('offline, desk A\'s finalize waits in the outbox and the header says so; back online it syncs and desk B sees it', async () => {
  const a = deskA.page
  const b = deskB.page
  await nav(b).getByRole('link', { name: 'Patients' }).click()
  await expect(b.getByRole('heading', { name: 'Patients' })).toBeVisible()

  await newWorksheet(a)
  await deskA.context.setOffline(true)
  await expect(syncStatus(a)).toHaveText('Offline')
  await fillHeader(a, { patient: OFFLINE_PATIENT, dateOfService: '2026-11-03', provider: 'Dr. Ada Lane', diagnoses: ['M54.16'] })
  await addL5S1RightTransforaminal(a)
  await finalize(a)
  await expect(a.getByRole('status').filter({ hasText: new RegExp(`^Finalized ${OFFLINE_PATIENT} on 2026-11-03`) })).toBeVisible()
  await expect(syncStatus(a)).toHaveText('Offline · 1 change waiting')
  await expectAccessible(a, 'header offline with a change waiting')

  await banner(a).getByRole('link', { name: 'Changes waiting' }).click()
  await expect(a.getByRole('heading', { name: 'Changes waiting' })).toBeVisible()
  const waiting = a.getByRole('list', { name: 'Changes waiting to be sent' }).getByRole('listitem')
  await expect(waiting).toHaveCount(1)
  await expect(waiting).toContainText(`Finalize ${OFFLINE_PATIENT} on 2026-11-03`)
  await expectAccessible(a, 'changes waiting')
  await expect(b.getByRole('link', { name: OFFLINE_PATIENT })).toHaveCount(0)

  await deskA.context.setOffline(false)
  await expect(syncStatus(a)).toHaveText('Online · all saved', { timeout: 30_000 })
  await expect(a.getByText('Every change made on this computer is saved on the group server.')).toBeVisible()
  await expect(b.getByRole('link', { name: OFFLINE_PATIENT })).toBeVisible({ timeout: 15_000 })
  await expectAccessible(b, 'patients with the synced patient')
  expect(deskA.problems).toEqual([])
  expect(deskB.problems).toEqual([])
})

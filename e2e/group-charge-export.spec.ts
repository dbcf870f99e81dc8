import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { startGroupServer, type GroupServer } from './support/group-server.ts'
import { banner, deskOpener, expectAccessible, join, nav, syncStatus, turnOnTwoFactor, type Desk } from './support/desk.ts'
import { decisionDialog, queueRow } from './support/review.ts'
import { addL5S1RightTransforaminal, addProvider, fillHeader, finalize } from './support/worksheet.ts'

// Issue 15: the charge-export log is the practice's, on the group server. Desk A (a coder) and
// desk B (a supervisor) are signed in to one server. Desk A finalizes an encounter, desk B
// approves it, and both charge screens offer it; desk A exports it as HL7. Desk B's charge
// screen then, without a reload, no longer offers it and says who exported it and when, so
// nobody exports it again unknowingly. The server's access log holds the export.

// Serial: each step builds on the last, on one server. PGlite's first start takes a while.
test.describe.configure({ mode: 'serial', timeout: 120_000 })

const PATIENT = 'PT-CHG-1'
const PASSWORDS = { admin: 'copper lantern orchard seven', coder: 'granite meadow falcon river', supervisor: 'velvet harbor compass nine' }

const openDesk = deskOpener(/status of 401|EventSource/, { acceptDownloads: true })

let server: GroupServer
let admin: Desk
let deskA: Desk
let deskB: Desk

const exportedBefore = (page: Page) => page.getByRole('table', { name: 'Ready encounters exported before' })

async function openCharges(page: Page) {
  await nav(page).getByRole('link', { name: 'Charge export' }).click()
  await expect(page.getByRole('heading', { name: 'Charge export', level: 2 })).toBeVisible()
}

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
  await turnOnTwoFactor(a)
  await expect(banner(a)).toContainText('Signed in as Ada Admin')
  const links = new Map<string, string>()
  await a.goto(`${server.url}/#/admin/invitations`)
  for (const [email, role] of [['cody@lakeside.test', 'coder'], ['sue@lakeside.test', 'supervisor']] as const) {
    await a.getByLabel('Email').fill(email)
    await a.getByLabel('Role').selectOption(role)
    await a.getByRole('button', { name: 'Create invitation' }).click()
    const created = a.getByRole('region', { name: new RegExp(`Invitation for ${email}`) })
    links.set(role, await created.getByLabel('Invitation link').inputValue())
  }

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
  for (const desk of [admin, deskA, deskB]) await desk?.context.close()
  await server?.stop()
})

test('desk A finalizes an encounter and desk B approves it: both charge screens offer it', async () => {
  const a = deskA.page
  const b = deskB.page
  await nav(a).getByRole('link', { name: 'New worksheet' }).click()
  await expect(a.getByTestId('claim-lines-empty')).toBeVisible()
  await addProvider(a, 'DR-A', 'Dr. Ada Lane')
  await fillHeader(a, { patient: PATIENT, dateOfService: '2026-11-02', provider: 'Dr. Ada Lane', diagnoses: ['M54.16'] })
  await addL5S1RightTransforaminal(a)
  await finalize(a)
  await expect(a.getByRole('status').filter({ hasText: new RegExp(`^Finalized ${PATIENT} on 2026-11-02`) })).toBeVisible()
  await expect(syncStatus(a)).toHaveText('Online · all saved')

  // Desk B approves whatever the server flagged on it (nothing to approve when no line needs review).
  await nav(b).getByRole('link', { name: 'Review', exact: true }).click()
  await expect(b.getByRole('heading', { name: 'Review queue' })).toBeVisible()
  await openCharges(b)
  const offered = b.getByRole('checkbox', { name: `Export ${PATIENT} 2026-11-02` })
  const held = b.getByRole('heading', { name: /^Held back/ })
  await expect(offered.or(held)).toBeVisible({ timeout: 15_000 })
  if (await held.isVisible()) {
    await nav(b).getByRole('link', { name: 'Review', exact: true }).click()
    for (;;) {
      const row = queueRow(b, PATIENT).filter({ has: b.getByRole('button', { name: /^Approve, / }) })
      if ((await row.count()) === 0) break
      await row.first().getByRole('button', { name: /^Approve, / }).click()
      const dialog = decisionDialog(b, /^Approve 1 line/)
      await dialog.getByRole('button', { name: /^Approve 1 line$/ }).click()
      await expect(dialog).toBeHidden()
    }
    await expect(syncStatus(b)).toHaveText('Online · all saved')
    await openCharges(b)
  }
  await expect(offered).toBeVisible({ timeout: 15_000 })
  await expect(exportedBefore(b)).toHaveCount(0)

  await openCharges(a)
  await expect(a.getByRole('checkbox', { name: `Export ${PATIENT} 2026-11-02` })).toBeVisible({ timeout: 15_000 })
})

test('desk A exports it as HL7; desk B, without a reload, no longer offers it and shows who exported it', async () => {
  const a = deskA.page
  const b = deskB.page
  const [download] = await Promise.all([a.waitForEvent('download'), a.getByRole('button', { name: 'Download HL7 (.hl7)' }).click()])
  expect(download.suggestedFilename()).toMatch(/^charges-\d{8}-\d{6}\.hl7$/)
  expect(await readFile(await download.path(), 'utf8')).toContain(PATIENT)
  await expect(a.getByRole('status').filter({ hasText: `Exported 1 encounter to ${download.suggestedFilename()}.` })).toBeVisible()
  await expect(a.getByText('No encounter is ready to export.')).toBeVisible()
  await expect(syncStatus(a)).toHaveText('Online · all saved')

  // Desk B's screen, open all along, follows the server.
  await expect(b.getByText('No encounter is ready to export.')).toBeVisible({ timeout: 15_000 })
  await expect(b.getByText('1 ready encounter was exported before and is not offered again.')).toBeVisible()
  const row = exportedBefore(b).getByRole('row').filter({ hasText: PATIENT })
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} by Cody Coder \(HL7\)/)
  await expectAccessible(b, 'charge export with an encounter another desk exported')
  // A deliberate re-export is still possible, with the earlier export in view.
  await b.getByRole('checkbox', { name: 'Include already exported' }).check()
  await expect(b.getByRole('checkbox', { name: `Export ${PATIENT} 2026-11-02` })).toBeVisible()
  await expect(b.getByRole('table', { name: 'Encounters ready to export' })).toContainText('by Cody Coder (HL7)')
  await b.getByRole('checkbox', { name: 'Include already exported' }).uncheck()
  expect([...deskA.problems, ...deskB.problems]).toEqual([])
})

test("the export is in the server's access log, by the person who made it", async () => {
  const a = admin.page
  await a.goto(`${server.url}/#/admin/access-log`)
  await expect(a.getByRole('heading', { name: 'Access log' })).toBeVisible()
  const row = a.getByRole('table', { name: 'Access log' }).getByRole('row').filter({ hasText: 'charge-exported' })
  await expect(row).toHaveCount(1, { timeout: 15_000 })
  await expect(row).toContainText('Cody Coder')
  await expect(row).toContainText(PATIENT)
})

import { readFile } from 'node:fs/promises'
import HL7 from 'hl7-standard'
import { expect, expectNoAxeViolations, test, TODAY } from './support/test.ts'
import { createProfile, finalizeTwoFlaggedEncounters, openReviewQueue, queueCount, switchUser } from './support/review.ts'
import { addProvider, toolbar } from './support/worksheet.ts'

// Issue 15: two reviewed encounters handed to the practice-management system as HL7 DFT^P03 and CSV.
test.use({ seedUser: false })

const nav = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Main' })

test('a supervisor exports approved encounters as HL7 and CSV, and the batch then offers nothing already exported', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/')
  await createProfile(page, 'Casey Coder', 'Coder')
  await expect(toolbar(page)).toBeVisible()
  await addProvider(page, 'DR-A', 'Dr. Ada Lane')
  await addProvider(page, 'DR-B', 'Dr. Ben Ortiz')
  await finalizeTwoFlaggedEncounters(page, { patient: 'PT-3001', provider: 'Dr. Ada Lane' }, { patient: 'PT-3002', provider: 'Dr. Ben Ortiz' })

  await test.step('encounters awaiting review are held back', async () => {
    await nav(page).getByRole('link', { name: 'Charge export' }).click()
    await expect(page.getByRole('heading', { name: 'Held back (2)' })).toBeVisible()
    await expect(page.getByText('No encounter is ready to export.')).toBeVisible()
  })

  await test.step('the supervisor approves every line', async () => {
    await page.clock.setFixedTime(new Date(`${TODAY}T15:00:00`))
    await switchUser(page, 'Sam Supervisor', 'Supervisor')
    await openReviewQueue(page)
    await expect(queueCount(page)).toHaveText('3 of 3 lines')
    const bar = page.getByRole('group', { name: 'Selected lines' })
    await bar.getByRole('button', { name: 'Select all 3 shown lines' }).click()
    await bar.getByRole('button', { name: /^Approve/ }).click()
    const dialog = page.getByRole('dialog', { name: /Approve 3 lines/ })
    await dialog.getByRole('button', { name: /^Approve 3 lines$/ }).click()
    await expect(dialog).toBeHidden()
  })

  let hl7Text = ''
  await test.step('the HL7 file holds one DFT^P03 message per encounter and one FT1 per claim line', async () => {
    await nav(page).getByRole('link', { name: 'Charge export' }).click()
    await expect(page.getByRole('heading', { name: 'Ready to export (2)' })).toBeVisible()
    const preview = page.getByRole('region', { name: 'Lines to export' })
    await expect(preview.getByRole('row')).toHaveCount(4)
    const codes = (await preview.getByRole('row').allInnerTexts()).slice(1)
    await expectNoAxeViolations(page, 'the charge export')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HL7 (.hl7)' }).click()])
    expect(download.suggestedFilename()).toMatch(/^charges-.*\.hl7$/)
    hl7Text = await readFile(await download.path(), 'utf8')
    const messages = hl7Text.split(/(?=MSH\|)/)
    expect(messages).toHaveLength(2)
    const lines: string[] = []
    for (const message of messages) {
      const hl7 = new HL7(message)
      hl7.transform()
      expect(`${String(hl7.get('MSH.9.1'))}^${String(hl7.get('MSH.9.2'))}`).toBe('DFT^P03')
      const count = (hl7.getSegments('FT1') as unknown[]).length
      for (let i = 0; i < count; i++) lines.push(`${String(hl7.get('FT1.25.1', i))} ${String(hl7.get('FT1.10', i))}`)
    }
    expect(lines).toHaveLength(3)
    for (const line of lines) {
      const [code = '?', units = '?'] = line.split(' ')
      expect(Number(units)).toBeGreaterThan(0)
      expect(codes.some((row) => row.includes(code))).toBe(true)
    }
    await expect(page.getByRole('status').filter({ hasText: /^Exported 2 encounters to charges-/ })).toBeVisible()
    await expect(page.getByText('No encounter is ready to export.')).toBeVisible()
  })

  await test.step('a re-export shows when and by whom; the CSV has a header and one row per line', async () => {
    await page.getByRole('checkbox', { name: 'Include already exported' }).check()
    await expect(page.getByText(/by Sam Supervisor \(HL7\)/)).toHaveCount(2)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()])
    const csv = (await readFile(await download.path(), 'utf8')).split('\r\n').filter((l) => l !== '')
    expect(csv[0]).toMatch(/^Patient account,Date of service,/)
    expect(csv).toHaveLength(4)
    await page.getByRole('checkbox', { name: 'Include already exported' }).uncheck()
    await expect(page.getByText('No encounter is ready to export.')).toBeVisible()
    await expect(page.getByText('2 ready encounters were exported before and are not offered again.')).toBeVisible()
  })
})

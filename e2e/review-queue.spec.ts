import { expect, expectNoAxeViolations, test, TODAY } from './support/test.ts'
import { readFile } from 'node:fs/promises'
import {
  banner, createProfile, decisionDialog, openFacet, openReviewQueue, queueCount, queueFilters, queueRegion, queueRow, readQueueRows,
  finalizeTwoFlaggedEncounters, seedFinalizedEncounters, submitOverride, submitReturn, switchUser, toggleFacetValue,
} from './support/review.ts'
import { addProvider, toolbar } from './support/worksheet.ts'

// Issue 5: a coder finalizes with warnings, a supervisor decides in the queue, the coder gets the returned encounter back.
// Both profiles are made through the chooser, so no reload brings back a seeded user.
test.use({ seedUser: false })

const OVERRIDE_REASON = 'Documentation supports the service'
const OVERRIDE_NOTE = 'Levels and sides are in the signed procedure note.'
const RETURN_NOTE = 'Please add the pain scores from the procedure note before billing 64494.'

test('a supervisor filters the queue, overrides one line and returns another; the coder finds the returned encounter with the note', async ({ page }) => {
  test.setTimeout(90_000)
  await test.step('the coder finalizes two encounters with warnings', async () => {
    await page.goto('/')
    await createProfile(page, 'Casey Coder', 'Coder')
    await expect(toolbar(page)).toBeVisible()
    await addProvider(page, 'DR-A', 'Dr. Ada Lane')
    await addProvider(page, 'DR-B', 'Dr. Ben Ortiz')
    await finalizeTwoFlaggedEncounters(page, { patient: 'PT-3001', provider: 'Dr. Ada Lane' }, { patient: 'PT-3002', provider: 'Dr. Ben Ortiz' })
  })

  await test.step('the queue is read-only for the coder', async () => {
    await openReviewQueue(page)
    await expect(page.getByText(/the queue is read-only for you/)).toBeVisible()
    await expect(queueRow(page, 'PT-3001', '64493')).toHaveCount(1)
    await expect(queueRow(page, 'PT-3001').getByRole('button', { name: /^Override/ })).toHaveCount(0)
  })

  await test.step('the supervisor filters the queue by provider', async () => {
    // Later that day: the log orders entries by time, and the fixture's clock stands still.
    await page.clock.setFixedTime(new Date(`${TODAY}T15:00:00`))
    await switchUser(page, 'Sam Supervisor', 'Supervisor')
    await openReviewQueue(page)
    await expect(queueCount(page)).toHaveText('3 of 3 lines')
    await expect(page.getByText(/read-only/)).toHaveCount(0)
    await expectNoAxeViolations(page, 'the review queue')

    const providers = await openFacet(page, 'Provider')
    await expect(providers.getByRole('checkbox', { name: /DR-A\s*2 lines/ })).toBeVisible()
    await expect(providers.getByRole('checkbox', { name: /DR-B\s*1 lines?/ })).toBeVisible()
    await expectNoAxeViolations(page, 'the open provider filter')
    await providers.getByRole('checkbox', { name: /DR-A/ }).check()
    await expect(queueCount(page)).toHaveText('2 of 3 lines')
    await expect(page).toHaveURL(/#\/review\?provider=DR-A$/)
    await page.keyboard.press('Escape')
    await expect(providers).toBeHidden()
    expect((await readQueueRows(page)).map((cells) => cells[6])).toEqual(['64493', '64494'])
  })

  await test.step('one line is overridden with a reason, the other returned with a note', async () => {
    await queueRow(page, '64493').getByRole('button', { name: /^Override, 64493/ }).click()
    const override = decisionDialog(page, 'Override 1 line')
    await expect(override).toBeVisible()
    await expectNoAxeViolations(page, 'the override dialog')
    await submitOverride(override, OVERRIDE_REASON, OVERRIDE_NOTE)
    // The row's "Override" is gone with the decision: focus lands on the outcome, not the top of the page.
    await expect(page.getByRole('status').filter({ hasText: `Overrode 1 line (${OVERRIDE_REASON}).` })).toBeFocused()
    await expect(queueRow(page, '64493')).toContainText('Overridden')

    await page.clock.setFixedTime(new Date(`${TODAY}T15:05:00`))
    await queueRow(page, '64494').getByRole('button', { name: /^Return, 64494/ }).click()
    const returning = decisionDialog(page, /^Return 1 line/)
    await expect(returning).toBeVisible()
    await submitReturn(returning, RETURN_NOTE)
    await expect(page.getByRole('status').filter({ hasText: 'Returned 1 line of 1 encounter to the coder.' })).toBeVisible()
    await expect(queueRow(page, '64494')).toContainText('Returned to coder')
  })

  await test.step("each line's audit history says who decided what, and why", async () => {
    await queueRow(page, '64493').getByRole('button', { name: /^Details, 64493/ }).click()
    const first = page.getByRole('dialog', { name: 'Line 1 of PT-3001 on 2026-10-14' })
    await expect(first).toBeVisible()
    const overridden = first.getByRole('region', { name: 'Audit entries' }).getByRole('row').filter({ hasText: 'Overridden' }).last()
    await expect(overridden).toContainText('Sam Supervisor')
    await expect(overridden).toContainText(OVERRIDE_REASON)
    await expect(overridden).toContainText(OVERRIDE_NOTE)
    await expect(first.getByRole('region', { name: 'Audit entries' })).toContainText('Casey Coder')
    await expectNoAxeViolations(page, 'the line details panel')
    await page.keyboard.press('Escape')
    await expect(first).toBeHidden()

    await queueRow(page, '64494').getByRole('button', { name: /^Details, 64494/ }).click()
    const second = page.getByRole('dialog', { name: 'Line 2 of PT-3001 on 2026-10-14' })
    const returned = second.getByRole('region', { name: 'Audit entries' }).getByRole('row').filter({ hasText: 'Returned' }).last()
    await expect(returned).toContainText('Sam Supervisor')
    await expect(returned).toContainText(RETURN_NOTE)
    await page.keyboard.press('Escape')
    await expect(second).toBeHidden()
  })

  await test.step('the coder finds the returned encounter in the drafts, with the note', async () => {
    await switchUser(page, 'Casey Coder', 'Coder')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drafts', exact: true }).click()
    const row = page.getByRole('row').filter({ hasText: 'PT-3001' })
    await expect(row).toContainText(`Returned: ${RETURN_NOTE}`)
    await row.getByRole('button', { name: /^Resume draft for PT-3001/ }).click()
    await expect(page.getByRole('note').filter({ hasText: RETURN_NOTE })).toContainText('Returned by the supervisor:')
    await expect(banner(page)).toContainText('Casey Coder · Coder')
  })
})

test.describe('with thousands of lines', () => {
  test.use({ seedUser: true })

  test('the queue stays virtualised, and sorting, filters and hidden columns survive a reload, an export and print', async ({ page }) => {
    test.setTimeout(90_000)
    await page.goto('/')
    await expect(toolbar(page)).toBeVisible()
    await seedFinalizedEncounters(page, 5000)
    await page.goto('/#/review')
    await expect(queueCount(page)).toHaveText('3,750 of 3,750 lines')

    const scroller = queueRegion(page)
    const table = scroller.getByRole('table')
    await expect(table).toHaveAttribute('aria-rowcount', '3751')
    expect(await scroller.locator('tbody tr:not([aria-hidden])').count()).toBeLessThan(80)
    await expect(page.getByText('Print includes the first 2,000 of the 3,750 lines shown; Export CSV has them all.')).toBeVisible()
    await expectNoAxeViolations(page, 'the queue with 3,750 lines')

    await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight })
    await expect(scroller.locator('tr[aria-rowindex="3751"]')).toBeVisible()
    expect(await scroller.locator('tbody tr:not([aria-hidden])').count()).toBeLessThan(80)

    await table.getByRole('button', { name: /^Patient account/ }).click()
    await expect(page).toHaveURL(/sort=patientId\.asc/)
    await expect(table.getByRole('columnheader', { name: /^Patient account/ })).toHaveAttribute('aria-sort', 'ascending')
    await scroller.evaluate((el) => { el.scrollTop = 0 })
    await expect(scroller.locator('tr[aria-rowindex="2"]')).toContainText('PT-10000')

    await toggleFacetValue(page, 'Severity', /^Error/)
    await expect(queueCount(page)).toHaveText('1,250 of 3,750 lines')
    await page.getByRole('button', { name: /^Columns/ }).click()
    await page.getByRole('group', { name: 'Shown columns' }).getByRole('checkbox', { name: 'Rules' }).uncheck()
    await page.keyboard.press('Escape')
    await expect(table.getByRole('columnheader', { name: 'Rules' })).toHaveCount(0)
    await expect(page).toHaveURL(/#\/review\?severity=error&sort=patientId\.asc&hide=ruleIds$/)

    await page.reload()
    await expect(queueCount(page)).toHaveText('1,250 of 3,750 lines')
    await expect(queueRegion(page).getByRole('columnheader', { name: 'Rules' })).toHaveCount(0)
    await expect(queueRegion(page).locator('tr[aria-rowindex="2"]')).toContainText('PT-10001')
    await expect(queueFilters(page).getByRole('button', { name: /^Severity\s*1 selected/ })).toBeVisible()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()])
    expect(download.suggestedFilename()).toBe(`review-queue-${TODAY}.csv`)
    const csv = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/)
    expect(csv).toHaveLength(1251)
    expect(csv[0]).toBe('Date of service,Patient account,Provider,Coder,Payer,Code,Modifiers,Units,Top finding,Severity,Category,Status')
    expect(csv[1]).toContain('PT-10001')

    // What printing does first (the print-only table is rendered for the print only), then print media.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
    await page.emulateMedia({ media: 'print' })
    await expect(queueRegion(page)).toBeHidden()
    const printed = page.locator('[data-print="only"] table')
    await expect(printed).toBeVisible()
    await expect(printed.locator('tbody tr')).toHaveCount(1250)
    await expect(page.locator('[data-print="only"]')).toContainText('Filters: Severity error.')
    await page.emulateMedia({ media: 'screen' })
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
    await expect(page.locator('[data-print="only"] table')).toHaveCount(0)
  })
})

import type { Locator, Page } from '@playwright/test'
import { importRemittance, write835 } from './support/remittance.ts'
import { createProfile, decisionDialog, finalizeTwoFlaggedEncounters, openReviewQueue, queueRow, submitOverride, switchUser } from './support/review.ts'
import { expect, expectNoAxeViolations, test, TODAY } from './support/test.ts'
import { addProvider, toolbar } from './support/worksheet.ts'

// Issue 5: the insights count the review's flags, and an imported 835 turns into denial counts,
// including the view no peer has: a line a supervisor overrode that the payer then denied.
test.use({ seedUser: false })

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' })
const figure = (page: Page, name: string): Locator => page.getByRole('figure', { name })
const tile = (page: Page, term: string): Locator =>
  page.getByRole('definition').filter({ has: page.locator(`xpath=preceding-sibling::dt[1][normalize-space()="${term}"]`) }).first()

async function openInsights(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Insights' }).click()
  await expect(page).toHaveURL(/#\/review\/insights$/)
  await expect(page.getByRole('heading', { level: 2, name: 'Denial and flag insights' })).toBeVisible()
}

test('importing an 835 changes the charts to its denials, and a line overridden then denied shows by rule and by coder', async ({ page }) => {
  test.setTimeout(120_000)
  await test.step('a coder finalizes two encounters with warnings', async () => {
    await page.goto('/')
    await createProfile(page, 'Casey Coder', 'Coder')
    await expect(toolbar(page)).toBeVisible()
    await addProvider(page, 'DR-A', 'Dr. Ada Lane')
    await finalizeTwoFlaggedEncounters(page, { patient: 'PT-4001', provider: 'Dr. Ada Lane' }, { patient: 'PT-4002', provider: 'Dr. Ada Lane' })
  })

  let flagged = ''
  await test.step('before any remittance: flags only, and a pointer to the 835 import', async () => {
    await openInsights(page)
    flagged = (await tile(page, 'Lines flagged').textContent()) ?? ''
    expect(Number(flagged)).toBeGreaterThanOrEqual(3)
    await expect(tile(page, 'Denied lines')).toHaveText('0')
    await expect(tile(page, 'Overridden then denied')).toHaveText('0')
    await expect(page.getByText(/No remittance file has been imported yet/)).toBeVisible()
    await expectNoAxeViolations(page, 'the insights before any remittance')
  })

  await test.step('a supervisor overrides the 64493 line of PT-4001', async () => {
    await page.clock.setFixedTime(new Date(`${TODAY}T15:00:00`))
    await switchUser(page, 'Sam Supervisor', 'Supervisor')
    await openReviewQueue(page)
    await queueRow(page, 'PT-4001', '64493').getByRole('button', { name: /^Override, 64493/ }).click()
    await submitOverride(decisionDialog(page, 'Override 1 line'), 'Documentation supports the service', 'Levels and sides are in the signed note.')
    await expect(queueRow(page, 'PT-4001', '64493')).toContainText('Overridden')
  })

  await test.step('the payer denies that line for its modifier and pays the rest', async () => {
    await nav(page).getByRole('link', { name: 'Remittances' }).click()
    await importRemittance(page, write835({
      checkNumber: 'EFT20261126INS',
      paymentDate: TODAY,
      claims: [
        {
          claimNumber: 'PT-4001', dateOfService: '2026-10-14', lines: [
            { code: '64493', modifiers: ['50'], charge: 900, paid: 0, adjustments: [{ group: 'CO', reason: '4', amount: 900 }], remarks: ['N822'] },
            { code: '64494', modifiers: ['50'], charge: 400, paid: 320, adjustments: [{ group: 'CO', reason: '45', amount: 80 }] },
          ],
        },
        {
          claimNumber: 'PT-4002', dateOfService: '2026-10-07', lines: [
            { code: '64483', modifiers: ['RT'], charge: 1200, paid: 0, adjustments: [{ group: 'CO', reason: '50', amount: 1200 }] },
          ],
        },
      ],
    }), 'era-insights.835')
  })

  await test.step('the insights count the two denials, by category, and the overridden one by rule and by coder', async () => {
    await openInsights(page)
    await expect(tile(page, 'Lines flagged')).toHaveText(flagged)
    await expect(tile(page, 'Denied lines')).toHaveText('2')
    await expect(tile(page, 'Denied amount')).toHaveText('$2,100.00')
    await expect(tile(page, 'Overridden then denied')).toHaveText('1')

    const byCategory = figure(page, 'Denials by category')
    await expect(byCategory.getByRole('button', { name: 'Modifier: 1 denial' })).toBeVisible()
    await expect(byCategory.getByRole('button', { name: 'Coverage or medical necessity: 1 denial' })).toBeVisible()

    const byCoder = figure(page, 'Overridden then denied, by coder')
    await expect(byCoder.getByRole('button', { name: 'Casey Coder: 1 denial' })).toBeVisible()
    const byRule = figure(page, 'Overridden then denied, by rule')
    await expect(byRule.getByRole('button', { name: /: 1 denial$/ }).first()).toBeVisible()
    await expectNoAxeViolations(page, 'the insights after the 835 import')

    // Drill-down: the bar's line, then the queue with exactly that line.
    await byCoder.getByRole('button', { name: 'Casey Coder: 1 denial' }).click()
    const lines = byCoder.getByRole('table', { name: /^Lines of Overridden then denied, by coder/ })
    await expect(lines.getByRole('row')).toHaveCount(2)
    await expect(lines.getByRole('row').nth(1)).toContainText('PT-4001')
    await expect(lines.getByRole('row').nth(1)).toContainText('64493')
    await expectNoAxeViolations(page, 'an open drill-down')
    await byCoder.getByRole('button', { name: 'Open these lines in the review queue' }).click()
    await expect(page).toHaveURL(/#\/review\?.*rows=/)
    await expect(page.getByText(/Showing 1 selected line/)).toBeVisible()
    await expect(queueRow(page, 'PT-4001', '64493')).toContainText('Overridden')
  })
})

import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './support/test.ts'
import { finding, resultsPanel, toolbar } from './support/worksheet.ts'

// The rule library: a trainee finds a rule by searching and filtering, reads why it exists, where the
// fact comes from and since when it applies, then opens the example where it fires as a new worksheet
// draft and sees the same rule's finding there.

const RULE = 'FAC-LEVEL-LIMIT'

const ruleCount = (page: Page) => page.getByRole('status').filter({ hasText: /^\d+ rules?( of \d+ match)?$|^No rule matches/ })
const detail = (page: Page) => page.getByRole('region', { name: new RegExp(`^${RULE} — `) })
const detailHeading = (page: Page) => page.getByRole('heading', { level: 3, name: new RegExp(`^${RULE} — `) })
const ruleLink = (page: Page, id: string) => page.getByRole('link', { name: new RegExp(`^${id} `) })

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0)
}

test('finds a rule, reads its source and dates, and opens its example in the worksheet', async ({ page }) => {
  await page.goto('/')
  await expect(toolbar(page)).toBeVisible()
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: 'Training' }).click()
  await expect(page).toHaveURL(/#\/training$/)
  const trainingNav = page.getByRole('navigation', { name: 'Training' })
  await trainingNav.getByRole('link', { name: 'Rule library' }).click()
  await expect(page).toHaveURL(/#\/training\/rules$/)
  await expect(nav.getByRole('link', { name: 'Training' })).toHaveAttribute('aria-current', 'page')
  await expect(trainingNav.getByRole('link', { name: 'Rule library' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('heading', { level: 2, name: 'Rule library' })).toBeVisible()

  const total = Number((await ruleCount(page).textContent())?.match(/^(\d+) rules$/)?.[1])
  expect(total).toBeGreaterThan(50)
  await expect(page.locator('a[href^="#/training/rules/"]')).toHaveCount(total)
  await expectNoAxeViolations(page, 'the rule library list')

  // A code finds the rules that concern it; a filter narrows them to one family and severity.
  await page.getByRole('searchbox', { name: 'Search rules' }).fill('64495')
  await expect(ruleCount(page)).toHaveText(new RegExp(`^\\d+ rules? of ${total} match$`))
  await page.getByRole('combobox', { name: 'Applies to' }).selectOption('facet-injection')
  await page.getByRole('combobox', { name: 'Severity' }).selectOption('error')
  await expect(ruleLink(page, RULE)).toBeVisible()
  await expect(ruleLink(page, 'FAC-CODE')).toHaveCount(0)

  await ruleLink(page, RULE).click()
  await expect(page).toHaveURL(new RegExp(`#/training/rules/${RULE}$`))
  await expect(detailHeading(page)).toBeFocused()
  await expect(detail(page)).toContainText('In effect since 2024-07-07; no end date.')
  await expect(detail(page)).toContainText('Facet LCD revisions 2024')
  await expect(detail(page)).toContainText('Checked in a primary source')
  await expect(detail(page)).toContainText('The claim will reject or deny as it is')
  const fires = detail(page).getByRole('article', { name: /^Where it fires: / })
  await expect(fires).toContainText(`${RULE} fires:`)
  await expect(detail(page).getByRole('article', { name: /^Near miss: / })).toContainText(`${RULE} does not fire.`)
  await expectNoAxeViolations(page, 'a rule in the rule library')

  // Back and forward move between the list and the rule, as the address says.
  await page.goBack()
  await expect(page).toHaveURL(/#\/training\/rules$/)
  await expect(detail(page)).toHaveCount(0)
  await page.goForward()
  await expect(detailHeading(page)).toBeVisible()

  await fires.getByRole('button', { name: /^Open in worksheet/ }).click()
  await expect(page).toHaveURL(/#\/worksheet\/[^/]+$/)
  await expect(resultsPanel(page)).toBeVisible()
  await expect(finding(page, RULE)).toBeVisible()
})

test('works at 390 px: the rule replaces the list, and "All rules" brings the list back', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`/#/training/rules/${RULE}`)
  await expect(detailHeading(page)).toBeVisible()
  await expect(page.getByRole('searchbox', { name: 'Search rules' })).toBeHidden()
  await expectNoSidewaysScroll(page)

  await detail(page).getByRole('link', { name: 'All rules' }).click()
  await expect(page).toHaveURL(/#\/training\/rules$/)
  await expect(page.getByRole('searchbox', { name: 'Search rules' })).toBeVisible()
  await expect(ruleLink(page, RULE)).toBeFocused()
  await expectNoSidewaysScroll(page)
  await expectNoAxeViolations(page, 'the rule library list at 390 px')
})

test('picks a rule with the keyboard alone', async ({ page }) => {
  await page.goto('/#/training/rules')
  await page.getByRole('searchbox', { name: 'Search rules' }).fill('fac-side-missing')
  await expect(ruleCount(page)).toHaveText(/^1 rule of \d+ match$/)
  await ruleLink(page, 'FAC-SIDE-MISSING').focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/training\/rules\/FAC-SIDE-MISSING$/)
  await expect(page.getByRole('heading', { level: 3, name: /^FAC-SIDE-MISSING — / })).toBeFocused()
})

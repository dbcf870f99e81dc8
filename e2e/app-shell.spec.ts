import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

test('app shell loads offline-clean, accessible and without third-party requests', async ({
  page,
  baseURL,
}) => {
  const requested: string[] = []
  const problems: string[] = []
  page.on('request', (request) => requested.push(request.url()))
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))

  await page.goto('/')
  await expect(
    page.getByRole('banner').getByRole('heading', { level: 1, name: 'Injection Coding Worksheet' }),
  ).toBeVisible()
  await expect(page.getByRole('main')).toBeVisible()
  await page.waitForLoadState('networkidle')

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])

  const appOrigin = new URL(baseURL ?? '').origin
  expect(requested.length).toBeGreaterThan(0)
  expect(requested.filter((url) => new URL(url).origin !== appOrigin)).toEqual([])
  // A Content-Security-Policy violation shows up here as a console error.
  expect(problems).toEqual([])
})

test('skip link moves focus to the main landmark', async ({ page }) => {
  await page.goto('/')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to main content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
})

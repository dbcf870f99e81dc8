import AxeBuilder from '@axe-core/playwright'
import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test'
import { totpNow } from './group-server.ts'

/** One workstation of a group-server journey: its own browser context, and what went wrong in its page. */
export interface Desk {
  context: BrowserContext
  page: Page
  /** Uncaught page errors and console errors the journey does not expect. */
  problems: string[]
}

/**
 * Opens desks whose console errors fail the journey, except those matching `expected` (each
 * journey says which failures are its own: the 401 of the session check before signing in, a
 * refused write, a request made offline).
 */
export function deskOpener(expected: RegExp, options: BrowserContextOptions = {}): (browser: Browser) => Promise<Desk> {
  return async (browser) => {
    const context = await browser.newContext(options)
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('console', (message) => { if (message.type() === 'error' && !expected.test(message.text())) problems.push(message.text()) })
    return { context, page, problems }
  }
}

export async function expectAccessible(page: Page, where: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze()
  expect(axe.violations.map((v) => `${where}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

export const banner = (page: Page) => page.getByRole('banner')
export const syncStatus = (page: Page) => banner(page).getByRole('status')
export const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' })

/** Reads the setup key the page shows and turns on two-factor with the code a phone would show. */
export async function turnOnTwoFactor(page: Page): Promise<void> {
  await expect(page.getByRole('img', { name: 'QR code to add this account to an authenticator app' })).toBeVisible()
  const secret = (await page.locator('code').first().innerText()).replace(/\s+/g, '')
  await page.getByLabel('Authentication code').fill(totpNow(secret))
  await page.getByRole('button', { name: 'Turn on two-factor' }).click()
  await expect(page.getByRole('list', { name: 'Backup codes' }).getByRole('listitem')).toHaveCount(10)
  await page.getByRole('button', { name: 'Continue' }).click()
}

/** Accepts an invitation link: the person's name and password, then joins the practice. */
export async function join(page: Page, link: string, name: string, password: string): Promise<void> {
  await page.goto(link)
  await page.getByLabel('Your name').fill(name)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByLabel('Confirm password').fill(password)
  await page.getByRole('button', { name: 'Create account and join' }).click()
}

import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { startGroupServer, totpNow, type GroupServer } from './support/group-server.ts'

// The group server as a practice meets it: a server started on a fresh data directory, its
// one-time setup link, an admin who creates the practice and invites a coder and a supervisor,
// each signing in at their own desk (browser context), lockout and automatic logoff.

// Serial: each step builds on the last. Longer limits: PGlite's first start in a fresh directory
// takes a while, and a spent authenticator code means waiting for the next 30-second window.
test.describe.configure({ mode: 'serial', timeout: 120_000 })

let server: GroupServer
test.beforeAll(async () => {
  test.setTimeout(120_000)
  server = await startGroupServer()
})
test.afterAll(async () => { await server?.stop() })

async function expectAccessible(page: Page, where: string) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze()
  expect(axe.violations.map((v) => `${where}: ${v.id}: ${v.help}`)).toEqual([])
}

async function desk(browser: Browser) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => { if (message.type() === 'error' && !/401|429|403/.test(message.text())) problems.push(message.text()) })
  return { context, page, problems }
}

/** Reads the setup key the page shows, turns on two-factor with the code a phone would show, keeps the backup codes. */
async function turnOnTwoFactor(page: Page): Promise<string> {
  await expect(page.getByRole('img', { name: 'QR code to add this account to an authenticator app' })).toBeVisible()
  await expectAccessible(page, 'two-factor setup')
  const secret = (await page.locator('code').first().innerText()).replace(/\s+/g, '')
  await page.getByLabel('Authentication code').fill(totpNow(secret))
  await page.getByRole('button', { name: 'Turn on two-factor' }).click()
  await expect(page.getByRole('list', { name: 'Backup codes' }).getByRole('listitem')).toHaveCount(10)
  await expectAccessible(page, 'backup codes')
  await page.getByRole('button', { name: 'Continue' }).click()
  return secret
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
const invitations = new Map<string, string>()
let supervisorSecret = ''
let adminSecret = ''
const PASSWORDS = { admin: 'copper lantern orchard seven', coder: 'granite meadow falcon river', supervisor: 'velvet harbor compass nine' }

test('the setup link creates the practice and its admin, who sets up two-factor and invites a coder and a supervisor', async ({ browser }) => {
  const { context, page, problems } = await desk(browser)
  await page.goto(server.setupLink)
  await expect(page.getByRole('heading', { name: /set up/i }).first()).toBeVisible()
  await expectAccessible(page, 'setup')
  await page.getByLabel('Practice name').fill('Lakeside Pain Group')
  await page.getByLabel('Your name').fill('Ada Admin')
  await page.getByLabel('Email').fill('ada@lakeside.test')
  await page.getByLabel('Password', { exact: true }).fill(PASSWORDS.admin)
  await page.getByLabel('Confirm password').fill(PASSWORDS.admin)
  await page.getByRole('button', { name: 'Create the practice' }).click()

  // Admins must use two-factor by default: the practice starts with the authenticator setup.
  adminSecret = await turnOnTwoFactor(page)
  const banner = page.getByRole('banner')
  await expect(banner).toContainText('Signed in as Ada Admin · Admin · Lakeside Pain Group')

  await page.goto(`${server.url}/#/admin/invitations`)
  await expectAccessible(page, 'invitations')
  for (const [email, role] of [['cody@lakeside.test', 'coder'], ['sue@lakeside.test', 'supervisor']] as const) {
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Role').selectOption(role)
    await page.getByRole('button', { name: 'Create invitation' }).click()
    const created = page.getByRole('region', { name: new RegExp(`Invitation for ${email}`) })
    await expect(created).toBeVisible()
    const link = await created.getByLabel('Invitation link').inputValue()
    expect(link).toMatch(new RegExp(`^${server.url}/#/invite/[A-Za-z0-9_-]+$`))
    invitations.set(role, link)
  }
  await page.goto(`${server.url}/#/admin/members`)
  await expect(page.getByRole('table')).toContainText('ada@lakeside.test')
  await expectAccessible(page, 'members')
  expect(problems).toEqual([])
  await context.close()
})

test('the coder joins with the invitation and signs in at another desk; the header says who and what role', async ({ browser }) => {
  const { context, page, problems } = await desk(browser)
  await page.goto(invitations.get('coder')!)
  await expect(page.getByText('Lakeside Pain Group').first()).toBeVisible()
  await expectAccessible(page, 'invitation')
  await page.getByLabel('Your name').fill('Cody Coder')
  await page.getByLabel('Password', { exact: true }).fill(PASSWORDS.coder)
  await page.getByLabel('Confirm password').fill(PASSWORDS.coder)
  await page.getByRole('button', { name: 'Create account and join' }).click()
  await expect(page.getByRole('banner')).toContainText('Signed in as Cody Coder · Coder · Lakeside Pain Group')
  await page.getByRole('button', { name: 'Sign out' }).click()

  await page.getByLabel('Email').fill('cody@lakeside.test')
  await page.getByLabel('Password').fill(PASSWORDS.coder)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('banner')).toContainText('Signed in as Cody Coder · Coder')
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0)
  await expectAccessible(page, 'coder signed in')
  expect(problems).toEqual([])
  await context.close()
})

test('the supervisor joins, must set up two-factor, and signs in again with a code the test computes', async ({ browser }) => {
  const { context, page, problems } = await desk(browser)
  await page.goto(invitations.get('supervisor')!)
  await page.getByLabel('Your name').fill('Sue Supervisor')
  await page.getByLabel('Password', { exact: true }).fill(PASSWORDS.supervisor)
  await page.getByLabel('Confirm password').fill(PASSWORDS.supervisor)
  await page.getByRole('button', { name: 'Create account and join' }).click()
  supervisorSecret = await turnOnTwoFactor(page)
  await expect(page.getByRole('banner')).toContainText('Signed in as Sue Supervisor · Supervisor')
  await page.getByRole('button', { name: 'Sign out' }).click()

  await page.getByLabel('Email').fill('sue@lakeside.test')
  await page.getByLabel('Password').fill(PASSWORDS.supervisor)
  await page.getByRole('button', { name: 'Sign in' }).click()
  const code = page.getByLabel('Authentication code')
  await expect(code).toBeVisible()
  await expectAccessible(page, 'two-factor code')
  // The code used to turn two-factor on is spent: wait for the authenticator's next one.
  await sleep(31_000 - (Date.now() % 30_000))
  await code.fill(totpNow(supervisorSecret))
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page.getByRole('banner')).toContainText('Signed in as Sue Supervisor · Supervisor · Lakeside Pain Group')
  expect(problems).toEqual([])
  await context.close()
})

test('five wrong passwords lock the account, with the answer an unknown account gets', async ({ browser }) => {
  const { context, page } = await desk(browser)
  await page.goto(server.url)
  const alert = page.getByRole('alert')
  await page.getByLabel('Email').fill('nobody@lakeside.test')
  await page.getByLabel('Password').fill('not the right password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(alert).toBeVisible()
  const unknownAnswer = await alert.innerText()
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.getByLabel('Email').fill('cody@lakeside.test')
    await page.getByLabel('Password').fill(`wrong password number ${attempt}`)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(alert).toHaveText(unknownAnswer)
  }
  // Locked: now even the right password is refused, with the same words.
  await page.getByLabel('Password').fill(PASSWORDS.coder)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(alert).toHaveText(unknownAnswer)
  await expect(page.getByRole('banner')).not.toContainText('Signed in as')
  await expectAccessible(page, 'locked sign-in')
  await context.close()
})

test('after the idle timeout the app warns, then signs out', async ({ browser }) => {
  const { context, page } = await desk(browser)
  // The page's clock is Playwright's; the server's is real (its own idle timeout is tested in the API suite).
  await page.clock.install()
  await page.goto(server.url)
  await page.getByLabel('Email').fill('ada@lakeside.test')
  await page.getByLabel('Password').fill(PASSWORDS.admin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByLabel('Authentication code').fill(totpNow(adminSecret))
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page.getByRole('banner')).toContainText('Signed in as Ada Admin')

  await page.clock.runFor(13 * 60_000 + 30_000)
  const warning = page.getByRole('alertdialog')
  await expect(warning).toBeVisible()
  await expect(warning.getByRole('button', { name: 'Stay signed in' })).toBeVisible()
  await expectAccessible(page, 'idle warning')
  await page.clock.runFor(2 * 60_000)
  await expect(page.getByRole('status').filter({ hasText: 'You were signed out after 15 minutes without activity.' })).toBeVisible()
  await expect(page.getByLabel('Email')).toBeVisible()
  await expectAccessible(page, 'signed out')
  await context.close()
})

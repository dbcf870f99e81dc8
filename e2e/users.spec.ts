import { expect, expectNoAxeViolations, test } from './support/test.ts'
import { toolbar } from './support/worksheet.ts'

// A fresh machine: no profile seeded, so the app opens on the chooser.
test.use({ seedUser: false })

test('a first profile is created when the app opens, and switching user adds and picks another', async ({ page }) => {
  await page.goto('/')
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { name: 'Create your profile' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0)
  await expect(toolbar(page)).toHaveCount(0)
  await expectNoAxeViolations(page, 'the first-profile chooser')

  await main.getByRole('button', { name: 'Create profile and start' }).click()
  await expect(main.getByText('Enter a name.')).toBeVisible()
  await expectNoAxeViolations(page, 'the chooser with a validation message')

  await main.getByRole('textbox', { name: 'Name' }).fill('  Casey Coder ')
  await main.getByRole('radio', { name: 'Coder' }).check()
  await main.getByRole('button', { name: 'Create profile and start' }).click()

  await expect(toolbar(page)).toBeVisible()
  const banner = page.getByRole('banner')
  await expect(banner).toContainText('Casey Coder · Coder')

  // A reload in the same tab keeps the choice.
  await page.reload()
  await expect(toolbar(page)).toBeVisible()
  await expect(banner).toContainText('Casey Coder · Coder')

  await banner.getByRole('button', { name: 'Switch user' }).click()
  const chooserHeading = main.getByRole('heading', { name: 'Who is using the app?' })
  await expect(chooserHeading).toBeFocused()
  await expect(main.getByRole('radio', { name: 'Casey Coder (Coder)' })).toBeChecked()
  await expectNoAxeViolations(page, 'the chooser with a profile')

  await main.getByRole('textbox', { name: 'Name' }).fill('casey coder')
  await main.getByRole('button', { name: 'Create profile', exact: true }).click()
  await expect(main.getByText(/A profile with this name already exists/)).toBeVisible()

  await main.getByRole('textbox', { name: 'Name' }).fill('Sam Supervisor')
  await main.getByRole('radio', { name: 'Supervisor' }).check()
  await main.getByRole('button', { name: 'Create profile', exact: true }).click()
  await expect(toolbar(page)).toBeVisible()
  await expect(banner).toContainText('Sam Supervisor · Supervisor')
  await expect(banner).not.toContainText('Casey Coder')

  // Both profiles are on this machine; Sam, used last, is preselected.
  await banner.getByRole('button', { name: 'Switch user' }).click()
  await expect(main.getByRole('radio', { name: 'Sam Supervisor (Supervisor)' })).toBeChecked()
  await expect(main.getByRole('radio', { name: 'Casey Coder (Coder)' })).not.toBeChecked()
  await main.getByRole('radio', { name: 'Casey Coder (Coder)' }).check()
  await main.getByRole('button', { name: 'Continue as Casey Coder' }).click()
  await expect(banner).toContainText('Casey Coder · Coder')
})

test('the chooser fits a 390 px wide phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Create your profile' })).toBeVisible()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await expectNoAxeViolations(page, 'the chooser at 390 px')
})

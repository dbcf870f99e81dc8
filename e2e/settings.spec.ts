import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './support/test.ts'
import {
  addDrug, addL5S1RightTransforaminal, encounterForm, expectClaimLines, expectDraftSaved, fillHeader, finding, frequencyCounter, importHistoryCsv,
} from './support/worksheet.ts'

// Settings: the practice's providers and its own payer profiles reach the worksheet.

const HISTORY_CSV = [
  'Patient ID,Date of Service,CPT,Modifier,Units,Provider',
  'PT-8001,2026-03-10,64483,RT,1,DR-B',
  'PT-8001,2026-07-15,64483,LT,1,DR-B',
].join('\n')

const ESI_LIMIT = /\(medicare-esi-4-per-region-12m\)$/

async function openSettings(page: Page): Promise<void> {
  await page.goto('/#/settings')
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page')
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 })
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.setViewportSize({ width: 1280, height: 720 })
}

async function addProviderInSettings(page: Page, id: string, name: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Add a provider' })
  await form.getByLabel('Identifier', { exact: true }).fill(id)
  await form.getByLabel('Name', { exact: true }).fill(name)
  await form.getByRole('button', { name: 'Add provider' }).click()
  await expect(page.getByRole('list', { name: 'Providers' }).getByRole('listitem').filter({ hasText: `${id} — ${name}` })).toBeVisible()
}

test('a provider added in settings is offered on a new worksheet', async ({ page }) => {
  test.setTimeout(60_000)
  await openSettings(page)
  await expect(page.getByText('No provider yet.', { exact: false })).toBeVisible()
  await expectNoAxeViolations(page, 'the settings page, empty')

  const form = page.getByRole('form', { name: 'Add a provider' })
  await form.getByRole('button', { name: 'Add provider' }).click()
  await expect(form.getByLabel('Identifier', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByText('Enter the provider identifier (e.g. DR-A or an NPI).')).toBeVisible()
  await expect(form.getByText('Enter the provider\'s name.')).toBeVisible()
  await expectNoAxeViolations(page, 'the provider form with errors')

  await addProviderInSettings(page, 'DR-A', 'Dr. Ada Lane')
  await addProviderInSettings(page, 'DR-C', 'Dr. Cy Typo')
  await page.getByRole('button', { name: 'Rename Dr. Cy Typo' }).click()
  await page.getByLabel('New name for DR-C').fill('Dr. Cy Park')
  await page.getByRole('button', { name: 'Save name' }).click()
  await expect(page.getByRole('list', { name: 'Providers' })).toContainText('DR-C — Dr. Cy Park')
  await page.getByRole('button', { name: 'Delete Dr. Cy Park' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete Dr. Cy Park?' })
  await expect(dialog).toBeVisible()
  await expectNoAxeViolations(page, 'the delete provider confirmation')
  await dialog.getByRole('button', { name: 'Delete provider' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('list', { name: 'Providers' }).getByRole('listitem')).toHaveCount(1)
  await expect(page.getByRole('list', { name: 'Providers' })).toContainText('DR-A — Dr. Ada Lane')
  await expectNoAxeViolations(page, 'the settings page with a provider')
  await expectNoSidewaysScroll(page)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New worksheet' }).click()
  await expect(page).toHaveURL(/#\/worksheet\/[^/]+$/)
  const provider = encounterForm(page).getByLabel('Rendering provider', { exact: true })
  await expect(provider.getByRole('option', { name: 'Dr. Ada Lane' })).toHaveCount(1)
  await expect(provider.getByRole('option', { name: 'Dr. Cy Park' })).toHaveCount(0)
})

async function copyMedicareWithEpiduralLimit(page: Page, limit: string): Promise<void> {
  await page.getByRole('button', { name: 'Copy Medicare (default) into a custom profile' }).first().click()
  await expect(page.getByRole('heading', { name: 'New custom profile: medicare-custom' })).toBeFocused()
  const esi = page.getByRole('group', { name: ESI_LIMIT })
  const sessions = esi.getByLabel('Sessions allowed')
  await sessions.fill('0')
  await expect(esi.getByText('The limit must be at least 1 session')).toBeVisible()
  await sessions.fill(limit)
  await expect(esi.getByText('The limit must be at least 1 session')).toBeHidden()
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved Medicare (default) (custom).' })).toBeVisible()
}

test('a built-in profile is shown with its sources, copied, validated, saved with its edits marked, and deleted', async ({ page }) => {
  test.setTimeout(120_000)
  await openSettings(page)
  await page.getByRole('button', { name: 'View Medicare (default)' }).click()
  const limits = page.getByRole('region', { name: 'Frequency limits' })
  await expect(limits.getByRole('listitem').filter({ hasText: 'medicare-esi-4-per-region-12m' })).toContainText('4 sessions in a rolling 12 months')
  await expect(page.getByRole('region', { name: 'Bilateral format' })).toContainText('ASC facility claim: Two lines, RT and LT, one unit each · Verified')
  await expectNoAxeViolations(page, 'a built-in profile')
  await expectNoSidewaysScroll(page)

  await page.getByRole('button', { name: 'Copy Medicare (default) into a custom profile' }).first().click()
  await expect(page.getByRole('heading', { name: 'New custom profile: medicare-custom' })).toBeFocused()
  await expect(page.getByLabel('Profile name')).toHaveValue('Medicare (default) (custom)')
  await expectNoAxeViolations(page, 'the custom profile editor')
  await expectNoSidewaysScroll(page)

  const esi = page.getByRole('group', { name: ESI_LIMIT })
  const sessions = esi.getByLabel('Sessions allowed')
  await sessions.fill('0')
  await expect(esi.getByText('The limit must be at least 1 session')).toBeVisible()
  await expect(sessions).toHaveAttribute('aria-invalid', 'true')
  await expect(sessions).toHaveAccessibleDescription('The limit must be at least 1 session')
  const windowLength = esi.getByLabel('Window length')
  await windowLength.fill('0')
  await expect(windowLength).toHaveAccessibleDescription('At least 1')
  await esi.getByLabel('Effective from').fill('2026-06-01')
  await esi.getByLabel('Effective to').fill('2026-01-01')
  await esi.getByLabel('Source').fill('')
  await page.getByLabel('ASC facility claim: format').selectOption({ label: 'One line with modifier 50, one unit' })
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Fix the values marked in red, then save again.' })).toBeVisible()
  await expect(esi.getByLabel('Effective to')).toHaveAccessibleDescription(/The end date must not be before the start date/)
  await expect(esi.getByLabel('Source')).toHaveAccessibleDescription(/Say where this value comes from/)
  await expect(page.getByLabel('ASC facility claim: format')).toHaveAccessibleDescription(/Modifier 50 is not recognised for ASC facility payment: pick two lines or two units/)
  await expectNoAxeViolations(page, 'the editor with bad values')

  await sessions.fill('2')
  await windowLength.fill('12')
  await esi.getByLabel('Effective to').fill('')
  await esi.getByLabel('Source').fill('Our MAC letter of 2026-10-01')
  await page.getByLabel('ASC facility claim: format').selectOption({ label: 'Two lines, RT and LT, one unit each' })
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved Medicare (default) (custom).' })).toBeVisible()

  const edited = page.getByRole('region', { name: 'Frequency limits' }).getByRole('listitem').filter({ hasText: 'medicare-esi-4-per-region-12m' })
  await expect(edited).toContainText('2 sessions in a rolling 12 months')
  await expect(edited).toContainText('Edited by the practice. Original values: Limit: 4 sessions; Effective from: no start date.')
  await expect(edited).toContainText('SourceOur MAC letter of 2026-10-01')
  await expect(page.getByRole('list', { name: 'Custom profiles' })).toContainText('Medicare (default) (custom)')
  await expectNoAxeViolations(page, 'the saved custom profile')
  await expectNoSidewaysScroll(page)

  await page.getByRole('list', { name: 'Custom profiles' }).getByRole('button', { name: 'Delete Medicare (default) (custom)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete Medicare (default) (custom)?' })
  await expect(dialog).toBeVisible()
  await expectNoAxeViolations(page, 'the delete profile confirmation')
  await dialog.getByRole('button', { name: 'Delete profile' }).click()
  await expect(page.getByText('No custom profile yet.')).toBeVisible()
})

test('a custom copy of Medicare with 2 lumbar epidurals a year flags the third session on the worksheet', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/#/history/import')
  await importHistoryCsv(page, HISTORY_CSV, 2)

  await openSettings(page)
  await addProviderInSettings(page, 'DR-A', 'Dr. Ada Lane')
  await copyMedicareWithEpiduralLimit(page, '2')
  const edited = page.getByRole('region', { name: 'Frequency limits' }).getByRole('listitem').filter({ hasText: 'medicare-esi-4-per-region-12m' })
  await expect(edited).toContainText('Edited by the practice. Original value: Limit: 4 sessions.')
  await expect(edited).toContainText('SourceEdited by the practice; originally: ESI articles')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New worksheet' }).click()
  await expect(page.getByTestId('claim-lines-empty')).toBeVisible()
  await fillHeader(page, { patient: 'PT-8001', dateOfService: '2026-10-14', provider: 'Dr. Ada Lane', diagnoses: ['M54.16'] })
  await addL5S1RightTransforaminal(page)
  const counter = frequencyCounter(page, 'Epidural steroid injection · lumbar/sacral')
  await expect(counter).toContainText('3 / 4 in a rolling 12 months')
  await expect(finding(page, 'FREQ-LIMIT')).toHaveCount(0)

  await encounterForm(page).getByLabel('Payer profile', { exact: true }).selectOption({ label: 'Medicare (default) (custom)' })
  await expect(counter).toContainText('3 / 2 in a rolling 12 months')
  const exceeded = finding(page, 'FREQ-LIMIT')
  await expect(exceeded).toContainText('the limit is 2')
  await expect(exceeded).toContainText('Edited by the practice')
  await page.getByRole('button', { name: 'Compare payer profiles' }).click()
  await expect(page.getByRole('heading', { name: 'Medicare (default) (custom)', level: 4 })).toBeVisible()
  await expectNoAxeViolations(page, 'the worksheet under the custom profile')

  // The draft comes back with the custom profile picked, though custom profiles load after the form.
  await expectDraftSaved(page)
  await page.reload()
  await expect(encounterForm(page).getByLabel('Patient account')).toHaveValue('PT-8001')
  await expect(encounterForm(page).getByLabel('Payer profile', { exact: true })).toHaveValue('medicare-custom')
  await expect(encounterForm(page).getByRole('option', { name: /profile not found/ })).toHaveCount(0)
  await expect(counter).toContainText('3 / 2 in a rolling 12 months')
})

test('an NDC added to the practice\'s list in settings fills a J-code drug line on the worksheet, on the dates it is used on', async ({ page }) => {
  test.setTimeout(120_000)
  await openSettings(page)
  const section = page.getByRole('region', { name: 'NDC list' })
  await expect(section.getByText('No NDC listed yet.')).toBeVisible()
  const form = page.getByRole('form', { name: 'Add an NDC' })
  await form.getByLabel('NDC', { exact: true }).fill('1234567890')
  await form.getByRole('button', { name: 'Add NDC' }).click()
  await expect(form.getByLabel('NDC', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByLabel('NDC', { exact: true })).toHaveAccessibleDescription(/has 10 digits and no hyphens/)
  await expect(form.getByText('Pick the drug code the NDC is billed with.')).toBeVisible()
  await expect(form.getByText('Pick the unit the NDC quantity is counted in.')).toBeVisible()
  await expectNoAxeViolations(page, 'the NDC form with errors')

  await form.getByLabel('Drug code', { exact: true }).selectOption('J1100')
  await form.getByLabel('NDC', { exact: true }).fill('1234-5678-90')
  await form.getByLabel('NDC unit', { exact: true }).selectOption('ME')
  await form.getByLabel('Drug and package', { exact: true }).fill('dexamethasone 4 mg/mL, 1 mL vial')
  await form.getByLabel('Used from', { exact: true }).fill('2026-01-01')
  await form.getByRole('button', { name: 'Add NDC' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Added NDC 01234-5678-90 for J1100.' })).toBeVisible()
  const entry = page.getByRole('list', { name: 'NDC list' }).getByRole('listitem')
  await expect(entry).toHaveCount(1)
  await expect(entry).toContainText('J1100 · NDC 01234-5678-90 ME · dexamethasone 4 mg/mL, 1 mL vial')
  await expect(entry).toContainText('Used from 2026-01-01')
  await expectNoAxeViolations(page, 'the settings page with an NDC listed')
  await expectNoSidewaysScroll(page)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New worksheet' }).click()
  await expect(page.getByTestId('claim-lines-empty')).toBeVisible()
  await fillHeader(page, { patient: 'PT-8101', dateOfService: '2026-10-14', diagnoses: ['M54.16'] })
  await addL5S1RightTransforaminal(page)
  await addDrug(page, { code: 'J1100', dose: 8, unit: 'mg' })
  await expectClaimLines(page, ['64483 RT ×1', 'J1100 ×8'])
  const drugLine = page.getByTestId('claim-lines').getByRole('row').filter({ hasText: 'J1100' })
  await expect(drugLine.getByTestId('line-ndc')).toHaveText("NDC: 01234-5678-90 · ME 8 · from the practice's NDC list")
  await expectNoAxeViolations(page, 'the worksheet with an NDC from the practice\'s list')

  // Before the entry's first day the list has no NDC for the code: the line carries none.
  await fillHeader(page, { dateOfService: '2025-12-31' })
  await expect(drugLine.getByTestId('line-ndc')).toHaveCount(0)
  await fillHeader(page, { dateOfService: '2026-01-01' })
  await expect(drugLine.getByTestId('line-ndc')).toHaveText("NDC: 01234-5678-90 · ME 8 · from the practice's NDC list")
})

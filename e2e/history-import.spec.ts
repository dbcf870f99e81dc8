import { expect, expectNoAxeViolations, test } from './support/test.ts'
import {
  addL5S1RightTransforaminal, addProvider, encounterForm, fillHeader, frequencyCounter,
} from './support/worksheet.ts'

// Claim history imported from a practice-management export counts in the patient's frequency checks.

const HISTORY_CSV = [
  'Patient ID,Date of Service,CPT,Modifier,Units,Provider',
  'PT-7001,2026-02-10,64483,RT,1,DR-B',
  'PT-7001,2026-05-12,64483,RT,1,DR-B',
  'PT-7001,2026-08-20,64483,LT,1,DR-B',
].join('\n')

test('imported lumbar epidurals by another provider count toward the 4 / 4 limit of a new worksheet', async ({ page }) => {
  await page.goto('/#/history/import')
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link', { name: 'Import history' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('heading', { name: 'Import claim history' })).toBeVisible()

  await page.getByLabel('Claim history file (CSV)').setInputFiles({ name: 'pm-export.csv', mimeType: 'text/csv', buffer: Buffer.from(HISTORY_CSV) })
  const preview = page.getByRole('table', { name: /^Preview: first 3 of 3 lines/ })
  await expect(preview.getByRole('row')).toHaveCount(4)
  await expect(page.getByRole('combobox', { name: 'Date format' })).toHaveValue('YYYY-MM-DD')
  await expectNoAxeViolations(page, 'the import preview')

  await page.getByRole('button', { name: 'Import 3 lines' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Added 3 lines; 0 were already on file.' })).toBeVisible()
  const past = page.getByRole('table', { name: 'Past imports, newest first' })
  await expect(past.getByRole('row').nth(1)).toContainText('pm-export.csv')
  await expectNoAxeViolations(page, 'the import page after the import')
  // At 390 px the page itself does not scroll sideways (its tables scroll in their own boxes).
  await page.setViewportSize({ width: 390, height: 844 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.setViewportSize({ width: 1280, height: 720 })

  await nav.getByRole('link', { name: 'New worksheet' }).click()
  await expect(page).toHaveURL(/#\/worksheet\/[^/]+$/)
  await expect(page.getByTestId('claim-lines-empty')).toBeVisible()
  await addProvider(page, 'DR-A', 'Dr. Ada Lane')
  await fillHeader(page, { patient: 'PT-7001', dateOfService: '2026-10-14', provider: 'Dr. Ada Lane', diagnoses: ['M54.16'] })
  await expect(encounterForm(page).getByLabel('Patient account')).toHaveValue('PT-7001')
  await addL5S1RightTransforaminal(page)

  const counter = frequencyCounter(page, 'Epidural steroid injection · lumbar/sacral')
  await expect(counter).toContainText('4 / 4 in a rolling 12 months')
  await expect(counter.getByRole('list', { name: /^Sessions counted for / }).getByRole('listitem')).toHaveText([
    '2026-02-10 64483 by DR-B',
    '2026-05-12 64483 by DR-B',
    '2026-08-20 64483 by DR-B',
    '2026-10-14 64483 by DR-A (this encounter)',
  ])
})

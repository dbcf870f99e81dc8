import { expect, expectNoAxeViolations, test } from './support/test.ts'
import {
  addL5S1RightTransforaminal, addProcedure, addProvider, choose, encounterForm, expectClaimLines, fillHeader, finalize, frequencyCounter, openNewWorksheet, pickLevel, resultsPanel,
} from './support/worksheet.ts'

// Issue 3, proof 4: a finalized encounter counts in the patient's later frequency checks.

test('after finalizing an epidural, the next encounter for the patient counts 2 sessions and lists the earlier date', async ({ page }) => {
  await openNewWorksheet(page)
  await addProvider(page, 'DR-A', 'Dr. Ada Lane')
  await fillHeader(page, { patient: 'PT-2001', dateOfService: '2026-09-01', provider: 'Dr. Ada Lane', diagnoses: ['M54.16'] })
  await addL5S1RightTransforaminal(page)

  const counter = frequencyCounter(page, 'Epidural steroid injection · lumbar/sacral')
  await expect(counter).toContainText('1 / 4 in a rolling 12 months')
  await expect(counter.getByRole('list', { name: /^Sessions counted for / }).getByRole('listitem')).toHaveText(['2026-09-01 64483 by DR-A (this encounter)'])

  await finalize(page)
  await expect(page.getByRole('status').filter({ hasText: /^Finalized PT-2001 on 2026-09-01/ })).toBeVisible()
  // Finalizing opens a new, empty worksheet (the provider is picked again).
  await expect(page.getByTestId('claim-lines-empty')).toBeVisible()
  await expect(encounterForm(page).getByLabel('Patient account')).toHaveValue('')

  await fillHeader(page, { patient: 'PT-2001', dateOfService: '2026-10-14', provider: 'Dr. Ada Lane', diagnoses: ['M54.16'] })
  const second = await addProcedure(page, 'epidural')
  await choose(second, 'Approach', 'Transforaminal')
  await choose(second, 'Guidance', 'Fluoroscopy')
  await pickLevel(second, 'L4-L5', 'Left')
  await expectClaimLines(page, ['64483 LT ×1'])

  const next = frequencyCounter(page, 'Epidural steroid injection · lumbar/sacral')
  await expect(next).toContainText('2 / 4 in a rolling 12 months')
  await expect(next.getByText('Within the limit')).toBeVisible()
  await expect(next.getByRole('list', { name: /^Sessions counted for / }).getByRole('listitem')).toHaveText([
    '2026-09-01 64483 by DR-A',
    '2026-10-14 64483 by DR-A (this encounter)',
  ])
  await expect(resultsPanel(page).getByRole('heading', { name: 'Frequency limits' })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('the finalize dialog asks for a reason when an error remains, and is accessible', async ({ page }) => {
  await openNewWorksheet(page)
  await addProvider(page, 'DR-B', 'Dr. Ben Ortiz')
  await fillHeader(page, { patient: 'PT-2002', dateOfService: '2026-10-14', provider: 'Dr. Ben Ortiz' })
  const card = await addProcedure(page, 'facet injection')
  await pickLevel(card, 'L4-L5', 'Both')
  // A second, empty facet entry leaves an error (no level) on the worksheet.
  await addProcedure(page, 'facet injection')
  await expect(resultsPanel(page).getByRole('heading', { name: /^Errors \([1-9]\d*\)$/ })).toBeVisible()

  await page.keyboard.press('Control+Enter')
  const dialog = page.getByRole('dialog', { name: 'Finalize this encounter' })
  await expect(dialog).toBeVisible()
  const reason = dialog.getByRole('textbox', { name: /^Why finalize with \d+ errors?\? \(required\)$/ })
  const confirm = dialog.getByRole('button', { name: 'Finalize', exact: true })
  await expect(reason).toBeVisible()
  await expect(confirm).toBeDisabled()
  await reason.fill('too short')
  await expect(confirm).toBeDisabled()
  await reason.fill('Second entry is a duplicate; supervisor to confirm.')
  await expect(confirm).toBeEnabled()
  await expectNoAxeViolations(page, 'the finalize dialog')

  await dialog.getByRole('button', { name: 'Keep editing' }).click()
  await expect(dialog).toBeHidden()
  await expectNoAxeViolations(page)
})

test("a new worksheet shows the practice's only provider as picked", async ({ page }) => {
  await openNewWorksheet(page)
  await addProvider(page, 'DR-A', 'Dr. Ada Lane')
  await page.getByRole('toolbar', { name: 'Worksheet actions' }).getByRole('button', { name: 'New worksheet' }).click()
  await expect(page.getByRole('listitem').filter({ hasText: 'Pick the rendering provider' })).toHaveCount(0)
  await expect(encounterForm(page).getByLabel('Rendering provider')).toHaveValue('DR-A', { timeout: 2_000 })
})

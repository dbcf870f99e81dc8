import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, expectNoAxeViolations, test } from './support/test.ts'
import { addProcedure, choose, expectClaimLines, fillHeader, finding, openNewWorksheet, pickLevel } from './support/worksheet.ts'

// The ICD-10-CM order file and the MCD article download loaded on the diagnosis lists page feed
// the worksheet's diagnosis search and its coverage check. The order-file fixture is an excerpt
// of FY2023; the file does not carry its year, so it is loaded as FY2027 (2026-10-01 to
// 2027-09-30) to cover the date of service. Article 99901 (synthetic) covers 64483 for the
// lumbar radiculopathy codes of its group 1, not for low back pain.

const ORDER_FILE = readFileSync(join(process.cwd(), 'src/domain/icd10/fixtures/icd10cm-order-2023-excerpt.txt'))
const ARTICLE_FILES = ['article.csv', 'article_x_hcpc_code.csv', 'article_x_icd10_covered.csv', 'article_x_icd10_covered_group.csv']
  .map((name) => ({ name, mimeType: 'text/csv', buffer: readFileSync(join(process.cwd(), 'src/domain/coverage/fixtures', name)) }))

test('a diagnosis picked by words is checked against the epidural article: the finding appears and clears with a covered code', async ({ page }) => {
  await openNewWorksheet(page)
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: 'Diagnosis lists' }).click()
  await expect(page).toHaveURL(/#\/reference\/diagnoses$/)
  await expect(page.getByRole('heading', { name: 'Diagnosis lists' })).toBeVisible()
  await expectNoAxeViolations(page, 'the diagnosis lists page before loading')

  await page.getByLabel('Fiscal year (October 1 to September 30)').fill('2027')
  await page.getByLabel('Order file (icd10cm_order_YYYY.txt)').setInputFiles({ name: 'icd10cm_order_2023.txt', mimeType: 'text/plain', buffer: ORDER_FILE })
  await page.getByRole('button', { name: 'Load code set' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Loaded FY2027 October release: 25 codes, for dates of service 2026-10-01 to 2027-09-30.' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Loaded ICD-10-CM code sets, newest first' }).getByRole('row').nth(1)).toContainText('2026-10-01 to 2027-09-30')

  await page.getByLabel('Article download files (CSV)').setInputFiles(ARTICLE_FILES)
  await page.getByRole('button', { name: 'Load articles' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Loaded 2 articles: / })).toBeVisible()
  const epidural = page.getByRole('group', { name: 'Epidural injections: articles the practice follows' })
  await epidural.getByRole('checkbox', { name: /99901/ }).click()
  await expect(epidural.getByRole('checkbox', { name: /99901/ })).toBeChecked()
  await expectNoAxeViolations(page, 'the diagnosis lists page after loading')

  await openNewWorksheet(page)
  await fillHeader(page, { patient: 'PT-9101', dateOfService: '2026-10-14' })
  const card = await addProcedure(page, 'epidural')
  await choose(card, 'Approach', 'Transforaminal')
  await choose(card, 'Guidance', 'Fluoroscopy')
  await pickLevel(card, 'L5-S1', 'Right')
  await expectClaimLines(page, ['64483 RT ×1'])

  const first = page.getByRole('combobox', { name: 'Diagnosis 1' })
  await first.pressSequentially('other low back')
  const options = page.getByRole('listbox', { name: 'Matching ICD-10-CM codes' }).getByRole('option')
  await expect(options.filter({ hasText: 'M54.59 Other low back pain' })).toBeVisible()
  await expectNoAxeViolations(page, 'the worksheet with the diagnosis search open')
  await options.filter({ hasText: 'M54.59 Other low back pain' }).click()
  await expect(first).toHaveValue('M54.59')
  const coverage = finding(page, 'DX-COVERAGE')
  await expect(coverage).toContainText("None of the diagnoses (M54.59) is on article")
  await expect(coverage).toContainText('64483')

  await page.getByRole('button', { name: 'Add diagnosis' }).click()
  const second = page.getByRole('combobox', { name: 'Diagnosis 2' })
  await second.pressSequentially('radiculopathy lumbar')
  await expect(options.filter({ hasText: 'M54.16 Radiculopathy, lumbar region' })).toBeVisible()
  await options.filter({ hasText: 'M54.16 Radiculopathy, lumbar region' }).click()
  await expect(second).toHaveValue('M54.16')
  await expect(finding(page, 'DX-COVERAGE')).toHaveCount(0)
  await expectNoAxeViolations(page, 'the worksheet with a covered diagnosis')
})

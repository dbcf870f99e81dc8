import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, expectNoAxeViolations, test } from './support/test.ts'
import { addDrug, addProcedure, choose, expectClaimLines, expectDraftSaved, fillHeader, finding, openNewWorksheet, pickLevel } from './support/worksheet.ts'

// A practitioner MUE table loaded on the NCCI tables page is used by the worksheet's NCCI-MUE check.
// In the fixture, J3301 (triamcinolone, per 10 mg) has an MUE of 16 per line (MAI 1): 200 mg bills 20 units.

const MUE_CSV = readFileSync(join(process.cwd(), 'src/domain/ncci/fixtures/mue-practitioner-2026q4.csv'))

test('a loaded 2026Q4 MUE table turns "not loaded" into an NCCI-MUE error on a worksheet of 2026-10-14', async ({ page }) => {
  await openNewWorksheet(page)
  await fillHeader(page, { patient: 'PT-8001', dateOfService: '2026-10-14', diagnoses: ['M54.16'] })
  const card = await addProcedure(page, 'epidural')
  await choose(card, 'Approach', 'Transforaminal')
  await choose(card, 'Guidance', 'Fluoroscopy')
  await pickLevel(card, 'L5-S1', 'Right')
  await addDrug(page, { code: 'J3301', dose: 200, unit: 'mg' })
  await expectClaimLines(page, ['64483 RT ×1', 'J3301 ×20'])
  await page.getByRole('button', { name: /^Show \d+ info notes?$/ }).click()
  await expect(finding(page, 'NCCI-NOT-LOADED').filter({ hasText: 'No NCCI MUE table is loaded' })).toHaveCount(1)
  await expect(finding(page, 'NCCI-MUE')).toHaveCount(0)
  await expectDraftSaved(page)
  const worksheetUrl = page.url()

  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: 'NCCI tables' }).click()
  await expect(page).toHaveURL(/#\/reference\/ncci$/)
  await expect(nav.getByRole('link', { name: 'NCCI tables' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('heading', { name: 'NCCI tables' })).toBeVisible()
  await expect(page.getByText('No loaded MUE table covers today; findings will say MUE edits were not checked.')).toBeVisible()
  await expect(page.getByLabel('MUE quarter (YYYYQn)')).toHaveValue('2026Q4')
  await expectNoAxeViolations(page, 'the NCCI tables page before loading')

  await page.getByLabel('Practitioner MUE file (CSV)').setInputFiles({ name: 'MCR_MUE_PractitionerServices_Eff_10-01-2026.csv', mimeType: 'text/csv', buffer: MUE_CSV })
  await page.getByRole('button', { name: 'Load MUE table' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Loaded 2026Q4 MUE: \d+ codes$/ })).toBeVisible()
  const list = page.getByRole('table', { name: 'Loaded NCCI tables, newest quarter first' })
  await expect(list.getByRole('row').nth(1)).toContainText('2026-10-01 to 2026-12-31')
  await expect(list.getByRole('row').nth(1)).toContainText('loaded today')
  await expect(page.getByText(/No loaded MUE table covers today/)).toHaveCount(0)
  await expectNoAxeViolations(page, 'the NCCI tables page after loading')
  await page.setViewportSize({ width: 390, height: 844 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.setViewportSize({ width: 1280, height: 720 })

  await page.goto(worksheetUrl)
  await expectClaimLines(page, ['64483 RT ×1', 'J3301 ×20'])
  const mue = finding(page, 'NCCI-MUE')
  await expect(mue).toContainText('J3301 is billed with 20 unit(s); the practitioner MUE is 16 per line (table 2026Q4)')
  await page.getByRole('button', { name: /^Show \d+ info notes?$/ }).click()
  await expect(finding(page, 'NCCI-NOT-LOADED').filter({ hasText: 'No NCCI PTP table is loaded' })).toHaveCount(1)
  await expect(finding(page, 'NCCI-NOT-LOADED').filter({ hasText: 'No NCCI MUE table is loaded' })).toHaveCount(0)
})

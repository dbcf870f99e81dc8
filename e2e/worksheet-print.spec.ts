import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './support/test.ts'
import {
  addProcedure, addProvider, encounterForm, expectClaimLines, fillHeader, openNewWorksheet, pickLevel, resultsPanel, toolbar,
} from './support/worksheet.ts'

// Issue 3, proof 6: the print view is the claim and its checks on paper, without the editing chrome.

async function codeRfa(page: Page): Promise<void> {
  await openNewWorksheet(page)
  await addProvider(page, 'DR-A', 'Dr. Ada Lane')
  await fillHeader(page, { patient: 'PT-6001', dateOfService: '2026-10-14', provider: 'Dr. Ada Lane', diagnoses: ['M47.816'] })
  const card = await addProcedure(page, 'RFA')
  await pickLevel(card, 'L4-L5', 'Right')
  await pickLevel(card, 'L5-S1', 'Right')
  await expectClaimLines(page, ['64635 RT ×1', '64636 RT ×1'])
}

/** Pages in a PDF: its page objects ("/Type /Page", not the "/Type /Pages" tree). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
}

test('the print view hides the editing chrome, keeps the claim lines, and prints on one page', async ({ page }) => {
  await codeRfa(page)
  await page.emulateMedia({ media: 'print' })

  const hidden = page.locator('[data-print="hide"]')
  expect(await hidden.count()).toBeGreaterThan(0)
  for (const element of await hidden.all()) await expect(element).toBeHidden()
  await expect(toolbar(page)).toBeHidden()
  await expect(encounterForm(page)).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
  await expect(page.getByRole('button')).toHaveCount(0)

  await expect(resultsPanel(page).getByRole('heading', { name: 'Claim and checks' })).toBeVisible()
  const table = page.getByTestId('claim-lines')
  await expect(table).toBeVisible()
  await expect(table.getByRole('row')).toHaveCount(3)
  await expect(resultsPanel(page).getByRole('heading', { name: 'Frequency limits' })).toBeVisible()
  await expectNoAxeViolations(page, 'the print view')

  const pdf = await page.pdf({ format: 'Letter', printBackground: false })
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdfPageCount(pdf)).toBe(1)

  // Back on screen, everything is there again.
  await page.emulateMedia({ media: 'screen' })
  await expect(toolbar(page)).toBeVisible()
  await expect(encounterForm(page)).toBeVisible()
  await expectNoAxeViolations(page)
})

test('the printed page names the patient, date of service and provider', async ({ page }) => {
  // Regression: the print-only header must not be hidden in print.
  await codeRfa(page)
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByText(/^Patient PT-6001 · DOS 2026-10-14 · Provider DR-A · Payer medicare · Printed \d{4}-\d{2}-\d{2}$/)).toBeVisible({ timeout: 2_000 })
})

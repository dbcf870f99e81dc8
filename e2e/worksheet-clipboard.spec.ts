import { expect, expectNoAxeViolations, test } from './support/test.ts'
import { addDrug, addProcedure, expectClaimLines, fillHeader, openNewWorksheet, pickLevel, toolbar } from './support/worksheet.ts'

// Issue 3, proof 8: the claim lines go to the clipboard as tab-separated rows for the
// practice-management system's line grid.

test.beforeEach(async ({ context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL ?? 'http://127.0.0.1:4173' })
})

test('Alt+C copies the claim lines as tab-separated rows', async ({ page }) => {
  await openNewWorksheet(page)
  await fillHeader(page, { patient: 'PT-8001', dateOfService: '2026-10-14' })
  const card = await addProcedure(page, 'facet injection')
  await pickLevel(card, 'L4-L5', 'Both')
  await pickLevel(card, 'L5-S1', 'Left')
  await addDrug(page, { code: 'J3301', dose: 40, unit: 'mg' })
  await expectClaimLines(page, ['64493 50 KX ×1', '64494 LT KX ×1', 'J3301 ×4'])

  await page.keyboard.press('Alt+C')
  await expect(page.getByRole('status').filter({ hasText: 'Copied 3 lines to the clipboard.' })).toBeVisible()
  const text = await page.evaluate(() => navigator.clipboard.readText())
  // One row per line, no header and no trailing newline: code, modifiers, units, label, Box 19,
  // diagnosis pointers and the codes they point to.
  expect(text.endsWith('\n')).toBe(false)
  const rows = text.split('\n').map((row) => row.split('\t'))
  expect(rows.map((cells) => cells.length)).toEqual([7, 7, 7])
  expect(rows.map((cells) => cells.slice(0, 3))).toEqual([
    ['64493', '50 KX', '1'],
    ['64494', 'LT KX', '1'],
    ['J3301', '', '4'],
  ])
  for (const cells of rows) expect(cells[3]).not.toBe('')
  await expectNoAxeViolations(page)
})

test('the Copy lines button copies the same rows', async ({ page }) => {
  await openNewWorksheet(page)
  const card = await addProcedure(page, 'RFA')
  await pickLevel(card, 'L4-L5', 'Right')
  await expectClaimLines(page, ['64635 RT ×1'])
  await toolbar(page).getByRole('button', { name: 'Copy lines' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Copied 1 line to the clipboard.' })).toBeVisible()
  const text = await page.evaluate(() => navigator.clipboard.readText())
  expect(text.split('\t').slice(0, 3)).toEqual(['64635', 'RT', '1'])
  await expectNoAxeViolations(page)
})

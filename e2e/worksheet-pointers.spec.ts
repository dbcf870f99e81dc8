import { readFile } from 'node:fs/promises'
import { draftIdOf, readStoredDraft } from './support/storage.ts'
import { expect, expectNoAxeViolations, test } from './support/test.ts'
import {
  addDrug, addProcedure, expectClaimLines, expectDraftSaved, fillHeader, finding, openNewWorksheet, pickLevel, toolbar,
} from './support/worksheet.ts'

// Issue 14: diagnosis pointers (CMS-1500 box 24E). Each line points by letter to the diagnoses of
// box 21; the worksheet defaults them per family, the coder can change them, and the copy, the
// CSV export and the draft carry them.

// Long journeys with several axe scans: room for a busy machine.
test.describe.configure({ timeout: 120_000 })

test.beforeEach(async ({ context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL ?? 'http://127.0.0.1:4173' })
})

test('default pointers per family, a changed pointer in the copy and the export, kept in the draft after a reload', async ({ page }) => {
  await openNewWorksheet(page)
  await fillHeader(page, { patient: 'PT-9201', dateOfService: '2026-10-14', diagnoses: ['M54.50', 'M47.816'] })
  const card = await addProcedure(page, 'facet injection')
  await pickLevel(card, 'L4-L5', 'Right')
  await addDrug(page, { code: 'J3301', dose: 40, unit: 'mg' })
  await expectClaimLines(page, ['64493 RT KX ×1', 'J3301 ×4'])

  // The diagnosis list and box 21 show the letters; the facet line points first to the spondylosis (B).
  await expect(page.getByTestId('diagnosis-letter-0')).toHaveText('A')
  await expect(page.getByTestId('diagnosis-letter-1')).toHaveText('B')
  await expect(page.getByRole('list', { name: 'Diagnoses (box 21)' }).getByRole('listitem')).toHaveText(['A M54.50', 'B M47.816'])
  await expect(page.getByRole('columnheader', { name: 'Dx pointer' })).toBeVisible()
  await expect(page.getByTestId('line-pointers-0')).toHaveText('BA')
  await expect(page.getByTestId('line-pointers-1')).toHaveText('AB')
  await expectNoAxeViolations(page, 'the worksheet with default pointers')

  const change = page.getByRole('button', { name: 'Change the diagnosis pointers of line 1, 64493 RT KX' })
  await change.click()
  const editor = page.getByRole('group', { name: 'Diagnosis pointers for 64493 RT KX' })
  await expect(editor.getByRole('checkbox', { name: /^A M54\.50/ })).toBeFocused()
  await expectNoAxeViolations(page, 'the pointer editor open')
  await page.keyboard.press('Space')
  await expect(page.getByTestId('line-pointers-0')).toHaveText('B')
  await expect(editor.getByRole('checkbox', { name: /^B M47\.816/ })).toBeDisabled()
  await page.keyboard.press('Escape')
  await expect(editor).toHaveCount(0)
  await expect(change).toBeFocused()
  await expect(page.getByTestId('claim-lines').getByText('(chosen)')).toHaveCount(1)

  await page.keyboard.press('Alt+C')
  await expect(page.getByRole('status').filter({ hasText: 'Copied 2 lines to the clipboard.' })).toBeVisible()
  const rows = (await page.evaluate(() => navigator.clipboard.readText())).split('\n').map((row) => row.split('\t'))
  expect(rows.map((cells) => [cells[0], cells[5], cells[6]])).toEqual([['64493', 'B', 'M47.816'], ['J3301', 'AB', 'M54.50 M47.816']])

  const download = page.waitForEvent('download')
  await toolbar(page).getByRole('button', { name: 'Export CSV' }).click()
  const csv = (await readFile(await (await download).path(), 'utf8')).split('\r\n')
  expect(csv[0]).toBe('Patient account,Date of service,Provider,Line,Code,Modifiers,Units,Label,Box 19,Dx pointer,Diagnoses,Box 21')
  expect(csv[1]).toMatch(/^PT-9201,2026-10-14,.*,1,64493,RT KX,1,.*,,B,M47\.816,A M54\.50; B M47\.816$/)
  expect(csv[2]).toMatch(/,J3301,,4,.*,,AB,M54\.50 M47\.816,A M54\.50; B M47\.816$/)

  await expectDraftSaved(page)
  const draftId = draftIdOf(page)
  await expect.poll(async () => JSON.stringify((await readStoredDraft(page, draftId))?.values ?? {}))
    .toContain('"linePointers":[{"code":"64493","modifiers":["RT","KX"],"diagnoses":["M47.816"]}]')
  await page.reload()
  await expectClaimLines(page, ['64493 RT KX ×1', 'J3301 ×4'])
  await expect(page.getByTestId('line-pointers-0')).toHaveText('B')
  await expect(page.getByTestId('line-pointers-1')).toHaveText('AB')

  // Removing the first diagnosis leaves the facet line on its spondylosis, now letter A.
  await page.getByRole('button', { name: 'Remove diagnosis 1' }).click()
  await expect(page.getByRole('list', { name: 'Diagnoses (box 21)' }).getByRole('listitem')).toHaveText(['A M47.816'])
  await expect(page.getByTestId('line-pointers-0')).toHaveText('A')

  // Injected on both sides, the line is 64493 50 KX: the old choice no longer applies and can be forgotten.
  await pickLevel(card, 'L4-L5', 'Both')
  await expectClaimLines(page, ['64493 50 KX ×1', 'J3301 ×4'])
  const unmatched = finding(page, 'DX-POINTER-UNMATCHED')
  await expect(unmatched).toContainText('Pointers were chosen for 64493 RT KX')
  await expectNoAxeViolations(page, 'the worksheet with an unmatched pointer choice')
  await unmatched.getByRole('button', { name: 'Forget the pointers chosen for 64493 RT KX' }).click()
  await expect(finding(page, 'DX-POINTER-UNMATCHED')).toHaveCount(0)
})

test('the print view carries box 21 lettered and the pointer column, without the change buttons', async ({ page }) => {
  await openNewWorksheet(page)
  await fillHeader(page, { patient: 'PT-9202', dateOfService: '2026-10-14', diagnoses: ['M54.16', 'M47.816'] })
  const card = await addProcedure(page, 'facet injection')
  await pickLevel(card, 'L5-S1', 'Left')
  await expectClaimLines(page, ['64493 LT KX ×1'])
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('list', { name: 'Diagnoses (box 21)' }).getByRole('listitem')).toHaveText(['A M54.16', 'B M47.816'])
  await expect(page.getByRole('columnheader', { name: 'Dx pointer' })).toBeVisible()
  await expect(page.getByTestId('line-pointers-0')).toHaveText('BA')
  await expect(page.getByRole('button')).toHaveCount(0)
  await expectNoAxeViolations(page, 'the print view with pointers')
})

import { expect, expectNoAxeViolations, test } from './support/test.ts'
import {
  addProcedure, choose, expectClaimLines, fillHeader, finding, groupHeadingOf, openNewWorksheet, pickLevel,
  setMuscle, typeLevels,
} from './support/worksheet.ts'

// Issue 3, proof 2: the billing guide's denial scenarios, each caught on screen with its finding.

test.beforeEach(async ({ page }) => {
  await openNewWorksheet(page)
  await fillHeader(page, { patient: 'PT-1002', dateOfService: '2026-10-14' })
})

test('a facet level without a side is an error; the one-click fix sets it and the line gets LT', async ({ page }) => {
  const card = await addProcedure(page, 'facet injection')
  // "No letter" is the only way to enter a facet level without a side: the chips always carry one.
  await typeLevels(card, 'L4-L5')
  await expect(card.getByText('Selected: L4-L5 side not documented')).toBeVisible()

  // The line goes out without a side modifier until the side is known.
  await expectClaimLines(page, ['64493 KX ×1'])
  const missingSide = finding(page, 'FAC-SIDE-MISSING')
  await expect(missingSide).toBeVisible()
  expect(await groupHeadingOf(missingSide)).toMatch(/^Errors \(\d+\)$/)

  // "Why?" opens the facts the rule used.
  const why = missingSide.getByRole('button', { name: 'Why? (FAC-SIDE-MISSING)' })
  await why.click()
  await expect(why).toHaveAttribute('aria-expanded', 'true')
  await expect(missingSide.getByRole('term')).toHaveText(['level:', 'side:'])
  await expect(missingSide.getByRole('definition')).toHaveText(['L4-L5', 'not recorded'])
  await expect(missingSide.getByText(/^Lines: 64493/)).toBeVisible()

  await missingSide.getByRole('button', { name: 'Set L4-L5 to left' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Applied: Set L4-L5 to left.' })).toBeVisible()
  await expect(finding(page, 'FAC-SIDE-MISSING')).toHaveCount(0)
  await expect(card.getByRole('radio', { name: 'L4-L5 Left', exact: true })).toBeChecked()
  await expectClaimLines(page, ['64493 LT KX ×1'])
  await expectNoAxeViolations(page)
})

test('an interlaminar epidural asked bilateral is a warning, and 62323 carries no 50', async ({ page }) => {
  const card = await addProcedure(page, 'epidural')
  await choose(card, 'Approach', 'Interlaminar')
  await choose(card, 'Guidance', 'Fluoroscopy')
  await pickLevel(card, 'L4-L5', 'Both')

  const bilateral = finding(page, 'ESI-IL-BILATERAL')
  await expect(bilateral).toBeVisible()
  expect(await groupHeadingOf(bilateral)).toMatch(/^Warnings \(\d+\)$/)
  await expectClaimLines(page, ['62323 ×1'])
  await expectNoAxeViolations(page)
})

test('trigger points in four muscles entered as two procedures make one 20553 ×1 line', async ({ page }) => {
  const first = await addProcedure(page, 'trigger point')
  await setMuscle(first, 1, { muscle: 'trapezius', side: 'Left', injections: 2 })
  await setMuscle(first, 2, { muscle: 'levator scapulae', side: 'Left', injections: 1 })
  await expectClaimLines(page, ['20552 ×1'])

  const second = await addProcedure(page, 'trigger point')
  await setMuscle(second, 1, { muscle: 'rhomboid', side: 'Right', injections: 1 })
  await setMuscle(second, 2, { muscle: 'infraspinatus', side: 'Right', injections: 3 })
  await expect(second.getByText('4 distinct muscles (muscle + side) → 20553 (all trigger point injection entries together: one line for the date)')).toBeVisible()
  await expectClaimLines(page, ['20553 ×1'])
  await expectNoAxeViolations(page)
})

test('changing an epidural from interlaminar to transforaminal turns 62323 into 64483 RT', async ({ page }) => {
  const card = await addProcedure(page, 'epidural')
  await choose(card, 'Approach', 'Interlaminar')
  await choose(card, 'Guidance', 'Fluoroscopy')
  await pickLevel(card, 'L5-S1', 'Right')
  await expectClaimLines(page, ['62323 ×1'])

  await choose(card, 'Approach', 'Transforaminal')
  await expect(card.getByRole('radio', { name: 'L5-S1 Right', exact: true })).toBeChecked()
  await expectClaimLines(page, ['64483 RT ×1'])
  await expectNoAxeViolations(page)
})

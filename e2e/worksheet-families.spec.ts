import { expect, expectNoAxeViolations, test } from './support/test.ts'
import {
  addDrug, addL5S1RightTransforaminal, addProcedure, choose, encounterForm, expectClaimLines, fillHeader, openNewWorksheet, pickLevel, setMuscle,
} from './support/worksheet.ts'

// Issue 3, proof 1: one journey per procedure family, from an empty worksheet to the lines the
// billing guide expects. The defaults are the case in the guide: Medicare, professional claim,
// place of service 11 (office).

test.beforeEach(async ({ page }) => {
  await openNewWorksheet(page)
  const form = encounterForm(page)
  await expect(form.getByLabel('Payer profile')).toHaveValue('medicare')
  await expect(form.getByLabel('Claim type')).toHaveValue('professional')
  await expect(form.getByLabel('Place of service')).toHaveValue('11')
  await fillHeader(page, { patient: 'PT-1001', dateOfService: '2026-10-14' })
})

test('trigger points: two muscles give one 20552, a third muscle makes it 20553', async ({ page }) => {
  const card = await addProcedure(page, 'trigger point')
  await setMuscle(card, 1, { muscle: 'gastrocnemius', side: 'Left', injections: 4 })
  await setMuscle(card, 2, { muscle: 'soleus', side: 'Left', injections: 2 })
  // The guide's example: six injections in two muscles are one line of one unit.
  await expect(card.getByText('2 distinct muscles (muscle + side) → 20552')).toBeVisible()
  await expectClaimLines(page, ['20552 ×1'])

  await setMuscle(card, 3, { muscle: 'tibialis anterior', side: 'Left', injections: 1 })
  await expect(card.getByText('3 distinct muscles (muscle + side) → 20553')).toBeVisible()
  await expectClaimLines(page, ['20553 ×1'])
  await expectNoAxeViolations(page)
})

test('diagnostic facet injection under fluoroscopy: L4-L5 both and L5-S1 left', async ({ page }) => {
  const card = await addProcedure(page, 'facet injection')
  await choose(card, 'Purpose', 'Diagnostic')
  await choose(card, 'Guidance', 'Fluoroscopy')
  await pickLevel(card, 'L4-L5', 'Both')
  await pickLevel(card, 'L5-S1', 'Left')
  await expect(card.getByText('Selected: L4-L5 both sides, L5-S1 left')).toBeVisible()
  await expectClaimLines(page, ['64493 50 KX ×1', '64494 LT KX ×1'])
  await expectNoAxeViolations(page)
})

test('radiofrequency ablation: L4-L5 right and L5-S1 right', async ({ page }) => {
  const card = await addProcedure(page, 'RFA')
  await pickLevel(card, 'L4-L5', 'Right')
  await pickLevel(card, 'L5-S1', 'Right')
  await expectClaimLines(page, ['64635 RT ×1', '64636 RT ×1'])
  await expectNoAxeViolations(page)
})

test('transforaminal epidural at L5-S1 right under fluoroscopy, with triamcinolone 40 mg', async ({ page }) => {
  await addL5S1RightTransforaminal(page)

  await addDrug(page, { code: 'J3301', dose: 40, unit: 'mg' })
  await expect(page.getByRole('status', { name: 'Drug 1 billing units' })).toHaveText(/^4 units \(/)
  await expectClaimLines(page, ['64483 RT ×1', 'J3301 ×4'])
  await expectNoAxeViolations(page)
})

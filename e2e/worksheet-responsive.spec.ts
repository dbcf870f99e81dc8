import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './support/test.ts'
import {
  addDrug, addProcedure, expectClaimLines, expectDraftSaved, fillHeader, finding, openNewWorksheet, pickLevel, resultsPanel, setMuscle,
  typeLevels,
} from './support/worksheet.ts'

// Issue 3, proof 9: a phone and a laptop screen, no horizontal scroll and no axe violation,
// on a worksheet filled with one of everything (long labels, tables, findings opened).

const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 720 },
] as const

async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }
  })
  expect(scrollWidth, `${where}: page width ${scrollWidth}px in a ${clientWidth}px viewport`).toBeLessThanOrEqual(clientWidth)
}

for (const viewport of viewports) {
  test.describe(`${viewport.name} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } })

    test('a full worksheet has no horizontal scroll and no axe violation', async ({ page }) => {
      await openNewWorksheet(page)
      await expectNoHorizontalScroll(page, 'the empty worksheet')
      await expectNoAxeViolations(page, 'the empty worksheet')

      await fillHeader(page, { patient: 'PT-9001-LONG-ACCOUNT-NUMBER-0123456789', dateOfService: '2026-10-14', diagnoses: ['M47.816', 'M54.16'] })
      const tpi = await addProcedure(page, 'trigger point')
      await setMuscle(tpi, 1, { muscle: 'sternocleidomastoid', side: 'Bilateral', injections: 3 })
      const facet = await addProcedure(page, 'facet injection')
      await typeLevels(facet, 'L3-L4')
      await pickLevel(facet, 'L4-L5', 'Both')
      const epidural = await addProcedure(page, 'epidural')
      await pickLevel(epidural, 'L5-S1', 'Right')
      await addDrug(page, { code: 'J3301', dose: 40, unit: 'mg' })
      await expect(finding(page, 'FAC-SIDE-MISSING')).toBeVisible()
      await expectClaimLines(page, ['20552 ×1', '64493 KX ×1', '64494 50 KX ×1', '64483 RT ×1', 'J3301 ×4'])

      // Open every disclosure of the results panel, so the longest content is on screen.
      const results = resultsPanel(page)
      for (const why of await results.getByRole('button', { name: /^Why\?/ }).all()) await why.click()
      await results.getByRole('button', { name: /^Show the \d+ documentation items$/ }).click()
      await results.getByRole('button', { name: /^Show \d+ info notes?$/ }).click()
      await page.getByRole('button', { name: 'Compare payer profiles' }).click()

      await expectNoHorizontalScroll(page, 'the filled worksheet')
      await expectNoAxeViolations(page, 'the filled worksheet')
    })

    test('the dialogs fit', async ({ page }) => {
      await openNewWorksheet(page)
      await page.getByRole('button', { name: 'Manage providers…' }).click()
      await expect(page.getByRole('dialog', { name: 'Rendering providers' })).toBeVisible()
      await expectNoHorizontalScroll(page, 'the providers dialog')
      await expectNoAxeViolations(page, 'the providers dialog')
      await page.keyboard.press('Escape')

      await page.keyboard.press('Alt+H')
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
      await expectNoHorizontalScroll(page, 'the shortcuts dialog')
      await expectNoAxeViolations(page, 'the shortcuts dialog')
    })

    test('the Drafts page fits', async ({ page }) => {
      // Regression: the drafts table scrolls inside its own box on a phone, not the page.
      await openNewWorksheet(page)
      await fillHeader(page, { patient: 'PT-9002', dateOfService: '2026-10-14' })
      await expectDraftSaved(page)
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drafts' }).click()
      await expect(page.getByRole('table', { name: 'Saved drafts' }).getByRole('row').filter({ hasText: 'PT-9002' })).toBeVisible()
      await expectNoAxeViolations(page, 'the Drafts page')
      await expectNoHorizontalScroll(page, 'the Drafts page')
    })
  })
}

test('a checked level chip under the pointer keeps readable contrast', async ({ page }) => {
  // Regression: the hover background used to override the checked one (white on slate-100,
  // contrast 1.09), fixed in f9cf779 "Spine picker: a checked side keeps its colour under the mouse".
  await openNewWorksheet(page)
  const card = await addProcedure(page, 'RFA')
  await pickLevel(card, 'L5-S1', 'Right')
  const chip = card.locator('label').filter({ has: page.getByRole('radio', { name: 'L5-S1 Right', exact: true }) })
  await chip.hover()
  await expectNoAxeViolations(page, 'the picker with a checked chip hovered')
})

import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { draftSummary, expectStoredDraft } from './support/storage.ts'
import { expect, expectNoAxeViolations, test } from './support/test.ts'
import {
  addDrug, addProcedure, addProvider, choose, expectClaimLines, fillHeader, finalize, finding, formSnapshot,
  frequencyCounter, openNewWorksheet, pickLevel, procedureCard, setMuscle, toolbar, typeLevels,
} from './support/worksheet.ts'

// Issue 3, proof 10: one coder's whole session in one page (proofs 1 to 5 back to back). The
// recorder in support/test.ts sees every request of the session, the service worker's
// included, and fails the test if one leaves the app's origin.

async function newWorksheet(page: Page): Promise<void> {
  const before = page.url()
  await toolbar(page).getByRole('button', { name: 'New worksheet' }).click()
  await expect(page).not.toHaveURL(before)
  await expect(page.getByTestId('claim-lines-empty')).toBeVisible()
}

test('a whole coding session stays on 127.0.0.1', async ({ page, recorder, baseURL }) => {
  test.setTimeout(180_000)
  await openNewWorksheet(page)
  await addProvider(page, 'DR-A', 'Dr. Ada Lane')

  await test.step('1. one worksheet per family', async () => {
    await fillHeader(page, { patient: 'PT-1001', dateOfService: '2026-10-14', provider: 'Dr. Ada Lane' })
    const tpi = await addProcedure(page, 'trigger point')
    await setMuscle(tpi, 1, { muscle: 'gastrocnemius', side: 'Left', injections: 4 })
    await setMuscle(tpi, 2, { muscle: 'soleus', side: 'Left', injections: 2 })
    await expectClaimLines(page, ['20552 ×1'])
    await setMuscle(tpi, 3, { muscle: 'tibialis anterior', side: 'Left', injections: 1 })
    await expectClaimLines(page, ['20553 ×1'])

    await newWorksheet(page)
    await fillHeader(page, { patient: 'PT-1002', dateOfService: '2026-10-14', provider: 'Dr. Ada Lane' })
    const facet = await addProcedure(page, 'facet injection')
    await choose(facet, 'Purpose', 'Diagnostic')
    await pickLevel(facet, 'L4-L5', 'Both')
    await pickLevel(facet, 'L5-S1', 'Left')
    await expectClaimLines(page, ['64493 50 KX ×1', '64494 LT KX ×1'])

    await newWorksheet(page)
    await fillHeader(page, { patient: 'PT-1003', dateOfService: '2026-10-14', provider: 'Dr. Ada Lane' })
    const rfa = await addProcedure(page, 'RFA')
    await pickLevel(rfa, 'L4-L5', 'Right')
    await pickLevel(rfa, 'L5-S1', 'Right')
    await expectClaimLines(page, ['64635 RT ×1', '64636 RT ×1'])

    await newWorksheet(page)
    await fillHeader(page, { patient: 'PT-1004', dateOfService: '2026-10-14', provider: 'Dr. Ada Lane' })
    const esi = await addProcedure(page, 'epidural')
    await pickLevel(esi, 'L5-S1', 'Right')
    await addDrug(page, { code: 'J3301', dose: 40 })
    await expectClaimLines(page, ['64483 RT ×1', 'J3301 ×4'])
    await expectNoAxeViolations(page, 'the epidural worksheet')
  })

  await test.step('2. a denial caught and fixed in one click', async () => {
    await newWorksheet(page)
    const facet = await addProcedure(page, 'facet injection')
    await typeLevels(facet, 'L4-L5')
    await expect(finding(page, 'FAC-SIDE-MISSING')).toBeVisible()
    await finding(page, 'FAC-SIDE-MISSING').getByRole('button', { name: 'Set L4-L5 to left' }).click()
    await expect(finding(page, 'FAC-SIDE-MISSING')).toHaveCount(0)
    await expectClaimLines(page, ['64493 LT KX ×1'])
  })

  await test.step('3. reload restores the draft; Drafts lists it and Resume opens it', async () => {
    await newWorksheet(page)
    const url = page.url()
    await fillHeader(page, { patient: 'PT-3001', dateOfService: '2026-10-14' })
    const esi = await addProcedure(page, 'epidural')
    await pickLevel(esi, 'L4-L5', 'Left')
    await expectClaimLines(page, ['64483 LT ×1'])
    await expectStoredDraft(page, draftSummary, 'PT-3001 2026-10-14 | epidural L4-L5 left')
    await page.reload()
    await expect(page).toHaveURL(url)
    await expect(page.getByLabel('Patient account', { exact: true })).toHaveValue('PT-3001')
    await expectClaimLines(page, ['64483 LT ×1'])
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drafts' }).click()
    const drafts = page.getByRole('table', { name: 'Saved drafts' })
    for (const patient of ['PT-1001', 'PT-1002', 'PT-1003', 'PT-1004', 'PT-3001']) {
      await expect(drafts.getByRole('row').filter({ hasText: patient })).toHaveCount(1)
    }
    await expectNoAxeViolations(page, 'the Drafts page')
    await drafts.getByRole('button', { name: 'Resume draft for PT-3001 2026-10-14' }).click()
    await expect(page).toHaveURL(url)
    await expect(procedureCard(page, 1).getByRole('radio', { name: 'L4-L5 Left', exact: true })).toBeChecked()
  })

  await test.step('4. finalize, then the next encounter counts it', async () => {
    await newWorksheet(page)
    await fillHeader(page, { patient: 'PT-2001', dateOfService: '2026-09-01', provider: 'Dr. Ada Lane' })
    const first = await addProcedure(page, 'epidural')
    await pickLevel(first, 'L5-S1', 'Right')
    await expectClaimLines(page, ['64483 RT ×1'])
    await finalize(page)
    await expect(page.getByRole('status').filter({ hasText: /^Finalized PT-2001 on 2026-09-01/ })).toBeVisible()

    await fillHeader(page, { patient: 'PT-2001', dateOfService: '2026-10-14', provider: 'Dr. Ada Lane' })
    const second = await addProcedure(page, 'epidural')
    await pickLevel(second, 'L4-L5', 'Left')
    const counter = frequencyCounter(page, 'Epidural steroid injection · lumbar/sacral')
    await expect(counter).toContainText('2 / 4 in a rolling 12 months')
    await expect(counter.getByRole('list', { name: /^Sessions counted for / }).getByRole('listitem').first()).toHaveText('2026-09-01 64483 by DR-A')
    await expectNoAxeViolations(page, 'the second encounter')
  })

  await test.step('5. export, then import, gives the same encounter', async () => {
    const form = await formSnapshot(page)
    const download = page.waitForEvent('download')
    await toolbar(page).getByRole('button', { name: 'Export JSON' }).click()
    const file = await download
    const text = await readFile(await file.path(), 'utf8')

    await newWorksheet(page)
    await page.getByLabel('Import an encounter JSON file').setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) })
    await expect(page.getByRole('status').filter({ hasText: `Imported ${file.suggestedFilename()} as a new draft.` })).toBeVisible()
    await expectClaimLines(page, ['64483 LT ×1'])
    const withoutProvider = (rows: string[]) => rows.filter((row) => !row.startsWith('Rendering provider = '))
    expect(withoutProvider(await formSnapshot(page))).toEqual(withoutProvider(form))
    // The imported encounter still counts the finalized one.
    await expect(frequencyCounter(page, 'Epidural steroid injection · lumbar/sacral')).toContainText('2 / 4 in a rolling 12 months')

    await page.getByLabel('Import an encounter JSON file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{') })
    await expect(page.getByRole('alert').filter({ hasText: /^broken\.json: The file is not valid JSON/ })).toBeVisible()
    await expectNoAxeViolations(page, 'the imported worksheet with an import error')
  })

  const origin = new URL(baseURL ?? '').origin
  expect(origin).toBe('http://127.0.0.1:4173')
  // Assets, the manifest and the service worker's precache all came from the app's origin.
  expect(recorder.urls().filter((url) => url.startsWith(`${origin}/assets/`)).length).toBeGreaterThan(0)
  expect(recorder.offOrigin()).toEqual([])
})

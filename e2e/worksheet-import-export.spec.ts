import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './support/test.ts'
import {
  addDrug, addProcedure, addProvider, choose, encounterForm, expectClaimLines, fillHeader, formSnapshot, openNewWorksheet, pickLevel,
  readClaimLines, resultSummary, setMuscle, stillToFillIn, toolbar,
} from './support/worksheet.ts'

// Issue 3, proof 5: Export JSON then Import JSON gives the same encounter; a malformed file is
// refused with a clear message and changes nothing.

const EXPECTED_LINES = ['20552 ×1', '64493 50 KX ×1', '64494 LT KX ×1', 'J3301 ×4']

/** A worksheet with a bit of everything: header, diagnosis, two families, a drug, a ticked checklist item. */
async function codeExampleEncounter(page: Page, provider?: string): Promise<void> {
  await fillHeader(page, { patient: 'PT-5001', dateOfService: '2026-10-14', diagnoses: ['M47.816', 'M79.18'], ...(provider ? { provider } : {}) })
  const tpi = await addProcedure(page, 'trigger point')
  await setMuscle(tpi, 1, { muscle: 'gastrocnemius', side: 'Left', injections: 4 })
  await setMuscle(tpi, 2, { muscle: 'soleus', side: 'Left', injections: 2 })
  const facet = await addProcedure(page, 'facet injection')
  await choose(facet, 'Purpose', 'Diagnostic')
  await pickLevel(facet, 'L4-L5', 'Both')
  await pickLevel(facet, 'L5-S1', 'Left')
  await addDrug(page, { code: 'J3301', dose: 40, unit: 'mg' })
  await encounterForm(page).getByRole('checkbox', { name: 'Spinal level(s) and side of each injection' }).check()
  await expectClaimLines(page, EXPECTED_LINES)
}

async function exportJson(page: Page): Promise<{ name: string; path: string; text: string }> {
  const download = page.waitForEvent('download')
  await toolbar(page).getByRole('button', { name: 'Export JSON' }).click()
  const file = await download
  const path = await file.path()
  return { name: file.suggestedFilename(), path, text: await readFile(path, 'utf8') }
}

/** The form without the provider select: it shows "Pick a provider" after a load (bug, see worksheet-frequency.spec.ts). */
const withoutProvider = (rows: string[]) => rows.filter((row) => !row.startsWith('Rendering provider = '))

test('Export JSON, then Import JSON on a new worksheet, gives the same encounter and lines', async ({ page }) => {
  await openNewWorksheet(page)
  await addProvider(page, 'DR-A', 'Dr. Ada Lane')
  await codeExampleEncounter(page, 'Dr. Ada Lane')
  await expect(stillToFillIn(page)).toHaveCount(0)
  const originalUrl = page.url()
  const originalForm = await formSnapshot(page)
  expect(originalForm).toContain('Rendering provider = Dr. Ada Lane')
  const originalSummary = await resultSummary(page).textContent()

  const exported = await exportJson(page)
  expect(exported.name).toBe('encounter-PT-5001-2026-10-14.json')
  const json = JSON.parse(exported.text) as { schemaVersion: number; encounter: { patientId: string; dateOfService: string; procedures: unknown[]; drugs: unknown[] } }
  expect(json.schemaVersion).toBe(1)
  expect(json.encounter).toMatchObject({ patientId: 'PT-5001', dateOfService: '2026-10-14', providerId: 'DR-A' })
  expect(json.encounter.procedures).toHaveLength(2)
  expect(json.encounter.drugs).toHaveLength(1)

  await toolbar(page).getByRole('button', { name: 'New worksheet' }).click()
  await expect(page).not.toHaveURL(originalUrl)
  await expect(page.getByTestId('claim-lines-empty')).toBeVisible()
  await expect(page.getByLabel('Patient account', { exact: true })).toHaveValue('')

  const blankUrl = page.url()
  // The file as the coder saved it (Playwright keeps downloads under a random name).
  await page.getByLabel('Import an encounter JSON file').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: await readFile(exported.path) })
  // The import opens as a new draft of its own.
  await expect(page.getByRole('status').filter({ hasText: 'Imported encounter-PT-5001-2026-10-14.json as a new draft.' })).toBeVisible()
  await expect(page).not.toHaveURL(blankUrl)
  await expect(page).not.toHaveURL(originalUrl)
  await expect(page.getByLabel('Patient account', { exact: true })).toHaveValue('PT-5001')
  await expectClaimLines(page, EXPECTED_LINES)
  expect(withoutProvider(await formSnapshot(page))).toEqual(withoutProvider(originalForm))
  // The provider came back too: the header is complete, nothing left to fill in.
  await expect(stillToFillIn(page)).toHaveCount(0)
  await expect(resultSummary(page)).toHaveText(originalSummary ?? '')

  // Exporting the imported worksheet gives the same file.
  expect((await exportJson(page)).text).toBe(exported.text)
  await expectNoAxeViolations(page, 'the imported worksheet')
})

test('an incomplete worksheet exported and imported is still incomplete', async ({ page }) => {
  await openNewWorksheet(page)
  await fillHeader(page, { dateOfService: '2026-10-14' })
  const facet = await addProcedure(page, 'facet injection')
  await pickLevel(facet, 'L4-L5', 'Both')
  await expect(stillToFillIn(page)).toHaveText(['Enter the patient account', 'Pick the rendering provider'])

  const exported = await exportJson(page)
  await page.getByLabel('Import an encounter JSON file').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) })
  await expect(page.getByRole('status').filter({ hasText: /^Imported / })).toBeVisible()
  await expectClaimLines(page, ['64493 50 KX ×1'])
  await expect(stillToFillIn(page)).toHaveText(['Enter the patient account', 'Pick the rendering provider'], { timeout: 2_000 })
  await expect(page.getByLabel('Patient account', { exact: true })).toHaveValue('')
})

const malformed: readonly { what: string; name: string; content: string; message: RegExp }[] = [
  { what: 'broken JSON', name: 'broken.json', content: '{"schemaVersion": 1, "encounter": {', message: /^broken\.json: The file is not valid JSON: at line 1, column \d+/ },
  { what: 'JSON of the wrong shape', name: 'wrong-shape.json', content: '{"schemaVersion": 1, "encounter": {"patientId": 42}}', message: /^wrong-shape\.json: The file is JSON but not a worksheet encounter: \d+ fields? needs? fixing\./ },
  { what: 'an empty file', name: 'empty.json', content: '', message: /^empty\.json: The file is empty\.$/ },
]

for (const file of malformed) {
  test(`importing ${file.what} shows a clear error and changes nothing`, async ({ page }) => {
    await openNewWorksheet(page)
    await codeExampleEncounter(page)
    const url = page.url()
    const form = await formSnapshot(page)
    const lines = await readClaimLines(page)

    await page.getByLabel('Import an encounter JSON file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.content) })
    const alert = page.getByRole('alert').filter({ hasText: file.name })
    await expect(alert).toBeVisible()
    await expect(alert).toHaveText(file.message)
    expect(page.url()).toBe(url)
    expect(await formSnapshot(page)).toEqual(form)
    expect(await readClaimLines(page)).toEqual(lines)
    await expectNoAxeViolations(page, 'the worksheet with the import error')
  })
}

test('Export CSV gives one row per claim line with the patient, date and line number', async ({ page }) => {
  await openNewWorksheet(page)
  await codeExampleEncounter(page)
  const download = page.waitForEvent('download')
  await toolbar(page).getByRole('button', { name: 'Export CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('claim-lines-PT-5001-2026-10-14.csv')
  const rows = (await readFile(await file.path(), 'utf8')).split('\r\n')
  expect(rows.at(-1)).toBe('')
  expect(rows[0]).toBe('Patient account,Date of service,Provider,Line,Code,Modifiers,Units,Label,Box 19,Dx pointer,Diagnoses,Box 21')
  expect(rows.slice(1, -1).map((row) => row.split(',').slice(0, 7).join(','))).toEqual([
    'PT-5001,2026-10-14,,1,20552,,1',
    'PT-5001,2026-10-14,,2,64493,50 KX,1',
    'PT-5001,2026-10-14,,3,64494,LT KX,1',
    'PT-5001,2026-10-14,,4,J3301,,4',
  ])
  await expectNoAxeViolations(page)
})

import { readFile } from 'node:fs/promises'
import { expect, expectNoAxeViolations, test } from './support/test.ts'
import { createProfile } from './support/review.ts'
import { addProcedure, choose, pickLevel } from './support/worksheet.ts'

// Case authoring: a supervisor writes a practice case (the note, the facts in the worksheet's own
// form), sees the answer key the rule module computes, saves it to the library, and moves cases
// out and in as a JSON file: a malformed file is refused with nothing stored, a good one is
// previewed and imported whole.

test.use({ seedUser: false })

const TITLE = 'Bilateral L4-L5 diagnostic facet block'
const CASE_ID = 'bilateral-l4-l5-diagnostic-facet-block'
const NOTE = 'Lumbar spondylosis without myelopathy. Under fluoroscopic guidance, diagnostic medial branch blocks were performed at L4-L5 on the left and on the right with 0.5 mL bupivacaine at each target.'

test('a supervisor writes a case, sees its key, saves it, and exports and imports cases as JSON', async ({ page }) => {
  test.setTimeout(90_000)
  await page.goto('/')
  await createProfile(page, 'Sam Supervisor', 'Supervisor')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click()
  const trainingNav = page.getByRole('navigation', { name: 'Training' })
  await trainingNav.getByRole('link', { name: 'Write a case' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Write a practice case' })).toBeVisible()

  await page.getByLabel('Title', { exact: true }).fill(TITLE)
  await expect(page.getByLabel('Case id', { exact: true })).toHaveValue(CASE_ID)
  await page.getByLabel('Level', { exact: true }).selectOption({ label: 'Intermediate' })
  await page.getByLabel('Procedure note', { exact: true }).fill(NOTE)
  await page.getByLabel('Context', { exact: true }).fill('Hospital outpatient department, professional claim, Medicare. No prior facet sessions.')
  await page.getByLabel('Teaching point', { exact: true }).fill('One bilateral level is one line with modifier 50 for Medicare, not two lines.')

  const facts = page.getByRole('form', { name: 'Case facts' })
  await facts.getByRole('button', { name: 'Add diagnosis' }).click()
  await facts.getByLabel('Diagnosis 1', { exact: true }).fill('M47.816')
  const card = await addProcedure(page, 'facet injection')
  await choose(card, 'Purpose', 'Diagnostic')
  await choose(card, 'Guidance', 'Fluoroscopy')
  await pickLevel(card, 'L4-L5', 'Both')

  const key = page.getByRole('region', { name: 'Answer key' })
  const keyLines = key.getByRole('table', { name: /^Claim lines \(\d+\)$/ })
  await expect(keyLines).toHaveAccessibleName('Claim lines (1)')
  await expect(keyLines.getByRole('row').nth(1)).toContainText('64493')
  await expect(keyLines.getByRole('row').nth(1)).toContainText('50')
  await expectNoAxeViolations(page, 'writing a practice case')

  await page.getByRole('button', { name: 'Save case' }).click()
  await expect(page).toHaveURL(new RegExp(`#/training/cases/${CASE_ID}$`))
  await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible()
  await expect(page.getByText(NOTE)).toBeVisible()

  await trainingNav.getByRole('link', { name: 'Practice cases' }).click()
  const intermediate = page.getByRole('region', { name: /^Intermediate/ })
  const row = intermediate.getByRole('row').filter({ has: page.getByRole('link', { name: TITLE }) })
  await expect(row).toContainText('Practice\'s own')

  // Out as JSON: the practice's own cases.
  await trainingNav.getByRole('link', { name: 'Case file' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Practice case file' })).toBeVisible()
  await page.getByLabel('Cases to export').selectOption('own')
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download 1 case' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^practice-cases-\d{4}-\d{2}-\d{2}\.json$/)
  const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as { cases: { id: string; title: string }[] }
  expect(exported.cases.map((c) => c.id)).toEqual([CASE_ID])
  await expectNoAxeViolations(page, 'the case file screen')

  // A malformed file is refused whole, naming the problem.
  const fileInput = page.getByLabel('Case file (JSON)')
  await fileInput.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') })
  await expect(page.getByRole('alert')).toContainText('broken.json cannot be imported. Nothing was stored.')

  // The exported file, with the case under another id, imports as a new case.
  const copy = structuredClone(exported)
  const first = copy.cases[0]
  first.id = `${CASE_ID}-b`
  first.title = `${TITLE} (copy)`
  await fileInput.setInputFiles({ name: 'copy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(copy)) })
  const preview = page.getByRole('region', { name: 'Preview of copy.json' })
  await expect(preview.getByRole('row').filter({ hasText: `${CASE_ID}-b` })).toContainText('New')
  await preview.getByRole('button', { name: 'Import 1 case' }).click()
  await expect(preview.getByRole('status')).toBeVisible()
  await expectNoAxeViolations(page, 'an imported case file')

  await trainingNav.getByRole('link', { name: 'Practice cases' }).click()
  await expect(intermediate.getByRole('link', { name: `${TITLE} (copy)`, exact: true })).toBeVisible()
  await expect(intermediate.getByRole('link', { name: TITLE, exact: true })).toBeVisible()
})

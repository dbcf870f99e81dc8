import { draftIdOf, draftSummary, expectStoredDraft, readStoredDraft } from './support/storage.ts'
import { expect, expectNoAxeViolations, test, TODAY } from './support/test.ts'
import {
  addProcedure, addProvider, choose, expectClaimLines, expectDraftSaved, fillHeader, openNewWorksheet, pickLevel, procedureCard, toolbar,
} from './support/worksheet.ts'

// Issue 3, proof 3: the draft saves itself in the browser (IndexedDB), a reload brings it back,
// and the Drafts page lists it and resumes it.

test('a reload restores the draft; the Drafts page lists it and Resume opens it', async ({ page }) => {
  await openNewWorksheet(page)
  const worksheetUrl = page.url()
  await fillHeader(page, { patient: 'PT-3001', dateOfService: '2026-10-14', diagnoses: ['M47.816'] })
  const card = await addProcedure(page, 'epidural')
  await choose(card, 'Approach', 'Transforaminal')
  await pickLevel(card, 'L4-L5', 'Left')
  await expectClaimLines(page, ['64483 LT ×1'])
  await expectDraftSaved(page)
  // Also wait for the last change to be in IndexedDB, so this test proves the stored draft
  // (the closing-page backup has its own test below).
  await expectStoredDraft(page, draftSummary, 'PT-3001 2026-10-14 | epidural L4-L5 left')

  await page.reload()
  await expect(page).toHaveURL(worksheetUrl)
  await expect(page.getByLabel('Patient account', { exact: true })).toHaveValue('PT-3001')
  await expect(page.getByLabel('Date of service', { exact: true })).toHaveValue('2026-10-14')
  await expect(page.getByLabel('Diagnosis 1', { exact: true })).toHaveValue('M47.816')
  const restored = procedureCard(page, 1)
  await expect(restored.getByRole('heading', { name: 'Procedure 1: Epidural steroid injection' })).toBeVisible()
  await expect(restored.getByLabel('Approach', { exact: true })).toHaveValue('transforaminal')
  await expect(restored.getByRole('radio', { name: 'L4-L5 Left', exact: true })).toBeChecked()
  await expectClaimLines(page, ['64483 LT ×1'])
  await expectNoAxeViolations(page, 'the restored worksheet')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drafts' }).click()
  await expect(page).toHaveURL(/#\/drafts$/)
  const drafts = page.getByRole('table', { name: 'Saved drafts' })
  const row = drafts.getByRole('row').filter({ hasText: 'PT-3001' })
  await expect(row).toHaveCount(1)
  await expect(row.getByRole('cell').nth(1)).toHaveText('2026-10-14')
  await expectNoAxeViolations(page, 'the Drafts page')

  await row.getByRole('button', { name: 'Resume draft for PT-3001 2026-10-14' }).click()
  await expect(page).toHaveURL(worksheetUrl)
  await expect(page.getByLabel('Patient account', { exact: true })).toHaveValue('PT-3001')
  await expect(procedureCard(page, 1).getByRole('radio', { name: 'L4-L5 Left', exact: true })).toBeChecked()
  await expectClaimLines(page, ['64483 LT ×1'])
  await expectNoAxeViolations(page, 'the resumed worksheet')
})

test('the Drafts page of a fresh browser says there is no draft', async ({ page }) => {
  await page.goto('/#/drafts')
  await expect(page.getByRole('heading', { level: 2, name: 'Drafts' })).toBeVisible()
  await expect(page.getByText('No draft. A worksheet saves itself as a draft as soon as you type.')).toBeVisible()
  await expectNoAxeViolations(page, 'the empty Drafts page')
})

test("a reload shows the draft's rendering provider as picked", async ({ page }) => {
  // Regression: the provider <select> must show the restored value even though its options
  // arrive from a query after the form set it.
  await openNewWorksheet(page)
  await addProvider(page, 'DR-A', 'Dr. Ada Lane')
  await fillHeader(page, { patient: 'PT-3003', dateOfService: '2026-10-14', provider: 'Dr. Ada Lane' })
  await expect(page.getByLabel('Rendering provider', { exact: true })).toHaveValue('DR-A')
  await expectStoredDraft(page, (d) => `${draftSummary(d)} ${(d?.values as { providerId?: string } | undefined)?.providerId ?? ''}`, 'PT-3003 2026-10-14 DR-A')

  await page.reload()
  await expect(page.getByLabel('Patient account', { exact: true })).toHaveValue('PT-3003')
  await expect(page.getByRole('listitem').filter({ hasText: 'Pick the rendering provider' })).toHaveCount(0)
  await expect(page.getByLabel('Rendering provider', { exact: true })).toHaveValue('DR-A', { timeout: 2_000 })
})

// The autosave waits 250 ms after the last change (use-autosave.ts, DELAY_MS). Pausing the page's
// clock holds a change inside that window for as long as the test needs, so both checks below
// are deterministic: they show what happens when a coder reloads or closes the tab right after
// typing.
test.describe('a change still inside the autosave delay', () => {
  test.beforeEach(async ({ page }) => {
    await openNewWorksheet(page)
    await fillHeader(page, { patient: 'PT-3002', dateOfService: '2026-10-14' })
    await expectStoredDraft(page, draftSummary, 'PT-3002 2026-10-14')
    await expectDraftSaved(page)
    await page.clock.pauseAt(new Date(`${TODAY}T12:00:05`))
    await fillHeader(page, { dateOfService: '2026-10-15' })
    await expect(page.getByLabel('Date of service', { exact: true })).toHaveValue('2026-10-15')
  })

  test('is not announced as saved', async ({ page }) => {
    // Regression: "Draft saved" never stands for a change that is not stored yet.
    expect(draftSummary(await readStoredDraft(page, draftIdOf(page)))).toBe('PT-3002 2026-10-14')
    await expect(toolbar(page).getByText('Draft saved', { exact: true })).toBeHidden({ timeout: 2_000 })
  })

  test('survives a reload', async ({ page }) => {
    // Regression: an IndexedDB write started while the page unloads may be dropped, so the
    // closing page also keeps the change synchronously and the reload takes it back.
    await page.reload()
    await expect(page.getByLabel('Patient account', { exact: true })).toHaveValue('PT-3002')
    await expect(page.getByLabel('Date of service', { exact: true })).toHaveValue('2026-10-15', { timeout: 2_000 })
  })
})

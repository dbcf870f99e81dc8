import type { BrowserContext, Page } from '@playwright/test'
import { draftIdOf, readStoredDraft, type StoredDraft } from './support/storage.ts'
import { expect, expectNoAxeViolations, test, TODAY } from './support/test.ts'
import {
  addProcedure, addProvider, choose, expectClaimLines, fillHeader, finalize, frequencyCounter, openNewWorksheet, pickLevel, toolbar,
} from './support/worksheet.ts'

// Two open tabs of the app stay consistent: each sees the other's writes without a reload,
// and a tab never saves a stale draft over the newer version another tab wrote.

const EPIDURAL_COUNTER = 'Epidural steroid injection · lumbar/sacral'

/** A second tab in the same browser profile, with the same fixed "today" and its page errors collected. */
async function openSecondTab(context: BrowserContext, errors: string[]): Promise<Page> {
  const tab = await context.newPage()
  await tab.clock.setFixedTime(new Date(`${TODAY}T12:00:00`))
  tab.on('pageerror', (e) => errors.push(e.message))
  return tab
}

async function epidural(page: Page, patient: string, dateOfService: string, level: string, side: 'Left' | 'Right', line: string) {
  await fillHeader(page, { patient, dateOfService, provider: 'Dr. Ada Lane', diagnoses: ['M54.16'] })
  const card = await addProcedure(page, 'epidural')
  await choose(card, 'Approach', 'Transforaminal')
  await choose(card, 'Guidance', 'Fluoroscopy')
  await pickLevel(card, level, side)
  await expectClaimLines(page, [line])
}

const summary = (d: StoredDraft | null) => (d ? `${d.patientId} ${d.dateOfService} ${d.values.diagnoses.map((x) => x.code).filter(Boolean).join(',') || 'no diagnosis'}` : '(no draft)')

test("finalizing in one tab updates the other tab's drafts list and frequency counter without a reload", async ({ page: tabA, context }) => {
  test.setTimeout(90_000)
  const errors: string[] = []
  await openNewWorksheet(tabA)
  await addProvider(tabA, 'DR-A', 'Dr. Ada Lane')
  await epidural(tabA, 'PT-9001', '2026-09-01', 'L5-S1', 'Right', '64483 RT ×1')
  await expect.poll(async () => summary(await readStoredDraft(tabA, draftIdOf(tabA)))).toBe('PT-9001 2026-09-01 M54.16')

  const tabB = await openSecondTab(context, errors)
  await tabB.goto('/#/drafts')
  const drafts = tabB.getByRole('table', { name: 'Saved drafts' })
  await expect(drafts.getByRole('row').filter({ hasText: 'PT-9001' })).toHaveCount(1)

  await finalize(tabA)
  await expect(tabA.getByRole('status').filter({ hasText: /^Finalized PT-9001 on 2026-09-01/ })).toBeVisible()
  await expect(tabB.getByText('No draft. A worksheet saves itself as a draft as soon as you type.')).toBeVisible()

  // Tab B codes the patient's next epidural: tab A's encounter counts.
  await tabB.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New worksheet' }).click()
  await expect(tabB).toHaveURL(/#\/worksheet\/[^/]+$/)
  await epidural(tabB, 'PT-9001', '2026-10-14', 'L4-L5', 'Left', '64483 LT ×1')
  const counterB = frequencyCounter(tabB, EPIDURAL_COUNTER)
  await expect(counterB).toContainText('2 / 4 in a rolling 12 months')

  // Tab A finalizes another one for the patient; tab B's counter follows.
  await epidural(tabA, 'PT-9001', '2026-11-10', 'L5-S1', 'Right', '64483 RT ×1')
  await finalize(tabA)
  await expect(counterB).toContainText('3 / 4 in a rolling 12 months')
  await expect(counterB.getByRole('list', { name: /^Sessions counted for / }).getByRole('listitem')).toHaveText([
    '2026-09-01 64483 by DR-A',
    '2026-10-14 64483 by DR-A (this encounter)',
    '2026-11-10 64483 by DR-A',
  ])
  await expectNoAxeViolations(tabB, 'tab B after the other tab finalized')
  expect(errors).toEqual([])
})

test('the same draft open in two tabs: an edit in one stops the other from saving over it, and it can load the newer version', async ({ page: tabA, context }) => {
  test.setTimeout(90_000)
  const errors: string[] = []
  await openNewWorksheet(tabA)
  await fillHeader(tabA, { patient: 'PT-9101', dateOfService: '2026-10-01' })
  const draftId = draftIdOf(tabA)
  const stored = () => readStoredDraft(tabA, draftId).then(summary)
  await expect.poll(stored).toBe('PT-9101 2026-10-01 no diagnosis')

  const tabB = await openSecondTab(context, errors)
  await tabB.goto(`/#/worksheet/${draftId}`)
  await expect(tabB.getByLabel('Patient account', { exact: true })).toHaveValue('PT-9101')
  await fillHeader(tabB, { diagnoses: ['M54.16'] })
  await expect.poll(stored).toBe('PT-9101 2026-10-01 M54.16')

  const notice = tabA.getByRole('alert').filter({ hasText: 'This draft was changed in another tab.' })
  await expect(notice).toBeVisible()
  await expectNoAxeViolations(tabA, 'the stale tab with its notice')

  // The stale tab's own edit is not saved over tab B's.
  await fillHeader(tabA, { dateOfService: '2026-10-02' })
  await expect(toolbar(tabA).getByText('Not saved: this draft was changed in another tab.')).toBeVisible()
  await tabA.waitForTimeout(600)
  expect(await stored()).toBe('PT-9101 2026-10-01 M54.16')

  await notice.getByRole('button', { name: 'Load the newer version' }).click()
  await expect(notice).toBeHidden()
  await expect(tabA.getByRole('status').filter({ hasText: 'Loaded the newer version of this draft.' })).toBeVisible()
  await expect(tabA.getByLabel('Diagnosis 1', { exact: true })).toHaveValue('M54.16')
  await expect(tabA.getByLabel('Date of service', { exact: true })).toHaveValue('2026-10-01')

  // Now tab A is current again: its edit is saved, and tab B is the one told.
  await fillHeader(tabA, { diagnoses: ['M54.17'] })
  await expect.poll(stored).toBe('PT-9101 2026-10-01 M54.17')
  await expect(tabB.getByRole('alert').filter({ hasText: 'This draft was changed in another tab.' })).toBeVisible()
  expect(errors).toEqual([])
})

test('a draft finalized in another tab says so and is not saved again', async ({ page: tabA, context }) => {
  test.setTimeout(90_000)
  const errors: string[] = []
  await openNewWorksheet(tabA)
  await addProvider(tabA, 'DR-A', 'Dr. Ada Lane')
  await epidural(tabA, 'PT-9201', '2026-10-05', 'L5-S1', 'Right', '64483 RT ×1')
  const draftId = draftIdOf(tabA)
  await expect.poll(() => readStoredDraft(tabA, draftId).then(summary)).toBe('PT-9201 2026-10-05 M54.16')

  const tabB = await openSecondTab(context, errors)
  await tabB.goto(`/#/worksheet/${draftId}`)
  await expect(tabB.getByLabel('Patient account', { exact: true })).toHaveValue('PT-9201')
  await expectClaimLines(tabB, ['64483 RT ×1'])
  await finalize(tabB)
  await expect(tabB.getByRole('status').filter({ hasText: /^Finalized PT-9201 on 2026-10-05/ })).toBeVisible()

  const notice = tabA.getByRole('alert').filter({ hasText: 'This draft was finalized in another tab. The encounter is in the ledger.' })
  await expect(notice).toBeVisible()
  await fillHeader(tabA, { dateOfService: '2026-10-06' })
  await expect(toolbar(tabA).getByText('Not saved: this draft was finalized in another tab.')).toBeVisible()
  expect(await readStoredDraft(tabA, draftId)).toBeNull()
  await expectNoAxeViolations(tabA, 'the tab whose draft was finalized elsewhere')
  await notice.getByRole('button', { name: 'Open a new worksheet' }).click()
  await expect(tabA).not.toHaveURL(new RegExp(draftId))
  await expect(tabA.getByLabel('Patient account', { exact: true })).toHaveValue('')
  expect(errors).toEqual([])
})

import type { Locator, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './support/test.ts'
import { banner, createProfile, switchUser } from './support/review.ts'
import { addDrug, addProcedure, procedureCard, setMuscle } from './support/worksheet.ts'

// Training mode: a trainee codes a practice case in the worksheet with the suggestions hidden,
// makes one deliberate mistake (the classic one: a trigger point line billed at two units),
// and the graded result names exactly that miss and the rule behind it. Their progress counts
// the attempt, and a supervisor sees it among every trainee's progress.

test.use({ seedUser: false })

const CASE_TITLE = 'Upper trapezius on both sides'

const answer = (page: Page): Locator => page.getByRole('form', { name: 'Your answer' })

async function fillLine(page: Page, n: number, code: string, modifiers: string, units: number): Promise<void> {
  const line = answer(page).getByRole('group', { name: `Line ${n}`, exact: true })
  if ((await line.count()) === 0) await answer(page).getByRole('button', { name: 'Add a line' }).click()
  await line.getByLabel(`Line ${n} Code`).fill(code)
  await line.getByLabel(`Line ${n} Modifiers`).fill(modifiers)
  await line.getByLabel(`Line ${n} Units`).fill(String(units))
}

test('a trainee codes a case with one mistake, sees exactly that miss and its rule, and the attempt counts', async ({ page }) => {
  test.setTimeout(90_000)
  await page.goto('/')
  await createProfile(page, 'Tess Trainee', 'Trainee')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Practice cases' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 3, name: /^New \(\d+\)$/ })).toBeVisible()
  await expectNoAxeViolations(page, 'the practice case list')

  await page.getByRole('link', { name: CASE_TITLE }).click()
  await expect(page).toHaveURL(/#\/training\/cases\/tpi-01$/)
  await expect(page.getByRole('heading', { level: 2, name: CASE_TITLE })).toBeVisible()
  await expect(page.getByText(/three trigger points were injected in each upper trapezius/)).toBeVisible()

  // The same worksheet form, started from the encounter header; its suggestions are hidden.
  const facts = page.getByRole('form', { name: 'Case facts' })
  await expect(facts.getByLabel('Patient account')).toHaveValue('TR-2001')
  await expect(page.getByTestId('claim-lines')).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Claim and checks' })).toHaveCount(0)
  await facts.getByRole('button', { name: 'Add diagnosis' }).click()
  await facts.getByLabel('Diagnosis 1', { exact: true }).fill('M79.18')
  const card = await addProcedure(page, 'trigger point')
  await setMuscle(card, 1, { muscle: 'upper trapezius', side: 'Bilateral', injections: 6 })
  await addDrug(page, { code: 'J3301', dose: 20 })
  await expect(page.getByTestId('claim-lines')).toHaveCount(0)
  await expectNoAxeViolations(page, 'a practice case being coded')

  // The deliberate mistake: 20552 at two units (it is one unit per session).
  await fillLine(page, 1, '20552', '', 2)

  // A reload loses nothing: the facts and the answer come back as they were left.
  await page.reload()
  await expect(page.getByText('Your unfinished answer to this case was restored, as you left it.')).toBeVisible()
  await expect(answer(page).getByLabel('Line 1 Code')).toHaveValue('20552')
  await expect(answer(page).getByLabel('Line 1 Units')).toHaveValue('2')
  await expect(facts.getByLabel('Diagnosis 1', { exact: true })).toHaveValue('M79.18')
  await expect(procedureCard(page, 1).getByLabel('Muscle 1', { exact: true })).toHaveValue('upper trapezius')
  await expect(page.getByLabel('Drug 1 code', { exact: true })).toHaveValue('J3301')

  await fillLine(page, 2, 'J3301', '', 2)
  await answer(page).getByRole('button', { name: 'Submit for grading' }).click()

  const score = page.getByRole('heading', { level: 3, name: /^Your score: / })
  await expect(score).toBeFocused()
  // Lines: 20552 earns its code and modifiers (0.8), J3301 is right (1): 0.9 × 60% + no risk in the case, none flagged: 40%.
  await expect(score).toHaveText('Your score: 94%')
  const lines = page.getByRole('table', { name: 'Claim lines: the answer and yours' })
  await expect(lines.getByRole('row')).toHaveCount(3)
  await expect(lines.getByRole('row').nth(1)).toContainText('20552 × 1')
  await expect(lines.getByRole('row').nth(1)).toContainText('20552 × 2')
  await expect(lines.getByRole('row').nth(1)).toContainText('Partly right: units wrong')
  await expect(lines.getByRole('row').nth(2)).toContainText('Correct')

  const misses = page.getByRole('list').filter({ has: page.getByText(/^Line 20552 × 1:/) })
  await expect(misses.getByRole('listitem')).toHaveCount(1)
  await expect(misses).toContainText('units wrong')
  await expect(misses).toContainText('(TPI-CODE)')
  await expect(misses.getByRole('link')).toHaveAttribute('href', '#/training/rules/TPI-CODE')
  await expect(page.getByText('This case raises no error or warning: a clean claim.')).toBeVisible()
  await expect(page.getByText(/with the facts you entered, the rule module gives the answer's claim lines/)).toBeVisible()
  await expect(page.getByText(/Teaching point:/)).toBeVisible()
  await expectNoAxeViolations(page, 'the graded result')

  // Progress counts the attempt and names the rule missed.
  const trainingNav = page.getByRole('navigation', { name: 'Training' })
  await trainingNav.getByRole('link', { name: 'My progress' }).click()
  const headline = page.getByRole('region', { name: 'Headline figures' })
  await expect(headline.getByRole('definition').first()).toHaveText('1')
  await expect(headline).toContainText(/Cases done\s*1 of \d+/)
  await expect(headline).toContainText(/Average score\s*94%/)
  await expect(page.getByRole('link', { name: /TPI-CODE|trigger point/i }).first()).toBeVisible()
  await expectNoAxeViolations(page, 'my progress')

  // The case list shows the attempt and the best score.
  await trainingNav.getByRole('link', { name: 'Practice cases' }).click()
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: CASE_TITLE }) })
  await expect(row.getByRole('cell').nth(3)).toHaveText('1')
  await expect(row.getByRole('cell').nth(4)).toHaveText('94%')

  // A supervisor sees every trainee's progress, this attempt included.
  await switchUser(page, 'Sam Supervisor', 'Supervisor')
  await expect(banner(page)).toContainText('Sam Supervisor')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click()
  await page.getByRole('navigation', { name: 'Training' }).getByRole('link', { name: 'Trainees\' progress' }).click()
  const trainee = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Tess Trainee' }) })
  await expect(trainee).toContainText('94%')
  await expectNoAxeViolations(page, 'every trainee\'s progress')

  // The supervisor opens the trainee, then the attempt: the same graded answer the trainee saw.
  await trainee.getByRole('link', { name: 'Tess Trainee' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Progress of Tess Trainee' })).toBeVisible()
  await page.getByRole('link', { name: new RegExp(`^Open the graded answer of .* for ${CASE_TITLE}$`) }).click()
  await expect(page.getByRole('heading', { level: 3, name: 'Tess Trainee\'s score: 94%' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Claim lines: the answer and yours' })).toContainText('Partly right: units wrong')
  await expectNoAxeViolations(page, 'a trainee\'s graded attempt')
})

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  const noSidewaysScroll = async (page: Page) => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  }

  test('the case list, a case being coded and its graded result fit without sideways scrolling', async ({ page }) => {
    test.setTimeout(90_000)
    await page.goto('/')
    await createProfile(page, 'Tess Trainee', 'Trainee')
    await page.goto('/#/training')
    await expect(page.getByRole('heading', { level: 2, name: 'Practice cases' })).toBeVisible()
    await noSidewaysScroll(page)

    await page.getByRole('link', { name: CASE_TITLE }).click()
    await expect(answer(page)).toBeVisible()
    await noSidewaysScroll(page)
    await fillLine(page, 1, '20552', '', 1)
    await answer(page).getByRole('button', { name: 'Submit for grading' }).click()
    await expect(page.getByRole('heading', { level: 3, name: /^Your score: / })).toBeFocused()
    await noSidewaysScroll(page)
    await expectNoAxeViolations(page, 'the graded result on a phone')

    await page.getByRole('navigation', { name: 'Training' }).getByRole('link', { name: 'My progress' }).click()
    await expect(page.getByRole('region', { name: 'Headline figures' })).toBeVisible()
    await noSidewaysScroll(page)
  })
})

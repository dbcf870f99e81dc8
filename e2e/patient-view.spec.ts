import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './support/test.ts'
import { importHistoryCsv } from './support/worksheet.ts'

// The patient view: imported prior claims of two patients across providers, found by account prefix, shown as a
// timeline and as the rolling-window counters of the chosen payer profile on today's date (2026-11-26).

const HISTORY_CSV = [
  'Patient ID,Date of Service,CPT,Modifier,Units,Provider',
  'PT-8001,2025-10-02,64483,RT,1,DR-A',
  'PT-8001,2026-01-14,64483,RT,1,DR-A',
  'PT-8001,2026-04-08,64483,LT,1,DR-B',
  'PT-8001,2026-07-22,64483,RT,1,DR-A',
  'PT-8001,2026-07-22,64484,RT,1,DR-A',
  'PT-8001,2026-09-16,64479,LT,1,DR-B',
  'PT-8001,2026-10-07,64493,50,1,DR-B',
  'PT-8002,2026-06-03,64490,KX,1,DR-C',
  'PT-8002,2026-06-03,64491,KX,1,DR-C',
  'PT-9100,2026-03-03,20552,,1,DR-A',
].join('\n')

/** The counter card with this title whose text also matches `text` (two windows can share a title). */
const counter = (page: Page, title: string, text: string | RegExp) =>
  page.getByRole('region', { name: /^Frequency limits on / }).getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 4, name: title, exact: true }) }).filter({ hasText: text })

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.setViewportSize({ width: 1280, height: 720 })
}

test('finds a patient by prefix and shows their sessions and each payer\'s counters on today\'s date', async ({ page }) => {
  await page.goto('/#/history/import')
  await importHistoryCsv(page, HISTORY_CSV, 10)

  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: 'Patients' }).click()
  await expect(page).toHaveURL(/#\/patients$/)
  await expect(nav.getByRole('link', { name: 'Patients' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('heading', { level: 2, name: 'Patients' })).toBeVisible()
  const patients = page.getByRole('table', { name: 'Matching patients, by account' })
  await expect(patients.getByRole('row')).toHaveCount(4)

  const search = page.getByRole('searchbox', { name: 'Patient account starts with' })
  await search.fill('PT-80')
  await expect(page.getByRole('status').filter({ hasText: '2 patients whose account starts with “PT-80”' })).toBeVisible()
  await expect(patients.getByRole('row')).toHaveText([/^Patient account/, 'PT-800107', 'PT-800202'])
  await search.fill('PT-8001')
  await expect(patients.getByRole('link')).toHaveText(['PT-8001'])
  await expectNoAxeViolations(page, 'the patients page')
  await expectNoSidewaysScroll(page)

  await patients.getByRole('link', { name: 'PT-8001' }).click()
  await expect(page).toHaveURL(/#\/patients\/PT-8001$/)
  await expect(page.getByRole('heading', { level: 2, name: 'Patient PT-8001' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Payer profile' })).toHaveValue('medicare')
  await expect(page.getByLabel('As of')).toHaveValue('2026-11-26')

  // Medicare: 4 epidurals per region, and the billing guide's reading of 4 across all regions.
  const lumbar = counter(page, 'Epidural steroid injection · lumbar/sacral', '3 / 4 in a rolling 12 months')
  await expect(lumbar).toContainText('Eligible')
  await expect(lumbar.getByRole('list', { name: /^Sessions counted for / }).getByRole('listitem')).toHaveText([
    '2026-01-14 64483 by DR-A (therapeutic)',
    '2026-04-08 64483 by DR-B (therapeutic)',
    '2026-07-22 64483 64484 by DR-A (therapeutic)',
  ])
  await expect(counter(page, 'Epidural steroid injection · cervical/thoracic', '1 / 4 in a rolling 12 months')).toBeVisible()
  const allRegions = counter(page, 'Epidural steroid injection · all regions', '4 / 4 in a rolling 12 months')
  await expect(allRegions).toContainText('At the limit')
  await expect(allRegions).toContainText('A session on 2026-11-26 would exceed the limit. Next eligible date: 2027-01-14.')
  await expect(counter(page, 'Facet joint injection · lumbar/sacral · therapeutic', '1 / 4 in a rolling 12 months')).toBeVisible()

  // The timeline keeps the session of 2025-10-02, outside every window reaching today.
  const sessions = page.getByRole('region', { name: 'Sessions' })
  await expect(sessions.getByRole('list', { name: 'Epidural steroid injection, lumbar/sacral sessions, oldest first' }).getByRole('listitem')).toHaveText([
    '2025-10-02 64483 by DR-A · therapeutic',
    '2026-01-14 64483 by DR-A · therapeutic',
    '2026-04-08 64483 by DR-B · therapeutic',
    '2026-07-22 64483 64484 by DR-A · therapeutic',
  ])
  await expect(sessions.getByRole('list', { name: 'Facet joint injection, lumbar/sacral sessions, oldest first' })).toHaveText('2026-10-07 64493 by DR-B · therapeutic')
  await expectNoAxeViolations(page, 'the patient page under Medicare')

  // The commercial example: 4 per region in 12 months and 3 per region in 6 months; no facet or all-regions limit.
  await page.getByRole('combobox', { name: 'Payer profile' }).selectOption({ label: 'Commercial example (EviCore-style guidelines)' })
  await expect(counter(page, 'Epidural steroid injection · lumbar/sacral', '1 / 3 in a rolling 6 months')).toBeVisible()
  await expect(counter(page, 'Epidural steroid injection · lumbar/sacral', '3 / 4 in a rolling 12 months')).toBeVisible()
  await expect(counter(page, 'Epidural steroid injection · cervical/thoracic', '1 / 3 in a rolling 6 months')).toBeVisible()
  await expect(page.getByRole('region', { name: /^Frequency limits on / }).getByRole('heading', { level: 4 })).toHaveCount(4)
  await expect(page.getByRole('heading', { name: 'Epidural steroid injection · all regions' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: /^Facet joint injection · / })).toHaveCount(0)
  await expectNoAxeViolations(page, 'the patient page under the commercial example')
  await expectNoSidewaysScroll(page)

  await page.getByRole('link', { name: 'All patients' }).click()
  await expect(page).toHaveURL(/#\/patients$/)
})

import { expect, type Locator, type Page } from '@playwright/test'
import { addL5S1RightTransforaminal, addProcedure, fillHeader, finalize, pickLevel } from './worksheet.ts'

/** Steps of the supervisor review (queue, decisions, line details), by role and label as a user finds them. */

export type Role = 'Coder' | 'Supervisor' | 'Trainee'

export const banner = (page: Page): Locator => page.getByRole('banner')

/** On the chooser: creates a profile and starts with it (the first profile of the machine, or another one). */
export async function createProfile(page: Page, name: string, role: Role): Promise<void> {
  const main = page.getByRole('main')
  await main.getByRole('textbox', { name: 'Name' }).fill(name)
  await main.getByRole('radio', { name: role, exact: true }).check()
  await main.getByRole('button', { name: /^Create profile( and start)?$/ }).click()
  await expect(banner(page)).toContainText(`${name} · ${role}`)
}

/** Switches to another profile through the header: picks it when it exists, else creates it. */
export async function switchUser(page: Page, name: string, role: Role): Promise<void> {
  await banner(page).getByRole('button', { name: 'Switch user' }).click()
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { name: 'Who is using the app?' })).toBeFocused()
  const existing = main.getByRole('radio', { name: `${name} (${role})` })
  if ((await existing.count()) > 0) {
    await existing.check()
    await main.getByRole('button', { name: `Continue as ${name}` }).click()
    await expect(banner(page)).toContainText(`${name} · ${role}`)
  } else {
    await createProfile(page, name, role)
  }
}

export const queueRegion = (page: Page): Locator => page.getByTestId('review-queue-scroller')
export const queueFilters = (page: Page): Locator => page.getByRole('search', { name: 'Filter the review queue' })
export const queueCount = (page: Page): Locator => page.getByRole('status').filter({ hasText: /^[\d,]+ of [\d,]+ lines$/ })

/** Opens the review queue from the main navigation and waits for its lines. */
export async function openReviewQueue(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible()
}

/** A body row of the queue holding all of `texts` (code, patient, rule id ...). */
export function queueRow(page: Page, ...texts: string[]): Locator {
  let rows = queueRegion(page).getByRole('row')
  for (const text of texts) rows = rows.filter({ hasText: text })
  return rows
}

/** The queue's body rows as their cells' text, in order, for the rows in the DOM. */
export async function readQueueRows(page: Page): Promise<string[][]> {
  return queueRegion(page).locator('tbody tr:not([aria-hidden])').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())))
}

/** Opens a facet's list and returns it ("Severity", "Rule", ...). */
export async function openFacet(page: Page, title: string): Promise<Locator> {
  const button = queueFilters(page).getByRole('button', { name: new RegExp(`^${title}`) })
  await button.click()
  await expect(button).toHaveAttribute('aria-expanded', 'true')
  return queueFilters(page).getByRole('group', { name: `Filter by ${title.toLowerCase()}` })
}

/** Picks (or unpicks) a facet value by its label, then closes the list with Escape. */
export async function toggleFacetValue(page: Page, title: string, value: string | RegExp): Promise<void> {
  const group = await openFacet(page, title)
  await group.getByRole('checkbox', { name: value }).click()
  await page.keyboard.press('Escape')
  await expect(group).toBeHidden()
}

/** The decision dialog a row's or the bulk bar's action opened ("Override 1 line", "Return 1 line to the coder"). */
export const decisionDialog = (page: Page, title: string | RegExp): Locator => page.getByRole('dialog', { name: title })

/** Overrides through an open dialog: picks the reason, writes the explanation, submits. */
export async function submitOverride(dialog: Locator, reason: string, explanation: string): Promise<void> {
  await dialog.getByRole('radio', { name: reason }).check()
  await dialog.getByRole('textbox', { name: 'Explanation' }).fill(explanation)
  await dialog.getByRole('button', { name: /^Override \d+ lines?$/ }).click()
  await expect(dialog).toBeHidden()
}

/** Returns to the coder through an open dialog with the note. */
export async function submitReturn(dialog: Locator, note: string): Promise<void> {
  await dialog.getByRole('textbox', { name: 'Note for the coder' }).fill(note)
  await dialog.getByRole('button', { name: /^Return \d+ lines?$/ }).click()
  await expect(dialog).toBeHidden()
}

const DATABASE = 'injection-coding-worksheet'

/**
 * Stores `count` finalized encounters of one claim line each, straight into IndexedDB (the
 * app must have opened its database first), for the queue's large-data checks: providers,
 * payers and findings cycle so that every facet has several values. Reload the page afterwards.
 */
export async function seedFinalizedEncounters(page: Page, count: number): Promise<void> {
  await page.evaluate(async ({ database, count }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(database)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('open failed'))
    })
    const tx = db.transaction('encounters', 'readwrite')
    const store = tx.objectStore('encounters')
    const severities = ['warning', 'error', 'warning', 'info']
    for (let i = 0; i < count; i++) {
      const severity = severities[i % severities.length]
      const day = String(1 + (i % 28)).padStart(2, '0')
      store.put({
        id: `SEED-${String(i).padStart(5, '0')}`, finalizedAt: '2026-11-20T10:00:00.000Z', finalizedBy: null, finalizeReason: null,
        patientId: `PT-${String(10000 + i)}`, providerId: `DR-${'ABC'[i % 3]}`, dateOfService: `2026-10-${day}`,
        payerProfile: ['medicare', 'aetna', 'cigna'][i % 3], encounter: {},
        lines: [{ code: ['64483', '64493', '20552'][i % 3], modifiers: i % 2 === 0 ? ['RT'] : [], units: 1 + (i % 2), label: '', procedureIndex: 0, origin: 'procedure', ruleIds: [], trace: [] }],
        findings: [{ ruleId: `SEED-RULE-${i % 5}`, severity, category: 'documentation', message: 'Seeded finding for the queue check', fix: '', source: '', effectiveFrom: null, effectiveTo: null, trace: [], lineIndexes: [0] }],
        counts: { error: severity === 'error' ? 1 : 0, warning: severity === 'warning' ? 1 : 0, info: severity === 'info' ? 1 : 0 },
        review: severity === 'info' ? 'not-needed' : 'pending',
      })
    }
    await new Promise<void>((resolve, reject) => { tx.oncomplete = () => resolve(); tx.onerror = () => reject(tx.error ?? new Error('write failed')) })
    db.close()
  }, { database: DATABASE, count })
}

/**
 * As the current coder: finalizes two encounters with warnings, bilateral L4-L5 and L5-S1 facet
 * injections for `facets` and an L5-S1 right transforaminal epidural for `epidural`.
 */
export async function finalizeTwoFlaggedEncounters(
  page: Page,
  facets: { patient: string; provider: string },
  epidural: { patient: string; provider: string },
): Promise<void> {
  await fillHeader(page, { patient: facets.patient, dateOfService: '2026-10-14', provider: facets.provider, diagnoses: ['M47.816'] })
  const card = await addProcedure(page, 'facet injection')
  await pickLevel(card, 'L4-L5', 'Both')
  await pickLevel(card, 'L5-S1', 'Both')
  await finalize(page)
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^Finalized ${facets.patient} on 2026-10-14`) })).toBeVisible()
  await fillHeader(page, { patient: epidural.patient, dateOfService: '2026-10-07', provider: epidural.provider, diagnoses: ['M54.16'] })
  await addL5S1RightTransforaminal(page)
  await finalize(page)
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^Finalized ${epidural.patient} on 2026-10-07`) })).toBeVisible()
}

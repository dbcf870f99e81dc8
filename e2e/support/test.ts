import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

/**
 * The worksheet journeys' `test`: every test records each request the browser context makes
 * (page and service worker) and fails if one leaves the app's origin; any uncaught page
 * error fails it too. The clock is fixed so "today" (and with it every date rule) is the
 * same on every run.
 */

/** "Today" for every journey: the dates of service used in the specs are before it. */
export const TODAY = '2026-11-26'

export interface Recorder {
  /** Every URL requested so far in this test's browser context. */
  urls: () => readonly string[]
  /** URLs outside the app's origin (expected to stay empty). */
  offOrigin: () => string[]
}

/** The profile every journey runs under unless it opts out with `test.use({ seedUser: false })`. */
export const E2E_USER = { id: 'e2e-coder', name: 'Test Coder', role: 'coder', createdAt: `${TODAY}T08:00:00.000Z` } as const

export const test = base.extend<{ recorder: Recorder; pageErrors: string[]; seedUser: boolean }>({
  seedUser: [true, { option: true }],
  // Every page of the context (a second tab too) opens as if E2E_USER had been chosen in it,
  // so journeys start at the worksheet. Nothing is written to IndexedDB: the stores stay as
  // the journeys expect them (the backup journey counts every record).
  context: async ({ context, seedUser }, provide) => {
    if (seedUser) {
      await context.addInitScript((user) => {
        sessionStorage.setItem('injection-coding-worksheet:session-user', JSON.stringify(user))
      }, E2E_USER)
    }
    await provide(context)
  },
  recorder: [
    async ({ context, baseURL }, provide) => {
      const appOrigin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin
      const urls: string[] = []
      context.on('request', (request) => urls.push(request.url()))
      const offOrigin = () => urls.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== appOrigin)
      await provide({ urls: () => [...urls], offOrigin })
      expect(urls.length, 'the journey made requests to the app').toBeGreaterThan(0)
      expect(offOrigin(), 'requests that left the app origin').toEqual([])
    },
    { auto: true },
  ],
  pageErrors: [
    async ({ page }, provide) => {
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      // A request the Content-Security-Policy stopped never reaches the network (so the
      // recorder cannot see it) but was still an attempt to leave the origin: Chromium
      // reports it as a console error.
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text())
      })
      await provide(errors)
      expect(errors, 'uncaught errors and CSP violations in the page').toEqual([])
    },
    { auto: true },
  ],
  page: async ({ page }, provide) => {
    // Only Date is fixed: timers (autosave's debounce) keep running in real time.
    await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00`))
    await provide(page)
  },
})

export { expect }

/**
 * No WCAG 2.0/2.1 A or AA violation on the page as it is now (open dialogs included), with
 * the pointer wherever the journey left it (hover styles are part of the screen).
 */
export async function expectNoAxeViolations(page: Page, what = 'the page'): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze()
  expect(
    result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe violations on ${what}`,
  ).toEqual([])
}

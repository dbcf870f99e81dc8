import { expect, test, type Page } from '@playwright/test'

// Runs against `vite preview` of the production build: the service worker exists only there.

const heading = (page: Page) =>
  page.getByRole('banner').getByRole('heading', { level: 1, name: 'Injection Coding Worksheet' })

test('once the service worker has cached the app, it opens offline with no request off the origin', async ({
  page,
  context,
  baseURL,
}) => {
  const appOrigin = new URL(baseURL ?? '').origin
  // On the context, so the service worker's own fetches (precaching) are recorded too.
  const requested: { url: string; byWorker: boolean }[] = []
  context.on('request', (request) => requested.push({ url: request.url(), byWorker: request.serviceWorker() !== null }))
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
  })

  await page.goto('/')
  await expect(heading(page)).toBeVisible()

  // Installed and activated (precache complete), then a reload so it controls the page.
  await expect
    .poll(
      () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none'),
      { message: 'a service worker becomes active', timeout: 15_000 },
    )
    .toBe('activated')
  const scriptURL = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)
  expect(scriptURL).toBe(`${appOrigin}/sw.js`)
  await page.reload()
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'uncontrolled'))
    .toBe('activated')

  await context.setOffline(true)

  const reloaded = await page.reload()
  expect(reloaded?.fromServiceWorker()).toBe(true)
  await expect(heading(page)).toBeVisible()
  await expect(page.getByRole('main')).toBeVisible()
  // The stylesheet came from the cache too.
  const styled = await page.evaluate(() =>
    [...document.styleSheets].some((sheet) => sheet.href?.includes('/assets/') === true && sheet.cssRules.length > 0),
  )
  expect(styled).toBe(true)

  // Any other path falls back to the cached index.html (navigateFallback).
  const deep = await page.goto('/encounters/PT-1001')
  expect(deep?.fromServiceWorker()).toBe(true)
  await expect(heading(page)).toBeVisible()

  expect(problems).toEqual([])

  // The network really is gone: a file that is not precached cannot be fetched.
  const uncached = await page.evaluate(() =>
    fetch(`/robots.txt?nocache=${Date.now()}`).then(
      () => 'fetched',
      () => 'failed',
    ),
  )
  expect(uncached).toBe('failed')

  // The recording includes the service worker's precache fetches, not only the page's.
  expect(requested).toContainEqual({ url: `${appOrigin}/pwa-512x512.png`, byWorker: true })
  expect(requested.map((r) => r.url).filter((url) => new URL(url).origin !== appOrigin)).toEqual([])
})

test('the web app manifest is served, linked from the page and lists its icons', async ({
  page,
  request,
  baseURL,
}) => {
  const appOrigin = new URL(baseURL ?? '').origin
  await page.goto('/')
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest')

  const response = await request.get('/manifest.webmanifest')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toContain('application/manifest+json')
  const text = await response.text()
  expect(text).not.toMatch(/https?:\/\//)
  const manifest = JSON.parse(text) as {
    name: string
    short_name: string
    display: string
    start_url: string
    theme_color: string
    background_color: string
    icons: { src: string; sizes: string; type: string; purpose?: string }[]
  }
  expect(manifest).toMatchObject({
    name: 'Injection Coding Worksheet',
    short_name: 'Coding Worksheet',
    display: 'standalone',
    start_url: '/',
    theme_color: '#1c3859',
    background_color: '#f1f5fa',
  })
  expect(manifest.icons.map((i) => `${i.sizes} ${i.type} ${i.purpose ?? 'any'}`)).toEqual([
    '192x192 image/png any',
    '512x512 image/png any',
    '512x512 image/png maskable',
    'any image/svg+xml any',
  ])
  for (const icon of manifest.icons) {
    const url = new URL(icon.src, `${appOrigin}/manifest.webmanifest`)
    expect(url.origin).toBe(appOrigin)
    const file = await request.get(url.href)
    expect(file.status(), icon.src).toBe(200)
    expect(file.headers()['content-type'], icon.src).toContain(icon.type)
    if (icon.type === 'image/png') {
      // PNG IHDR: width and height are the big-endian 32-bit words at bytes 16 and 20.
      const png = await file.body()
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes)
    }
  }

  // The service worker loads Workbox from this origin, never from a CDN.
  const sw = await (await request.get('/sw.js')).text()
  expect(sw).not.toMatch(/https?:\/\//)
  expect(sw).toMatch(/define\(\["\.\/workbox-[0-9a-f]+"\]/)
})

import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumExecutablePath } from './chromium-flags.mjs'

// E2E_PORT and E2E_DIST let parallel runs (one build each) use their own server.
const PORT = Number(process.env.E2E_PORT ?? 4173)
const DIST = process.env.E2E_DIST ?? 'dist'
const BASE_URL = `http://127.0.0.1:${PORT}`

export default defineConfig({
  testDir: './e2e',
  // Parallel runs on one machine each need their own (Playwright empties it at the start).
  outputDir: process.env.E2E_OUTPUT ?? 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 1 : 2,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: { baseURL: BASE_URL, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          // Debian's chromium when present (no download needed); otherwise Playwright's own browser.
          executablePath: chromiumExecutablePath(),
          args: [...CHROMIUM_ARGS],
        },
      },
    },
  ],
  // Serves dist/: run `vite build` first (npm test does).
  webServer: {
    command: `./node_modules/.bin/vite preview --port ${PORT} --strictPort --host 127.0.0.1 --outDir ${DIST}`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
})

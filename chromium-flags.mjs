// Chromium launch settings shared by playwright.config.ts and the browser benchmarks
// (scripts/bench-ui.mjs, scripts/bench-ledger.mjs). Plain JS so the .mjs scripts import it
// as is; chromium-flags.d.mts gives playwright.config.ts its types.
import { existsSync } from 'node:fs'

/** Debian's chromium: used when present (no download needed); otherwise Playwright's own browser. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/** The system Chromium's path when it exists, else undefined (Playwright's bundled browser). */
export function chromiumExecutablePath() {
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined
}

export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Resolve no host names except the app's own, so the browser cannot phone home.
  // EXCLUDE 127.0.0.1 is needed too: with localhost alone, goto('http://127.0.0.1:…') fails.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
])

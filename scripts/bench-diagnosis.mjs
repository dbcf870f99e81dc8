// `npm run bench:diagnosis`: the ICD-10-CM code set in Chromium. (1) Importing a full-size order
// file (75,000 synthetic codes, generated here in the CMS fixed-width layout) on the diagnosis
// lists page, from the click on "Load code set" to the "Loaded" status (parse, store in
// IndexedDB, list). (2) The worksheet's diagnosis search on that code set: keystroke to the
// listbox's new results painted (keydown timeStamp -> MutationObserver on the listbox -> the next
// requestAnimationFrame). It reports; it never fails on a target (exit 0), only on a crash.
//
//   node scripts/bench-diagnosis.mjs [--codes 75000] [--rounds 3] [--skip-build] [--port 4192]
//   node scripts/bench-diagnosis.mjs --quick   (scripts/bench-quick.mjs: 3,000 codes, one round,
//     its own build under reports/bench-quick/ removed at the end, a free port; its figures mean nothing)
/* global window, document, requestAnimationFrame, MutationObserver, HTMLElement, HTMLInputElement */
import { rmSync } from 'node:fs'
import os from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumExecutablePath } from '../chromium-flags.mjs'
import { createProfile } from '../bench/ui/keystroke.mjs'
import { buildApp, freePort, startPreview } from '../bench/ui/preview-server.mjs'

const root = resolve(import.meta.dirname, '..')
const { values: opts } = parseArgs({
  options: {
    codes: { type: 'string' },
    rounds: { type: 'string' },
    port: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
  },
})
const QUICK = opts.quick
if (QUICK && opts['skip-build']) throw new Error('--skip-build does not go with --quick: a quick run builds into a directory of its own')
const QUICK_DIR = `reports/bench-quick/diagnosis-${process.pid}`
const OUT_DIR = QUICK ? `${QUICK_DIR}/dist` : 'reports/bench-diagnosis/dist'
const CODES = Number(opts.codes ?? (QUICK ? '3000' : '75000'))
const ROUNDS = Number(opts.rounds ?? (QUICK ? '1' : '3'))
const PORT = opts.port !== undefined ? Number(opts.port) : QUICK ? await freePort() : 4192
if (![CODES, ROUNDS, PORT].every((n) => Number.isInteger(n) && n > 0)) throw new Error('--codes, --rounds and --port take positive whole numbers')
const TARGET_IMPORT_MS = 2000
const TARGET_P95_MS = 50
// Fiscal year 2027: 2026-10-01 to 2027-09-30, covering the date of service below.
const FISCAL_YEAR = 2027
const DATE_OF_SERVICE = '2026-10-14'

const WORDS = ['radiculopathy', 'lumbar', 'cervical', 'thoracic', 'sacral', 'region', 'spondylosis', 'stenosis', 'myelopathy', 'without', 'with',
  'disc', 'disorder', 'pain', 'chronic', 'acute', 'other', 'unspecified', 'left', 'right', 'bilateral', 'syndrome', 'degeneration', 'displacement',
  'intervertebral', 'neuralgia', 'myalgia', 'fibromyalgia', 'strain', 'sprain', 'fracture', 'initial', 'encounter', 'subsequent', 'sequela',
  'postprocedural', 'lumbosacral', 'cervicothoracic', 'joint', 'facet', 'arthropathy', 'claudication', 'neurogenic', 'muscle', 'shoulder']

/** A fixed-width order file of `count` codes: per category a header, 3 subcategory headers and 9 billable codes each. */
function orderFile(count) {
  let seed = 12345
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32)
  const words = (n) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ')
  const lines = []
  const line = (code, billable, text) => {
    const short = text.slice(0, 60)
    lines.push(`${String(lines.length + 1).padStart(5, '0')} ${code.padEnd(7)} ${billable ? 1 : 0} ${short.padEnd(60)} ${text}`)
  }
  outer: for (let letter = 0; letter < 26; letter++) {
    for (let n = 0; n < 100; n++) {
      const category = `${String.fromCharCode(65 + letter)}${String(n).padStart(2, '0')}`
      line(category, false, words(2))
      for (let sub = 0; sub < 3; sub++) {
        if (lines.length >= count) break outer
        line(`${category}${sub}`, false, words(3))
        for (let leaf = 0; leaf < 9; leaf++) {
          if (lines.length >= count) break outer
          line(`${category}${sub}${leaf}`, true, words(5))
        }
      }
      if (lines.length >= count) break outer
    }
  }
  return `${lines.join('\r\n')}\r\n`
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
const stats = (values) => { const s = [...values].sort((a, b) => a - b); return { p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1], n: s.length } }
const ms = (v) => `${v.toFixed(1)} ms`

async function importOnce(page, baseUrl, file) {
  await page.goto(`${baseUrl}/#/reference/diagnoses`)
  await page.getByLabel('Fiscal year (October 1 to September 30)').fill(String(FISCAL_YEAR))
  await page.getByLabel('Order file (icd10cm_order_YYYY.txt)').setInputFiles({ name: 'icd10cm_order_bench.txt', mimeType: 'text/plain', buffer: file })
  const button = page.getByRole('button', { name: 'Load code set' })
  // In the page: the click's timeStamp to the frame after the "Loaded" status appears.
  const timing = page.evaluate(() => new Promise((done, fail) => {
    let start = null
    document.addEventListener('click', (e) => { if (start === null && e.target instanceof HTMLElement && e.target.textContent === 'Load code set') start = e.timeStamp }, { capture: true })
    const observer = new MutationObserver(() => {
      const alert = document.querySelector('[role="alert"]')
      if (alert) { observer.disconnect(); fail(new Error(alert.textContent ?? 'refused')); return }
      const status = [...document.querySelectorAll('[role="status"]')].find((s) => s.textContent?.startsWith('Loaded FY'))
      if (status && start !== null) { observer.disconnect(); requestAnimationFrame(() => done(performance.now() - start)) }
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true })
  }))
  await button.click()
  return timing
}

async function searchKeystrokes(page, baseUrl) {
  await page.goto(`${baseUrl}/`)
  await page.waitForURL(/#\/worksheet\//)
  await page.getByLabel('Date of service', { exact: true }).fill(DATE_OF_SERVICE)
  if ((await page.getByLabel('Diagnosis 1', { exact: true }).count()) === 0) await page.getByRole('button', { name: 'Add diagnosis' }).click()
  const box = page.getByRole('combobox', { name: 'Diagnosis 1' })
  await box.waitFor({ state: 'visible', timeout: 15_000 })
  await page.evaluate(() => {
    const list = document.querySelector('[role="listbox"]')
    const probe = { pending: null, samples: [] }
    window.__dxProbe = probe
    document.addEventListener('keydown', (e) => { if (e.target instanceof HTMLInputElement && e.target.getAttribute('role') === 'combobox') probe.pending = e.timeStamp }, { capture: true })
    new MutationObserver(() => {
      if (probe.pending === null) return
      const start = probe.pending
      probe.pending = null
      requestAnimationFrame(() => probe.samples.push(performance.now() - start))
    }).observe(list, { subtree: true, childList: true, characterData: true, attributes: true })
  })
  const queries = ['radiculopathy lumbar', 'chronic pain', 'M54', 'spondylosis cerv', 'K45', 'disc displacement', 'facet arthropathy', 'B1']
  let lost = 0
  for (const query of queries) {
    await box.fill('')
    await page.waitForTimeout(50)
    for (const ch of query) {
      const before = await page.evaluate(() => window.__dxProbe.samples.length)
      await page.keyboard.press(ch === ' ' ? 'Space' : ch)
      const changed = await page.waitForFunction((n) => window.__dxProbe.samples.length > n, before, { timeout: 1000 }).then(() => true, () => false)
      if (!changed) { lost++; await page.evaluate(() => { window.__dxProbe.pending = null }) }
      await page.waitForTimeout(30)
    }
  }
  return { samples: await page.evaluate(() => window.__dxProbe.samples), lost }
}

async function main() {
  console.log(`bench:diagnosis — node ${process.version}, ${chromiumExecutablePath() ?? "Playwright's Chromium"}, ${os.cpus().length} cores`)
  if (QUICK) console.log('quick mode (--quick): a small file, one round, its own build and a free port; its figures mean nothing')
  if (!opts['skip-build']) {
    const build = await buildApp(root, { outDir: OUT_DIR, attempts: QUICK ? 1 : 3 })
    console.log(`build: vite build --outDir ${OUT_DIR} ok in ${(build.ms / 1000).toFixed(1)} s`)
  }
  const file = Buffer.from(orderFile(CODES))
  console.log(`order file: ${CODES.toLocaleString('en-US')} synthetic codes, ${(file.length / 1024 / 1024).toFixed(1)} MB, loaded as FY${FISCAL_YEAR}`)
  const server = await startPreview(root, { outDir: OUT_DIR, port: PORT })
  const browser = await chromium.launch({ headless: true, executablePath: chromiumExecutablePath(), args: [...CHROMIUM_ARGS] })
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })
    const page = await context.newPage()
    const problems = []
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    await page.goto(server.url)
    await createProfile(page)
    const imports = []
    for (let round = 0; round < ROUNDS; round++) imports.push(await importOnce(page, server.url, file))
    const search = await searchKeystrokes(page, server.url)
    if (problems.length) console.log(`page errors:\n  ${problems.join('\n  ')}`)
    const imp = stats(imports)
    console.log(`import, click to "Loaded" painted, ${ROUNDS} round(s): ${imports.map(ms).join(', ')}`)
    const key = stats(search.samples)
    console.log(`search keystroke to results painted: ${key.n} keystrokes (${search.lost} left out: no change in the list), p50 ${ms(key.p50)}, p95 ${ms(key.p95)}, max ${ms(key.max)}`)
    console.log(`import median: ${ms(imp.p50)} (target <= ${TARGET_IMPORT_MS} ms): ${imp.p50 <= TARGET_IMPORT_MS ? 'MET' : 'NOT MET'}`)
    console.log(`search keystroke-to-paint p95: ${ms(key.p95)} (target <= ${TARGET_P95_MS} ms): ${key.p95 <= TARGET_P95_MS ? 'MET' : 'NOT MET'}`)
    await context.close()
  } finally {
    await browser.close()
    await server.stop()
  }
}

main().finally(() => {
  if (QUICK) rmSync(resolve(root, QUICK_DIR), { recursive: true, force: true })
}).then(
  () => { process.exitCode = 0 },
  (error) => { console.error(`bench:diagnosis crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`); process.exitCode = 1 },
)

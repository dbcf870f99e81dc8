// Prints one line per test run, `unit: N passed, N failed, N skipped`, `server-pglite: ...`,
// `server-pg: ...` and `e2e: ...`, from the runners' JSON reports.
// A missing, unreadable or empty report counts as one failure, so a crash never looks green.
// Exits non-zero when anything failed.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const CRASHED = { passed: 0, failed: 1, skipped: 0 }

function readJson(relativePath) {
  try {
    return JSON.parse(readFileSync(resolve(root, relativePath), 'utf8'))
  } catch {
    return undefined
  }
}

const count = (value) => (Number.isInteger(value) && value >= 0 ? value : 0)

/** Vitest's json reporter (jest-compatible shape). */
function unitCounts(report) {
  if (!report || typeof report !== 'object') return CRASHED
  const passed = count(report.numPassedTests)
  let failed = count(report.numFailedTests)
  const skipped = count(report.numPendingTests) + count(report.numTodoTests)
  // A test file that fails to load has no failed test, only a failed suite.
  if (failed === 0 && (report.success === false || count(report.numFailedTestSuites) > 0)) {
    failed = Math.max(1, count(report.numFailedTestSuites))
  }
  if (passed + failed + skipped === 0) return CRASHED
  return { passed, failed, skipped }
}

/** Playwright's json reporter. Flaky tests passed on retry and count as passed. */
function e2eCounts(report) {
  const stats = report?.stats
  if (!stats || typeof stats !== 'object') return CRASHED
  const passed = count(stats.expected) + count(stats.flaky)
  let failed = count(stats.unexpected)
  const skipped = count(stats.skipped)
  // Global errors (web server did not start, config error) are not tests.
  if (failed === 0 && Array.isArray(report.errors) && report.errors.length > 0) failed = 1
  if (passed + failed + skipped === 0) return CRASHED
  return { passed, failed, skipped }
}

const line = (name, c) => `${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`

const runs = [
  ['unit', unitCounts(readJson('reports/unit.json'))],
  ['server-pglite', unitCounts(readJson('reports/server-pglite.json'))],
  ['server-pg', unitCounts(readJson('reports/server-postgres.json'))],
  ['e2e', e2eCounts(readJson('reports/e2e.json'))],
]
for (const [name, counts] of runs) console.log(line(name, counts))
process.exitCode = runs.some(([, counts]) => counts.failed > 0) ? 1 : 0

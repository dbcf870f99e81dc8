// `npm test`: every stage runs even after a failure, so each one reports.
// Output ends with one status line per stage, then the unit/e2e count lines last.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const bin = (name) => resolve(root, 'node_modules/.bin', name)

const stages = [
  ['typecheck', bin('tsc'), ['--noEmit']],
  ['lint', bin('eslint'), ['.']],
  ['build', bin('vite'), ['build']],
  ['unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json']],
  ['e2e', bin('playwright'), ['test']],
]

// Stale reports or a stale build must never stand in for this run's results.
for (const path of ['reports/unit.json', 'reports/e2e.json', 'dist']) {
  rmSync(resolve(root, path), { recursive: true, force: true })
}

const results = []
for (const [name, command, args] of stages) {
  console.log(`\n=== ${name}: ${[command.replace(`${root}/`, ''), ...args].join(' ')}`)
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  if (run.error) console.error(`${name}: could not start: ${run.error.message}`)
  results.push([name, run.status === 0 ? 'ok' : 'failed'])
}

console.log('')
for (const [name, status] of results) console.log(`${name}: ${status}`)

const summary = spawnSync(process.execPath, [resolve(root, 'scripts/summary.mjs')], {
  cwd: root,
  stdio: 'inherit',
})
const failed = results.some(([, status]) => status !== 'ok') || summary.status !== 0
process.exitCode = failed ? 1 : 0

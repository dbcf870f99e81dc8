// `npm test`: every stage runs even after a failure, so each one reports.
// Output ends with one status line per stage, then the count lines last: scripts/summary.mjs's
// (unit, e2e, ...), then bench's (`bench: N passed, M failed`, from scripts/bench-quick.mjs).
import { spawn, spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const bin = (name) => resolve(root, 'node_modules/.bin', name)

const stages = [
  ['typecheck', bin('tsc'), ['--noEmit']],
  ['lint', bin('eslint'), ['.']],
  ['build', bin('vite'), ['build']],
  ['unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json']],
  // The group server's API suite, on PGlite and on a throwaway PostgreSQL cluster.
  ['server-pglite', process.execPath, [resolve(root, 'scripts/test-server.mjs'), 'pglite']],
  ['server-pg', process.execPath, [resolve(root, 'scripts/test-server.mjs'), 'postgres']],
  ['e2e', bin('playwright'), ['test']],
  // Every benchmark once in its quick mode: fails when one crashes, never on its figures.
  ['bench', process.execPath, [resolve(root, 'scripts/bench-quick.mjs')], { countLine: /^bench: \d+ passed, \d+ failed$/ }],
]

// Stale reports or a stale build must never stand in for this run's results.
for (const path of ['reports/unit.json', 'reports/server-pglite.json', 'reports/server-postgres.json', 'reports/e2e.json', 'dist']) {
  rmSync(resolve(root, path), { recursive: true, force: true })
}

/**
 * Runs a stage with its output passed through as it comes, except the lines matching
 * `countLine`, which are held back (returned) so they are printed once, at the end, with the
 * other count lines. Resolves with the exit status (not 0 when it did not start or was killed).
 */
function runStage(name, command, args, countLine) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, stdio: ['inherit', countLine ? 'pipe' : 'inherit', 'inherit'] })
    const held = []
    let partial = ''
    const pass = (line) => { if (countLine.test(line)) held.push(line); else process.stdout.write(`${line}\n`) }
    child.stdout?.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n')
      partial = lines.pop() ?? ''
      lines.forEach(pass)
    })
    child.on('error', (error) => console.error(`${name}: could not start: ${error.message}`))
    child.on('close', (status) => {
      if (partial) pass(partial)
      done({ status, held })
    })
  })
}

const results = []
const countLines = []
for (const [name, command, args, { countLine } = {}] of stages) {
  console.log(`\n=== ${name}: ${[command === process.execPath ? 'node' : command, ...args].map((a) => a.replace(`${root}/`, '')).join(' ')}`)
  const run = await runStage(name, command, args, countLine)
  results.push([name, run.status === 0 ? 'ok' : 'failed'])
  // A stage that ended without its count line crashed: one failure, as scripts/summary.mjs counts a missing report.
  if (countLine) countLines.push(run.held.at(-1) ?? `${name}: 0 passed, 1 failed`)
}

console.log('')
for (const [name, status] of results) console.log(`${name}: ${status}`)

const summary = spawnSync(process.execPath, [resolve(root, 'scripts/summary.mjs')], {
  cwd: root,
  stdio: 'inherit',
})
for (const line of countLines) console.log(line)
const failed = results.some(([, status]) => status !== 'ok') || summary.status !== 0
process.exitCode = failed ? 1 : 0

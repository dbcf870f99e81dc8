// `npm run bench:quick` (and the `bench` stage of `npm test`): every benchmark once, in its quick
// mode (--quick: small sizes, few iterations, the same code paths), each as a child process, so
// a benchmark that no longer runs is caught the day it breaks. It judges no figure: a benchmark
// passes when it runs to completion (exit 0) and fails only when it crashes (any other exit, a
// signal, or the time limit). One line per benchmark, `bench <name>: ok` or
// `bench <name>: crashed (exit N)`, then, last, `bench: N passed, M failed`. Exits 1 when one crashed.
//
//   node scripts/bench-quick.mjs [name ...] [--verbose] [--timeout-s 300]
//     name ...     only these benchmarks (default: all of BENCHMARKS)
//     --verbose    stream each benchmark's output (default: shown only for one that crashed)
//     --timeout-s  the time limit per benchmark; past it the benchmark is stopped and counted as crashed
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

const root = resolve(import.meta.dirname, '..')

// ---- The benchmarks. To add one, add one entry: its name (printed as `bench <name>: ...`) and
// the command of its quick mode. The command's first word is 'node' (this Node) or 'tsx'
// (node_modules/.bin/tsx, for TypeScript); paths are relative to the repository root.
// A browser benchmark's quick mode should serve on a free port and build into a directory of
// its own (see scripts/bench-ui.mjs), so it never collides with a full run going on meanwhile.
const BENCHMARKS = [
  { name: 'evaluate', command: ['tsx', 'bench/evaluate.bench.ts', '--quick'] },
  { name: 'review-queue', command: ['tsx', 'bench/review-queue.bench.ts', '--quick'] },
  { name: 'ui', command: ['node', 'scripts/bench-ui.mjs', '--quick'] },
  { name: 'review-ui', command: ['node', 'scripts/bench-review-ui.mjs', '--quick'] },
  { name: 'ledger', command: ['node', 'scripts/bench-ledger.mjs', '--quick'] },
  { name: 'diagnosis', command: ['node', 'scripts/bench-diagnosis.mjs', '--quick'] },
  { name: 'server', command: ['node', 'scripts/bench-server.mjs', '--quick'] },
]
// ---- end of the list

const PROGRAMS = { node: process.execPath, tsx: resolve(root, 'node_modules/.bin/tsx') }
const CRASH_OUTPUT_LINES = 200

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    verbose: { type: 'boolean', default: false },
    'timeout-s': { type: 'string', default: '300' },
  },
})
const TIMEOUT_MS = Number(opts['timeout-s']) * 1000
if (!(TIMEOUT_MS > 0)) throw new Error('--timeout-s takes a positive number of seconds')
for (const { name, command } of BENCHMARKS) {
  if (!(command[0] in PROGRAMS)) throw new Error(`benchmark ${name}: the command must start with ${Object.keys(PROGRAMS).join(' or ')}, not ${command[0]}`)
}
const unknown = positionals.filter((p) => !BENCHMARKS.some((b) => b.name === p))
if (unknown.length) throw new Error(`no benchmark named ${unknown.join(', ')}; the benchmarks are ${BENCHMARKS.map((b) => b.name).join(', ')}`)
const selected = positionals.length ? BENCHMARKS.filter((b) => positionals.includes(b.name)) : BENCHMARKS

/** The running benchmark's process group, so an interrupt of this script stops it and its browser too. */
let running = null
const killGroup = (pid, signal) => {
  try { process.kill(-pid, signal) } catch { /* already gone */ }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    if (running !== null) killGroup(running, 'SIGKILL')
    process.exit(signal === 'SIGINT' ? 130 : 143)
  })
}

/**
 * Runs one benchmark in its own process group (a crash or a time-out takes its browser and
 * preview server with it). Resolves with how it ended and what it printed.
 */
function runOne({ command }) {
  const [program, ...args] = command
  return new Promise((done) => {
    const started = performance.now()
    const child = spawn(PROGRAMS[program], args, {
      cwd: root,
      detached: true,
      stdio: ['ignore', opts.verbose ? 'inherit' : 'pipe', opts.verbose ? 'inherit' : 'pipe'],
    })
    running = child.pid ?? null
    let output = ''
    child.stdout?.on('data', (d) => { output += d })
    child.stderr?.on('data', (d) => { output += d })
    let timedOut = false
    let forceKill = null
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child.pid, 'SIGTERM')
      forceKill = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5_000)
    }, TIMEOUT_MS)
    const finish = (result) => {
      clearTimeout(timer)
      clearTimeout(forceKill)
      running = null
      done({ ...result, output, seconds: (performance.now() - started) / 1000 })
    }
    child.on('error', (error) => finish({ crash: `could not start: ${error.message}` }))
    let crash = null
    child.on('exit', (code, signal) => {
      if (timedOut) crash = `timed out after ${TIMEOUT_MS / 1000} s`
      else if (code !== 0) crash = code === null ? `signal ${signal}` : `exit ${code}`
      // The group may still hold a process the benchmark left behind (a server holding its
      // output pipe open): it goes too, so the pipes close.
      killGroup(child.pid, 'SIGKILL')
    })
    // The output is complete once the pipes are closed, after 'exit'.
    child.on('close', () => finish({ crash }))
  })
}

const results = []
for (const bench of selected) {
  console.log(`--- bench ${bench.name}: ${bench.command.join(' ')}`)
  const result = await runOne(bench)
  results.push({ name: bench.name, ...result })
  if (result.crash && !opts.verbose) {
    const lines = result.output.trimEnd().split('\n')
    if (lines.length > CRASH_OUTPUT_LINES) console.log(`(the last ${CRASH_OUTPUT_LINES} of ${lines.length} lines of its output)`)
    console.log(lines.slice(-CRASH_OUTPUT_LINES).join('\n'))
  }
  console.log(`bench ${bench.name}: ${result.crash ? `crashed (${result.crash})` : 'ok'}`)
}

const failed = results.filter((r) => r.crash).length
const total = results.reduce((sum, r) => sum + r.seconds, 0)
console.log(`bench: ${results.length} benchmarks in ${total.toFixed(1)} s (${results.map((r) => `${r.name} ${r.seconds.toFixed(1)} s`).join(', ')})`)
console.log(`bench: ${results.length - failed} passed, ${failed} failed`)
process.exitCode = failed > 0 ? 1 : 0

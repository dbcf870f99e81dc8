// Build the app into its own out dir and serve it with `vite preview`, started directly from node_modules/.bin
// (not through npx, whose pid is not vite's: killing npx leaves vite holding the port).
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { resolve } from 'node:path'

/**
 * `vite build`, retried: another engineer may be half-way through an edit that breaks the
 * build for a minute. Returns the build's output; throws after the last attempt.
 */
export async function buildApp(root, { outDir, attempts = 3, waitMs = 60_000, log = console.log }) {
  const vite = resolve(root, 'node_modules/.bin/vite')
  for (let attempt = 1; ; attempt++) {
    const started = performance.now()
    const run = spawnSync(vite, ['build', '--outDir', outDir, '--emptyOutDir'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`
    if (run.status === 0) return { output, ms: performance.now() - started, attempts: attempt }
    const tail = output.trim().split('\n').slice(-15).join('\n')
    if (attempt >= attempts) throw new Error(`vite build failed ${attempts} times; last output:\n${tail}`)
    log(`vite build failed (attempt ${attempt}/${attempts}); retrying in ${Math.round(waitMs / 1000)} s. Last lines:\n${tail}`)
    await sleep(waitMs)
  }
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*m/g, '')

/** Starts `vite preview` on host:port and resolves once it answers; `stop()` ends it (and only it). */
export async function startPreview(root, { outDir, port, host = '127.0.0.1', timeoutMs = 30_000 }) {
  const vite = resolve(root, 'node_modules/.bin/vite')
  const url = `http://${host}:${port}/`
  // Something else on the port would answer in vite's place: refuse instead of measuring it.
  const busy = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.body?.cancel().then(() => true) ?? true, () => false)
  if (busy) throw new Error(`port ${port} is already in use (${url} answers); stop that server or pass --port`)
  const child = spawn(vite, ['preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', host], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  })
  let output = ''
  child.stdout.on('data', (d) => { output += d })
  child.stderr.on('data', (d) => { output += d })
  let exited = null
  const exit = new Promise((res) => child.on('exit', (code, signal) => { exited = { code, signal }; res(exited) }))

  // A crash of this script must not leave the server holding the port.
  const killSync = () => { if (exited === null) child.kill('SIGKILL') }
  const onSignal = (signal) => { killSync(); process.exit(signal === 'SIGINT' ? 130 : 143) }
  process.once('exit', killSync)
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const stop = async () => {
    process.removeListener('exit', killSync)
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
    if (exited !== null) return
    child.kill('SIGTERM')
    const done = await Promise.race([exit, sleep(5_000).then(() => null)])
    if (done === null) { child.kill('SIGKILL'); await exit }
  }

  const deadline = Date.now() + timeoutMs
  let last
  for (;;) {
    if (exited !== null) throw new Error(`vite preview exited (${exited.code ?? exited.signal}) before answering:\n${output.trim()}`)
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      await res.arrayBuffer()
      if (res.ok && stripAnsi(output).includes(`:${port}/`)) break
      last = res.ok ? 'answer before vite printed its URL' : `HTTP ${res.status}`
    } catch (e) { last = `${e?.message ?? e}${e?.cause ? ` (${e.cause.code ?? e.cause.message ?? e.cause})` : ""}` /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`vite preview did not answer on ${url} within ${timeoutMs} ms (last: ${last}):\n${output.trim()}`) }
    await sleep(100)
  }
  return { url, pid: child.pid, stop }
}

/**
 * A TCP port that is free on `host` right now, chosen by the OS (its ephemeral range, which
 * holds none of the Fetch standard's blocked ports). The quick runs (--quick) serve on one, so
 * they never collide with a full benchmark, or another quick run, on the fixed default port.
 */
export function freePort(host = '127.0.0.1') {
  return new Promise((res, rej) => {
    const server = createServer()
    server.unref()
    server.once('error', rej)
    server.listen(0, host, () => {
      const { port } = server.address()
      server.close(() => res(port))
    })
  })
}

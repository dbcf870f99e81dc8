import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { TEST_STORE } from '../testing/harness.ts'

// The server as a process on the embedded store: the data directory's lock, a clean stop on
// SIGTERM, and a restart after a hard kill. (PostgreSQL has no data directory of ours to lock.)
const ROOT = resolve(import.meta.dirname, '../..')
const dirs: string[] = []
const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const freePort = () => new Promise<number>((done) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const address = probe.address()
    probe.close(() => done(typeof address === 'object' && address ? address.port : 0))
  })
})

interface Started { child: ChildProcess; output: () => string; exited: Promise<number | null> }

function start(dataDir: string, port: number, args: string[] = []): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', STATIC_DIR: join(dataDir, 'no-app') },
  })
  children.push(child)
  let output = ''
  child.stdout.on('data', (d: Buffer) => { output += d.toString() })
  child.stderr.on('data', (d: Buffer) => { output += d.toString() })
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  return { child, output: () => output, exited }
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 45_000) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

const healthy = async (port: number) => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200
  } catch {
    return false
  }
}

describe.skipIf(TEST_STORE !== 'pglite')('the server process on its embedded store', () => {
  it('prints its settings with --help', async () => {
    const run = start('/nonexistent', 1, ['--help'])
    expect(await run.exited).toBe(0)
    expect(run.output()).toContain('DATABASE_URL')
    expect(run.output()).toContain('PORT')
  })

  it('owns its data directory: a second process gets a plain error; SIGTERM closes cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icw-lock-'))
    dirs.push(dir)
    const port = await freePort()
    const first = start(dir, port)
    await until(() => healthy(port), 'the first server')
    expect(first.output()).toMatch(/#\/setup\/[A-Za-z0-9_-]{40,}/)

    const second = start(dir, await freePort())
    expect(await second.exited).toBe(1)
    expect(second.output()).toContain(`Another server process (pid ${first.child.pid}) is using ${dir}`)

    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(first.output()).toContain('Closed cleanly.')
    expect(existsSync(join(dir, 'server.lock'))).toBe(false)
  })

  it('starts again after a hard kill, with its data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icw-kill-'))
    dirs.push(dir)
    const port = await freePort()
    const first = start(dir, port)
    await until(() => healthy(port), 'the first server')
    const token = /#\/setup\/([A-Za-z0-9_-]+)/.exec(first.output())![1]
    const made = await fetch(`http://127.0.0.1:${port}/api/setup`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
      body: JSON.stringify({ token, practiceName: 'Killed Pain', name: 'Kim', email: 'kim@killed.test', password: 'sturdy lighthouse mango' }),
    })
    expect(made.status).toBe(200)
    first.child.kill('SIGKILL')
    await first.exited
    expect(existsSync(join(dir, 'server.lock'))).toBe(true)

    const second = start(dir, port)
    await until(() => healthy(port), 'the restarted server')
    const status = await (await fetch(`http://127.0.0.1:${port}/api/setup`)).json() as { needed: boolean }
    expect(status.needed).toBe(false)
    expect(second.output()).not.toContain('#/setup/')
    second.child.kill('SIGTERM')
    expect(await second.exited).toBe(0)
  })
})

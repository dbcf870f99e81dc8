import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Secret, TOTP } from 'otpauth'

const ROOT = resolve(import.meta.dirname, '../..')

export interface GroupServer {
  url: string
  setupLink: string
  output: () => string
  stop: () => Promise<void>
}

const freePort = () => new Promise<number>((done) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const address = probe.address()
    probe.close(() => done(typeof address === 'object' && address ? address.port : 0))
  })
})

/**
 * The group server as a user runs it (`node --import tsx server/main.ts`), on a fresh data
 * directory, serving the build Playwright tests (E2E_DIST or dist/). Resolves once it printed
 * its one-time setup link.
 */
export async function startGroupServer(env: Record<string, string> = {}): Promise<GroupServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'icw-e2e-'))
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', STATIC_DIR: resolve(ROOT, process.env.E2E_DIST ?? 'dist'), ...env },
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => { output += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { output += d.toString() })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const deadline = Date.now() + 90_000
  while (!/#\/setup\/[A-Za-z0-9_-]+/.test(output)) {
    if (child.exitCode !== null) throw new Error(`The group server exited:\n${output}`)
    if (Date.now() > deadline) throw new Error(`The group server did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url: `http://127.0.0.1:${port}`,
    setupLink: /(http\S+#\/setup\/[A-Za-z0-9_-]+)/.exec(output)![1],
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM')
      await exited
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The authenticator app's current code for a base32 secret (what a phone would show). */
export function totpNow(secret: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, '')) }).generate({ timestamp: at })
}

// A throwaway PostgreSQL cluster for the server tests and the server benchmark: a temp
// directory, a free port on 127.0.0.1, started as the postgres user (PostgreSQL refuses to run
// as root: runuser), stopped and deleted afterwards.
//
//   import { startCluster } from './pg-cluster.mjs'
//   const cluster = await startCluster()   // null when no PostgreSQL binaries are installed
//   cluster.url  ->  postgres://postgres@127.0.0.1:PORT/postgres
//   await cluster.stop()
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The newest installed PostgreSQL's bin directory (Debian: /usr/lib/postgresql/<major>/bin). */
export function findPostgresBin() {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const majors = readdirSync(root).filter((d) => /^\d+$/.test(d)).map(Number).sort((a, b) => b - a)
  for (const major of majors) {
    const bin = join(root, String(major), 'bin')
    if (existsSync(join(bin, 'pg_ctl')) && existsSync(join(bin, 'initdb'))) return bin
  }
  return null
}

const freePort = () => new Promise((done, fail) => {
  const probe = createServer()
  probe.once('error', fail)
  probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => done(port)) })
})

/** `settings`: more server settings (`name=value`), e.g. a benchmark's shared_buffers. */
export async function startCluster({ log = () => undefined, settings = [] } = {}) {
  const bin = findPostgresBin()
  if (!bin) return null
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'icw-pg-'))
  chmodSync(dir, 0o777)
  const data = join(dir, 'data')
  const run = (tool, args) => {
    const command = asRoot ? 'runuser' : join(bin, tool)
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args
    const result = spawnSync(command, argv, { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`)
    return result.stdout
  }
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-instructions'])
  const port = await freePort()
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off${settings.map((v) => ` -c ${v}`).join('')}`, 'start'])
  log(`PostgreSQL (${bin}) on 127.0.0.1:${port}, data in ${data}`)
  let stopped = false
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    bin,
    async stop() {
      if (stopped) return
      stopped = true
      try { run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']) } catch (err) { console.error(String(err)) }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

// `node scripts/pg-cluster.mjs -- <command...>` runs a command with TEST_DATABASE_URL set.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2).filter((a) => a !== '--')
  const cluster = await startCluster({ log: console.log })
  if (!cluster) {
    console.error('No PostgreSQL installed (apt-get install postgresql).')
    process.exit(1)
  }
  let status = 0
  try {
    execFileSync(args[0], args.slice(1), { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: cluster.url } })
  } catch (err) {
    status = err.status ?? 1
  } finally {
    await cluster.stop()
  }
  process.exit(status)
}

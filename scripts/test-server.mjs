// The group server's API suite on one store: `node scripts/test-server.mjs pglite|postgres`.
// PostgreSQL runs on a throwaway cluster this script starts and stops (scripts/pg-cluster.mjs);
// without PostgreSQL installed that run fails (apt-get install postgresql).
// Report: reports/server-<store>.json (Vitest JSON), counted by scripts/summary.mjs.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { startCluster } from './pg-cluster.mjs'

const root = resolve(import.meta.dirname, '..')
const store = process.argv[2]
if (store !== 'pglite' && store !== 'postgres') {
  console.error('Usage: node scripts/test-server.mjs pglite|postgres')
  process.exit(2)
}
const report = `reports/server-${store}.json`
rmSync(resolve(root, report), { force: true })

let cluster = null
const env = { ...process.env, ICW_TEST_STORE: store }
if (store === 'postgres') {
  cluster = await startCluster({ log: console.log })
  if (!cluster) {
    console.error('server-pg: PostgreSQL is not installed (Debian: apt-get install postgresql); the PostgreSQL run cannot happen.')
    process.exit(1)
  }
  env.TEST_DATABASE_URL = cluster.url
}
try {
  const run = spawnSync(resolve(root, 'node_modules/.bin/vitest'),
    ['run', '-c', 'vitest.server.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { cwd: root, stdio: 'inherit', env })
  process.exitCode = run.status ?? 1
} finally {
  await cluster?.stop()
}

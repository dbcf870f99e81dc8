import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const tsx = resolve(root, 'node_modules/.bin/tsx')

function run(args: string[]) {
  return spawnSync(tsx, ['src/cli/check.ts', ...args], { cwd: root, encoding: 'utf8' })
}

describe('check CLI (spawned)', () => {
  it('prints one JSON array, a summary on stderr, and exits 0 for valid inputs; 1 when a file is missing; 2 on usage errors', () => {
    const ok = run(['src/domain/fixtures/issue-example.json', 'no-such-file.json', '--today', '2026-11-26', '--summary'])
    expect(ok.status).toBe(1)
    const results = JSON.parse(ok.stdout) as { file: string; index: number | null; ok: boolean }[]
    expect(results.map((r) => [r.file, r.index, r.ok])).toEqual([
      ['src/domain/fixtures/issue-example.json', 0, true],
      ['no-such-file.json', null, false],
    ])
    expect(ok.stderr).toMatch(/^src\/domain\/fixtures\/issue-example\.json#0: \d+ errors, \d+ warnings, \d+ info$/m)
    expect(ok.stderr).toMatch(/^no-such-file\.json#-: invalid input, 1 problem: \(file\): Cannot read the file: no such file$/m)

    const usage = run(['--bogus', 'x.json'])
    expect(usage.status).toBe(2)
    expect(usage.stdout).toBe('')
    expect(usage.stderr).toMatch(/Usage: npm run check/)
  }, 30_000)
})

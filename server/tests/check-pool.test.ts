import { afterEach, describe, expect, it } from 'vitest'
import { createCheckPool, type CheckPool } from '../services/check-pool.ts'

// The worker pool the history, reference and 835 checks share: checks in worker threads, each
// answer matched to its check, and the same function inline when a worker cannot do it.

const entry = new URL('../testing/check-pool-worker.ts', import.meta.url)
const inline = (n: number) => ({ doubled: n * 2, where: 'inline' })

let pools: CheckPool<number, { doubled: number; where: string }>[] = []
const pool = (options: Partial<Parameters<typeof createCheckPool<number, { doubled: number; where: string }>>[0]> = {}) => {
  const p = createCheckPool({ name: 'the test check', entry, inline, maxWorkers: 2, ...options })
  pools.push(p)
  return p
}

afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()))
  pools = []
})

describe('check pool', () => {
  it('checks in a worker, starts none before the first check, and at most maxWorkers', async () => {
    const p = pool()
    expect(p.state()).toEqual({ workers: 0, inline: false })
    const answers = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((n) => p.run(n)))
    expect(answers.map((a) => a.doubled)).toEqual([2, 4, 6, 8, 10, 12, 14, 16])
    expect(answers.every((a) => a.where === 'worker')).toBe(true)
    expect(p.state().workers).toBeGreaterThan(0)
    expect(p.state().workers).toBeLessThanOrEqual(2)
    expect(p.state().inline).toBe(false)
  })

  it('warm starts the workers before any check', () => {
    const p = pool({ maxWorkers: 1 })
    p.warm()
    expect(p.state()).toEqual({ workers: 1, inline: false })
  })

  it('a check that throws in the worker runs again inline, and the worker goes on', async () => {
    const p = pool({ maxWorkers: 1 })
    expect(await p.run(-1)).toEqual({ doubled: -2, where: 'inline' })
    expect(await p.run(5)).toEqual({ doubled: 10, where: 'worker' })
    expect(p.state()).toEqual({ workers: 1, inline: false })
  })

  it('a worker that cannot start leaves every check inline', async () => {
    const p = pool({ entry: new URL('../testing/no-such-worker.ts', import.meta.url) })
    expect(await p.run(4)).toEqual({ doubled: 8, where: 'inline' })
    expect(p.state().inline).toBe(true)
    expect(await p.run(6)).toEqual({ doubled: 12, where: 'inline' })
  })

  it('a worker ended under a check: that check runs inline, the next starts another worker', async () => {
    const p = pool({ maxWorkers: 1 })
    expect((await p.run(1)).where).toBe('worker')
    const pending = p.run(2)
    await p.close()
    expect(await pending).toEqual({ doubled: 4, where: 'inline' })
    expect(await p.run(3)).toEqual({ doubled: 6, where: 'worker' })
  })
})

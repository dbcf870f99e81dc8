import { serveChecks } from '../services/check-worker.ts'

/** A check pool's worker for check-pool.test.ts: doubles a number, throws on a negative one. */
serveChecks((n: number) => {
  if (n < 0) throw new Error('a negative number')
  return { doubled: n * 2, where: 'worker' }
})

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

export class LockError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * One server process per data directory: two processes on one PGlite directory corrupt it. A
 * lock left by a process that is gone (a crash, a kill -9) is taken over; one held by a running
 * process is a plain error.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const file = resolve(dataDir, 'server.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' })
      return () => rmSync(file, { force: true })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const pid = Number(readFileSync(file, 'utf8').trim())
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new LockError(`Another server process (pid ${pid}) is using ${dataDir}. Stop it first, or give this one another DATA_DIR.`)
      }
      rmSync(file, { force: true })
    }
  }
  throw new LockError(`Could not lock ${dataDir}.`)
}

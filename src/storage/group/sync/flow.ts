/** Small concurrency pieces the sync engine is built from. */

/** Runs the given work one at a time, in the order asked. */
export type Lock = <T>(work: () => Promise<T>) => Promise<T>

export function createLock(): Lock {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work)
    tail = result.catch(() => undefined)
    return result
  }
}

export interface SingleFlight {
  /**
   * Starts a run, or, while one is running, asks for one more right after it (however many ask).
   * Resolves when the run that covers this request has finished.
   */
  request: () => Promise<void>
  /** Resolves when no run is going on. */
  settled: () => Promise<void>
  readonly running: boolean
}

/**
 * Never two runs of `run` at once. `run` answers false when it stopped short (a failure): the
 * requests that came in meanwhile are then dropped, and whoever handles the failure asks again.
 */
export function singleFlight(run: () => Promise<boolean>): SingleFlight {
  let current: Promise<void> | null = null
  let again = false
  return {
    request() {
      if (current) {
        again = true
        return current
      }
      current = (async () => {
        try {
          let ok: boolean
          do {
            again = false
            ok = await run()
          } while (ok && again)
        } finally {
          again = false
          current = null
        }
      })()
      return current
    },
    settled: () => current ?? Promise.resolve(),
    get running() { return current !== null },
  }
}

/** Schedules `fn` after `ms`; answers the function that cancels it. */
export type Timers = { set(fn: () => void, ms: number): () => void }

export const browserTimers: Timers = {
  set(fn, ms) {
    const id = setTimeout(fn, ms)
    return () => clearTimeout(id)
  },
}

export const RETRY_BASE_MS = 1_000
export const RETRY_MAX_MS = 60_000

/**
 * The wait before retry number `failures` (0 first): doubling from 1 s up to a minute, then
 * spread over its upper half so that a practice's workstations do not all come back at once.
 */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(failures, 16))
  return Math.round(ceiling * (0.5 + random() / 2))
}

/**
 * Requests per address per minute, in this process's memory: a fixed one-minute window. It
 * blunts a flood from one address; failed sign-ins per address and per account are counted
 * in the database (auth_events), so every server process sees the same lockouts.
 */
export class AddressRateLimiter {
  private windows = new Map<string, { start: number; count: number }>()

  constructor(
    private readonly perMinute: number,
    private readonly now: () => Date,
  ) {}

  /** Counts one request; false when the address is over its limit for this minute. */
  take(address: string): boolean {
    const t = this.now().getTime()
    const window = this.windows.get(address)
    if (!window || t - window.start >= 60_000) {
      if (this.windows.size > 10_000) this.prune(t)
      this.windows.set(address, { start: t, count: 1 })
      return true
    }
    window.count += 1
    return window.count <= this.perMinute
  }

  private prune(t: number) {
    for (const [address, window] of this.windows) if (t - window.start >= 60_000) this.windows.delete(address)
  }
}

/**
 * A token bucket per key, in this process's memory: `burst` requests at once, then one every
 * `intervalMs`. At most `maxKeys` keys are remembered (the least recently seen are forgotten
 * first), so many distinct keys cannot grow memory without bound.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly intervalMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes one token for `key`: 0 when allowed, or the milliseconds until the next one. */
  take(key: string, now: number = Date.now()): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    this.buckets.delete(key);
    const refilled = Math.min(this.burst, bucket.tokens + Math.max(0, now - bucket.at) / this.intervalMs);
    const allowed = refilled >= 1;
    this.buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, at: now });
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return allowed ? 0 : Math.ceil((1 - refilled) * this.intervalMs);
  }

  get size(): number {
    return this.buckets.size;
  }
}

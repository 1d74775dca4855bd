import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("rate limiter", () => {
  it("allows a burst, then one request per interval, per key", () => {
    const limiter = new RateLimiter(3, 1000);
    expect([0, 0, 0].map(() => limiter.take("a", 0))).toEqual([0, 0, 0]);
    expect(limiter.take("a", 0)).toBe(1000);
    expect(limiter.take("a", 400)).toBe(600);
    expect(limiter.take("b", 400)).toBe(0);
    expect(limiter.take("a", 1000)).toBe(0);
    expect(limiter.take("a", 1000)).toBe(1000);
    // Refills up to the burst, no further.
    expect([0, 0, 0, 0].map(() => limiter.take("a", 60_000))).toEqual([0, 0, 0, 1000]);
  });

  it("remembers at most maxKeys keys", () => {
    const limiter = new RateLimiter(1, 1000, 100);
    for (let i = 0; i < 10_000; i += 1) limiter.take(`address-${i}`, 0);
    expect(limiter.size).toBe(100);
  });
});

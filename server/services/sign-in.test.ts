import { describe, expect, it } from "vitest";
import { lockMs, THROTTLE } from "./sign-in";

describe("sign-in lock lengths", () => {
  it("are none within the allowance, then double from the first lock up to the ceiling", () => {
    expect(lockMs(4, 5)).toBe(0);
    expect(lockMs(5, 5)).toBe(THROTTLE.firstLockMs);
    expect(lockMs(6, 5)).toBe(2 * THROTTLE.firstLockMs);
    expect(lockMs(8, 5)).toBe(8 * THROTTLE.firstLockMs);
    expect(lockMs(50, 5)).toBe(THROTTLE.maxLockMs);
    expect(lockMs(10_000, 5)).toBe(THROTTLE.maxLockMs);
  });
});

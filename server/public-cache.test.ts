import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildsStartedBefore, trackPublicRender } from "./public-cache";

/** A page build that finishes when the test says so. */
function heldBuild(events: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  void trackPublicRender(async () => {
    await done;
    events.push(`${name} stored`);
  });
  return finish;
}

// Fake timers: the 10 s limit and the settle pause pass only when the test moves the clock, so
// nothing here depends on how fast the machine is.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("invalidating waits for page builds already running", () => {
  it("waits for a build that started before, not for one that starts after", async () => {
    const events: string[] = [];
    const finishEarly = heldBuild(events, "early build");
    const waiting = buildsStartedBefore(10_000, 100).then(() => events.push("invalidated"));
    const finishLate = heldBuild(events, "late build");

    await vi.advanceTimersByTimeAsync(9_000);
    expect(events).toEqual([]); // still waiting for the early build

    finishEarly();
    await vi.advanceTimersByTimeAsync(99);
    expect(events).toEqual(["early build stored"]); // and then for Next to store its result
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(events).toEqual(["early build stored", "invalidated"]);

    finishLate();
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(["early build stored", "invalidated", "late build stored"]);
  });

  it("does not wait forever for a build that hangs, and a failed build does not block it", async () => {
    const finishHung = heldBuild([], "hung build");
    trackPublicRender(() => Promise.reject(new Error("database down"))).catch(() => undefined);
    let done = false;
    const waiting = buildsStartedBefore(150, 50).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(149);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1); // the limit: it stops waiting for the builds...
    await vi.advanceTimersByTimeAsync(49);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1); // ...and gives Next its settle pause
    await waiting;
    expect(done).toBe(true);
    finishHung(); // so it is not running during the next test
  });

  it("returns at once when no build is running", async () => {
    let done = false;
    const waiting = buildsStartedBefore(10_000, 100).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    await waiting;
    expect(done).toBe(true);
  });

  it("returns the build's own result", async () => {
    await expect(trackPublicRender(async () => "page")).resolves.toBe("page");
  });
});

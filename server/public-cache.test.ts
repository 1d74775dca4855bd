import { describe, expect, it } from "vitest";
import { buildsStartedBefore, trackPublicRender } from "./public-cache";

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("invalidating waits for page builds already running", () => {
  it("waits for a build that started before, not for one that starts after", async () => {
    const events: string[] = [];
    void trackPublicRender(async () => {
      await later(80, null);
      events.push("early build stored");
    });
    const waiting = buildsStartedBefore(5_000, 0).then(() => events.push("invalidated"));
    void trackPublicRender(async () => {
      await later(300, null);
      events.push("late build stored");
    });
    await waiting;
    expect(events).toEqual(["early build stored", "invalidated"]);
    await later(320, null);
    expect(events).toEqual(["early build stored", "invalidated", "late build stored"]);
  });

  it("does not wait forever for a build that hangs, and a failed build does not block it", async () => {
    void trackPublicRender(() => new Promise(() => undefined));
    void trackPublicRender(() => Promise.reject(new Error("database down"))).catch(() => undefined);
    const started = Date.now();
    await buildsStartedBefore(150, 0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("returns the build's own result", async () => {
    await expect(trackPublicRender(async () => "page")).resolves.toBe("page");
  });
});

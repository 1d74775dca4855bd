import { afterEach, describe, expect, it } from "vitest";
import { databasePublicCache } from "@/server/public-cache";
import { DATABASE_URL, db, resetTablesBeforeEach } from "@/tests/db";
import { startChangeChannel, type ChangeChannel } from "./channel";
import { CacheState } from "./state";

// Two instances in one test: each has its own cache state and its own channel connection, on
// the one database, as two `npm start` processes would.

resetTablesBeforeEach();
const channels: ChangeChannel[] = [];
afterEach(async () => {
  for (const channel of channels.splice(0)) await channel.stop();
});

async function instance(name: string) {
  const state = new CacheState();
  const lines: string[] = [];
  const channel = startChangeChannel({
    connectionString: DATABASE_URL,
    state,
    instanceId: name,
    heartbeatMs: 200,
    log: (line) => lines.push(line),
  });
  channels.push(channel);
  state.instanceId = channel.instanceId;
  await expect.poll(() => state.synced, { timeout: 10_000 }).toBe(true);
  return { state, channel, lines, publicCache: databasePublicCache(db, state) };
}

describe("the public-cache channel between instances", () => {
  it("a takedown recorded on A has been applied by B when A's call returns", async () => {
    const a = await instance("a");
    const b = await instance("b");
    const builtBefore = b.state.generation;
    expect(b.state.freshness(builtBefore, ["article:harbour-vote"])).toBe("fresh");

    await a.publicCache.changed({ tags: ["article:harbour-vote", "home"], takedown: true });
    // No waiting here: the call returned only once B confirmed.
    expect(b.state.freshness(builtBefore, ["article:harbour-vote"])).toBe("expired");
    expect(b.state.freshness(builtBefore, ["home"])).toBe("expired");
    expect(b.state.freshness(builtBefore, ["article:other-story"])).toBe("fresh");
    // A marked it at once, before its own channel brought it back.
    expect(a.state.freshness(builtBefore, ["article:harbour-vote"])).toBe("expired");
  });

  it("an ordinary change reaches B in order, and makes its pages stale, not expired", async () => {
    const a = await instance("a");
    const b = await instance("b");
    const builtBefore = b.state.generation;
    await a.publicCache.changed({ tags: ["section:world"], takedown: false });
    await a.publicCache.changed({ tags: [], takedown: false });
    const latest = Number((await db.publicChange.aggregate({ _max: { id: true } }))._max.id);
    await expect.poll(() => b.state.generation, { timeout: 5_000 }).toBe(latest);
    expect(b.state.freshness(builtBefore, ["section:world"])).toBe("stale");
    expect(b.state.freshness(builtBefore, ["article:any"])).toBe("stale"); // the whole site
    expect(b.state.freshness(latest, ["section:world"])).toBe("fresh");
  });

  it("B catches up on a change it missed while disconnected before it serves copies again", async () => {
    const a = await instance("a");
    const b = await instance("b");
    const builtBefore = b.state.generation;
    // Cut B's listening connection, as a network failure or a database restart would.
    await db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                         WHERE application_name = 'masthead-cache-channel b'`;
    await expect.poll(() => b.state.synced, { timeout: 5_000 }).toBe(false);
    await a.publicCache.changed({ tags: ["article:harbour-vote"], takedown: false });

    await expect.poll(() => b.state.synced, { timeout: 10_000 }).toBe(true);
    // Synced again only after reading what it missed.
    expect(b.state.freshness(builtBefore, ["article:harbour-vote"])).toBe("stale");
    expect(b.lines.join("\n")).toMatch(/lost the public-cache channel[\s\S]*connected again, caught up/);
  });

  it("a takedown does not wait for an instance that has stopped", async () => {
    const a = await instance("a");
    const b = await instance("b");
    await b.channel.stop();
    const started = Date.now();
    await a.publicCache.changed({ tags: ["article:harbour-vote"], takedown: true });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await db.cacheInstance.findMany({ select: { id: true } })).toEqual([{ id: "a" }]);
  });
});

import { describe, expect, it } from "vitest";
import { createDb } from "@/server/db/client";
import { freePort } from "@/server/db/embedded";
import type { MediaStorage, MediaStoreState } from "@/server/media/storage";
import { checkHealth } from "@/server/services/health";
import { db } from "@/tests/db";

/** A store that reports a given state (the disk store's own states are tested on real file systems in storage.test.ts). */
const storeIn = (state: MediaStoreState): MediaStorage => ({
  put: async () => undefined,
  get: async () => null,
  remove: async () => undefined,
  check: async () => state,
  names: async function* () {},
});

describe("health", () => {
  it("is 200 when the database answers", async () => {
    expect(await checkHealth(db)).toEqual({ httpStatus: 200, body: { status: "ok", database: "reachable" } });
    expect(await checkHealth(db, 3000, storeIn("ok"))).toEqual({
      httpStatus: 200,
      body: { status: "ok", database: "reachable", mediaStore: "ok" },
    });
  });

  it("reports a full or unwritable media store as degraded, still 200 for readers", async () => {
    expect(await checkHealth(db, 3000, storeIn("full"))).toEqual({
      httpStatus: 200,
      body: { status: "degraded", database: "reachable", mediaStore: "full" },
    });
    expect((await checkHealth(db, 3000, storeIn("unavailable"))).body.mediaStore).toBe("unavailable");
  });

  it("is 503 when the database cannot be reached", async () => {
    const nowhere = createDb(`postgresql://masthead:x@127.0.0.1:${await freePort()}/masthead`);
    try {
      expect(await checkHealth(nowhere, 2000)).toEqual({
        httpStatus: 503,
        body: { status: "error", database: "unreachable" },
      });
    } finally {
      await nowhere.$disconnect();
    }
  });
});

import { describe, expect, it } from "vitest";
import { createDb } from "@/server/db/client";
import { freePort } from "@/server/db/embedded";
import { checkHealth } from "@/server/services/health";
import { db } from "@/tests/db";

describe("health", () => {
  it("is 200 when the database answers", async () => {
    expect(await checkHealth(db)).toEqual({ httpStatus: 200, body: { status: "ok", database: "reachable" } });
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

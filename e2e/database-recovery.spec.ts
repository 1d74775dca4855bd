import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, signIn } from "./fixtures/accounts";
import { PORT } from "./fixtures/site";

// A demo production server of its own (embedded PostgreSQL, its own data directory), whose
// database dies under it while an editor works.
const RECOVERY_PORT = PORT + 3;

test("when the embedded PostgreSQL dies, the server says so and recovers without a restart", async ({ page }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "masthead-recovery-"));
  const env = { ...process.env, PORT: String(RECOVERY_PORT), MASTHEAD_DATA_DIR: dataDir, NEXTAUTH_URL: "" };
  let server: ChildProcess | undefined;
  try {
    const seeded = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts", "--demo"], {
      env,
      encoding: "utf8",
    });
    expect(seeded.status, seeded.stderr).toBe(0);
    server = spawn(process.execPath, ["scripts/start.mjs", "start"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    server.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const base = `http://localhost:${RECOVERY_PORT}`;
    await expect.poll(() => log, { timeout: 180_000 }).toContain("masthead: ready on");

    await page.goto(`${base}/signin`);
    await signIn(page, ACCOUNTS.editor.email, DEMO_PASSWORD);
    await expect(page.getByRole("heading", { name: "All articles" })).toBeVisible();

    // The database's main process dies (out of memory, an operator's kill -9).
    const postmaster = Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(postmaster, "SIGKILL");

    // Meanwhile readiness fails and says why (the launcher waits half a second before its
    // first restart, and PostgreSQL takes a moment to start).
    await expect
      .poll(
        async () => {
          const health = await fetch(`${base}/api/health`);
          const body = (await health.json()) as { embeddedDatabase?: string };
          return `${health.status} ${body.embeddedDatabase ?? ""}`;
        },
        { timeout: 30_000, intervals: [100] },
      )
      .toBe("503 restarting (attempt 1 of 5)");

    // The launcher notices, restarts it, and logs both; the web server was never restarted.
    await expect.poll(() => log, { timeout: 60_000 }).toMatch(/stopped unexpectedly[\s\S]*running again/);
    expect(server.exitCode).toBeNull();
    await expect
      .poll(async () => (await fetch(`${base}/api/health`)).status, { timeout: 60_000, intervals: [250] })
      .toBe(200);

    // The editor carries on in the same session: the desk loads, and a new draft saves.
    await page.reload();
    await expect(page.getByRole("heading", { name: "All articles" })).toBeVisible();
    await page.goto(`${base}/newsroom/articles/new`);
    await page.getByLabel("Headline").fill("Written after the database came back");
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Written after the database came back" })).toBeVisible();
    await page.goto(`${base}/newsroom`);
    await expect(page.getByRole("link", { name: "Written after the database came back" }).first()).toBeVisible();
  } finally {
    server?.kill("SIGTERM");
    await new Promise((resolve) => (server?.exitCode !== null ? resolve(null) : server.once("exit", resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  }
});

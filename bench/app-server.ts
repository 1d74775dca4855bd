import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../server/db/embedded";

/**
 * The production build (`npm run build` first) on a throwaway embedded database seeded with
 * the demo content, as `npm run db:seed -- --demo && npm start` runs it. Resolves once health
 * answers 200.
 */
export async function startApp(name: string): Promise<{ base: string; stop: () => Promise<void> }> {
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) throw new Error("Run npm run build first.");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `masthead-bench-${name}-`));
  const port = await freePort();
  const tsx = path.join("node_modules", "tsx", "dist", "cli.mjs");
  const seeded = spawnSync(process.execPath, [tsx, "scripts/db-seed.ts", "--demo"], {
    env: { ...process.env, MASTHEAD_DATA_DIR: dataDir },
    stdio: "ignore",
  });
  if (seeded.status !== 0) throw new Error("Seeding the demo content failed.");
  const server = spawn(process.execPath, ["scripts/start.mjs", "start"], {
    env: { ...process.env, PORT: String(port), MASTHEAD_DATA_DIR: dataDir },
    stdio: "ignore",
  });
  const base = `http://localhost:${port}`;
  for (
    let i = 0;
    i < 240 &&
    !(await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false));
    i += 1
  )
    await new Promise((r) => setTimeout(r, 500));
  return {
    base,
    async stop() {
      server.kill("SIGINT");
      await new Promise((r) => setTimeout(r, 3000));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../server/db/embedded";
import { applyMigrations } from "../server/db/migrate";

/**
 * Runs `bench` on a migrated database of its own: a new database on BENCH_DATABASE_URL's
 * server when set, else on an embedded PostgreSQL in a temporary directory. Dropped (and the
 * directory removed) afterwards, whatever happens.
 */
export async function withBenchDatabase<T>(bench: (url: string) => Promise<T>): Promise<T> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const tmp = serverUrl ? null : mkdtempSync(path.join(os.tmpdir(), "masthead-bench-"));
  const embedded = tmp ? await startEmbeddedPostgres({ dataDir: tmp }) : null;
  const base = serverUrl ?? embedded?.url ?? "";
  const name = `masthead_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  // A lost connection surfaces as the failing query's error, not as a crash of its own.
  admin.on("error", () => undefined);
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    await applyMigrations(url.toString());
    return await bench(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

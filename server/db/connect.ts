import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { AlreadyRunningError, acquireInstanceLock, isAlive } from "./instance-lock";
import { EmbeddedPostgresError, readPassword, readPostmasterPid, startEmbeddedPostgres } from "./embedded";
import { superviseEmbedded } from "./supervise";

/** A start-up failure with a message meant for the person at the terminal. */
export class StartupError extends Error {}

function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "the database";
  }
}

/** Fails with a clear message when the server cannot be reached or refuses us. */
export async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code : String(error);
    throw new StartupError(
      `Cannot reach the database at ${describe(url)}: ${reason}. Check DATABASE_URL and that the server is running.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL in `dataDir`, started under a lock
 * so that a second copy gets a clear message instead of sharing the files.
 */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  log?: (line: string) => void;
  /** The embedded server's port (MASTHEAD_EMBEDDED_PG_PORT); a free one when unset. */
  embeddedPort?: number;
  /**
   * Restart the embedded PostgreSQL if it dies (the launcher of a running app); called when
   * it cannot be restarted.
   */
  onEmbeddedGiveUp?: (error: unknown) => void;
}): Promise<OpenDatabase> {
  if (opts.databaseUrl) {
    await checkConnection(opts.databaseUrl);
    return { url: opts.databaseUrl, embedded: false, close: async () => undefined };
  }
  let release: () => void;
  try {
    release = acquireInstanceLock(opts.dataDir);
  } catch (error) {
    if (error instanceof AlreadyRunningError) throw new StartupError(error.message);
    throw error;
  }
  try {
    const server = await startEmbeddedPostgres({ dataDir: opts.dataDir, log: opts.log, port: opts.embeddedPort });
    const supervisor = opts.onEmbeddedGiveUp
      ? superviseEmbedded({
          dataDir: opts.dataDir,
          database: server,
          log: opts.log ?? (() => undefined),
          onGiveUp: opts.onEmbeddedGiveUp,
        })
      : server;
    return {
      url: server.url,
      embedded: true,
      close: async () => {
        try {
          await supervisor.stop();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    if (error instanceof EmbeddedPostgresError) throw new StartupError(error.message);
    throw error;
  }
}

/**
 * The address of the embedded PostgreSQL that a running Masthead started on `dataDir` (so a
 * backup can be taken while the newsroom works), or null when none is running.
 */
export function runningEmbeddedUrl(dataDir: string): string | null {
  const lock = path.join(dataDir, "masthead.pid");
  const owner = existsSync(lock) ? Number.parseInt(readFileSync(lock, "utf8"), 10) : NaN;
  if (!Number.isInteger(owner) || !isAlive(owner)) return null;
  const pgDir = path.join(dataDir, "postgres");
  const pid = readPostmasterPid(pgDir);
  const password = readPassword(dataDir);
  if (pid === null || !isAlive(pid) || password === null) return null;
  // postmaster.pid: pid, data directory, start time, port, …
  const port = Number(readFileSync(path.join(pgDir, "postmaster.pid"), "utf8").split("\n")[3]);
  if (!Number.isInteger(port) || port <= 0) return null;
  return `postgresql://masthead:${encodeURIComponent(password)}@127.0.0.1:${port}/masthead`;
}

import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";

/** Written to the data directory while the embedded PostgreSQL is down, for the health check to report. */
export const STATUS_FILE = "embedded-postgres.status";

export interface EmbeddedStatus {
  state: "restarting" | "failed";
  attempt: number;
  of: number;
  since: string;
}

/** What the supervisor last wrote, or null while the database runs. */
export function readEmbeddedStatus(dataDir: string): EmbeddedStatus | null {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, STATUS_FILE), "utf8")) as EmbeddedStatus;
  } catch {
    return null;
  }
}

export interface Supervisor {
  stop(): Promise<void>;
}

/**
 * Keeps the embedded PostgreSQL running: checked every `intervalMs`; if its process died, it is
 * started again on the same port and with the same data (the app's pool reconnects by itself),
 * up to `maxRestarts` times in ten minutes with growing pauses, then `onGiveUp` is called.
 */
export function superviseEmbedded(opts: {
  dataDir: string;
  database: EmbeddedDatabase;
  log: (line: string) => void;
  onGiveUp: (error: unknown) => void;
  maxRestarts?: number;
  intervalMs?: number;
}): Supervisor {
  const maxRestarts = opts.maxRestarts ?? 5;
  const statusFile = path.join(opts.dataDir, STATUS_FILE);
  let database = opts.database;
  let stopped = false;
  let busy = false;
  const restarts: number[] = [];
  const writeStatus = (status: EmbeddedStatus) => writeFileSync(statusFile, JSON.stringify(status));
  rmSync(statusFile, { force: true });

  const restart = async () => {
    const since = new Date().toISOString();
    opts.log(`the embedded PostgreSQL stopped unexpectedly; restarting it on port ${database.port}`);
    let lastError: unknown;
    for (;;) {
      const now = Date.now();
      while (restarts.length > 0 && now - (restarts[0] ?? 0) > 10 * 60_000) restarts.shift();
      if (restarts.length >= maxRestarts) {
        writeStatus({ state: "failed", attempt: restarts.length, of: maxRestarts, since });
        opts.log(`the embedded PostgreSQL could not be restarted after ${maxRestarts} attempts; stopping`);
        return opts.onGiveUp(lastError);
      }
      restarts.push(now);
      writeStatus({ state: "restarting", attempt: restarts.length, of: maxRestarts, since });
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** (restarts.length - 1), 8_000)));
      if (stopped) return;
      try {
        database = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: database.port, log: opts.log });
        rmSync(statusFile, { force: true });
        opts.log(`the embedded PostgreSQL is running again (attempt ${restarts.length})`);
        return;
      } catch (error) {
        lastError = error;
        opts.log(
          `restarting the embedded PostgreSQL failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  };

  const timer = setInterval(() => {
    if (stopped || busy || database.alive()) return;
    busy = true;
    void restart().finally(() => (busy = false));
  }, opts.intervalMs ?? 1000);
  timer.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      rmSync(statusFile, { force: true });
      await database.stop();
    },
  };
}

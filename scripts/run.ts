// `npm run dev` and `npm start`: opens the database (embedded by default, supervised), has
// scripts/prepare.ts apply migrations and seed demo content (dev) or print the set-up link for
// the first admin (start, no accounts yet) in a process of its own, then runs Next.js. With
// MASTHEAD_SMTP_URL set, this process also runs the mail queue's worker.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { SERVER_BUILD_DIR } from "../server/build-output";
import { openDatabase, StartupError } from "../server/db/connect";
import { runCli } from "./lib/cli";

const mode = process.argv[2] === "start" ? "start" : "dev";

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

function authSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

runCli(async (env) => {
  if (!(await portFree(env.PORT))) {
    throw new StartupError(
      `Port ${env.PORT} is already in use. Stop the program using it, or set PORT to another port.`,
    );
  }
  if (env.DATABASE_URL && !env.NEXTAUTH_SECRET) {
    throw new StartupError(
      "NEXTAUTH_SECRET is required with DATABASE_URL (at least 32 random characters, the same on every instance).",
    );
  }
  const log = (line: string) => console.log(`masthead: ${line}`);
  if (env.MASTHEAD_TEST_CLOCK)
    log(
      "WARNING: MASTHEAD_TEST_CLOCK is on: /api/test/clock can run the scheduler ahead of time. For end-to-end tests only.",
    );
  const siteUrl = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  // Links in mail and the set-up link are made in this process too.
  process.env.NEXTAUTH_URL = siteUrl;
  let giveUp: (error: unknown) => void = () => undefined;
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.dataDir,
    log,
    embeddedPort: env.MASTHEAD_EMBEDDED_PG_PORT,
    onEmbeddedGiveUp: (error) => giveUp(error),
  });
  let stopping = false;
  let stopWorker: () => Promise<void> = async () => undefined;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stopWorker().catch(() => undefined);
    await database.close().catch(() => undefined);
    process.exit(code);
  };
  try {
    log(
      database.embedded ? `embedded PostgreSQL running, data in ${env.dataDir}` : "using the database at DATABASE_URL",
    );
    // Migrations, seeding and the set-up link run in a process of their own, so that what they
    // load is freed when it exits: this process stays small while it supervises.
    const prepared = spawnSync(
      process.execPath,
      ["--import", "tsx", path.join(process.cwd(), "scripts", "prepare.ts"), mode],
      {
        stdio: "inherit",
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          MASTHEAD_DATA_DIR: env.dataDir,
          MASTHEAD_PREPARE_EMBEDDED: String(database.embedded),
        },
      },
    );
    if (prepared.status !== 0) throw new StartupError("preparing the database failed (see the lines above).");
    // The job queue's worker: webhook deliveries always, mail when an SMTP server is set.
    // Loaded here (graphile-worker, nodemailer, Prisma), not in the web server.
    const [{ startJobWorker }, { deliverWebhookTask, DELIVER_WEBHOOK_TASK }, mail, { createDb }, site] =
      await Promise.all([
        import("../server/jobs/worker"),
        import("../server/webhooks/deliver"),
        import("../server/mail/worker"),
        import("../server/db/client"),
        import("../server/site"),
      ]);
    const db = createDb(database.url, { max: 2 });
    const tasks: Parameters<typeof startJobWorker>[0]["taskList"] = {
      [DELIVER_WEBHOOK_TASK]: deliverWebhookTask(db, {
        origin: site.siteUrl(),
        allowPrivate: env.MASTHEAD_WEBHOOKS_ALLOW_PRIVATE,
      }),
    };
    if (env.MASTHEAD_SMTP_URL) {
      const { SEND_MAIL_TASK } = await import("../server/mail/outbox");
      tasks[SEND_MAIL_TASK] = mail.sendMailTask(db, mail.smtpSender(env.MASTHEAD_SMTP_URL), mail.mailFrom());
      log("sending mail through MASTHEAD_SMTP_URL");
    } else {
      log("mail is not set up (MASTHEAD_SMTP_URL): messages wait in the outbox, /newsroom/admin/outbox");
    }
    const worker = await startJobWorker({ connectionString: database.url, taskList: tasks });
    stopWorker = async () => {
      await worker.stop();
      await db.$disconnect();
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }

  // Development runs Next's development mode behind server/http/dev-server.ts (co-editing on
  // the same port); production runs Next behind the web server in server/http, which keeps a
  // memory copy of the public pages Next has cached.
  const args =
    mode === "dev"
      ? ["--import", "tsx", path.join(process.cwd(), "server", "http", "dev-server.ts")]
      : // Built by `npm run build` (scripts/build-server.ts): plain JavaScript, no TypeScript loader.
        [path.join(process.cwd(), SERVER_BUILD_DIR, "web-server.mjs")];
  const child = spawn(process.execPath, args, {
    stdio: "inherit",
    env: {
      ...process.env,
      // glibc's allocator keeps up to 8 arenas per core for Node's threads and returns little
      // of what they free; two arenas, trimmed above 1 MiB free, hold about 30 MiB less after
      // a busy spell (bench/memory). Either can be set in the environment instead.
      ...(mode === "start"
        ? {
            NODE_ENV: "production",
            MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
            MALLOC_TRIM_THRESHOLD_: process.env.MALLOC_TRIM_THRESHOLD_ ?? String(1024 * 1024),
          }
        : {}),
      DATABASE_URL: database.url,
      MASTHEAD_DATA_DIR: env.dataDir,
      PORT: String(env.PORT),
      NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? authSecret(env.dataDir),
      NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    },
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  let gaveUp = false;
  giveUp = () => {
    console.error("masthead: stopping: the database cannot be restarted (see the lines above).");
    gaveUp = true;
    child.kill("SIGTERM");
  };
  const code = await new Promise<number>((resolve) => child.on("exit", (exitCode) => resolve(exitCode ?? 0)));
  const exitCode = gaveUp ? 1 : code;
  await shutdown(exitCode);
  return exitCode;
});

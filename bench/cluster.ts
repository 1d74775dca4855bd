import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { paragraphs } from "../lib/content/document";
import { createDb, type Db } from "../server/db/client";
import { freePort, startEmbeddedPostgres } from "../server/db/embedded";
import { applyMigrations } from "../server/db/migrate";
import { LocalDiskStorage } from "../server/media/storage";
import { createDraft } from "../server/services/articles";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, seedSections } from "../server/services/seed";
import { loadSessionUser } from "../server/services/users";
import { transition } from "../server/services/workflow";

// Benchmarks with several production instances (`npm start`, each through scripts/run.ts) on one
// embedded PostgreSQL started here, as a newsroom that outgrew one process runs them.

export const SECRET = "bench-only-secret-0123456789abcdef0123456789";

export interface Database {
  url: string;
  db: Db;
  dir: string;
  stop(): Promise<void>;
}

/** An embedded PostgreSQL with the schema, the sections and the demo accounts. */
export async function startDatabase(): Promise<Database> {
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) throw new Error("Run npm run build first.");
  const dir = mkdtempSync(path.join(os.tmpdir(), "masthead-bench-cluster-"));
  // The data directory itself (as root, PostgreSQL runs as "postgres" and must reach it).
  const embedded = await startEmbeddedPostgres({ dataDir: dir });
  await applyMigrations(embedded.url);
  const db = createDb(embedded.url, { max: 8 });
  await seedSections(db);
  await seedDemo(db, new LocalDiskStorage(path.join(dir, "media")));
  return {
    url: embedded.url,
    db,
    dir,
    async stop() {
      await db.$disconnect();
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `count` published stories spread over the sections, with tags, by the demo writer; published by the demo editor. */
export async function seedStories(db: Db, count: number, log: (line: string) => void): Promise<void> {
  const [writer, editor] = await Promise.all(
    ["WRITER", "EDITOR"].map(async (role) => {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role);
      const user = await db.user.findUniqueOrThrow({ where: { email: account?.email ?? "" }, select: { id: true } });
      const session = await loadSessionUser(db, user.id);
      if (!session) throw new Error(`no ${role}`);
      return session;
    }),
  );
  if (!writer || !editor) throw new Error("no demo accounts");
  const sections = await db.section.findMany({ select: { id: true } });
  const tags = await Promise.all(
    ["Harbour", "Council", "Schools", "Transport", "Weather", "Elections", "Health", "Courts"].map((name) =>
      db.tag.upsert({ where: { slug: name.toLowerCase() }, update: {}, create: { slug: name.toLowerCase(), name } }),
    ),
  );
  const now = new Date();
  for (let i = 0; i < count; i += 1) {
    const draft = await createDraft(db, writer, { headline: `Bench story ${i}: the harbour council meets again` });
    const text = Array.from({ length: 8 }, (_, p) => `Paragraph ${p} of story ${i}, with enough words to be a page.`);
    await db.article.update({
      where: { id: draft.id },
      data: {
        standfirst: `What story ${i} means for readers.`,
        sectionId: sections[i % sections.length]?.id,
        body: paragraphs(text) as object,
        bodyText: text.join("\n"),
        tags: { create: [{ tagId: tags[i % tags.length]?.id ?? "" }] },
      },
    });
    for (const action of ["submit", "publish"] as const) {
      const { version } = await db.article.findUniqueOrThrow({ where: { id: draft.id }, select: { version: true } });
      await transition(db, editor, { articleId: draft.id, action, version }, { now, timeZone: "UTC" });
    }
    if ((i + 1) % 250 === 0) log(`  ${i + 1} stories published`);
  }
}

export interface Instance {
  base: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** One `npm start` instance on the shared database, with its own port and data directory. */
export async function startInstance(
  database: Database,
  name: string,
  env: Record<string, string> = {},
): Promise<Instance> {
  const port = await freePort();
  const dataDir = path.join(database.dir, `instance-${name}`);
  const child = spawn(process.execPath, ["scripts/start.mjs", "start"], {
    env: {
      ...process.env,
      PORT: String(port),
      MASTHEAD_DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: SECRET,
      ...env,
    },
    stdio: "ignore",
  });
  const base = `http://localhost:${port}`;
  await waitUntilReady(base);
  return {
    base,
    process: child,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Signs in over HTTP as a person would (next-auth's credentials flow); returns the cookie header to send. */
export async function signIn(base: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(answer);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`signing in as ${email} failed`);
  return header();
}

/** A tRPC mutation over HTTP with a session cookie (superjson's envelope). */
export async function mutate<T>(base: string, cookie: string, procedure: string, input: unknown): Promise<T> {
  const response = await fetch(`${base}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie },
    body: JSON.stringify({ json: input }),
  });
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!body.result) throw new Error(`${procedure}: ${response.status} ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}

export async function query<T>(base: string, cookie: string, procedure: string, input: unknown): Promise<T> {
  const response = await fetch(
    `${base}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
    { headers: { cookie } },
  );
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!body.result) throw new Error(`${procedure}: ${response.status} ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}

/** Runs a benchmark's main and exits with its outcome. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** Waits (up to 2 minutes) until the server at `base` answers its health check with 200. */
export async function waitUntilReady(base: string): Promise<void> {
  for (let i = 0; i < 240; i += 1) {
    const ready = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not become ready`);
}

/**
 * Two production instances (A and B) on one database seeded with `stories` published stories;
 * `run` gets them, and everything is stopped afterwards whatever happens.
 */
export async function withTwoInstances(
  stories: number,
  log: (line: string) => void,
  run: (cluster: { database: Database; a: Instance; b: Instance }) => Promise<void>,
): Promise<void> {
  log(`Seeding ${stories} published stories…`);
  const database = await startDatabase();
  await seedStories(database.db, stories, log);
  const a = await startInstance(database, "a");
  const b = await startInstance(database, "b");
  try {
    await run({ database, a, b });
  } finally {
    await Promise.allSettled([a.stop(), b.stop()]);
    await database.stop();
  }
}

/** A story created, filled in, submitted and published over HTTP by a signed-in editor, as the desk does it. */
export async function publishOverHttp(
  base: string,
  cookie: string,
  story: {
    headline: string;
    kind?: "STORY" | "LIVE";
    standfirst: string;
    sectionId: string | null;
    body: unknown;
    tags: string[];
  },
): Promise<{ id: string; slug: string }> {
  const draft = await mutate<{ id: string; slug: string; version: number }>(base, cookie, "article.create", {
    headline: story.headline,
    ...(story.kind ? { kind: story.kind } : {}),
  });
  const saved = await mutate<{ version: number }>(base, cookie, "article.update", {
    id: draft.id,
    version: draft.version,
    headline: story.headline,
    standfirst: story.standfirst,
    sectionId: story.sectionId,
    body: story.body,
    heroImageCaption: null,
    heroImageCredit: null,
    heroImageAlt: null,
    tags: story.tags,
  });
  const submitted = await mutate<{ version: number }>(base, cookie, "workflow.submit", {
    id: draft.id,
    version: saved.version,
  });
  await mutate(base, cookie, "workflow.publish", { id: draft.id, version: submitted.version });
  return { id: draft.id, slug: (await query<{ slug: string }>(base, cookie, "article.get", { id: draft.id })).slug };
}

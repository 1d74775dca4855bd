// bench/collab: N simulated people (5, 20, 50) typing in one story through the real co-editing
// server on loopback, next to a bare y-websocket style relay of the same edits measured in the
// same run. Prints remote-edit latency (a keystroke on one client until it is in each other
// client's document), server CPU per update, whether anything was lost, and the server's
// memory per open document. Asserts nothing.
//   npm run bench:collab        (embedded PostgreSQL in a temporary directory)
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { encode } from "next-auth/jwt";
import pg from "pg";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { paragraphs } from "../../lib/content/document";
import { SHARED } from "../../lib/content/shared-doc";
import { sessionCookieName } from "../../server/auth/session-token";
import { createDb } from "../../server/db/client";
import { startEmbeddedPostgres } from "../../server/db/embedded";
import { applyMigrations } from "../../server/db/migrate";
import { createSession } from "../../server/services/sessions";
import { percentile } from "../stats";

const SECRET = "bench collab secret, long enough 0123456789abcdef";
const CLIENTS = [5, 20, 50];
const KEYS_PER_CLIENT = 20;
const KEY_INTERVAL_MS = 500;
const MEMORY_DOCS = 20;

interface Stats {
  cpu: NodeJS.CpuUsage;
  heap: number;
  rss: number;
}

class Server {
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {}
  static async start(kind: "masthead" | "bare", env: NodeJS.ProcessEnv): Promise<Server> {
    const child = fork(path.join(import.meta.dirname, "server.ts"), [kind], {
      execArgv: ["--import", "tsx", "--expose-gc"],
      env,
      stdio: ["ignore", "pipe", "inherit", "ipc"],
    });
    const port = await new Promise<number>((resolve) =>
      child.stdout?.on("data", (chunk: Buffer) => {
        const match = /listening (\d+)/.exec(chunk.toString());
        if (match) resolve(Number(match[1]));
      }),
    );
    return new Server(child, port);
  }
  stats(): Promise<Stats> {
    return new Promise((resolve) => {
      this.child.once("message", (message) => resolve(message as Stats));
      this.child.send("stats");
    });
  }
  stop() {
    this.child.kill("SIGKILL");
  }
}

interface Client {
  doc: Y.Doc;
  close(): void;
}

function mastheadClient(port: number, cookie: string, articleId: string): Promise<Client> {
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${port}/collab`,
    WebSocketPolyfill: CookieSocket,
  });
  return new Promise((resolve) => {
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: articleId,
      document: doc,
      token: "session-cookie",
      onSynced: () => resolve({ doc, close: () => provider.destroy() }),
    });
    provider.attach();
  });
}

function bareClient(port: number, name: string): Promise<Client> {
  const doc = new Y.Doc();
  const ws = new WebSocket(`ws://127.0.0.1:${port}/${name}`);
  ws.binaryType = "arraybuffer";
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin === ws) return;
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, update);
    ws.send(encoding.toUint8Array(encoder));
  });
  return new Promise((resolve) => {
    ws.on("message", (data: ArrayBuffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const encoder = encoding.createEncoder();
      const type = syncProtocol.readSyncMessage(decoder, encoder, doc, ws);
      if (encoding.length(encoder) > 0) ws.send(encoding.toUint8Array(encoder));
      if (type === 0) resolve({ doc, close: () => ws.close() });
    });
    ws.on("open", () => {
      const encoder = encoding.createEncoder();
      syncProtocol.writeSyncStep1(encoder, doc);
      ws.send(encoding.toUint8Array(encoder));
    });
  });
}

const paragraphAt = (doc: Y.Doc, i: number) =>
  (doc.getXmlFragment(SHARED.body).get(i) as Y.XmlElement).get(0) as Y.XmlText;

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

/** N clients type KEYS_PER_CLIENT keystrokes each into their own paragraph; latencies of every delivery. */
async function typingRound(clients: Client[]) {
  const sent = clients.map(() => [] as { clock: number; at: number }[]);
  const seen = clients.map(() => clients.map(() => 0));
  const latencies: number[] = [];
  clients.forEach((receiver, r) => {
    receiver.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === null) return; // typed here
      const now = performance.now();
      for (const [client, clock] of Y.parseUpdateMeta(update).to) {
        const s = clients.findIndex((c) => c.doc.clientID === client);
        if (s < 0 || s === r) continue;
        const list = sent[s] ?? [];
        const row = seen[r] as number[];
        while ((row[s] ?? 0) < list.length && (list[row[s] ?? 0]?.clock ?? Infinity) <= clock) {
          latencies.push(now - (list[row[s] ?? 0]?.at ?? now));
          row[s] = (row[s] ?? 0) + 1;
        }
      }
    });
  });
  await Promise.all(
    clients.map(async (client, i) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * KEY_INTERVAL_MS));
      for (let k = 0; k < KEYS_PER_CLIENT; k += 1) {
        const text = paragraphAt(client.doc, i);
        text.insert(text.length, "x");
        sent[i]?.push({ clock: Y.getState(client.doc.store, client.doc.clientID), at: performance.now() });
        await new Promise((resolve) => setTimeout(resolve, KEY_INTERVAL_MS));
      }
    }),
  );
  const expected = clients.length * (clients.length - 1) * KEYS_PER_CLIENT;
  await until(() => latencies.length >= expected, 30_000);
  return { latencies, lost: expected - latencies.length };
}

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "masthead-bench-collab-"));
  const embedded = await startEmbeddedPostgres({ dataDir: tmp, throwaway: true });
  const admin = new pg.Client({ connectionString: embedded.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE masthead_bench_collab`);
  await admin.end();
  const target = new URL(embedded.url);
  target.pathname = "/masthead_bench_collab";
  const url = target.toString();
  await applyMigrations(url);
  const db = createDb(url, { max: 4 });
  const env = { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: SECRET };
  const masthead = await Server.start("masthead", env);
  const bare = await Server.start("bare", env);
  try {
    const seed = new pg.Client({ connectionString: url });
    await seed.connect();
    const { rows } = await seed.query<{ id: string }>(
      `INSERT INTO "User" (id, email, slug, "displayName", "passwordHash", role, "updatedAt")
       VALUES (gen_random_uuid(), 'editor@bench.test', 'bench-editor', 'Bench Editor', 'x', 'EDITOR', now()) RETURNING id::text`,
    );
    const userId = rows[0]?.id ?? "";
    await seed.end();
    const cookieFor = async () => {
      const sid = await createSession(db, userId);
      return `${sessionCookieName()}=${await encode({ token: { sub: userId, sid }, secret: SECRET, maxAge: 3600 })}`;
    };
    const story = async (paragraphTexts: string[]) => {
      const body = paragraphs(paragraphTexts);
      const created = await db.article.create({
        data: {
          slug: `bench-${Date.now()}-${Math.random().toString(36).slice(2)}`,
          headline: "Bench story",
          body: body as object,
          bodyText: paragraphTexts.join("\n\n"),
          createdById: userId,
          authors: { create: { userId, position: 0 } },
        },
        select: { id: true },
      });
      return created.id;
    };

    console.log(
      "bench/collab: N people typing 2 keys/s each into one story on loopback (latency: keystroke → in each other client)",
    );
    for (const n of CLIENTS) {
      const labels = Array.from({ length: n }, (_, i) => `Paragraph ${i}.`);
      // Masthead: a story of n paragraphs, one per person.
      const articleId = await story(labels);
      const cookies = await Promise.all(Array.from({ length: n }, cookieFor));
      const ours = await Promise.all(cookies.map((cookie) => mastheadClient(masthead.port, cookie, articleId)));
      const before = await masthead.stats();
      const mine = await typingRound(ours);
      const after = await masthead.stats();
      for (const client of ours) client.close();
      // The bare relay: the same paragraphs (made by the first client), the same typing.
      const room = `bench-${n}`;
      const first = await bareClient(bare.port, room);
      first.doc.transact(() => {
        const body = first.doc.getXmlFragment(SHARED.body);
        body.insert(
          0,
          labels.map((label) => {
            const paragraph = new Y.XmlElement("paragraph");
            paragraph.insert(0, [new Y.XmlText(label)]);
            return paragraph;
          }),
        );
      });
      const others = await Promise.all(Array.from({ length: n - 1 }, () => bareClient(bare.port, room)));
      const theirs = [first, ...others];
      await until(() => theirs.every((c) => c.doc.getXmlFragment(SHARED.body).length === n), 10_000);
      const bareBefore = await bare.stats();
      const base = await typingRound(theirs);
      const bareAfter = await bare.stats();
      for (const client of theirs) client.close();

      const updates = n * KEYS_PER_CLIENT;
      const cpu = (a: Stats, b: Stats) => (b.cpu.user + b.cpu.system - a.cpu.user - a.cpu.system) / updates;
      const fmt = (ms: number) => `${ms.toFixed(1).padStart(6)} ms`;
      console.log(
        `${String(n).padStart(3)} people  masthead p50 ${fmt(percentile(mine.latencies, 50))} p95 ${fmt(percentile(mine.latencies, 95))}` +
          `  lost ${mine.lost}  server CPU ${cpu(before, after).toFixed(0)} µs/update`,
      );
      console.log(
        `${" ".repeat(11)}bare relay p50 ${fmt(percentile(base.latencies, 50))} p95 ${fmt(percentile(base.latencies, 95))}` +
          `  lost ${base.lost}  server CPU ${cpu(bareBefore, bareAfter).toFixed(0)} µs/update` +
          `   (p95 ratio ${(percentile(mine.latencies, 95) / percentile(base.latencies, 95)).toFixed(2)})`,
      );
    }

    // Memory per open document: MEMORY_DOCS stories of about 2,000 words, one person in each.
    const words = Array.from(
      { length: 40 },
      (_, i) =>
        `Paragraph ${i} of a long story about the harbour, the council and the ferries, with fifty words in it to make it read like one that newsrooms write every day of the week and then some more.`,
    );
    const empty = await masthead.stats();
    const open: Client[] = [];
    for (let i = 0; i < MEMORY_DOCS; i += 1)
      open.push(await mastheadClient(masthead.port, await cookieFor(), await story(words)));
    const full = await masthead.stats();
    const bareEmpty = await bare.stats();
    for (let i = 0; i < MEMORY_DOCS; i += 1) {
      const client = await bareClient(bare.port, `memory-${i}`);
      client.doc.transact(() =>
        client.doc.getXmlFragment(SHARED.body).insert(
          0,
          words.map((text) => {
            const paragraph = new Y.XmlElement("paragraph");
            paragraph.insert(0, [new Y.XmlText(text)]);
            return paragraph;
          }),
        ),
      );
      open.push(client);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const bareFull = await bare.stats();
    const perDoc = (a: Stats, b: Stats) => ((b.heap - a.heap) / MEMORY_DOCS / 1024).toFixed(0);
    console.log(
      `memory per open document (${MEMORY_DOCS} stories of ~2,000 words, one person each): masthead ${perDoc(empty, full)} KiB, bare relay ${perDoc(bareEmpty, bareFull)} KiB (heap + buffers after GC)`,
    );
    for (const client of open) client.close();
  } catch (error) {
    console.error(error);
  } finally {
    masthead.stop();
    bare.stop();
    await db.$disconnect();
    await embedded.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

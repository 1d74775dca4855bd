import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isDeepStrictEqual } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { covers, STORE_NOW } from "@/lib/collab/notice";
import { readSharedDoc, SHARED } from "@/lib/content/shared-doc";
import { validateDocument } from "@/lib/content/validate";
import type { SessionUser } from "@/server/services/users";
import {
  bodyText,
  COLLAB_TEST_SECRET,
  connectTo,
  cookieFor,
  eventually,
  closeClients,
  random,
  typeAtEnd,
  type Client,
} from "@/tests/collab";
import { db, makeUser, resetTablesBeforeEach } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";
import { COLLAB_PATH, createCollabServer, type CollabServer } from "./collab-server";

let http: Server;
let collab: CollabServer;
let url: string;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = COLLAB_TEST_SECRET;
  collab = createCollabServer({
    db,
    timeZone: "UTC",
    debounceMs: 50,
    maxDebounceMs: 200,
    accessTtlMs: 0,
    siteOrigin: "http://newsroom.example",
  });
  http = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}${COLLAB_PATH}`;
});
afterEach(() => closeClients(collab));
afterAll(async () => {
  await collab.close();
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
});

let writer: SessionUser;
let colleague: SessionUser;
let editor: SessionUser;
resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  colleague = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
});

/** A second server that stores only when asked (or on close): `fn` gets its address. */
async function withPatientServer(fn: (url: string) => Promise<void>) {
  const patient = createCollabServer({ db, timeZone: "UTC", debounceMs: 60_000, maxDebounceMs: 120_000 });
  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => {
    if (!patient.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await fn(`ws://127.0.0.1:${(server.address() as AddressInfo).port}${COLLAB_PATH}`);
  } finally {
    await patient.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const connect = (cookie: string | null, articleId: string, origin?: string) =>
  connectTo(url, cookie, articleId, origin);

describe("co-editing over the real server", () => {
  it("two people type in one story: both see both, and the working copy is stored validated", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const a = connect(await cookieFor(writer), story.id);
    const b = connect(await cookieFor(editor), story.id);
    await Promise.all([a.synced, b.synced]);
    expect(a.doc.getText(SHARED.headline).toString()).toBe("Story in draft");
    typeAtEnd(a.doc, " Writer adds.");
    typeAtEnd(b.doc, " Editor adds.");
    const text = (doc: Y.Doc) => doc.getXmlFragment(SHARED.body).toString();
    await eventually(async () => text(a.doc) === text(b.doc) && text(a.doc).includes("Editor adds"), "convergence");
    await eventually(
      async () =>
        (await bodyText(story.id)).includes("Writer adds.") && (await bodyText(story.id)).includes("Editor adds."),
      "stored",
    );
  });

  it("tells every client what is stored: its edits are covered, with the article's new version", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const a = connect(await cookieFor(writer), story.id);
    const b = connect(await cookieFor(editor), story.id);
    await Promise.all([a.synced, b.synced]);
    typeAtEnd(a.doc, " Safe now.");
    const local = Y.decodeStateVector(Y.encodeStateVector(a.doc));
    const storedFor = (client: Client) =>
      client.notices.find((n) => n.kind === "stored" && covers(Y.decodeStateVector(n.stateVector), local));
    await eventually(
      async () => storedFor(a) !== undefined && storedFor(b) !== undefined,
      "a notice covering the edit",
    );
    const row = await db.article.findUniqueOrThrow({
      where: { id: story.id },
      select: { version: true, bodyText: true },
    });
    expect(row.bodyText).toContain("Safe now.");
    const notice = storedFor(a);
    expect(notice?.kind === "stored" ? notice.version : 0).toBe(row.version);
  });

  it("stores at once when a client asks (before a workflow step), not after the usual pause", async () => {
    await withPatientServer(async (patientUrl) => {
      const story = await articleIn("DRAFT", writer, editor);
      const client = connectTo(patientUrl, await cookieFor(writer), story.id);
      await client.synced;
      typeAtEnd(client.doc, " Just before submitting.");
      await eventually(async () => !client.provider.hasUnsyncedChanges, "sent");
      expect(await bodyText(story.id)).not.toContain("Just before submitting.");
      client.provider.sendStateless(STORE_NOW);
      await eventually(async () => (await bodyText(story.id)).includes("Just before submitting."), "stored at once");
      client.provider.destroy();
    });
  });

  it("refuses the signed out and a colleague, and makes a reader's connection read-only", async () => {
    const story = await articleIn("IN_REVIEW", writer, editor);
    await expect(connect(null, story.id).synced).rejects.toThrow();
    await expect(connect(await cookieFor(colleague), story.id).synced).rejects.toThrow();
    // A page on another site cannot ride the writer's cookie: the upgrade is refused outright.
    const refused = await new Promise<number>((resolve) => {
      void cookieFor(writer).then((cookie) => {
        const socket = new WebSocket(url, { headers: { cookie, origin: "https://evil.example" } });
        socket.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        socket.on("error", () => undefined);
      });
    });
    expect(refused).toBe(403);
    // The author may read a story in review, not change it.
    const reader = connect(await cookieFor(writer), story.id);
    await reader.synced;
    // Reading is not refused: the connection stays open and follows the desk's edits.
    const deskEdit = connect(await cookieFor(editor), story.id);
    await deskEdit.synced;
    typeAtEnd(deskEdit.doc, " Live from the desk.");
    await eventually(
      async () => reader.doc.getXmlFragment(SHARED.body).toString().includes("Live from the desk."),
      "the reader follows",
    );
    expect(reader.socket.status).toBe("connected");
    typeAtEnd(reader.doc, " Sneaked in.");
    const editorClient = connect(await cookieFor(editor), story.id);
    await editorClient.synced;
    typeAtEnd(editorClient.doc, " Desk edit.");
    await eventually(async () => (await bodyText(story.id)).includes("Desk edit."), "the editor's edit stored");
    expect(await bodyText(story.id)).not.toContain("Sneaked in.");
    expect(editorClient.doc.getXmlFragment(SHARED.body).toString()).not.toContain("Sneaked in.");
  });

  it("closes the connection of someone whose article left an editable state, keeping out their later edits", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const client = connect(await cookieFor(writer), story.id);
    await client.synced;
    typeAtEnd(client.doc, " Before submitting.");
    await eventually(async () => (await bodyText(story.id)).includes("Before submitting."), "stored");
    await db.article.update({ where: { id: story.id }, data: { status: "IN_REVIEW" } });
    // (This server checks again before every edit; the production default trusts an answer 2 s.)
    typeAtEnd(client.doc, " After submitting.");
    // Told why, in the close message the provider reports.
    expect((await client.closed).reason).toBe("You can no longer edit this article.");
    expect(await bodyText(story.id)).not.toContain("After submitting.");
  });

  it("refuses an edit that is not the article's schema, telling the sender why", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const client = connect(await cookieFor(writer), story.id);
    await client.synced;
    client.doc.getXmlFragment(SHARED.body).insert(1, [new Y.XmlElement("script")]);
    expect((await client.closed).reason).toBe("“script” is not a kind of block an article can have.");
    const stored = await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { sharedState: true } });
    const check = new Y.Doc();
    Y.applyUpdate(check, new Uint8Array(stored.sharedState ?? []));
    expect(check.getXmlFragment(SHARED.body).toString()).not.toContain("script");
  });
  it("tells the clients when a store fails (the story was deleted meanwhile), and keeps serving", async () => {
    await withPatientServer(async (patientUrl) => {
      const story = await articleIn("DRAFT", writer, editor);
      const client = connectTo(patientUrl, await cookieFor(writer), story.id);
      await client.synced;
      typeAtEnd(client.doc, " Typed into a story being deleted.");
      await eventually(async () => !client.provider.hasUnsyncedChanges, "sent");
      await db.$executeRawUnsafe('TRUNCATE "Article" CASCADE');
      client.provider.sendStateless(STORE_NOW);
      await eventually(async () => client.notices.some((n) => n.kind === "refused"), "a refused notice");
      const notice = client.notices.find((n) => n.kind === "refused");
      expect(notice?.kind === "refused" ? notice.message : "").toBe("That article was not found.");
      client.provider.destroy();
      // The server goes on storing other stories.
      const other = await articleIn("DRAFT", writer, editor);
      const next = connectTo(patientUrl, await cookieFor(writer), other.id);
      await next.synced;
      typeAtEnd(next.doc, " Still stored.");
      await eventually(async () => !next.provider.hasUnsyncedChanges, "sent");
      next.provider.sendStateless(STORE_NOW);
      await eventually(async () => (await bodyText(other.id)).includes("Still stored."), "the other story stored");
      next.provider.destroy();
    });
  });
});

describe("suggestions in the shared document", () => {
  /** The first paragraph's text, formatted from `from` for `length` characters. */
  const mark = (client: Client, from: number, length: number, attributes: Record<string, unknown>) =>
    ((client.doc.getXmlFragment(SHARED.body).get(0) as Y.XmlElement).get(0) as Y.XmlText).format(
      from,
      length,
      attributes,
    );

  it("keeps a suggestion in the sender's own name, refuses one in someone else's or without an id", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const editorClient = connect(await cookieFor(editor), story.id);
    await editorClient.synced;
    const own = `${editor.id}:${Date.now().toString(36)}:a1b2c3`;
    mark(editorClient, 4, 7, { deletion: { id: own } });
    await eventually(async () => (await storedMarks(story.id)).includes(own), "stored");

    // Typing next to someone's suggestion extends theirs: an id already in the text passes.
    const writerClient = connect(await cookieFor(writer), story.id);
    await writerClient.synced;
    mark(writerClient, 0, 3, { deletion: { id: own } });
    const forged = connect(await cookieFor(writer), story.id);
    await forged.synced;
    mark(forged, 12, 5, { insertion: { id: `${editor.id}:${Date.now().toString(36)}:ffffff` } });
    expect((await forged.closed).reason).toBe("A suggestion can only be made in your own name.");
    const bare = connect(await cookieFor(writer), story.id);
    await bare.synced;
    mark(bare, 12, 5, { insertion: { id: 7 } });
    expect((await bare.closed).reason).toBe("That suggestion has no valid id.");
    await eventually(async () => (await storedMarks(story.id)).split(own).length - 1 === 2, "the extension stored");
    expect(await storedMarks(story.id)).not.toContain("ffffff");
  });
});

/** The suggestion ids in the stored working copy, in order, as text. */
async function storedMarks(articleId: string): Promise<string> {
  const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } });
  return (
    JSON.stringify(article.body)
      .match(/"id":"[^"]+"/g)
      ?.join(" ") ?? ""
  );
}

describe("presence and disguised updates", () => {
  it("refuses a caret carrying someone else's name, and keeps one with the person's own", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const honest = connect(await cookieFor(editor), story.id);
    await honest.synced;
    honest.provider.setAwarenessField("user", { name: editor.displayName, color: "#1d4ed8" });
    const watcher = connect(await cookieFor(writer), story.id);
    await watcher.synced;
    await eventually(
      async () =>
        [...(watcher.provider.awareness?.getStates().values() ?? [])].some(
          (state) => (state.user as { name?: string } | undefined)?.name === editor.displayName,
        ),
      "the honest caret is shown",
    );
    const impostor = connect(await cookieFor(writer), story.id);
    await impostor.synced;
    impostor.provider.setAwarenessField("user", { name: "The Editor-in-Chief", color: "#1d4ed8" });
    expect((await impostor.closed).reason).toBe("A caret can only carry your own name.");
  });

  it("checks an update sent as a sync reply as strictly as any other", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const client = connect(await cookieFor(writer), story.id);
    await client.synced;
    const sneaky = new Y.Doc();
    Y.applyUpdate(sneaky, Y.encodeStateAsUpdate(client.doc));
    sneaky.getXmlFragment(SHARED.body).insert(0, [new Y.XmlElement("script")]);
    const update = Y.encodeStateAsUpdate(sneaky, Y.encodeStateVector(client.doc));
    // A SyncReply (4) message with sync step 2 (1) carrying the update.
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, story.id);
    encoding.writeVarUint(encoder, 4);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, update);
    client.socket.webSocket?.send(encoding.toUint8Array(encoder));
    expect((await client.closed).reason).toBe("“script” is not a kind of block an article can have.");
    expect(await bodyText(story.id)).not.toContain("script");
  });
});

describe("convergence under random edits, disconnects and reconnects", () => {
  for (const seed of [1, 7, 42]) {
    it(`four clients end with one text, stored and valid (seed ${seed})`, async () => {
      const next = random(seed);
      const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
      const story = await articleIn("DRAFT", writer, editor);
      const admin = await makeUser("ADMIN");
      const clients = [
        connect(await cookieFor(writer), story.id),
        connect(await cookieFor(writer), story.id), // the same person in a second tab
        connect(await cookieFor(editor), story.id),
        connect(await cookieFor(admin), story.id),
      ];
      await Promise.all(clients.map((c) => c.synced));
      const offline = new Set<Client>();
      for (let step = 0; step < 60; step += 1) {
        const client = pick(clients);
        const body = client.doc.getXmlFragment(SHARED.body);
        const roll = next();
        if (roll < 0.12) {
          // Drop off or come back.
          // (Each waits for the last to finish: the provider ignores a connect while still open.)
          if (offline.has(client)) {
            offline.delete(client);
            await client.socket.connect();
          } else {
            offline.add(client);
            client.socket.disconnect();
            await eventually(async () => client.socket.status === "disconnected", "offline");
          }
        } else if (roll < 0.25) {
          const at = Math.floor(next() * (body.length + 1));
          body.insert(at, [new Y.XmlElement("paragraph")]);
        } else if (roll < 0.35 && body.length > 1) {
          body.delete(Math.floor(next() * body.length), 1);
        } else if (body.length > 0) {
          const paragraph = body.get(Math.floor(next() * body.length)) as Y.XmlElement;
          if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
          const text = paragraph.get(0) as Y.XmlText;
          if (roll < 0.5 && text.length > 2) {
            const from = Math.floor(next() * (text.length - 1));
            text.delete(from, Math.min(3, text.length - from));
          } else
            text.insert(Math.floor(next() * (text.length + 1)), pick(["harbour ", "vote ", "ferry ", "x", "“q” "]));
        }
        if (next() < 0.3) await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all([...offline].map((client) => client.socket.connect()));
      const bodyOf = (doc: Y.Doc) => doc.getXmlFragment(SHARED.body).toString();
      await eventually(
        async () =>
          clients.every(
            (c) => bodyOf(c.doc) === bodyOf(clients[0]?.doc ?? new Y.Doc()) && !c.provider.hasUnsyncedChanges,
          ),
        "every client has the same text and nothing unsent",
      );
      const expected = readSharedDoc(clients[0]?.doc ?? new Y.Doc());
      if (!expected.ok) throw new Error(expected.error);
      await eventually(async () => {
        const row = await db.article.findUniqueOrThrow({
          where: { id: story.id },
          select: { sharedState: true, body: true },
        });
        const stored = new Y.Doc();
        Y.applyUpdate(stored, new Uint8Array(row.sharedState ?? []));
        return (
          bodyOf(stored) === bodyOf(clients[0]?.doc ?? new Y.Doc()) &&
          isDeepStrictEqual(row.body, expected.body.document)
        );
      }, "the stored Yjs state and the stored working copy are that text");
      expect(validateDocument(expected.body.document).ok).toBe(true);
    });
  }
});

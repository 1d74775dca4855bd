import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { covers } from "@/lib/collab/notice";
import { SHARED } from "@/lib/content/shared-doc";
import * as Y from "yjs";
import type { SessionUser } from "@/server/services/users";
import {
  bodyText,
  COLLAB_TEST_SECRET,
  connectTo,
  cookieFor,
  eventually,
  closeClients,
  typeAtEnd,
} from "@/tests/collab";
import { callerFor, DATABASE_URL, db, makeUser, resetTablesBeforeEach } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";
import { COLLAB_PATH, createCollabServer, type CollabServer } from "./collab-server";

// Two instances, as two `npm start` processes on one database: each has its own co-editing
// server, and they relay to each other over PostgreSQL (relay.ts).

interface Instance {
  collab: CollabServer;
  http: Server;
  url: string;
}
const instances: Instance[] = [];

async function startInstance(instanceId: string): Promise<Instance> {
  const collab = createCollabServer({
    db,
    timeZone: "UTC",
    debounceMs: 50,
    maxDebounceMs: 200,
    accessTtlMs: 0,
    relay: { connectionString: DATABASE_URL, instanceId },
  });
  const http = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  await collab.ready();
  return { collab, http, url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}${COLLAB_PATH}` };
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = COLLAB_TEST_SECRET;
  instances.push(await startInstance("instance-a"), await startInstance("instance-b"));
});
afterEach(() => closeClients(...instances.map((instance) => instance.collab)));
afterAll(async () => {
  for (const { collab, http } of instances) {
    await collab.close();
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  }
});

let writer: SessionUser;
let editor: SessionUser;
resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
});

const [a, b] = [() => instances[0]?.url ?? "", () => instances[1]?.url ?? ""];
const bodyOf = (doc: Y.Doc) => doc.getXmlFragment(SHARED.body).toString();

describe("co-editing across instances", () => {
  it("one person on each instance: both see both, carets included, and the text is stored once merged", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const onA = connectTo(a(), await cookieFor(writer), story.id);
    const onB = connectTo(b(), await cookieFor(editor), story.id);
    await Promise.all([onA.synced, onB.synced]);
    typeAtEnd(onA.doc, " From A.");
    typeAtEnd(onB.doc, " From B.");
    await eventually(
      async () =>
        bodyOf(onA.doc) === bodyOf(onB.doc) &&
        bodyOf(onA.doc).includes("From A.") &&
        bodyOf(onA.doc).includes("From B."),
      "both instances' clients converge",
    );
    onA.provider.setAwarenessField("user", { name: writer.displayName, color: "#0b5394" });
    await eventually(
      async () =>
        [...(onB.provider.awareness?.getStates().values() ?? [])].some(
          (state) => (state.user as { name?: string } | undefined)?.name === writer.displayName,
        ),
      "the caret's owner is known on B",
    );
    await eventually(
      async () => (await bodyText(story.id)).includes("From A.") && (await bodyText(story.id)).includes("From B."),
      "stored",
    );
    // A client on B learns that an edit made on A is stored (the notice is relayed too).
    const local = Y.decodeStateVector(Y.encodeStateVector(onA.doc));
    await eventually(
      async () => onB.notices.some((n) => n.kind === "stored" && covers(Y.decodeStateVector(n.stateVector), local)),
      "a store notice covering A's edit reaches B",
    );
  });

  it("a save made outside co-editing (a form save) reaches everyone who has the story open", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const onA = connectTo(a(), await cookieFor(writer), story.id);
    const onB = connectTo(b(), await cookieFor(editor), story.id);
    await Promise.all([onA.synced, onB.synced]);
    const row = await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { version: true, body: true } });
    const caller = await callerFor(editor);
    await caller.article.update({
      id: story.id,
      version: row.version,
      headline: "Saved from the form",
      standfirst: "",
      sectionId: null,
      body: row.body,
      heroImageCaption: null,
      heroImageCredit: null,
      heroImageAlt: null,
    });
    for (const client of [onA, onB])
      await eventually(
        async () => client.doc.getText(SHARED.headline).toString() === "Saved from the form",
        "the form save is in every open copy",
      );
    // Each is told the article's new version (their next workflow step is not refused as stale).
    const saved = await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { version: true } });
    for (const client of [onA, onB])
      await eventually(
        async () => client.notices.some((n) => n.kind === "stored" && n.version === saved.version),
        "the new version is announced",
      );
    // And co-editing goes on from there: the next store keeps it.
    typeAtEnd(onB.doc, " Later.");
    await eventually(async () => (await bodyText(story.id)).includes("Later."), "stored");
    const stored = await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { headline: true } });
    expect(stored.headline).toBe("Saved from the form");
  });
});

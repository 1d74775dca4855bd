import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { covers } from "@/lib/collab/notice";
import type { SessionUser } from "@/server/services/users";
import {
  bodyText,
  COLLAB_TEST_SECRET,
  connectTo,
  cookieFor,
  eventually,
  openProviders,
  typeAtEnd,
  type Client,
} from "@/tests/collab";
import { DATABASE_URL, makeUser, resetTablesBeforeEach } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";
import { COLLAB_PATH } from "./collab-server";

// The co-editing server dies (SIGKILL: no chance to store anything) after clients were told
// their edits are stored, and comes back on the same port. What was acknowledged is in the
// database; what was not is still on the clients, which send it again when they reconnect.

let port = 0;
let server: ChildProcess | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function start(): Promise<void> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(process.cwd(), "tests", "collab-server-process.ts")],
    {
      env: { ...process.env, PORT: String(port), DATABASE_URL, NEXTAUTH_SECRET: COLLAB_TEST_SECRET },
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  server = child;
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the collab server exited (${code})`)));
  });
}

function kill(): Promise<void> {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = COLLAB_TEST_SECRET;
  port = await freePort();
  await start();
});
afterEach(() => {
  for (const provider of openProviders.splice(0)) provider.destroy();
});
afterAll(kill);

let writer: SessionUser;
let editor: SessionUser;
resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
});

/** The client was told (by a store notice) that everything it has now is stored. */
function acknowledged(client: Client): Promise<void> {
  const local = Y.decodeStateVector(Y.encodeStateVector(client.doc));
  return eventually(
    async () => client.notices.some((n) => n.kind === "stored" && covers(Y.decodeStateVector(n.stateVector), local)),
    "acknowledged",
  );
}

describe("the co-editing server is killed and restarted", () => {
  it("keeps everything acknowledged, and takes the unacknowledged edits again from the clients", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const url = `ws://127.0.0.1:${port}${COLLAB_PATH}`;
    const a = connectTo(url, await cookieFor(writer), story.id);
    const b = connectTo(url, await cookieFor(editor), story.id);
    await Promise.all([a.synced, b.synced]);

    typeAtEnd(a.doc, " Acknowledged from A.");
    typeAtEnd(b.doc, " Acknowledged from B.");
    await Promise.all([acknowledged(a), acknowledged(b)]);
    // B leaves: its acknowledged edits must not depend on it any more.
    b.provider.destroy();

    // A types on, and the server dies before it can store that.
    a.socket.disconnect();
    await eventually(async () => a.socket.status === "disconnected", "A offline");
    typeAtEnd(a.doc, " Not yet acknowledged.");
    await kill();
    const afterCrash = await bodyText(story.id);
    expect(afterCrash).toContain("Acknowledged from A.");
    expect(afterCrash).toContain("Acknowledged from B.");
    expect(afterCrash).not.toContain("Not yet acknowledged.");

    await start();
    await a.socket.connect();
    await eventually(async () => (await bodyText(story.id)).includes("Not yet acknowledged."), "resent and stored");
    await acknowledged(a);
    const text = await bodyText(story.id);
    for (const part of ["Acknowledged from A.", "Acknowledged from B.", "Not yet acknowledged."])
      expect(text.split(part).length - 1).toBe(1);
  });

  it("a client that was connected when the server died sends its edits again on its own", async () => {
    const story = await articleIn("DRAFT", writer, editor);
    const url = `ws://127.0.0.1:${port}${COLLAB_PATH}`;
    const a = connectTo(url, await cookieFor(writer), story.id);
    await a.synced;
    typeAtEnd(a.doc, " Stored before the crash.");
    await acknowledged(a);
    // Killed while an edit is on its way (sent, perhaps applied, never stored).
    typeAtEnd(a.doc, " In flight at the crash.");
    await kill();
    await start();
    // The provider reconnects by itself and syncs: the edit arrives and is stored.
    await eventually(
      async () => (await bodyText(story.id)).includes("In flight at the crash."),
      "stored after restart",
    );
    expect((await bodyText(story.id)).split("Stored before the crash.").length - 1).toBe(1);
  });
});

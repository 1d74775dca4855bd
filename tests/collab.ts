import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { encode } from "next-auth/jwt";
import WebSocket from "ws";
import * as Y from "yjs";
import { decodeStoreNotice, type StoreNotice } from "@/lib/collab/notice";
import { SHARED } from "@/lib/content/shared-doc";
import { sessionCookieName } from "@/server/auth/session-token";
import type { CollabServer } from "@/server/collab/collab-server";
import { createSession } from "@/server/services/sessions";
import type { SessionUser } from "@/server/services/users";
import { db } from "./db";

// Co-editing clients for integration tests: a Hocuspocus provider with a session cookie, as a
// browser tab would connect, and helpers to type and wait.

export const COLLAB_TEST_SECRET = "collab integration test secret, long enough 0123456789";
/** Every provider made here; destroy them after each test. */
export const openProviders: HocuspocusProvider[] = [];

export async function cookieFor(user: SessionUser): Promise<string> {
  const sid = await createSession(db, user.id);
  const token = await encode({ token: { sub: user.id, sid }, secret: COLLAB_TEST_SECRET, maxAge: 3600 });
  return `${sessionCookieName()}=${token}`;
}

export interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Resolves when the server has sent the document, or rejects with why it refused. */
  synced: Promise<void>;
  closed: Promise<{ reason: string }>;
  /** Every store notice the server sent this client, in order. */
  notices: StoreNotice[];
}

/** A seeded generator (mulberry32), so a failing run can be replayed with its seed. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function connectTo(url: string, cookie: string | null, articleId: string, origin?: string): Client {
  const headers = { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) };
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
      // A refused or closed connection is the provider's to report (and this test's to check).
      this.on("error", () => undefined);
    }
  }
  const doc = new Y.Doc();
  const notices: StoreNotice[] = [];
  let settle: { ok: () => void; fail: (reason: string) => void } = { ok: () => undefined, fail: () => undefined };
  const synced = new Promise<void>((ok, fail) => {
    settle = { ok, fail: (reason) => fail(new Error(reason)) };
  });
  let onClosed: (value: { reason: string }) => void = () => undefined;
  const closed = new Promise<{ reason: string }>((resolve) => {
    onClosed = resolve;
  });
  const websocketProvider = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: CookieSocket,
    maxAttempts: cookie ? 0 : 1,
    minDelay: 10,
    maxDelay: 100,
  });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: articleId,
    document: doc,
    token: "session-cookie",
    onSynced: () => settle.ok(),
    onAuthenticationFailed: ({ reason }) => settle.fail(reason),
    onClose: ({ event }) => onClosed({ reason: event.reason }),
    onStateless: ({ payload }) => {
      const notice = decodeStoreNotice(payload);
      if (notice) notices.push(notice);
    },
  });
  provider.attach();
  openProviders.push(provider);
  return { doc, provider, socket: websocketProvider, synced, closed, notices };
}

/**
 * After a test: close every client, then wait until the servers have stored what the closing
 * left pending and unloaded each story. A store still running when the next test empties the
 * tables can deadlock with the truncation (seen in CI).
 */
export async function closeClients(...servers: CollabServer[]) {
  for (const provider of openProviders.splice(0)) provider.destroy();
  await eventually(
    async () => servers.every((server) => server.hocuspocus.getDocumentsCount() === 0),
    "every story stored and unloaded",
  );
}

export function typeAtEnd(doc: Y.Doc, text: string) {
  const paragraph = doc.getXmlFragment(SHARED.body).get(0) as Y.XmlElement;
  const node = paragraph.get(0) as Y.XmlText;
  node.insert(node.length, text);
}

export const bodyText = async (id: string) =>
  (await db.article.findUniqueOrThrow({ where: { id }, select: { bodyText: true } })).bodyText;

/** Polls the database until `check` holds (the server stores a moment after the last change). */
export async function eventually(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 400; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never happened: ${what}`);
}

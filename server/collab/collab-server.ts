import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus, type onAuthenticatePayload } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import type { Db } from "../db/client";
import { openSharedText, storeSharedText } from "../services/shared-text";
import type { SessionUser } from "../services/users";
import {
  bodyHasSuggestion,
  collabAccess,
  refuseAwareness,
  refuseUpdate,
  userFromHeaders,
  type CollabAccess,
} from "./access";
import { encodeStoreNotice, STORE_NOW } from "@/lib/collab/notice";
import { SHARED } from "@/lib/content/shared-doc";
import { createRelay } from "./relay";

// Co-editing: a Hocuspocus server on the web server's own port (WebSocket upgrade on
// COLLAB_PATH). One shared document per article, named by the article's id. Who connects is
// read from the session cookie; what they may do is the same as saving (or reading) the
// article, asked on connect and again, at most ACCESS_TTL_MS old, before each update.

export const COLLAB_PATH = "/collab";
/** How long a connection's answer to "may this person still edit?" is trusted, by default. */
const ACCESS_TTL_MS = 2000;
/** The largest message a client may send (a whole 20,000-word story is about 300 KB as Yjs). */
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** Why a document connection is closed; the client gets the reason text in the close message. */
const CLOSE = { unauthorized: 4401, forbidden: 4403, invalid: 4422 } as const;

interface Context {
  user: SessionUser;
  access: CollabAccess;
  checkedAt: number;
}

function isContext(value: unknown): value is Context {
  return typeof value === "object" && value !== null && "user" in value && "access" in value;
}

class Refused extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * What a Hocuspocus message carries that must be checked: a y-sync update (sync step 2 or an
 * update, in a Sync or SyncReply message; both are applied alike) or an awareness update.
 */
function payloadOf(message: Uint8Array): { kind: "update" | "awareness"; bytes: Uint8Array } | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder); // the document's name
  const type = decoding.readVarUint(decoder);
  if (type === 1) return { kind: "awareness", bytes: decoding.readVarUint8Array(decoder) };
  if (type !== 0 && type !== 4) return null; // not a sync message
  const syncType = decoding.readVarUint(decoder);
  return syncType === 1 || syncType === 2 ? { kind: "update", bytes: decoding.readVarUint8Array(decoder) } : null;
}

export interface CollabServer {
  hocuspocus: Hocuspocus;
  /** Resolves when the relay to other instances listens (at once without one). */
  ready(): Promise<void>;
  /** For the web server's "upgrade" event: true when the request was for co-editing. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}

export function createCollabServer(options: {
  db: Db;
  clock?: () => Date;
  timeZone: string;
  /** Waits after the last change before storing, and at most this long while changes go on. */
  debounceMs?: number;
  maxDebounceMs?: number;
  accessTtlMs?: number;
  /** The site's origin: a browser's upgrade from any other page is refused (it would carry the cookie). */
  siteOrigin?: string;
  log?: (line: string) => void;
  /**
   * The database every instance shares, for the relay between instances (relay.ts). Without
   * it, this server works alone (tests of a single server).
   */
  relay?: { connectionString: string; instanceId: string };
}): CollabServer {
  const { db, timeZone } = options;
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const accessTtl = options.accessTtlMs ?? ACCESS_TTL_MS;

  const relay = options.relay
    ? createRelay({
        ...options.relay,
        log,
        readStored: async (articleId) => {
          const row = await db.article.findUnique({
            where: { id: articleId },
            select: { sharedState: true, version: true },
          });
          return row?.sharedState ? { state: new Uint8Array(row.sharedState), version: row.version } : null;
        },
        // A save, restore or decision made outside co-editing: every client learns the new
        // version (its next workflow step is not refused as stale) and what is stored.
        afterMerge: (document, stored) =>
          document.broadcastStateless(
            encodeStoreNotice({
              kind: "stored",
              version: stored.version,
              stateVector: Y.encodeStateVectorFromUpdate(stored.state),
            }),
          ),
      })
    : null;

  const hocuspocus = new Hocuspocus({
    quiet: true,
    extensions: relay ? [relay] : [],
    debounce: options.debounceMs ?? 1000,
    maxDebounce: options.maxDebounceMs ?? 5000,
    async onAuthenticate(data: onAuthenticatePayload) {
      const user = await userFromHeaders(db, data.requestHeaders);
      if (!user) throw new Refused(CLOSE.unauthorized, "Sign in to edit this article.");
      const access = await collabAccess(db, user, data.documentName);
      if (access === "none") throw new Refused(CLOSE.forbidden, "You cannot open this article.");
      if (access === "read") data.connectionConfig.readOnly = true;
      const context: Context = { user, access, checkedAt: Date.now() };
      return context;
    },
    async onLoadDocument({ document, documentName }) {
      Y.applyUpdate(document, await openSharedText(db, documentName));
      return document;
    },
    async beforeHandleMessage({ context, update, documentName, connection, document }) {
      if (!isContext(context)) throw new Refused(CLOSE.forbidden, "You cannot open this article.");
      const payload = payloadOf(update);
      if (payload?.kind === "awareness") {
        // Carets carry a name: it must be the signed-in person's, so nobody appears as someone else.
        const refused = refuseAwareness(payload.bytes, context.user.displayName, (clientId) => {
          const meta = document.awareness.meta.get(clientId);
          const state = document.awareness.getStates().get(clientId);
          return meta ? { clock: meta.clock, json: JSON.stringify(state ?? null) } : undefined;
        });
        if (refused) throw new Refused(CLOSE.invalid, refused);
        return;
      }
      const change = payload?.bytes;
      // Nothing new (a reader's reply to the first sync, a repeat after a reconnect): nothing to check.
      if (!change || Y.snapshotContainsUpdate(Y.snapshot(document), change)) return;
      if (Date.now() - context.checkedAt >= accessTtl) {
        // A role change, a deactivation, a sign-out or a step out of an editable state counts at once.
        const user = await userFromHeaders(db, connection.request.headers);
        context.access = user ? await collabAccess(db, user, documentName) : "none";
        context.checkedAt = Date.now();
      }
      if (context.access !== "edit") {
        connection.readOnly = true;
        throw new Refused(CLOSE.forbidden, "You can no longer edit this article.");
      }
      const refused = refuseUpdate(change, {
        userId: context.user.id,
        knowsSuggestion: (id) => bodyHasSuggestion(document.getXmlFragment(SHARED.body), id),
      });
      if (refused) throw new Refused(CLOSE.invalid, refused);
    },
    // "store-now" (sent before a workflow step): what this person typed is stored at once, so
    // the step never overtakes their last keystrokes.
    async onStateless({ payload, document, connection }) {
      if (payload !== STORE_NOW || !isContext(connection.context) || connection.readOnly) return;
      await hocuspocus.storeDocumentHooks(
        document,
        {
          clientsCount: document.getConnectionsCount(),
          context: connection.context,
          document,
          documentName: document.name,
          instance: hocuspocus,
          requestHeaders: {},
          requestParameters: new URLSearchParams(),
          socketId: "store-now",
        },
        true,
      );
    },
    async onStoreDocument({ document, documentName, context }) {
      if (!isContext(context)) return;
      // What is being stored, taken in the same moment as the update itself: clients learn that
      // everything up to this state vector is safe in the database (and may stop worrying about it).
      const update = Y.encodeStateAsUpdate(document);
      const stateVector = Y.encodeStateVector(document);
      try {
        const { version } = await storeSharedText(
          db,
          context.user,
          { articleId: documentName, update },
          { now: clock(), timeZone },
        );
        document.broadcastStateless(encodeStoreNotice({ kind: "stored", version, stateVector }));
      } catch (error) {
        const message = error instanceof Error ? error.message : "unknown";
        log(`collab: not stored (${documentName}): ${message}`);
        // Not thrown on: Hocuspocus stores after a pause without waiting for the outcome, so a
        // throw here would be an unhandled rejection (a story deleted while open, a database
        // blip). Clients keep their copy until a "stored" notice covers it.
        document.broadcastStateless(encodeStoreNotice({ kind: "refused", message }));
      }
    },
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  return {
    hocuspocus,
    ready: () => relay?.ready() ?? Promise.resolve(),
    handleUpgrade(request, socket, head) {
      const path = (request.url ?? "").split("?")[0];
      if (path !== COLLAB_PATH) return false;
      const origin = request.headers.origin;
      if (options.siteOrigin && origin !== undefined && origin !== options.siteOrigin) {
        socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        return true;
      }
      sockets.handleUpgrade(request, socket, head, (ws) => hocuspocus.handleConnection(ws, request));
      return true;
    },
    async close() {
      // Closing the connections unloads the documents, storing what is pending first.
      hocuspocus.closeConnections();
      for (let waited = 0; hocuspocus.getDocumentsCount() > 0 && waited < 10_000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      for (const socket of sockets.clients) socket.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await relay?.stop();
    },
  };
}

import type {
  Document,
  afterLoadDocumentPayload,
  beforeBroadcastStatelessPayload,
  Extension,
  Hocuspocus,
  onAwarenessUpdatePayload,
  onChangePayload,
  onConfigurePayload,
} from "@hocuspocus/server";
import { IncomingMessage, MessageReceiver, OutgoingMessage } from "@hocuspocus/server";
import pg from "pg";
import * as Y from "yjs";
import { RELAY_CHANNEL } from "./relay-channel";

// Several instances, one shared document: every change, caret and store notice an instance's
// clients make is sent to the other instances over PostgreSQL (LISTEN/NOTIFY on the database
// they share already; a message too large for a notification goes through the CollabMessage
// table). What arrives is applied to the instance's copy of the document and reaches its
// clients as if made there. Missed messages (a dropped listener) are caught up with a Yjs
// sync round when the listener is back. A save outside co-editing (a restore, a form save)
// announces itself on the same channel (relay-channel.ts): every instance merges in what is
// stored. The single-instance default uses the same path and needs nothing else.

/**
 * Changes applied from another instance carry this origin. It is the one Hocuspocus itself
 * knows as a relay's: such changes are stored by the instance where they were made.
 */
export const RELAY_ORIGIN = "__hocuspocus__redis__origin__";
/** NOTIFY payloads are at most 8000 bytes; larger messages go through the table. */
const MAX_INLINE = 7000;
const KEEP_MESSAGES_S = 60;
const RECONNECT_MS = 1000;

export interface Relay extends Extension {
  stop(): Promise<void>;
  /** Resolves once the listener is connected (tests wait for it). */
  ready(): Promise<void>;
}

export function createRelay(options: {
  connectionString: string;
  instanceId: string;
  log: (line: string) => void;
  /** Reads the stored shared document of an article (for announcements of saves made elsewhere). */
  readStored: (articleId: string) => Promise<{ state: Uint8Array; version: number } | null>;
  /** Tells a document's clients what is stored now, once it has been merged in. */
  afterMerge: (document: Document, stored: { state: Uint8Array; version: number }) => void;
}): Relay {
  const { instanceId, log } = options;
  let instance: Hocuspocus | null = null;
  let listener: pg.Client | null = null;
  let stopped = false;
  let lostOnce = false;
  let readyResolve: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (readyResolve = resolve));
  const publisher = new pg.Pool({
    connectionString: options.connectionString,
    max: 1,
    application_name: "masthead-collab-relay",
  });
  publisher.on("error", () => undefined);

  const publish = async (message: Uint8Array) => {
    if (stopped) return;
    const encoded = Buffer.from(message).toString("base64");
    try {
      if (encoded.length <= MAX_INLINE) {
        await publisher.query("SELECT pg_notify($1, $2)", [RELAY_CHANNEL, `${instanceId}|m|${encoded}`]);
      } else {
        await publisher.query(
          `WITH stored AS (INSERT INTO "CollabMessage" (body) VALUES ($1) RETURNING id)
           SELECT pg_notify($2, $3 || stored.id::text) FROM stored`,
          [Buffer.from(message), RELAY_CHANNEL, `${instanceId}|t|`],
        );
      }
    } catch (error) {
      // The other instances catch up when they next sync (their listener reconnects, or the
      // next change from here asks them for what they lack).
      log(`collab relay: not sent (${error instanceof Error ? error.message : "unknown"})`);
    }
  };

  const apply = (bytes: Uint8Array) => {
    const message = new IncomingMessage(bytes);
    const documentName = message.readVarString();
    message.writeVarString(documentName);
    const document = instance?.documents.get(documentName);
    if (!document) return;
    new MessageReceiver(message, RELAY_ORIGIN).apply(document, undefined, (reply) => void publish(reply));
  };

  const mergeStored = async (articleId: string) => {
    const document = instance?.documents.get(articleId);
    if (!document) return;
    const stored = await options.readStored(articleId);
    if (!stored) return;
    Y.applyUpdate(document, stored.state, RELAY_ORIGIN);
    options.afterMerge(document, stored);
  };

  const receive = async (payload: string) => {
    const [from, kind, data] = payload.split("|", 3);
    if (from === instanceId || data === undefined) return;
    if (kind === "m") apply(new Uint8Array(Buffer.from(data, "base64")));
    else if (kind === "t") {
      const { rows } = await publisher.query<{ body: Buffer }>(`SELECT body FROM "CollabMessage" WHERE id = $1`, [
        data,
      ]);
      if (rows[0]) apply(new Uint8Array(rows[0].body));
    } else if (kind === "r") await mergeStored(data);
  };

  /** Asks the other instances for whatever this one's copies lack (after being away). */
  const syncAll = () => {
    for (const document of instance?.documents.values() ?? []) {
      void publish(
        new OutgoingMessage(document.name).createSyncMessage().writeFirstSyncStepFor(document).toUint8Array(),
      );
      void mergeStored(document.name).catch(() => undefined);
    }
  };

  const connect = async () => {
    if (stopped) return;
    const client = new pg.Client({
      connectionString: options.connectionString,
      application_name: "masthead-collab-listener",
    });
    const lost = (error: unknown) => {
      if (listener !== client) return;
      listener = null;
      if (!lostOnce)
        log(`collab relay: listener lost (${error instanceof Error ? error.message : "unknown"}); reconnecting`);
      lostOnce = true;
      void client.end().catch(() => undefined);
      setTimeout(() => void connect(), RECONNECT_MS).unref();
    };
    client.on("error", lost);
    client.on("notification", (notification) => {
      if (notification.payload)
        receive(notification.payload).catch((error: unknown) =>
          log(`collab relay: not applied (${error instanceof Error ? error.message : "unknown"})`),
        );
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${RELAY_CHANNEL}`);
      if (stopped) return void (await client.end());
      listener = client;
      if (lostOnce) {
        log("collab relay: listener connected again");
        lostOnce = false;
        syncAll();
      }
      readyResolve();
    } catch (error) {
      await client.end().catch(() => undefined);
      if (!lostOnce)
        log(`collab relay: cannot listen (${error instanceof Error ? error.message : "unknown"}); retrying`);
      lostOnce = true;
      setTimeout(() => void connect(), RECONNECT_MS).unref();
    }
  };

  let pruned = 0;
  const prune = () => {
    if (Date.now() - pruned < KEEP_MESSAGES_S * 500) return;
    pruned = Date.now();
    publisher
      .query(`DELETE FROM "CollabMessage" WHERE "createdAt" < now() - make_interval(secs => $1)`, [KEEP_MESSAGES_S])
      .catch(() => undefined);
  };

  void connect();

  return {
    extensionName: "masthead-relay",
    async onConfigure({ instance: hocuspocus }: onConfigurePayload) {
      instance = hocuspocus;
    },
    async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
      // Whatever another instance has that the stored copy does not yet, and their carets.
      await publish(
        new OutgoingMessage(documentName).createSyncMessage().writeFirstSyncStepFor(document).toUint8Array(),
      );
      await publish(new OutgoingMessage(documentName).writeQueryAwareness().toUint8Array());
    },
    async onChange({ documentName, update, transactionOrigin }: onChangePayload) {
      if (transactionOrigin === RELAY_ORIGIN) return;
      prune();
      await publish(new OutgoingMessage(documentName).createSyncMessage().writeUpdate(update).toUint8Array());
    },
    async onAwarenessUpdate({ documentName, document, awareness, added, updated, removed }: onAwarenessUpdatePayload) {
      if (document.getConnectionsCount() === 0) return;
      const changed = [...added, ...updated, ...removed];
      await publish(new OutgoingMessage(documentName).createAwarenessUpdateMessage(awareness, changed).toUint8Array());
    },
    async beforeBroadcastStateless({ documentName, payload }: beforeBroadcastStatelessPayload) {
      await publish(new OutgoingMessage(documentName).writeBroadcastStateless(payload).toUint8Array());
    },
    ready: () => readyPromise,
    async stop() {
      stopped = true;
      const client = listener;
      listener = null;
      await client?.end().catch(() => undefined);
      await publisher.end().catch(() => undefined);
    },
  };
}

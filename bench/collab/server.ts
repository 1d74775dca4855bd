// The server side of bench/collab, in a process of its own so its CPU and memory are its own:
// "masthead" (the co-editing server as `npm start` runs it: Hocuspocus, access checks, stores
// to PostgreSQL, the relay) or "bare" (a plain y-websocket style relay: apply and broadcast,
// nothing else). Prints "listening <port>"; answers "stats" on IPC with CPU and memory.
import { createServer, type IncomingMessage } from "node:http";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocketServer, type WebSocket } from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { createCollabServer } from "../../server/collab/collab-server";
import { createDb } from "../../server/db/client";

const kind = process.argv[2] === "bare" ? "bare" : "masthead";

function bareRelay() {
  const docs = new Map<string, { doc: Y.Doc; sockets: Set<WebSocket> }>();
  const sockets = new WebSocketServer({ noServer: true });
  return (request: IncomingMessage, socket: import("node:stream").Duplex, head: Buffer) =>
    sockets.handleUpgrade(request, socket, head, (ws) => {
      const name = (request.url ?? "/").slice(1);
      let room = docs.get(name);
      if (!room) {
        const doc = new Y.Doc();
        const created = { doc, sockets: new Set<WebSocket>() };
        doc.on("update", (update: Uint8Array, origin: unknown) => {
          const encoder = encoding.createEncoder();
          syncProtocol.writeUpdate(encoder, update);
          const message = encoding.toUint8Array(encoder);
          for (const other of created.sockets) if (other !== origin) other.send(message);
        });
        docs.set(name, created);
        room = created;
      }
      const { doc } = room;
      room.sockets.add(ws);
      ws.on("close", () => room?.sockets.delete(ws));
      ws.on("message", (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        const encoder = encoding.createEncoder();
        syncProtocol.readSyncMessage(decoder, encoder, doc, ws);
        if (encoding.length(encoder) > 0) ws.send(encoding.toUint8Array(encoder));
      });
      const encoder = encoding.createEncoder();
      syncProtocol.writeSyncStep1(encoder, doc);
      ws.send(encoding.toUint8Array(encoder));
    });
}

const upgrade =
  kind === "bare"
    ? bareRelay()
    : (() => {
        const db = createDb(process.env.DATABASE_URL ?? "", { max: 4 });
        const collab = createCollabServer({
          db,
          timeZone: "UTC",
          relay: { connectionString: process.env.DATABASE_URL ?? "", instanceId: "bench" },
        });
        return (request: IncomingMessage, socket: import("node:stream").Duplex, head: Buffer) => {
          if (!collab.handleUpgrade(request, socket, head)) socket.destroy();
        };
      })();

const http = createServer((_req, res) => res.writeHead(404).end());
http.on("upgrade", upgrade);
http.listen(0, "127.0.0.1", () => {
  const address = http.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("message", (message) => {
  if (message !== "stats") return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const memory = process.memoryUsage();
  process.send?.({
    cpu: process.cpuUsage(),
    heap: memory.heapUsed + memory.external + memory.arrayBuffers,
    rss: memory.rss,
  });
});

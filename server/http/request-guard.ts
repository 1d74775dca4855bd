import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_API_BODY_BYTES, MAX_IMPORT_BODY_BYTES, MAX_OTHER_BODY_BYTES } from "@/lib/api-limits";
import { MAX_UPLOAD_MB } from "@/lib/media";
import { CLIENT_ADDRESS_HEADER, clientAddress, type TrustedProxies } from "./client-address";

/** Strict-Transport-Security for a site served over https: a year, subdomains included. */
export const HSTS = "max-age=31536000; includeSubDomains";

export type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export interface GuardOptions {
  trusted: TrustedProxies;
  /** Send Strict-Transport-Security (the site is served over https). */
  hsts: boolean;
}

/** The largest body each address takes, in bytes, counted as they arrive. */
export function bodyLimit(pathname: string): number {
  if (pathname === "/api/media") return MAX_UPLOAD_MB * 1024 * 1024 + 64 * 1024;
  if (pathname.startsWith("/api/trpc/article.importMarkdown")) return MAX_IMPORT_BODY_BYTES;
  if (pathname.startsWith("/api/trpc/") || pathname.startsWith("/api/auth/")) return MAX_API_BODY_BYTES;
  return MAX_OTHER_BODY_BYTES;
}

/** Whether every %-escape in the path decodes to valid UTF-8 (Next answers 500 when not). */
export function wellFormedPath(url: string | undefined): boolean {
  const path = (url ?? "/").split("?")[0] ?? "/";
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** How long a refused client may go on sending (discarded) before its connection is cut. */
const LINGER_MS = 5_000;

/**
 * Answers at once; whatever body is still coming is read and thrown away (Node does that for
 * a body nobody reads, and the push hook drops what the app would have read), and the
 * connection is cut LINGER_MS later if the client is still sending. Closing it at once would
 * reset the connection under data still in flight, and the client could lose the answer.
 */
function refuse(res: ServerResponse, status: number, message: string) {
  res.once("finish", () => {
    const socket = res.socket;
    if (!socket) return;
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
  });
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(message);
}

function tooLarge(limit: number) {
  const size = limit >= 1024 * 1024 ? `${Math.floor(limit / (1024 * 1024))} MB` : `${Math.floor(limit / 1024)} KB`;
  return `The request body is too large: this address takes at most ${size}.\n`;
}

/** Once the guard has answered, whatever the app writes later goes nowhere. */
function silence(res: ServerResponse) {
  const ignore = function (this: ServerResponse) {
    return this;
  };
  res.setHeader = ignore as unknown as typeof res.setHeader;
  res.writeHead = ignore as unknown as typeof res.writeHead;
  res.write = (() => true) as unknown as typeof res.write;
  res.end = ignore as unknown as typeof res.end;
}

/**
 * Counts body bytes as the HTTP parser hands them over (it calls `push` on the request for each
 * chunk) and, past the limit, answers 413 and drops the rest instead of buffering it: a chunked
 * upload without a Content-Length is stopped at the limit, not after it has been read whole.
 */
function limitBody(req: IncomingMessage, res: ServerResponse, limit: number) {
  let received = 0;
  let over = false;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    // Past the limit everything is dropped, the end included: the app's read fails when the
    // connection closes, so a cut-off body is never taken for a whole one.
    if (over) return true;
    if (chunk !== null && chunk !== undefined) {
      received += Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? chunk.byteLength : String(chunk).length;
      if (received > limit) {
        over = true;
        if (!res.headersSent) refuse(res, 413, tooLarge(limit));
        else res.once("finish", () => req.socket.destroy());
        silence(res);
        return true;
      }
    }
    return push(chunk, encoding);
  };
}

/**
 * The front server's first look at every request, before Next: a path with broken
 * %-encoding is a 400; a declared body over the address's limit is a 413 without reading it,
 * and an undeclared one is cut off at the limit; the client's address is worked out from the
 * socket (and trusted proxies only); with https, every answer carries HSTS. Answers to API
 * writes are not compressed.
 */
export function guardRequests(listener: Listener, options: GuardOptions): Listener {
  return (req, res) => {
    if (options.hsts) res.setHeader("strict-transport-security", HSTS);
    if (!wellFormedPath(req.url)) return refuse(res, 400, "The address is not valid: it has broken %-encoding.\n");
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    const limit = bodyLimit(pathname);
    const declared = Number(req.headers["content-length"] ?? "0");
    if (Number.isFinite(declared) && declared > limit) {
      // Answered without reading the body: Node discards it as it arrives.
      return refuse(res, 413, tooLarge(limit));
    }
    limitBody(req, res, limit);
    // A mutation's answer is a few bytes ({ version } after an autosave): Next would gzip it
    // all the same, at the cost of a new zlib stream for each, more than it saves.
    if (req.method === "POST" && pathname.startsWith("/api/trpc/")) delete req.headers["accept-encoding"];
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      options.trusted,
    );
    listener(req, res);
  };
}

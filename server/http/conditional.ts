import { createHash } from "node:crypto";
import type { IncomingHttpHeaders, OutgoingHttpHeaders, ServerResponse } from "node:http";

/**
 * Conditional GET (RFC 9110 §13) for the public site: every page, feed and sitemap carries an
 * ETag (a hash of its body, made once when it is built: server/public-cache.ts) and a
 * Last-Modified; a reader that sends back either gets 304 Not Modified and no body when the
 * page is unchanged, whether the answer comes from the front server's copy or from Next.
 */

/**
 * The entity tag of a body. Weak (`W/`): Next compresses a page per request's Accept-Encoding,
 * so the bytes sent differ while the page is the same; weak comparison is what If-None-Match
 * uses anyway.
 */
export function entityTag(body: Uint8Array): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
const MAX_CONDITION_LENGTH = 4_096;

/**
 * Whether a request's conditions say the reader already has this response: If-None-Match
 * against the ETag (weak comparison; `*` matches any), or, only when there is no
 * If-None-Match, If-Modified-Since at or after Last-Modified (to the second). Only for GET and
 * HEAD answers of 200; an unreadable condition is ignored (the full answer is always right).
 */
export function isNotModified(
  method: string | undefined,
  request: IncomingHttpHeaders,
  status: number,
  response: OutgoingHttpHeaders,
): boolean {
  if ((method !== "GET" && method !== "HEAD") || status !== 200) return false;
  const noneMatch = request["if-none-match"];
  if (noneMatch !== undefined) {
    const etag = header(response, "etag");
    if (!etag || noneMatch.length > MAX_CONDITION_LENGTH) return false;
    if (noneMatch.trim() === "*") return true;
    const wanted = opaque(etag);
    return noneMatch.split(",").some((candidate) => opaque(candidate) === wanted);
  }
  const since = request["if-modified-since"];
  const lastModified = header(response, "last-modified");
  if (!since || !lastModified || since.length > 100) return false;
  const sinceTime = Date.parse(since);
  const modifiedTime = Date.parse(lastModified);
  if (Number.isNaN(sinceTime) || Number.isNaN(modifiedTime)) return false;
  return Math.floor(modifiedTime / 1000) <= Math.floor(sinceTime / 1000);
}

function header(headers: OutgoingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value === undefined ? undefined : String(value);
}

/** Headers about the body itself, which a 304 (having none) must not send. */
const BODY_HEADERS = new Set(["content-length", "content-encoding", "content-range", "transfer-encoding"]);

/** A 200's headers as its 304 sends them: the validators, caching and security headers, nothing about a body. */
export function notModifiedHeaders(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!BODY_HEADERS.has(name)) kept[name] = value;
  return kept;
}

/**
 * Makes a response that Next (or anything else) is about to write answer 304 instead, when the
 * request's conditions match the headers it is written with: the status line and headers
 * change, the body is dropped. Whatever records the response from above (the front cache)
 * still sees the full 200, so the page is kept for the next reader.
 */
export function answerConditionally(
  method: string | undefined,
  request: IncomingHttpHeaders,
  res: ServerResponse,
): void {
  if (request["if-none-match"] === undefined && request["if-modified-since"] === undefined) return;
  const writeHead = res.writeHead;
  let dropBody = false;
  res.writeHead = function conditionalWriteHead(this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    const given = rest.find((arg) => typeof arg === "object" && arg !== null);
    if (Array.isArray(given)) return writeHead.apply(this, [statusCode, ...rest] as Parameters<typeof writeHead>);
    const headers: OutgoingHttpHeaders = { ...res.getHeaders() };
    if (given)
      for (const [name, value] of Object.entries(given as OutgoingHttpHeaders)) headers[name.toLowerCase()] = value;
    if (!isNotModified(method, request, statusCode, headers))
      return writeHead.apply(this, [statusCode, ...rest] as Parameters<typeof writeHead>);
    dropBody = true;
    for (const name of res.getHeaderNames()) if (BODY_HEADERS.has(name)) res.removeHeader(name);
    return writeHead.call(this, 304, notModifiedHeaders(headers));
  } as typeof res.writeHead;

  const write = res.write;
  res.write = function conditionalWrite(this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (!dropBody) return write.apply(this, [chunk, ...rest] as Parameters<typeof write>);
    const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    if (callback) process.nextTick(callback);
    return true;
  } as typeof res.write;

  const end = res.end;
  res.end = function conditionalEnd(this: ServerResponse, ...args: unknown[]) {
    if (!dropBody) return end.apply(this, args as Parameters<typeof end>);
    const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
    return end.call(this, undefined, "utf8", callback);
  } as typeof res.end;
}

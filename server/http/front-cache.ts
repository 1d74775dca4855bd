import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import { GENERATION_HEADER, pageLabels, TAGS_HEADER, type CacheState, type Freshness } from "../cache/state";
import { notModifiedHeaders } from "./conditional";
import type { RecordedResponse } from "./record-response";

/**
 * A memory copy of the public pages, kept by the production web server
 * (server/http/web-server.ts) in front of Next, which keeps none of its own
 * (server/cache/next-cache-handler.mjs). Serving the copy skips Next's per-request routing,
 * which on a small machine costs more than the page itself.
 *
 * Every copy carries the generation it was built in and the tags of what it shows (see
 * server/cache/state.ts); whether it may be served is decided when it is asked for, against
 * the changes made since on any instance: fresh copies are served, stale ones are served while
 * one request rebuilds them, expired ones (a takedown) never again.
 */
/** A response as it is kept and replayed: the recorded one, with the headers to send again, and its labels. */
export interface CachedResponse extends RecordedResponse {
  generation: number;
  tags: string[];
}

export interface FrontCacheLimits {
  maxBytes: number;
  maxEntries: number;
  maxBodyBytes: number;
}

export const DEFAULT_LIMITS: FrontCacheLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxEntries: 5_000,
  maxBodyBytes: 2 * 1024 * 1024,
};

/** The public site's cached addresses (app/(public)), the 404 page among them; search and robots.txt are read per request and never carry Next's cache header. */
const PUBLIC_PATH =
  /^\/(?:|articles\/.+|sections\/.+|authors\/.+|tags\/.+|feed\.xml|atom\.xml|sitemap\.xml|sitemaps\/.+|news-sitemap\.xml|share\/.+|site\.css|missing)$/;

/** Requests from Next's client router or for server actions are Next's own business. */
const NEXT_INTERNAL_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
];

const CACHEABLE_STATUS = new Set([200, 301, 308, 404, 410]);
/**
 * Headers that belong to one connection, one moment or one request, not to the page: the web
 * server gives every answer its own request id (and HSTS) when it replays a copy.
 */
const HOP_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "date",
  "content-length",
  "x-request-id",
  "strict-transport-security",
]);
const MAX_URL_LENGTH = 2_048;
const MAX_ENCODING_LENGTH = 200;

/**
 * The cache key for a reader's request, or null when the request must go to Next as it is.
 * The query string is left out, as in Next's own page cache: a page Next caches cannot read it,
 * so `?utm_source=…` variants are one page (and cannot crowd the others out). Responses differ
 * by Accept-Encoding (Next compresses), so the exact header is part of the key.
 */
export function frontCacheKey(
  method: string | undefined,
  url: string | undefined,
  headers: IncomingHttpHeaders,
): string | null {
  if ((method !== "GET" && method !== "HEAD") || !url || url.length > MAX_URL_LENGTH) return null;
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!PUBLIC_PATH.test(pathname)) return null;
  for (const name of NEXT_INTERNAL_HEADERS) if (headers[name] !== undefined) return null;
  const encoding = (headers["accept-encoding"] ?? "").trim().toLowerCase();
  if (encoding.length > MAX_ENCODING_LENGTH) return null;
  return `${pathname}\n${encoding}`;
}

const headerValue = (headers: OutgoingHttpHeaders, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value === undefined ? undefined : String(value);
};

/**
 * What to keep of a finished response, or null if it must not be kept: only public pages Next
 * built for its page cache (x-nextjs-cache HIT or MISS, labelled by server/public-cache.ts),
 * with a status a reader may see again, no cookie, and a body of reasonable size.
 */
export function storableResponse(
  status: number,
  headers: OutgoingHttpHeaders,
  body: Buffer,
  limits: FrontCacheLimits = DEFAULT_LIMITS,
): CachedResponse | null {
  const nextCache = headerValue(headers, "x-nextjs-cache");
  if (nextCache !== "HIT" && nextCache !== "MISS") return null;
  if (!CACHEABLE_STATUS.has(status) || headers["set-cookie"] !== undefined || body.length > limits.maxBodyBytes)
    return null;
  const labels = pageLabels(headers);
  if (!labels) return null;
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    // The labels are kept as the copy's generation and tags, not sent to every reader.
    if (value !== undefined && !HOP_HEADERS.has(name) && name !== GENERATION_HEADER && name !== TAGS_HEADER)
      kept[name] = value;
  }
  kept["x-nextjs-cache"] = "HIT";
  kept["x-masthead-cache"] = "HIT";
  kept["content-length"] = body.length;
  return { status, headers: kept, body, ...labels };
}

/**
 * A copy's headers as the flat name/value list `writeHead` takes: given one, Node writes the
 * header block straight from it, where an object, or headers set one by one before, go through
 * `setHeader` name by name (a tenth of the time of answering a small page; bench/public-read).
 */
export function headerList(headers: OutgoingHttpHeaders): string[] {
  const list: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) list.push(name, String(one));
  }
  return list;
}

interface Kept {
  entry: CachedResponse;
  /** headerList(entry.headers), made once when the copy is stored. */
  headerList: readonly string[];
  /** The same for a 304 answered from the copy (server/http/conditional.ts). */
  notModifiedList: readonly string[];
}

export class FrontCache {
  private entries = new Map<string, Kept>();
  private bytes = 0;

  constructor(
    private readonly state: CacheState,
    private readonly limits: FrontCacheLimits = DEFAULT_LIMITS,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** A copy that may be served (fresh, or stale while it is rebuilt); expired copies are dropped. */
  get(key: string):
    | {
        entry: CachedResponse;
        headerList: readonly string[];
        notModifiedList: readonly string[];
        freshness: Exclude<Freshness, "expired">;
      }
    | undefined {
    const kept = this.entries.get(key);
    if (!kept) return undefined;
    const freshness = this.state.freshness(kept.entry.generation, kept.entry.tags);
    if (freshness === "expired") {
      this.remove(key);
      return undefined;
    }
    // Most recently used last, so eviction takes the least recently used first.
    this.entries.delete(key);
    this.entries.set(key, kept);
    return { entry: kept.entry, headerList: kept.headerList, notModifiedList: kept.notModifiedList, freshness };
  }

  /**
   * Keeps a response; refused while the cache is out of step with the other instances, or if
   * a takedown touching it came after its generation. A copy already stale is kept (it is
   * better than none, and the next request rebuilds it).
   */
  store(key: string, entry: CachedResponse): boolean {
    if (!this.state.synced || entry.body.length > this.limits.maxBodyBytes) return false;
    if (this.state.freshness(entry.generation, entry.tags) === "expired") return false;
    const current = this.entries.get(key);
    if (current && current.entry.generation > entry.generation) return false;
    this.remove(key);
    this.entries.set(key, {
      entry,
      headerList: headerList(entry.headers),
      notModifiedList: headerList(notModifiedHeaders(entry.headers)),
    });
    this.bytes += entry.body.length;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.limits.maxBytes && this.entries.size <= this.limits.maxEntries) break;
      this.entries.delete(oldest);
      this.bytes -= old.entry.body.length;
    }
    return true;
  }

  /** Forgets every page. */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.entry.body.length;
  }
}

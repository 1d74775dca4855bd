import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import type { RecordedResponse } from "./record-response";

/**
 * A memory copy of the public pages Next.js serves from its own page cache, kept by the
 * production web server (server/http/web-server.ts) in front of Next. Next stays the cache of
 * record: pages are built and stored by Next, and a page enters this copy only when Next
 * answered it from (or into) its cache. Serving the copy skips Next's per-request routing,
 * which on a small machine costs more than the page itself.
 *
 * Staleness is ruled out by generations: every invalidation of the public site empties the
 * copy and starts a new generation, and a response is kept only if no invalidation happened
 * between the start of its request and its end. A page read from Next just before a takedown
 * is therefore never kept after it.
 */
/** A response as it is kept and replayed: the recorded one, with the headers to send again. */
export type CachedResponse = RecordedResponse;

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

/** The public site's cached addresses (app/(public)); search and robots.txt are read per request and never carry Next's cache header. */
const PUBLIC_PATH =
  /^\/(?:|articles\/.+|sections\/.+|authors\/.+|tags\/.+|feed\.xml|atom\.xml|sitemap\.xml|news-sitemap\.xml|site\.css)$/;

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
/** Headers that belong to one connection or one moment, not to the page. */
const HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length"]);
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
 * What to keep of a finished response, or null if it must not be kept: only answers Next gave
 * from its page cache (x-nextjs-cache HIT or MISS: STALE means Next is rebuilding the page),
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
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_HEADERS.has(name)) kept[name] = value;
  }
  kept["x-nextjs-cache"] = "HIT";
  kept["x-masthead-cache"] = "HIT";
  kept["content-length"] = body.length;
  return { status, headers: kept, body };
}

export class FrontCache {
  private entries = new Map<string, CachedResponse>();
  private bytes = 0;
  private currentGeneration = 0;

  constructor(private readonly limits: FrontCacheLimits = DEFAULT_LIMITS) {}

  /** The generation a request starts in: pass it back to `store`. */
  get generation(): number {
    return this.currentGeneration;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Most recently used last, so eviction takes the least recently used first.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Keeps a response read in `generation`; refused if the site was invalidated since. */
  store(generation: number, key: string, entry: CachedResponse): boolean {
    if (generation !== this.currentGeneration || entry.body.length > this.limits.maxBodyBytes) return false;
    this.remove(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.limits.maxBytes && this.entries.size <= this.limits.maxEntries) break;
      this.entries.delete(oldest);
      this.bytes -= old.body.length;
    }
    return true;
  }

  /** Forgets every page and starts a new generation, so responses read before now are not kept. */
  invalidate(): void {
    this.currentGeneration += 1;
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.body.length;
  }
}

import type { IncomingMessage, ServerResponse } from "node:http";
import { cacheState, type CacheState } from "../cache/state";
import { errorField, log } from "../log";
import { DEFAULT_LIMITS, FrontCache, frontCacheKey, storableResponse, type CachedResponse } from "./front-cache";
import { recordResponse } from "./record-response";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function replay(req: IncomingMessage, res: ServerResponse, entry: CachedResponse, stale: boolean) {
  res.writeHead(entry.status, stale ? { ...entry.headers, "x-masthead-cache": "STALE" } : entry.headers);
  res.end(req.method === "HEAD" ? undefined : entry.body);
}

/**
 * Wraps Next's request handler: repeat requests for public pages are answered from the front
 * cache, and pages Next built are copied into it. A stale copy is served to everyone but one
 * request, which goes to Next and brings the new page back: never two rebuilds of one page at
 * once, and readers keep being answered meanwhile. While the cache is out of step with the
 * other instances (`state.synced` false), every request goes to Next.
 */
export function frontCachedHandler(
  handle: RequestHandler,
  state: CacheState = cacheState(),
  onResult: (result: "hit" | "stale" | "miss" | "bypass") => void = () => undefined,
): { listener: (req: IncomingMessage, res: ServerResponse) => void; cache: FrontCache } {
  const cache = new FrontCache(state);
  state.onReset(() => cache.clear());
  const refreshing = new Set<string>();

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const key = frontCacheKey(req.method, req.url, req.headers);
    if (key !== null) {
      const found = state.synced ? cache.get(key) : undefined;
      if (found?.freshness === "fresh") {
        onResult("hit");
        return replay(req, res, found.entry, false);
      }
      if (found && refreshing.has(key)) {
        onResult("stale");
        return replay(req, res, found.entry, true);
      }
      onResult(state.synced ? "miss" : "bypass");
      if (found) {
        refreshing.add(key);
        res.once("close", () => refreshing.delete(key));
      }
      res.setHeader("x-masthead-cache", "MISS");
    }
    const recorder = key !== null && req.method === "GET" ? recordResponse(res, DEFAULT_LIMITS.maxBodyBytes) : null;
    if (recorder && key !== null) {
      res.once("close", () => {
        const recorded = recorder.result();
        const entry = recorded ? storableResponse(recorded.status, recorded.headers, recorded.body) : null;
        if (entry) cache.store(key, entry);
      });
    }
    handle(req, res).catch((error: unknown) => {
      log().error({ error: errorField(error) }, "the request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Internal server error");
    });
  };

  return { listener, cache };
}

import type { IncomingMessage, ServerResponse } from "node:http";
import { cacheState, type CacheState } from "../cache/state";
import { errorField, log } from "../log";
import { answerConditionally, isNotModified, notModifiedHeaders } from "./conditional";
import { DEFAULT_LIMITS, FrontCache, frontCacheKey, storableResponse, type CachedResponse } from "./front-cache";
import { recordResponse } from "./record-response";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function replay(req: IncomingMessage, res: ServerResponse, entry: CachedResponse, stale: boolean) {
  const headers = stale ? { ...entry.headers, "x-masthead-cache": "STALE" } : entry.headers;
  if (isNotModified(req.method, req.headers, entry.status, entry.headers)) {
    res.writeHead(304, notModifiedHeaders(headers));
    res.end();
    return;
  }
  res.writeHead(entry.status, headers);
  res.end(req.method === "HEAD" ? undefined : entry.body);
}

/**
 * Wraps Next's request handler: repeat requests for public pages are answered from the front
 * cache, and pages Next built are copied into it. A stale copy is served to everyone but one
 * request, which goes to Next and brings the new page back: never two rebuilds of one page at
 * once, and readers keep being answered meanwhile. A page with no copy at all is built by the
 * first request; the others for it wait for that build and are answered from its copy. While
 * the cache is out of step with the other instances (`state.synced` false), every request goes
 * to Next.
 */
export function frontCachedHandler(
  handle: RequestHandler,
  state: CacheState = cacheState(),
  onResult: (result: "hit" | "stale" | "miss" | "bypass") => void = () => undefined,
): {
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  replayFresh: (req: IncomingMessage, res: ServerResponse, extraHeaders?: readonly string[]) => boolean;
  cache: FrontCache;
} {
  const cache = new FrontCache(state);
  state.onReset(() => cache.clear());
  const refreshing = new Set<string>();
  // Pages with no copy at all (never built, or taken down) that one request is building: the
  // requests for them that arrive meanwhile, asked again once it has finished.
  const building = new Map<string, (() => void)[]>();

  // mayWait: false for a request that already waited for a build (which left no copy): it goes
  // to Next with the others, not one after another.
  const handleRequest = (req: IncomingMessage, res: ServerResponse, mayWait: boolean) => {
    const key = frontCacheKey(req.method, req.url, req.headers);
    let builds = false;
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
      if (!found && state.synced && mayWait) {
        const waiting = building.get(key);
        if (waiting) {
          // Answered from the copy the build leaves, or sent on to Next when it left none.
          waiting.push(() => {
            if (!res.destroyed) handleRequest(req, res, false);
          });
          return;
        }
        builds = req.method === "GET";
      }
      onResult(state.synced ? "miss" : "bypass");
      if (found) {
        refreshing.add(key);
        res.once("close", () => refreshing.delete(key));
      }
      res.setHeader("x-masthead-cache", "MISS");
    }
    // Installed before the recorder, so the copy kept is the full page even when this reader gets a 304.
    if (key !== null) answerConditionally(req.method, req.headers, res);
    const recorder = key !== null && req.method === "GET" ? recordResponse(res, DEFAULT_LIMITS.maxBodyBytes) : null;
    if (recorder && key !== null) {
      res.once("close", () => {
        const recorded = recorder.result();
        const entry = recorded ? storableResponse(recorded.status, recorded.headers, recorded.body) : null;
        if (entry) cache.store(key, entry);
      });
    }
    if (builds && key !== null) {
      building.set(key, []);
      // Registered after the copy is stored above, so the waiting requests find it.
      res.once("close", () => {
        const waiting = building.get(key) ?? [];
        building.delete(key);
        for (const ask of waiting) ask();
      });
    }
    handle(req, res).catch((error: unknown) => {
      log().error({ error: errorField(error) }, "the request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Internal server error");
    });
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => handleRequest(req, res, true);

  /**
   * Answers from a fresh copy when there is one and returns true; false (nothing written)
   * otherwise, and for any request with a body: the server then takes it the whole way.
   * `extraHeaders` (a flat name/value list, the request id among them) are sent after the
   * copy's; nothing may have been set on `res` before (it would be sent twice).
   */
  const replayFresh = (req: IncomingMessage, res: ServerResponse, extraHeaders: readonly string[] = []): boolean => {
    if (!state.synced || req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined)
      return false;
    const key = frontCacheKey(req.method, req.url, req.headers);
    const found = key === null ? undefined : cache.get(key);
    if (found?.freshness !== "fresh") return false;
    onResult("hit");
    if (isNotModified(req.method, req.headers, found.entry.status, found.entry.headers)) {
      res.writeHead(304, [...found.notModifiedList, ...extraHeaders]);
      res.end();
      return true;
    }
    res.writeHead(found.entry.status, [...found.headerList, ...extraHeaders]);
    res.end(req.method === "HEAD" ? undefined : found.entry.body);
    return true;
  };
  return { listener, replayFresh, cache };
}

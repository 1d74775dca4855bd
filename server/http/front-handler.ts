import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FrontCacheHook } from "../public-cache";
import { DEFAULT_LIMITS, FrontCache, frontCacheKey, storableResponse, type CachedResponse } from "./front-cache";
import { recordResponse } from "./record-response";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

interface RequestScope {
  res: ServerResponse;
  /** Set when this request invalidated the public site. */
  invalidates: boolean;
}

function replay(req: IncomingMessage, res: ServerResponse, entry: CachedResponse) {
  res.writeHead(entry.status, entry.headers);
  res.end(req.method === "HEAD" ? undefined : entry.body);
}

/**
 * Wraps Next's request handler: repeat requests for public pages are answered from the front
 * cache, and pages Next answers from its own cache are copied into it. `hook` is what the
 * public-site invalidation (server/public-cache.ts) calls from inside a request.
 */
export function frontCachedHandler(handle: RequestHandler): {
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  hook: FrontCacheHook;
} {
  const cache = new FrontCache();
  const scopes = new AsyncLocalStorage<RequestScope>();

  const hook: FrontCacheHook = {
    invalidated() {
      cache.invalidate();
      const scope = scopes.getStore();
      if (!scope || scope.invalidates) return;
      scope.invalidates = true;
      // Next applies the revalidation after the handler returns and before it writes the
      // response. A page read from Next in between belongs to the old site, so the generation
      // moves on again when the response starts: no reader can have seen it before then.
      const writeHead = scope.res.writeHead;
      scope.res.writeHead = function invalidatingWriteHead(
        this: ServerResponse,
        ...args: Parameters<typeof writeHead>
      ) {
        cache.invalidate();
        return writeHead.apply(this, args);
      } as typeof writeHead;
    },
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const key = frontCacheKey(req.method, req.url, req.headers);
    if (key !== null) {
      const entry = cache.get(key);
      if (entry) return replay(req, res, entry);
      res.setHeader("x-masthead-cache", "MISS");
    }
    const scope: RequestScope = { res, invalidates: false };
    const generation = cache.generation;
    const recorder = key !== null && req.method === "GET" ? recordResponse(res, DEFAULT_LIMITS.maxBodyBytes) : null;
    res.once("close", () => {
      if (scope.invalidates) return cache.invalidate();
      const recorded = recorder?.result();
      const entry = recorded ? storableResponse(recorded.status, recorded.headers, recorded.body) : null;
      if (key !== null && entry) cache.store(generation, key, entry);
    });
    scopes
      .run(scope, () => handle(req, res))
      .catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end("Internal server error");
      });
  };

  return { listener, hook };
}

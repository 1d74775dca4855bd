import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { log, withRequest } from "../log";
import { routeGroup } from "./metrics";

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The proxy's `X-Request-Id` when the proxy is trusted and the id well formed, else a new UUID. */
export function requestIdOf(req: IncomingMessage, trustIncomingId: boolean): string {
  const incoming = req.headers["x-request-id"];
  return trustIncomingId && typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Gives every request an id (the proxy's `X-Request-Id` when the proxy is trusted and the id
 * well formed, else a new UUID), sends it back in `x-request-id`, and runs the request inside
 * it so every log line it causes carries it. Requests that reach Next are logged when they
 * finish (method, path without the query, status, duration), except Next's static assets;
 * pages answered from the front cache are only counted (server/http/metrics.ts), or a busy site would log thousands a second.
 */
export function tagRequests(listener: Listener, opts: { trustIncomingId: boolean }): Listener {
  return (req, res) => {
    // The web server gives every request its id before it looks for a cached copy.
    const given = res.getHeader("x-request-id");
    const requestId = typeof given === "string" ? given : requestIdOf(req, opts.trustIncomingId);
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    const started = performance.now();
    // The address as the client asked for it (the web server may send it on to another page).
    const url = req.url;
    withRequest(requestId, () => {
      res.once("finish", () => {
        const cache = res.getHeader("x-masthead-cache");
        if (cache === "HIT" || cache === "STALE") return;
        // Next's own hashed assets: many per page view, never interesting one by one.
        if (res.statusCode < 400 && routeGroup(url) === "next_static") return;
        const level = res.statusCode >= 500 ? "error" : "info";
        log()[level](
          {
            method: req.method,
            path: (url ?? "/").split("?")[0]?.slice(0, 300),
            group: routeGroup(url),
            status: res.statusCode,
            ms: Math.round((performance.now() - started) * 10) / 10,
          },
          "request",
        );
      });
      listener(req, res);
    });
  };
}

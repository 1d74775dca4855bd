// The production web server (`npm start` runs it through scripts/run.ts): Next.js behind a
// plain Node `http` server that first guards every request (request-guard.ts: body limits,
// broken addresses, the client's address, HSTS), then answers repeat requests for public
// pages from its memory copy (front-cache.ts), kept in step with every other instance through
// the database (server/cache/channel.ts). Everything else goes to Next.
import { createServer } from "node:http";
import next from "next";
import { startChangeChannel } from "../cache/channel";
import { createCollabServer } from "../collab/collab-server";
import { getDb } from "../db/client";
import { appEnv } from "../env";
import { siteUrl } from "../site";
import { cacheState } from "../cache/state";
import { parseTrustedProxies } from "./client-address";
import { frontCachedHandler } from "./front-handler";
import { loadKnownAddresses, rewriteUnknownToMissing } from "./known-addresses";
import { createMetrics, routeGroup } from "./metrics";
import { requestIdOf, tagRequests } from "./request-log";
import { errorField, log } from "../log";
import { guardRequests, HSTS } from "./request-guard";

/** Slow clients: all headers within 15 s, the whole request (a 15 MB upload included) within 2 minutes. */
const HEADERS_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 120_000;
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

async function main() {
  process.title = "masthead-web";
  const port = Number(process.env.PORT ?? 3000);
  const trusted = parseTrustedProxies(process.env.MASTHEAD_TRUSTED_PROXIES);
  const hsts = (process.env.NEXTAUTH_URL ?? "").startsWith("https:");
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  const state = cacheState();
  const channel = startChangeChannel({
    connectionString: process.env.DATABASE_URL ?? "",
    state,
    log: (line) => log().info(line),
  });
  state.instanceId = channel.instanceId;
  const metrics = createMetrics({
    token: process.env.MASTHEAD_METRICS_TOKEN,
    state,
    databaseUrl: process.env.DATABASE_URL ?? "",
  });
  const { listener, replayFresh } = frontCachedHandler(app.getRequestHandler(), state, (result) =>
    metrics.cacheResult(result),
  );
  const isKnown = loadKnownAddresses(process.cwd());
  const trustIncomingId = trusted.kind !== "none";
  const wholeWay = tagRequests(
    metrics.observe(
      guardRequests(
        (req, res) => {
          if (metrics.serve(req, res)) return;
          rewriteUnknownToMissing(req, isKnown);
          listener(req, res);
        },
        { trusted, hsts },
      ),
    ),
    { trustIncomingId },
  );
  const server = createServer(
    { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
    (req, res) => {
      // Most requests are for public pages the front cache holds: answered first, with the same
      // headers as any other answer, and counted. Nothing else about them needs a look: no body
      // (one with a body goes the whole way), a path the cache took from a request that passed
      // the guard, and no log line (a busy site would write thousands a second).
      const started = performance.now();
      const requestId = requestIdOf(req, trustIncomingId);
      const ownHeaders = hsts
        ? ["x-request-id", requestId, "strict-transport-security", HSTS]
        : ["x-request-id", requestId];
      if (replayFresh(req, res, ownHeaders)) {
        metrics.record(routeGroup(req.url), res.statusCode, (performance.now() - started) / 1000);
        return;
      }
      res.setHeader("x-request-id", requestId);
      wholeWay(req, res);
    },
  );
  // Co-editing: WebSocket upgrades on /collab (server/collab/collab-server.ts); any other
  // upgrade is not something this server offers.
  const collab = createCollabServer({
    db: getDb(),
    timeZone: appEnv().MASTHEAD_TIME_ZONE,
    siteOrigin: new URL(siteUrl()).origin,
    log: (line) => log().warn(line),
    relay: { connectionString: process.env.DATABASE_URL ?? "", instanceId: channel.instanceId },
  });
  server.on("upgrade", (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  // Idle keep-alive connections stay open longer than the clients and proxies in front keep
  // theirs (nginx 60 s upstream, load balancers 60 s): closed at Node's default 5 s, a request a
  // client sends on one just as it closes is reset (seen under load in the end-to-end tests).
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.listen(port, () => {
    log().info({ port }, `ready on http://localhost:${port}`);
    // The launcher and the tests look for this line; the JSON above is for log collectors.
    console.log(`masthead: ready on http://localhost:${port}`);
  });

  const stop = () => {
    server.close();
    server.closeIdleConnections();
    // Exit whether or not Next closes cleanly: the signal asked the process to stop.
    // Open shared documents are stored before the process goes.
    void Promise.allSettled([collab.close(), channel.stop(), metrics.stop(), app.close()]).finally(() =>
      process.exit(0),
    );
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, stop);
}

main().catch((error: unknown) => {
  log().fatal({ error: errorField(error) }, "the web server could not start");
  process.exit(1);
});

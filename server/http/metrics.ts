import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import pg from "pg";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { CacheState } from "../cache/state";

/** Where a request went, for per-group counts and latency (bounded: never the raw path). */
export function routeGroup(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0] ?? "/";
  if (path.startsWith("/api/trpc/")) return "api_trpc";
  if (path.startsWith("/api/auth/")) return "api_auth";
  if (path.startsWith("/api/media")) return "api_media";
  if (path.startsWith("/api/")) return "api_other";
  if (path.startsWith("/newsroom")) return "newsroom";
  if (path.startsWith("/signin")) return "signin";
  if (path.startsWith("/media/")) return "media";
  if (path.startsWith("/_next/")) return "next_static";
  if (path === "/search") return "search";
  if (/^\/(?:articles|sections|authors|tags)\//.test(path)) return `public_${path.split("/")[1]}`;
  if (/^\/(?:feed\.xml|atom\.xml)$|\/(?:feed|atom)\.xml$/.test(path)) return "public_feeds";
  if (/^\/(?:news-)?sitemap\.xml$/.test(path)) return "public_sitemaps";
  if (path === "/") return "public_home";
  return "other";
}

export interface Metrics {
  /** Wraps the server's listener: counts and times every request. */
  observe(
    listener: (req: IncomingMessage, res: ServerResponse) => void,
  ): (req: IncomingMessage, res: ServerResponse) => void;
  /** Counts and times a request answered without going through `observe` (a front-cache hit). */
  record(group: string, status: number, seconds: number): void;
  /** How the front cache answered a public page. */
  cacheResult(result: "hit" | "stale" | "miss" | "bypass"): void;
  /** Answers GET /api/metrics (Prometheus text) when the token matches; false for other requests. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  stop(): Promise<void>;
}

/**
 * Prometheus metrics of one web process, at /api/metrics behind MASTHEAD_METRICS_TOKEN (a
 * bearer token; without one the address does not exist): requests and latency by route group,
 * front-cache results, public changes applied and whether the cache is in step, the mail
 * queue's depth, the database pool's use, and Node's own (memory, CPU, event-loop lag).
 */
export function createMetrics(opts: { token?: string; state: CacheState; databaseUrl: string }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "masthead_http_requests_total",
    help: "HTTP requests answered, by route group and status class",
    labelNames: ["group", "status"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "masthead_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by route group",
    labelNames: ["group"],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const cache = new Counter({
    name: "masthead_front_cache_responses_total",
    help: "Public pages by how the front cache answered: hit, stale (served while rebuilt), miss, bypass (out of sync)",
    labelNames: ["result"],
    registers: [registry],
  });
  new Gauge({
    name: "masthead_public_cache_generation",
    help: "The last public change this instance applied",
    registers: [registry],
    collect() {
      this.set(opts.state.generation);
    },
  });
  new Gauge({
    name: "masthead_public_cache_synced",
    help: "1 when the change channel is connected and caught up",
    registers: [registry],
    collect() {
      this.set(opts.state.synced ? 1 : 0);
    },
  });
  // One connection for the few queries a scrape makes, opened on first use.
  const scrapeDb = new pg.Pool({ connectionString: opts.databaseUrl, max: 1, idleTimeoutMillis: 30_000 });
  new Gauge({
    name: "masthead_mail_queue_jobs",
    help: "Jobs waiting in the mail queue (graphile-worker)",
    registers: [registry],
    async collect() {
      const { rows } = await scrapeDb
        .query<{ count: string }>("SELECT count(*)::text AS count FROM graphile_worker._private_jobs")
        .catch(() => ({ rows: [{ count: "NaN" }] }));
      this.set(Number(rows[0]?.count));
    },
  });
  new Gauge({
    name: "masthead_public_changes_total",
    help: "Public changes recorded (all instances) and kept (a day)",
    registers: [registry],
    async collect() {
      const { rows } = await scrapeDb
        .query<{ count: string }>(`SELECT count(*)::text AS count FROM "PublicChange"`)
        .catch(() => ({ rows: [{ count: "NaN" }] }));
      this.set(Number(rows[0]?.count));
    },
  });
  new Gauge({
    name: "masthead_db_pool_connections",
    help: "The web process's database pool: open, idle, and requests waiting for a connection",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      // Set by getDb() (server/db/client.ts) inside Next, in this same process.
      const pool = (globalThis as { mastheadDbPool?: { totalCount: number; idleCount: number; waitingCount: number } })
        .mastheadDbPool;
      if (!pool) return;
      this.set({ state: "total" }, pool.totalCount);
      this.set({ state: "idle" }, pool.idleCount);
      this.set({ state: "waiting" }, pool.waitingCount);
    },
  });

  const expected = opts.token ? Buffer.from(`Bearer ${opts.token}`) : null;

  // Each group's and status class's series, looked up once: counting a request then costs no
  // label hashing (a busy site counts tens of thousands a second).
  const series = new Map<string, { count: { inc(): void }; time: { observe(seconds: number): void } }>();
  const record = (group: string, status: number, seconds: number) => {
    const key = `${group} ${Math.floor(status / 100)}`;
    let found = series.get(key);
    if (!found) {
      found = { count: requests.labels(group, `${Math.floor(status / 100)}xx`), time: latency.labels(group) };
      series.set(key, found);
    }
    found.count.inc();
    found.time.observe(seconds);
  };
  const cacheSeries = new Map<string, { inc(): void }>();

  return {
    observe(listener) {
      return (req, res) => {
        const group = routeGroup(req.url);
        const started = performance.now();
        res.once("finish", () => record(group, res.statusCode, (performance.now() - started) / 1000));
        listener(req, res);
      };
    },
    record,
    cacheResult(result) {
      let child = cacheSeries.get(result);
      if (!child) {
        child = cache.labels(result);
        cacheSeries.set(result, child);
      }
      child.inc();
    },
    serve(req, res) {
      if ((req.url ?? "").split("?")[0] !== "/api/metrics") return false;
      const given = Buffer.from(req.headers.authorization ?? "");
      if (!expected) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      } else if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res
          .writeHead(401, { "content-type": "text/plain; charset=utf-8", "www-authenticate": "Bearer" })
          .end("Send Authorization: Bearer <MASTHEAD_METRICS_TOKEN>.\n");
      } else if (req.method !== "GET") {
        res.writeHead(405, { allow: "GET" }).end();
      } else {
        registry.metrics().then(
          (text) => res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" }).end(text),
          () => res.writeHead(500).end(),
        );
      }
      return true;
    },
    async stop() {
      await scrapeDb.end().catch(() => undefined);
    },
  };
}

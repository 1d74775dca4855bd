import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CacheState } from "../cache/state";
import { freePort } from "../db/embedded";
import { createMetrics, routeGroup } from "./metrics";

describe("route groups (bounded labels, never the raw path)", () => {
  it.each([
    ["/", "public_home"],
    ["/articles/harbour-vote", "public_articles"],
    ["/sections/world/page/2", "public_sections"],
    ["/authors/ann/feed.xml", "public_authors"],
    ["/feed.xml", "public_feeds"],
    ["/news-sitemap.xml", "public_sitemaps"],
    ["/search?q=x", "search"],
    ["/api/trpc/article.update?batch=1", "api_trpc"],
    ["/api/auth/session", "api_auth"],
    ["/api/media", "api_media"],
    ["/api/health", "api_other"],
    ["/newsroom/articles/1", "newsroom"],
    ["/media/a.jpg", "media"],
    ["/_next/static/x.js", "next_static"],
    ["/wp-login.php", "other"],
  ])("%s is %s", (url, group) => expect(routeGroup(url)).toBe(group));
});

let close: (() => void) | undefined;
afterEach(() => close?.());

async function serve(token: string | undefined) {
  const state = new CacheState();
  state.synced = true;
  state.apply({ id: 7, tags: [], takedown: false });
  const metrics = createMetrics({
    token,
    state,
    databaseUrl: `postgresql://nobody:x@127.0.0.1:${await freePort()}/none`,
  });
  const app = (_req: IncomingMessage, res: ServerResponse) => res.end("page");
  const server = createServer(
    metrics.observe((req, res) => {
      if (!metrics.serve(req, res)) app(req, res);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => {
    server.close();
    void metrics.stop();
  };
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, metrics };
}

describe("/api/metrics", () => {
  it("does not exist without a token, and refuses a wrong one", async () => {
    const off = await serve(undefined);
    expect((await fetch(`${off.base}/api/metrics`)).status).toBe(404);
    close?.();
    const on = await serve("a-long-enough-token-123");
    expect((await fetch(`${on.base}/api/metrics`)).status).toBe(401);
    expect((await fetch(`${on.base}/api/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
  });

  it("counts requests by group, front-cache results, and reports the cache state and Node's own figures", async () => {
    const { base, metrics } = await serve("a-long-enough-token-123");
    await fetch(`${base}/articles/one`);
    await fetch(`${base}/articles/two`);
    await fetch(`${base}/newsroom`);
    metrics.cacheResult("hit");
    metrics.cacheResult("stale");
    const answer = await fetch(`${base}/api/metrics`, { headers: { authorization: "Bearer a-long-enough-token-123" } });
    expect(answer.status).toBe(200);
    const text = await answer.text();
    expect(text).toContain('masthead_http_requests_total{group="public_articles",status="2xx"} 2');
    expect(text).toContain('masthead_http_requests_total{group="newsroom",status="2xx"} 1');
    expect(text).toMatch(/masthead_http_request_duration_seconds_bucket\{le="0\.05",group="public_articles"\} 2/);
    expect(text).toContain('masthead_front_cache_responses_total{result="hit"} 1');
    expect(text).toContain("masthead_public_cache_generation 7");
    expect(text).toContain("masthead_public_cache_synced 1");
    expect(text).toContain("masthead_mail_queue_jobs Nan"); // no database here: unknown (prom-client writes Nan), not 0
    expect(text).toContain("process_resident_memory_bytes");
    expect(text).toContain("nodejs_eventloop_lag_seconds");
  });
});
